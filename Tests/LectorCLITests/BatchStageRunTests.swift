import Foundation
import LectorCore
import Testing

@testable import LectorCLI

/// Batch stages through `lector run` and `lector merge`: the same documents whatever the lanes,
/// the cache or the shards; `idf: batch` for real; the three batch capabilities on the examples.
@Suite struct BatchStageRunTests {
    /// Every batch capability, with duplicates skipped right after `clean` and `idf: batch`: four
    /// passes (duplicates; document frequencies; stories and entities; render).
    static let allBatchStages = """
        name: batch-all
        stages:
          - clean
          - stage: duplicates
            options:
              skip: true
          - sentences
          - tokens
          - entities
          - stage: summarize
            options:
              idf: batch
          - stage: keyphrases
            options:
              idf: batch
          - stories
          - link-entities
        report:
          html: true

        """

    func writePipeline(_ text: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent("pipeline.yaml")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func run(_ arguments: [String]) -> Int32 { LectorMain.run(arguments: ["run"] + arguments + ["--quiet"]) }

    func documents(_ report: URL) throws -> Data { try Data(contentsOf: report.appendingPathComponent("documents.jsonl")) }

    @Test func lanesResumeAndShardsGiveTheSameDocuments() throws {
        let out = try temporaryDirectory("batch-determinism")
        defer { try? FileManager.default.removeItem(at: out) }
        let pipeline = try writePipeline(Self.allBatchStages, in: out)
        let corpus = out.appendingPathComponent("corpus")
        try FileManager.default.copyItem(atPath: path("examples/news"), toPath: corpus.path)

        let one = out.appendingPathComponent("one")
        #expect(run([pipeline, corpus.path, "--report", one.path, "--jobs", "1", "--no-cache"]) == 0)
        let reference = try documents(one)
        let entities = try Data(contentsOf: one.appendingPathComponent("entities.csv"))

        let two = out.appendingPathComponent("two")
        #expect(run([pipeline, corpus.path, "--report", two.path, "--jobs", "2", "--no-cache"]) == 0)
        #expect(try documents(two) == reference)
        #expect(try Data(contentsOf: two.appendingPathComponent("entities.csv")) == entities)

        // A cache holding only part of the batch (a run over fewer files), then --resume over all:
        // cached documents give their summaries without being processed again.
        let cache = out.appendingPathComponent("cache")
        let moved = out.appendingPathComponent("aside")
        try FileManager.default.createDirectory(at: moved, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        for name in names.enumerated().filter({ $0.offset % 2 == 0 }).map(\.element) {
            try FileManager.default.moveItem(at: corpus.appendingPathComponent(name), to: moved.appendingPathComponent(name))
        }
        let partial = out.appendingPathComponent("partial")
        #expect(run([pipeline, corpus.path, "--report", partial.path, "--cache", cache.path]) == 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: moved.path) {
            try FileManager.default.moveItem(at: moved.appendingPathComponent(name), to: corpus.appendingPathComponent(name))
        }
        let resumed = out.appendingPathComponent("resumed")
        let figures = out.appendingPathComponent("figures.json")
        #expect(
            run([pipeline, corpus.path, "--report", resumed.path, "--cache", cache.path, "--resume", "--jobs", "2",
                 "--statistics", figures.path]) == 0)
        let statistics = try JSONSerialization.jsonObject(with: Data(contentsOf: figures)) as! [String: Any]
        let fromCache = statistics["documentsFromCache"] as? Int ?? 0
        #expect(fromCache > 0 && fromCache < (statistics["documentsProcessed"] as? Int ?? 0))
        #expect(try documents(resumed) == reference)

        // Three shards, merged: the merge reduces the shards' summaries and applies the results.
        var shards: [String] = []
        for index in 0..<3 {
            let shard = out.appendingPathComponent("shard-\(index)").path
            shards.append(shard)
            #expect(run([pipeline, corpus.path, "--report", shard, "--shard", "\(index)/3", "--no-cache"]) == 0)
        }
        let merged = out.appendingPathComponent("merged")
        #expect(LectorMain.run(arguments: ["merge"] + shards + ["--report", merged.path]) == 0)
        #expect(try documents(merged) == reference)
        #expect(try Data(contentsOf: merged.appendingPathComponent("entities.csv")) == entities)

        // The syndicated copy was set aside by `duplicates` (skip): reported, counted, not processed further.
        let lines = try jsonLines(one.appendingPathComponent("documents.jsonl"))
        let copy = try #require(lines.first { $0["id"] as? String == "heatwave-rails-wire-copy.txt" })
        #expect(copy["duplicate_of"] as? String == "heatwave-buckles-rails.html")
        #expect((copy["sentences"] as? [Any])?.isEmpty == true)
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: one.appendingPathComponent("run.json"))) as! [String: Any]
        #expect((run["documents"] as? [String: Any])?["skipped"] as? Int == 1)
        let mergedRun = try JSONSerialization.jsonObject(with: Data(contentsOf: merged.appendingPathComponent("run.json"))) as! [String: Any]
        #expect((mergedRun["documents"] as? [String: Any])?["skipped"] as? Int == 1)
    }

    @Test func newsPipelineMarksDuplicatesStoriesAndBatchEntities() throws {
        let out = try temporaryDirectory("batch-news")
        defer { try? FileManager.default.removeItem(at: out) }
        let report = out.appendingPathComponent("report")
        #expect(run([path("pipelines/news.yaml"), path("examples/news"), "--report", report.path, "--no-cache"]) == 0)
        let rows = try jsonLines(report.appendingPathComponent("documents.jsonl"))
        func document(_ id: String) -> [String: Any]? { rows.first { $0["id"] as? String == id } }
        #expect(document("heatwave-rails-wire-copy.txt")?["duplicate_of"] as? String == "heatwave-buckles-rails.html")
        #expect(rows.filter { $0["duplicate_of"] != nil }.count == 1)
        // The Saturday story, its syndicated copy and Sunday's follow-up are one story; no other
        // example document shares it.
        let story = try #require(document("heatwave-buckles-rails.html")?["story"] as? String)
        #expect(document("heatwave-rails-sunday.html")?["story"] as? String == story)
        #expect(document("heatwave-rails-wire-copy.txt")?["story"] as? String == story)
        #expect(rows.filter { $0["story"] as? String == story }.count == 3)
        #expect(rows.allSatisfy { ($0["metadata"] as? [String: String])?["story"] == nil })
        // "LEEDS" (dateline) and "Leeds" in different documents are one batch entity.
        var leeds = Set<String>()
        for line in rows {
            for entity in line["entities"] as? [[String: Any]] ?? [] 
            where (entity["text"] as? String)?.lowercased() == "leeds" && entity["label"] as? String == "LOC" {
                leeds.insert(entity["entity_id"] as? String ?? "none")
            }
        }
        #expect(leeds.count == 1 && !leeds.contains("none"))
        let csv = try String(contentsOf: report.appendingPathComponent("entities.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(csv.first == "document,start,end,label,text,canonical,entity_id")
        #expect(csv.count > 100 && csv.dropFirst().allSatisfy { $0.range(of: ",E[0-9]+$", options: .regularExpression) != nil })
        // The Stories view lists the story with its documents and a timeline.
        let index = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("id=\"stories\"") && index.contains("id=\"story-\(story)\""))
        #expect(index.contains("story-timeline") && index.contains("Second day of rail chaos"))
    }

    /// Six documents on different subjects that all carry the same sign-off naming an agency whose
    /// made-up name the built-in table has never seen: by the built-in table its words are rare
    /// (high IDF), by the batch's own counts they are in every document (low IDF).
    @Test func idfBatchChangesKeyPhrases() throws {
        let out = try temporaryDirectory("idf-batch")
        defer { try? FileManager.default.removeItem(at: out) }
        let corpus = out.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let subjects = [
            ("harbour", "The harbour authority approved a new breakwater. The breakwater will shelter fishing boats in winter storms, and the harbour master said the breakwater plan had waited ten years."),
            ("orchard", "Apple growers reported a record orchard harvest. Orchard owners said warm spring weather helped, and the orchard cooperative will hire more pickers for the apple season."),
            ("library", "The city library opened a new reading room. Library visitors can borrow laptops, and the library board said reading room hours will grow in the autumn."),
            ("bridge", "Engineers closed the old bridge for repairs. The bridge carries the main road over the river, and bridge inspectors found rust on its steel girders."),
            ("school", "The school board hired twelve teachers. School enrolment rose this year, and the school will open two more classrooms for younger pupils."),
            ("market", "The farmers market moved to the town square. Market traders welcomed the square, and the market will now open on Sundays as well as Saturdays."),
        ]
        for (name, text) in subjects {
            let body = "\(text)\n\nZorblat Quennic reported. Zorblat Quennic Agency distributes Zorblat Quennic bulletins.\n"
            try Data(body.utf8).write(to: corpus.appendingPathComponent("\(name).txt"))
        }
        func keyphrases(_ idf: String) throws -> [String: [String]] {
            let pipeline = try writePipeline(
                """
                name: idf-\(idf)
                stages:
                  - clean
                  - sentences
                  - tokens
                  - stage: keyphrases
                    options:
                      count: 5
                      idf: \(idf)

                """, in: out)
            let report = out.appendingPathComponent("report-\(idf)")
            #expect(run([pipeline, corpus.path, "--report", report.path, "--no-cache"]) == 0)
            var result: [String: [String]] = [:]
            for line in try jsonLines(report.appendingPathComponent("documents.jsonl")) {
                // Strongest first (the file lists them in text order, with their scores).
                let phrases = (line["keyphrases"] as? [[String: Any]] ?? [])
                    .sorted { ($0["score"] as? Double ?? 0) > ($1["score"] as? Double ?? 0) }
                result[line["id"] as! String] = phrases.compactMap { $0["text"] as? String }
            }
            return result
        }
        let builtin = try keyphrases("builtin")
        let batch = try keyphrases("batch")
        #expect(builtin.count == subjects.count && batch.count == subjects.count)
        for (name, _) in subjects {
            let id = "\(name).txt"
            let top = builtin[id] ?? []
            // The table ranks the unseen sign-off strongest; by the batch's counts it is the weakest
            // thing every document shares, and the document's own subject comes first.
            let ranked = batch[id] ?? []
            #expect(top.first?.contains("zorblat") == true, "\(id): \(top)")
            #expect(ranked.first.map { !$0.contains("zorblat") } == true, "\(id): \(ranked)")
            #expect(ranked.prefix(2).contains { $0.contains(name) }, "\(id): \(ranked)")
        }
    }

    @Test func batchStageMistakesNameFileLineAndKey() throws {
        let out = try temporaryDirectory("batch-config")
        defer { try? FileManager.default.removeItem(at: out) }
        func error(_ text: String) throws -> String {
            let file = try writePipeline(text, in: out)
            do {
                _ = try LectorPipeline(contentsOf: file)
                return ""
            } catch {
                return "\(error)"
            }
        }
        let threshold = try error("name: x\nstages:\n  - clean\n  - stage: duplicates\n    options:\n      threshold: 2\n")
        #expect(threshold.contains("pipeline.yaml:") && threshold.contains("threshold must be in (0, 1]"), "\(threshold)")
        let unknown = try error("name: x\nstages:\n  - clean\n  - stage: duplicates\n    options:\n      treshold: 0.5\n")
        #expect(unknown.contains(":6") && unknown.contains("treshold") && unknown.contains("threshold"), "\(unknown)")
        let wrongType = try error("name: x\nstages:\n  - clean\n  - stage: duplicates\n    options:\n      skip: sometimes\n")
        #expect(wrongType.contains(":6") && wrongType.contains("skip"), "\(wrongType)")
        let missingLayer = try error("name: x\nstages:\n  - clean\n  - stories\n")
        #expect(missingLayer.contains(":4") && missingLayer.contains("'entity'") && missingLayer.contains("entities"), "\(missingLayer)")
        let measure = try error("name: x\nstages:\n  - clean\n  - stage: duplicates\n    options:\n      measure: cosine\n")
        #expect(measure.contains(":6") && measure.contains("jaccard") && measure.contains("containment"), "\(measure)")
    }
}
