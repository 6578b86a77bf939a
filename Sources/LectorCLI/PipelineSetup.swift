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
    /// What the reader keeps (the `reader:` section), resolved.
    var reader: ReaderSettings
    /// The pipeline as JSON (sorted keys) with the resolved reader settings under `reader`, for `run.json`.
    var resolvedConfig: String

    /// Everything that shapes a document's output besides its bytes (version, resolved reader and stage
    /// configuration, the contents of every file the configuration names): cache entries made under
    /// another fingerprint are never reused, and shards made under different ones are not merged.
    /// Computed on each use (it reads the referenced files).
    var fingerprint: CacheFingerprint {
        CacheFingerprint(
            configuration: "reader \(reader.json) stages \(stagesConfig)", files: referencedFiles,
            version: LectorVersion.current)
    }
    /// Files named by the reader and stage settings (models, gazetteers, worker scripts).
    var referencedFiles: [URL]
    /// The `stages:` section as JSON: report and limit settings do not change a document's outcome.
    var stagesConfig: String

    init(path: String, registry: StageRegistry = LectorMain.registry) throws {
        let (config, root) = try PipelineFile.loadWithTree(path)
        self.config = config
        try ReaderSettings.checkMovedSettings(config)
        self.pipeline = try config.makePipeline(registry: registry)
        let decoder = config.decoder
        self.reportOptions =
            try config.report.map { try decoder.decode(ReportOptions.self, from: $0, keyPath: "report") } ?? ReportOptions()
        self.limits = try config.limits.map { try decoder.decode(RunLimits.self, from: $0, keyPath: "limits") } ?? RunLimits()
        let reader = try ReaderSettings(config: config)
        self.reader = reader
        var writer = JSONWriter()
        root.writeJSON(to: &writer, extra: ("reader", { reader.write(to: &$0) }))
        self.resolvedConfig = writer.string
        var stagesWriter = JSONWriter()
        root["stages"]?.writeJSON(to: &stagesWriter)
        self.stagesConfig = stagesWriter.string
        var files = root["stages"]?.referencedFiles(relativeTo: config.baseDirectory) ?? []
        files += config.reader?.referencedFiles(relativeTo: config.baseDirectory) ?? []
        self.referencedFiles = files
    }
}

extension ConfigNode {
    /// The tree as JSON: scalars stay strings unless they read as numbers or booleans unquoted.
    func writeJSON(to writer: inout JSONWriter) {
        writeJSON(to: &writer, extra: nil)
    }

    /// The tree as JSON; a map at the top also gets `extra`'s key, written by its closure, in key order.
    func writeJSON(to writer: inout JSONWriter, extra: (key: String, write: (inout JSONWriter) -> Void)?) {
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
            var pending = extra
            for entry in entries.sorted(by: { $0.key < $1.key }) {
                if let extra = pending, extra.key <= entry.key {
                    writer.key(extra.key)
                    extra.write(&writer)
                    pending = nil
                    if extra.key == entry.key { continue }
                }
                writer.key(entry.key)
                entry.value.writeJSON(to: &writer)
            }
            if let extra = pending {
                writer.key(extra.key)
                extra.write(&writer)
            }
            writer.endObject()
        }
    }
}

/// Lector's version, written into `run.json` and cache keys.
public enum LectorVersion {
    public static let current = "0.1.0"
}
