import Foundation
import LectorCore
import LectorReport

/// A pipeline file loaded, checked and built: everything a command needs before it reads a document.
/// Every mistake surfaces here as a `ConfigError` (exit 2) naming file, line and key.
struct PipelineSetup {
    var config: PipelineConfig
    var pipeline: Pipeline
    var reportOptions: ReportOptions
    var limits: RunLimits
    /// The pipeline as JSON (sorted keys), for `run.json`.
    var resolvedConfig: String

    /// Everything that shapes a document's output besides its bytes: cache entries made under another
    /// fingerprint are never reused.
    var fingerprint: String { "lector \(LectorVersion.current) codec \(OutcomeCodec.formatVersion) \(stagesConfig)" }
    /// The `stages:` section as JSON: report and limit settings do not change a document's outcome.
    var stagesConfig: String

    init(path: String, registry: StageRegistry = LectorMain.registry) throws {
        let (config, root) = try PipelineFile.loadWithTree(path)
        self.config = config
        self.pipeline = try config.makePipeline(registry: registry)
        let decoder = config.decoder
        self.reportOptions =
            try config.report.map { try decoder.decode(ReportOptions.self, from: $0, keyPath: "report") } ?? ReportOptions()
        self.limits = try config.limits.map { try decoder.decode(RunLimits.self, from: $0, keyPath: "limits") } ?? RunLimits()
        var writer = JSONWriter()
        root.writeJSON(to: &writer)
        self.resolvedConfig = writer.string
        var stagesWriter = JSONWriter()
        root["stages"]?.writeJSON(to: &stagesWriter)
        self.stagesConfig = stagesWriter.string
    }
}

extension ConfigNode {
    /// The tree as JSON: scalars stay strings unless they read as numbers or booleans unquoted.
    func writeJSON(to writer: inout JSONWriter) {
        switch value {
        case .null: writer.null()
        case .scalar(let text, let quoted):
            if !quoted, let number = Int(text) {
                writer.value(number)
            } else if !quoted, let number = Double(text), number.isFinite {
                writer.value(number)
            } else if !quoted, text == "true" || text == "false" {
                writer.value(text == "true")
            } else {
                writer.value(text)
            }
        case .list(let items):
            writer.beginArray()
            for item in items { item.writeJSON(to: &writer) }
            writer.endArray()
        case .map(let entries):
            writer.beginObject()
            for entry in entries.sorted(by: { $0.key < $1.key }) {
                writer.key(entry.key)
                entry.value.writeJSON(to: &writer)
            }
            writer.endObject()
        }
    }
}

/// Lector's version, written into `run.json` and cache keys.
public enum LectorVersion {
    public static let current = "0.1.0"
}
