import Foundation
import LectorCore
import Testing

@testable import LectorReport

/// A measurement, not a check: with `LECTOR_REPORT_BENCH=N` set, renders and writes a report of N
/// news-sized generated documents and prints where the time went. Run it in release:
/// `LECTOR_REPORT_BENCH=10000 swift test -c release -Xswiftc -enable-testing --filter ReportBenchmarkTests`
/// (`LECTOR_REPORT_BENCH_KEEP=DIR` keeps the report there, e.g. to open a 100,000-document index).
@Suite struct ReportBenchmarkTests {
    static let count = ProcessInfo.processInfo.environment["LECTOR_REPORT_BENCH"].flatMap { Int($0) }

    static let people: [String] = {
        let first = [
            "Ada", "Tomás", "Mei", "Jonas", "Priya", "Lucía", "Omar", "Ingrid", "Kofi", "Sven", "Aiko", "Nadia",
        ]
        let last = (0..<400).map { "Lastname\($0)" } + ["Brennan", "Okafor", "Lindqvist", "Weber", "Raman", "Ferreira"]
        return last.flatMap { name in first.map { "\($0) \(name)" } }
    }()
    static let organisations: [String] =
        (0..<1500).map { "Company \($0) Holdings" } + ["Northwind Rail", "Harbor Bank"]
    static let places: [String] =
        (0..<300).map { "Town\($0)" } + ["Lisbon", "Oslo", "Nairobi", "Montréal", "Kraków", "Zürich"]

    /// A ~4 KB article: 8 paragraphs, 32 sentences, ~650 tokens, ~60 entities, summary, keyphrases.
    static func article(_ number: Int) -> Document {
        var text = "Report \(number): \(Self.organisations[number % Self.organisations.count]) and the city\n\n"
        var entities: [Annotation] = []
        var sentences: [Annotation] = []
        var paragraphs: [Annotation] = [Annotation(0, text.utf8.count - 2, label: "h1")]
        for paragraph in 0..<8 {
            let start = text.utf8.count
            for sentence in 0..<4 {
                let seed = number * 31 + paragraph * 7 + sentence
                let person = Self.people[(seed * 7919) % Self.people.count]
                let organisation = Self.organisations[(seed * 104_729 / 3) % Self.organisations.count]
                let place = Self.places[(seed * 15_485_863 / 5) % Self.places.count]
                let sentenceStart = text.utf8.count
                text += "On Tuesday "
                entities.append(Annotation(text.utf8.count, text.utf8.count + person.utf8.count, label: "PER"))
                text += person + " told reporters that "
                entities.append(Annotation(text.utf8.count, text.utf8.count + organisation.utf8.count, label: "ORG"))
                text += organisation + " would spend about 4.5 million euros on new lines near "
                entities.append(Annotation(text.utf8.count, text.utf8.count + place.utf8.count, label: "LOC"))
                text += place + ", a plan that critics called “late but welcome” in a long statement."
                sentences.append(Annotation(sentenceStart, text.utf8.count))
                text += sentence == 3 ? "" : " "
            }
            paragraphs.append(Annotation(start, text.utf8.count, label: "p"))
            text += "\n\n"
        }
        text.removeLast(2)
        var document = Document(
            id: "bench/\(number / 1000)/article-\(number).html", source: "bench/article-\(number).html", format: "html",
            title: "Report \(number)", text: text,
            metadata: ["published": "2024-0\(number % 9 + 1)-1\(number % 9)", "author": "Desk"])
        document.set(paragraphs, for: .paragraph)
        document.set(sentences, for: .sentence)
        document.set(entities, for: .entity)
        var tokens: [Annotation] = []
        var tokenStart: Int?
        for (offset, byte) in text.utf8.enumerated() {
            if byte == 0x20 || byte == 0x0A {
                if let begin = tokenStart { tokens.append(Annotation(begin, offset, label: "word")) }
                tokenStart = nil
            } else if tokenStart == nil {
                tokenStart = offset
            }
        }
        document.set(tokens, for: .token)
        document.set(
            [sentences[4], sentences[12], sentences[20]].map { Annotation(range: $0.range, score: 0.5) }, for: .summary)
        document.set([Annotation(range: entities[1].range, label: "new lines", score: 0.3)], for: .keyphrase)
        return document
    }

