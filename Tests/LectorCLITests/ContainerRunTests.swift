import Foundation
import LectorCompression
import LectorCore
import Testing

@testable import LectorCLI

/// `lector run` over web archives: skipped records in `run.json`, shards by record ranges, resume.
@Suite struct ContainerRunTests {
    /// A gzipped WARC of a little over 1 MiB: 24 HTML pages between 24 large image responses, so that
    /// `--shard` splits it by byte ranges.
    static func largeArchive(in folder: URL) throws -> URL {
        var bytes: [UInt8] = []
        for index in 0..<24 {
            let html = "<html><head><title>Story \(index)</title></head><body><article><h1>Story \(index)</h1>"
                + "<p>Council number \(index) approved the harbour budget on Tuesday after a long debate.</p>"
                + "<p>The mayor said the repairs would start in spring.</p></article></body></html>"
            let response = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
            bytes += GzipCompressor.compress(record("http://news.example/\(index)", Array(response.utf8)))
            // Incompressible filler, so the file is large on disk too.
            var state: UInt32 = 2_463_534_242 &+ UInt32(index)
            let noise = (0..<48_000).map { _ -> UInt8 in
                state ^= state << 13
                state ^= state >> 17
                state ^= state << 5
                return UInt8(truncatingIfNeeded: state)
            }
            let image = Array("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n".utf8) + noise
            bytes += GzipCompressor.compress(record("http://news.example/\(index).jpg", image))
        }
        let url = folder.appendingPathComponent("crawl.warc.gz")
        try Data(bytes).write(to: url)
        return url
    }

    static func record(_ uri: String, _ block: [UInt8]) -> [UInt8] {
        let header = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: 2025-03-01T10:00:00Z\r\nWARC-Target-URI: \(uri)\r\n"
            + "Content-Type: application/http; msgtype=response\r\nContent-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    @Test func shardsSplitOneLargeArchiveAndMergeToTheSingleRun() throws {
        let out = try temporaryDirectory("warc-shards")
        defer { try? FileManager.default.removeItem(at: out) }
        let archive = try Self.largeArchive(in: out)
        #expect(try FileManager.default.attributesOfItem(atPath: archive.path)[.size] as? Int ?? 0 > ShardPlan.containerSplitBytes)
        let pipeline = path("pipelines/minimal.yaml")
        let single = out.appendingPathComponent("single")
        #expect(LectorMain.run(arguments: ["run", pipeline, archive.path, "--report", single.path, "--quiet", "--no-cache"]) == 0)
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: single.appendingPathComponent("run.json"))) as? [String: Any]
        let counts = run?["documents"] as? [String: Any]
        #expect(counts?["ok"] as? Int == 24)
        #expect((counts?["skippedRecords"] as? [String: Int]) == ["non-text": 24])
        // Each record's page shows and links its URL.
        let pages = try FileManager.default.contentsOfDirectory(atPath: single.appendingPathComponent("documents").path)
        let linked = try pages.filter { name in
            let html = try String(contentsOf: single.appendingPathComponent("documents/\(name)"), encoding: .utf8)
            return html.contains(#"<a href="http://news.example/"#)
        }
        #expect(linked.count == 24)

        var shards: [String] = []
        var perShard: [Int] = []
        for index in 0..<3 {
            let directory = out.appendingPathComponent("shard-\(index)")
            shards.append(directory.path)
            #expect(
                LectorMain.run(arguments: [
                    "run", pipeline, archive.path, "--report", directory.path, "--quiet", "--no-cache", "--shard", "\(index)/3",
                ]) == 0)
            let lines = try String(contentsOf: directory.appendingPathComponent("outcomes.jsonl"), encoding: .utf8)
            perShard.append(lines.split(separator: "\n").filter { !$0.contains(#""outcomes":[]"#) }.count)
        }
        // Every shard got a share of the one file.
        #expect(perShard.allSatisfy { $0 > 0 } && perShard.reduce(0, +) == 24)
        let merged = out.appendingPathComponent("merged")
        #expect(LectorMain.run(arguments: ["merge"] + shards + ["--report", merged.path]) == 0)
        let a = try Data(contentsOf: single.appendingPathComponent("documents.jsonl"))
        let b = try Data(contentsOf: merged.appendingPathComponent("documents.jsonl"))
        #expect(a == b)
    }

    @Test func resumeTakesArchiveRecordsFromTheCache() throws {
        let out = try temporaryDirectory("warc-resume")
        defer { try? FileManager.default.removeItem(at: out) }
        let archive = try Self.largeArchive(in: out)
        let report = out.appendingPathComponent("report")
        let statistics = out.appendingPathComponent("figures.json")
        let arguments = ["run", path("pipelines/minimal.yaml"), archive.path, "--report", report.path, "--quiet"]
        #expect(LectorMain.run(arguments: arguments) == 0)
        #expect(LectorMain.run(arguments: arguments + ["--resume", "--statistics", statistics.path]) == 0)
        let figures = try JSONSerialization.jsonObject(with: Data(contentsOf: statistics)) as? [String: Any]
        #expect(figures?["documentsFromCache"] as? Int == 24)
    }
}
