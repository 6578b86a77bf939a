import ArgumentParser
import Foundation
import LectorCore
import LectorReport

/// `lector merge SHARD_DIR... --report DIR`: one report from the results of `run --shard I/N`,
/// identical to what a single process would have written for the same inputs.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge shard results (from 'lector run --shard I/N') into one report directory.",
        discussion: "Names every missing shard and document; exit 2 when shards do not belong together.")

    @Argument(help: "Shard result directories.")
    var shards: [String]

    @Option(name: .long, help: "The report directory to write.")
    var report: String

    @Option(name: .long, help: "The pipeline file for the report settings (default: the one the shards ran).")
    var pipeline: String?

    struct ShardInfo {
        var directory: URL
        var index: Int
        var count: Int
        var manifest: String
        var pipelineFile: String
        var fingerprint: String
        var positions: [Int]
        var totalSources: Int
        var statistics: [String: Any]
    }

    func run() throws {
        let infos = try shards.map(Self.readInfo)
        guard let first = infos.first else { throw ValidationError("no shard directories given") }
        for info in infos where info.manifest != first.manifest || info.count != first.count {
            throw ValidationError(
                "\(info.directory.path) is shard \(info.index)/\(info.count) of another input listing than \(first.directory.path)")
        }
        for info in infos where info.fingerprint != first.fingerprint {
            throw ValidationError("\(info.directory.path) ran another pipeline configuration than \(first.directory.path)")
        }
        var byIndex: [Int: ShardInfo] = [:]
        for info in infos {
            if byIndex[info.index] != nil { throw ValidationError("shard \(info.index) given twice") }
            byIndex[info.index] = info
        }
        let missingShards = (0..<first.count).filter { byIndex[$0] == nil }

        let setup = try PipelineSetup(path: pipeline ?? first.pipelineFile)
        let runInfo = RunInfo(
            pipelineName: setup.config.name, pipelineFile: pipeline ?? first.pipelineFile,
            resolvedConfig: setup.resolvedConfig, stageNames: setup.pipeline.stages.map(\.name),
            lectorVersion: LectorVersion.current, inputs: shards)
        var reportOptions = setup.reportOptions
        reportOptions.entityPageBuckets = ReportOptions.entityPageBuckets(forSources: first.totalSources)
        let writer = try ReportWriter(directory: URL(fileURLWithPath: report), options: reportOptions, run: runInfo)
        var missingPositions: [Int] = []
        var statistics: RunStatistics
        do {
            // Each pass reads the shards again, k-way by global position; with batch stages the first
            // reads reduce the shards' summaries, the last applies the results and renders.
            let ordered = infos.sorted { $0.index < $1.index }
            let renderOptions = reportOptions
            var streams: [ShardStream] = []
            var runner = BatchRunner(
                pipeline: setup.pipeline, reader: defaultReader(maxBytes: setup.limits.maxBytes, settings: setup.reader))
            runner.spillDirectory = writer.workingDirectory
            statistics = try runner.continueBatch(
                items: {
                    let stream = try ShardStream(ordered)
                    streams.append(stream)
                    return stream
                },
                transform: { ReportWriter.render($0, options: renderOptions) }, consume: { try writer.write($0) })
            for stream in streams {
                if let error = stream.error { throw error }
            }
            missingPositions = streams.last?.unreadPositions ?? []
        } catch {
            writer.abandon()
            throw error
        }
        statistics.lanes = 0
        statistics.wallNanoseconds = 0
        for info in infos {
            let values = info.statistics
            statistics.documentsFromCache += (values["documentsFromCache"] as? NSNumber)?.intValue ?? 0
            statistics.lanes += (values["lanes"] as? NSNumber)?.intValue ?? 0
            let wall = UInt64((values["wallNanoseconds"] as? NSNumber)?.int64Value ?? 0)
            statistics.wallNanoseconds = max(statistics.wallNanoseconds, wall)
            for (slot, value) in ((values["stageNanoseconds"] as? [NSNumber]) ?? []).enumerated()
            where slot < statistics.stageNanoseconds.count {
                statistics.stageNanoseconds[slot] &+= UInt64(value.int64Value)
            }
        }
        try writer.finish(statistics: statistics)

        var problems: [String] = []
        if !missingShards.isEmpty {
            problems.append("missing shards: \(missingShards.map { "\($0)/\(first.count)" }.joined(separator: ", "))")
        }
        if !missingPositions.isEmpty {
            problems.append("shards lack sources at listing positions: \(missingPositions.map(String.init).joined(separator: ", "))")
        }
        if !problems.isEmpty {
            LectorMain.printError("error: incomplete merge — \(problems.joined(separator: "; ")); the report holds the rest")
            throw LectorExit(code: ExitStatus.fatal)
        }
        LectorMain.printError("merged \(infos.count) shards: \(statistics.documentsProcessed) documents, \(statistics.documentsFailed) failed; report: \(report)")
        if statistics.documentsFailed > 0 { throw LectorExit(code: ExitStatus.documentsFailed) }
    }

    static func readInfo(_ path: String) throws -> ShardInfo {
        let directory = URL(fileURLWithPath: path)
        let file = directory.appendingPathComponent("shard.json")
        guard let data = FileManager.default.contents(atPath: file.path),
            let fields = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            fields["format"] as? String == ShardWriter.formatName,
            let index = (fields["index"] as? NSNumber)?.intValue, let count = (fields["count"] as? NSNumber)?.intValue,
            let manifest = fields["manifest"] as? String, let pipelineFile = fields["pipelineFile"] as? String,
            let fingerprint = fields["fingerprint"] as? String,
            let positions = (fields["positions"] as? [NSNumber])?.map(\.intValue),
            let total = (fields["totalSources"] as? NSNumber)?.intValue
        else {
            throw ValidationError("\(path) is not a complete shard result (no valid shard.json)")
        }
        return ShardInfo(
            directory: directory, index: index, count: count, manifest: manifest, pipelineFile: pipelineFile,
            fingerprint: fingerprint, positions: positions, totalSources: total,
            statistics: fields["statistics"] as? [String: Any] ?? [:])
    }
}