    @Test(.enabled(if: count != nil)) func measureReportWriting() throws {
        let count = try #require(Self.count)
        let documents = (0..<min(count, 2000)).map { Self.article($0) }
        let bytes = documents.reduce(0) { $0 + $1.text.utf8.count } * count / documents.count
        let options = ReportOptions()
        // CPU time of this thread (user + system): the machine is shared, so wall time would count
        // other people's work. `finish` runs on several threads and is given in wall time.
        let clock = { Double(Stopwatch.threadCPUNanoseconds()) / 1e9 }
        let wall = { Double(Stopwatch.wallNanoseconds()) / 1e9 }

        // Where render's time goes, on the first 2,000 documents.
        let sample = documents
        let loadStarted = wall()
        let templates = try ReportTemplates.load(options)
        print("  templates loaded and parsed (once per process): \(String(format: "%.1f", (wall() - loadStarted) * 1000)) ms")
        var parts: [(String, Double)] = []
        func part(_ name: String, _ body: (DocumentRenderer) -> Int) {
            let started = clock()
            var total = 0
            for document in sample { total &+= body(DocumentRenderer(document)) }
            parts.append((name, (clock() - started) / Double(sample.count) * 1000))
            if total == -1 { print(total) }
        }
        part("renderer init") { $0.utf8.count }
        part("json line") { $0.jsonLine().count }
        part("csv rows") { $0.entityRows().count + $0.summaryRows().count }
        part("sightings") { $0.sightings().count }
        part("text html") { $0.textHTML().utf8.count }
        part("page") { $0.page(templates: templates, sightings: $0.sightings()).count }
        print(parts.map { "  \($0.0): \(String(format: "%.3f", $0.1)) ms/document" }.joined(separator: "\n"))

        // Streamed as a run does it (memory stays flat): render each document, then write it.
        let directory = try SampleCorpus.temporaryDirectory().appendingPathComponent("bench")
        let writer = try ReportWriter(directory: directory, options: options, run: SampleCorpus.run)
        var renderSeconds = 0.0
        var writeSeconds = 0.0
        for number in 0..<count {
            let document = number < documents.count ? documents[number] : Self.article(number)
            let renderStarted = clock()
            let rendered = ReportWriter.render([.processed(document)], options: options)
            let writeStarted = clock()
            try writer.write(rendered)
            writeSeconds += clock() - writeStarted
            renderSeconds += writeStarted - renderStarted
        }
        var statistics = RunStatistics(stageNames: ["clean"])
        statistics.documentsProcessed = count
        let finishStarted = wall()
        try writer.finish(statistics: statistics)
        let finishSeconds = wall() - finishStarted
        let entityPages = try FileManager.default.contentsOfDirectory(
            atPath: directory.appendingPathComponent("entities").path
        ).count

        func figure(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }
        let perDocument = { (seconds: Double) in figure(seconds / Double(count) * 1000, 3) }
        print(
            """
            report benchmark: \(count) documents, about \(bytes / 1_000_000) MB of text, \(entityPages) entity pages
              render (CPU, lane):   \(figure(renderSeconds, 2)) s  = \(perDocument(renderSeconds)) ms/document, \
            \(figure(Double(bytes) / 1e6 / renderSeconds, 1)) MB/s
              write (CPU, consumer): \(figure(writeSeconds, 2)) s  = \(perDocument(writeSeconds)) ms/document
              finish (wall: index, entity pages, rename): \(figure(finishSeconds, 2)) s
            """)
        if let keep = ProcessInfo.processInfo.environment["LECTOR_REPORT_BENCH_KEEP"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.moveItem(atPath: directory.path, toPath: keep)
        }
        try FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }
}
