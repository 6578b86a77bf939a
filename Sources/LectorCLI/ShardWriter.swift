import Foundation
import LectorCore

/// Writes one shard's result directory: `outcomes.jsonl` (one line per owned source, in listing
/// order, lossless) and `shard.json` (which shard, of which listing, with which pipeline). Built in a
/// temporary directory beside the target and renamed into place when complete, so a killed shard
/// leaves no result and `merge` reports it missing.
final class ShardWriter {
    static let formatName = "lector-shard"

    let directory: URL
    let temporary: URL
    let plan: ShardPlan
    let pipelineFile: String
    let setup: PipelineSetup
    private let output: FileHandle
    private var written = 0
    private var ids: [String] = []

    init(directory: URL, plan: ShardPlan, pipelineFile: String, setup: PipelineSetup) throws {
        self.directory = directory
        self.plan = plan
        self.pipelineFile = pipelineFile
        self.setup = setup
        temporary = directory.deletingLastPathComponent()
            .appendingPathComponent(".\(directory.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: temporary)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let path = temporary.appendingPathComponent("outcomes.jsonl").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ShardError("cannot write \(path)")
        }
        output = handle
    }

    /// Append the outcomes of one source item (called in listing order). `origin` is the index, in
    /// this shard's items, of the listing item it came from: a container's records all share their
    /// container's position, and an owned item that gave no documents gets an empty line.
    func write(_ encoded: [UInt8], origin: Int) throws {
        while written < origin { try writeLine(OutcomeCodec.encode([])) }
        if written == origin + 1 {
            // Another record of the container just written.
            written -= 1
        }
        try writeLine(encoded)
    }

    /// Empty lines for owned items that gave nothing, up to the end of the plan.
    func writeRemaining() throws {
        while written < plan.positions.count { try writeLine(OutcomeCodec.encode([])) }
    }

    private func writeLine(_ encoded: [UInt8]) throws {
        var line = Array("{\"position\":\(plan.positions[written]),\"outcomes\":".utf8)
        line.append(contentsOf: encoded)
        line.append(contentsOf: Array("}\n".utf8))
        try output.write(contentsOf: line)
        written += 1
    }

    func finish(statistics: RunStatistics) throws {
        try writeRemaining()
        try output.close()
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("count", plan.count)
        writer.field("format", Self.formatName)
        writer.field("index", plan.index)
        writer.field("lectorVersion", LectorVersion.current)
        writer.field("manifest", plan.manifestHash)
        writer.field("pipelineFile", pipelineFile)
        writer.field("fingerprint", setup.fingerprint.hex)
        writer.key("positions")
        writer.beginArray()
        for position in plan.positions { writer.value(position) }
        writer.endArray()
        writer.key("statistics")
        writer.beginObject()
        writer.field("bytes", statistics.bytes)
        writer.field("documentsFailed", statistics.documentsFailed)
        writer.field("documentsFromCache", statistics.documentsFromCache)
        writer.field("documentsProcessed", statistics.documentsProcessed)
        writer.field("lanes", statistics.lanes)
        writer.key("stageNanoseconds")
        writer.beginArray()
        for value in statistics.stageNanoseconds { writer.value(Int(value)) }
        writer.endArray()
        writer.field("wallNanoseconds", Int(statistics.wallNanoseconds))
        writer.endObject()
        writer.field("totalSources", plan.totalSources)
        writer.endObject()
        try Data(writer.bytes).write(to: temporary.appendingPathComponent("shard.json"))
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.moveItem(at: temporary, to: directory)
    }

    func abandon() {
        try? output.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