/// The shards' outcome lines merged by global listing position: each shard's lines are ascending.
/// A damaged shard ends the stream early and leaves its error in `error`.
final class ShardStream: Sequence, IteratorProtocol {
    private var readers: [ShardReader]
    private(set) var error: (any Error)?

    init(_ infos: [Merge.ShardInfo]) throws {
        readers = try infos.map { try ShardReader($0) }
    }

    /// Positions the shards own but whose lines were never read.
    var unreadPositions: [Int] { readers.flatMap(\.unreadPositions) }

    func next() -> [UInt8]? {
        var best: Int?
        for (slot, reader) in readers.enumerated() {
            guard let position = reader.current?.position else { continue }
            if best == nil || position < readers[best!].current!.position { best = slot }
        }
        guard let slot = best, let entry = readers[slot].current else { return nil }
        do {
            try readers[slot].advance()
        } catch {
            self.error = error
            readers = []
        }
        return entry.outcomes
    }
}

/// Reads a shard's `outcomes.jsonl` line by line, checking positions against `shard.json`.
struct ShardReader {
    struct Entry {
        var position: Int
        var outcomes: [UInt8]
    }

    private var lines: LineReader
    private var expected: [Int]
    private var nextExpected = 0
    private(set) var current: Entry?

    init(_ info: Merge.ShardInfo) throws {
        lines = try LineReader(url: info.directory.appendingPathComponent("outcomes.jsonl"))
        expected = info.positions
        try advance()
    }

    /// Positions the shard owns but whose lines were never read.
    var unreadPositions: [Int] { Array(expected[min(nextExpected, expected.count)...]) }

    mutating func advance() throws {
        guard let line = lines.next() else {
            current = nil
            return
        }
        // {"position":P,"outcomes":[...]}
        let prefix = Array("{\"position\":".utf8)
        guard line.starts(with: prefix), let comma = line.firstIndex(of: UInt8(ascii: ",")),
            let position = Int(String(decoding: line[prefix.count..<comma], as: UTF8.self))
        else { throw ValidationError("a shard's outcomes.jsonl is damaged near listing position \(nextExpected)") }
        let start = comma + 1 + "\"outcomes\":".utf8.count
        if nextExpected > 0 && expected[nextExpected - 1] == position {
            // Another record of a container (a WARC's records share its listing position).
            current = Entry(position: position, outcomes: Array(line[start..<(line.count - 1)]))
            return
        }
        guard nextExpected < expected.count, expected[nextExpected] == position
        else { throw ValidationError("a shard's outcomes.jsonl is damaged near listing position \(nextExpected)") }
        current = Entry(position: position, outcomes: Array(line[start..<(line.count - 1)]))
        nextExpected += 1
    }
}

/// Streams the lines of a file without loading it whole.
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init(url: URL) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ValidationError("cannot read \(url.path)")
        }
        self.handle = handle
    }

    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            buffer.removeSubrange(0..<start)
            start = 0
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
