import Foundation
import LectorCore
import Testing

@testable import LectorReport

/// documents.jsonl, errors.jsonl, entities.csv, summaries.csv, run.json.
@Suite struct ReportDataFilesTests {
    let report: URL

    init() throws {
        report = try SampleCorpus.writeReport(to: SampleCorpus.temporaryDirectory().appendingPathComponent("report"))
    }

    func lines(_ name: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: report.appendingPathComponent(name), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func scalarSlice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    @Test func documentsAreWrittenInInputOrderWithoutFailures() throws {
        let ids = try lines("documents.jsonl").map { $0["id"] as? String }
        #expect(ids == ["news/café-zoë.html", "feeds/business.xml#1", SampleCorpus.hostile().id])
    }

    @Test func entityOffsetsAreUnicodeScalarOffsetsIntoText() throws {
        for document in try lines("documents.jsonl") {
            let text = try #require(document["text"] as? String)
            let entities = try #require(document["entities"] as? [[String: Any]])
            #expect(!entities.isEmpty)
            for entity in entities {
                let start = try #require(entity["start"] as? Int)
                let end = try #require(entity["end"] as? Int)
                #expect(scalarSlice(text, start, end) == entity["text"] as? String)
            }
        }
    }

    @Test func emojiAndAccentsShiftScalarOffsetsNotBytes() throws {
        let cafe = try #require(try lines("documents.jsonl").first)
        let entities = try #require(cafe["entities"] as? [[String: Any]])
        let person = try #require(entities.first { $0["label"] as? String == "PER" })
        // "Café Zoë’s 🎉 reopening in Zürich\n\n" is 34 scalars but 42 UTF-8 bytes before "Zoë Müller".
        #expect(Array(SampleCorpus.cafeText.utf8.prefix(42)) == Array("Café Zoë’s 🎉 reopening in Zürich\n\n".utf8))
        #expect(person["start"] as? Int == 34)
        #expect(person["end"] as? Int == 44)
        #expect(person["score"] as? Double == 0.91)
    }

    @Test func sentencesParagraphsAndSummaryUseScalarOffsets() throws {
        let cafe = try #require(try lines("documents.jsonl").first)
        let text = try #require(cafe["text"] as? String)
        let sentences = try #require(cafe["sentences"] as? [[Int]])
        #expect(sentences.count == 5)
        #expect(scalarSlice(text, sentences[2][0], sentences[2][1]) == "The Zürich council praised Zoë Müller!")
        let paragraphs = try #require(cafe["paragraphs"] as? [[Any]])
        #expect(paragraphs.first?[2] as? String == "h1")
        let summary = try #require(cafe["summary"] as? [[String: Any]])
        #expect(summary.map { $0["sentence"] as? Int } == [1, 4])
        #expect(summary.last?["text"] as? String == "Acme Holdings plans a second café in Basel.")
    }

    @Test func summarySentenceIsFoundWhenTheAttributeIsMissing() throws {
        let feed = try lines("documents.jsonl")[1]
        let summary = try #require(feed["summary"] as? [[String: Any]])
        #expect(summary.first?["sentence"] as? Int == 1)
    }

    @Test func keyphrasesUseTheLabelAsPhrase() throws {
        let cafe = try #require(try lines("documents.jsonl").first)
        let phrases = try #require(cafe["keyphrases"] as? [[String: Any]])
        #expect(phrases.map { $0["text"] as? String } == ["Acme Holdings", "second café"])
    }

    @Test func pluginLayersAreWrittenUnderLayersButTokensAreNot() throws {
        let cafe = try #require(try lines("documents.jsonl").first)
        let layers = try #require(cafe["layers"] as? [String: Any])
        #expect(Array(layers.keys) == ["sentiment"])
        let sentiment = try #require(layers["sentiment"] as? [[String: Any]])
        #expect(sentiment.first?["label"] as? String == "positive")
        #expect((sentiment.first?["attributes"] as? [String: String]) == ["polarity": "up"])
    }

    /// The keys of every object in `json`, in written order, found by a small scanner.
    func objectKeys(_ json: String) -> [[String]] {
        var finished: [[String]] = []
        var stack: [(isObject: Bool, keys: [String])] = []
        var bytes = Array(json.utf8)[...]
        var expectKey = false
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: "{"):
                stack.append((true, []))
                expectKey = true
            case UInt8(ascii: "["):
                stack.append((false, []))
                expectKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if let top = stack.popLast(), top.isObject { finished.append(top.keys) }
                expectKey = false
            case UInt8(ascii: ","):
                expectKey = stack.last?.isObject ?? false
            case UInt8(ascii: "\""):
                var string: [UInt8] = []
                while let next = bytes.popFirst(), next != UInt8(ascii: "\"") {
                    if next == UInt8(ascii: "\\"), let escaped = bytes.popFirst() {
                        string.append(escaped)
                    } else {
                        string.append(next)
                    }
                }
                if expectKey, !stack.isEmpty {
                    stack[stack.count - 1].keys.append(String(decoding: string, as: UTF8.self))
                    expectKey = false
                }
            default:
                break
            }
        }
        return finished
    }

    @Test func jsonLinesHaveSortedKeysAtEveryLevel() throws {
        let text = try String(contentsOf: report.appendingPathComponent("documents.jsonl"), encoding: .utf8)
        for line in text.split(separator: "\n") {
            let objects = objectKeys(String(line))
            #expect(objects.count > 5)
            for keys in objects { #expect(keys == keys.sorted(), "\(keys)") }
            #expect(
                objects.last == [
                    "diagnostics", "entities", "format", "id", "keyphrases", "layers", "metadata", "paragraphs",
                    "sentences", "source", "summary", "text", "title",
                ])
        }
    }

    @Test func errorsListEachFailedDocument() throws {
        let errors = try lines("errors.jsonl")
        #expect(errors.count == 1)
        #expect(errors.first?["id"] as? String == SampleCorpus.failure.id)
        #expect(errors.first?["stage"] as? String == "read")
        #expect(errors.first?["message"] as? String == SampleCorpus.failure.message)
    }

    @Test func entitiesCSVQuotesFieldsAndDefusesFormulas() throws {
        let csv = try String(contentsOf: report.appendingPathComponent("entities.csv"), encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows.first == "document,start,end,label,text,canonical,entity_id")
        #expect(rows.contains("news/café-zoë.html,34,44,PER,Zoë Müller,,"))
        // The label holds a quote: quoted, with the quote doubled.
        #expect(csv.contains("\"PER\"\"><img src=x onerror=alert(10)>\""))
        // A cell starting with "=" gets a leading apostrophe so a spreadsheet shows it as text.
        #expect(csv.contains(",MISC,'=cmd|' /C calc'!A0,"))
    }

    @Test func summariesCSVHasOneRowPerSummarySentence() throws {
        let csv = try String(contentsOf: report.appendingPathComponent("summaries.csv"), encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "document,rank,sentence,start,end,score,text")
        #expect(rows.count == 1 + 2 + 1 + 1)
        #expect(rows[2].hasPrefix("news/café-zoë.html,2,4,"))
    }

    @Test func runJSONDescribesTheRun() throws {
        let data = try Data(contentsOf: report.appendingPathComponent("run.json"))
        let run = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(run["offsetUnit"] as? String == "unicode-scalar")
        #expect(run["lectorVersion"] as? String == "0.0.0-test")
        #expect(run["lanes"] as? Int == 2)
        let documents = try #require(run["documents"] as? [String: Any])
        #expect(documents["ok"] as? Int == 3)
        #expect(documents["failed"] as? Int == 1)
        #expect(documents["fromCache"] as? Int == 0)
        #expect(documents["written"] as? Int == 3)
        #expect((documents["skippedRecords"] as? [String: Int]) == [:])
        let stages = try #require(run["stages"] as? [[String: Any]])
        #expect(stages.map { $0["name"] as? String } == ["clean", "sentences", "entities", "summarize"])
        #expect(stages[2]["seconds"] as? Double == 0.012)
        let pipeline = try #require(run["pipeline"] as? [String: Any])
        #expect(pipeline["config"] as? String == SampleCorpus.run.resolvedConfig)
        let throughput = try #require(run["throughput"] as? [String: Double])
        #expect(throughput["documentsPerSecond"] == 200)
        #expect(throughput["megabytesPerSecond"] == 0.2)
    }
}
