import Foundation
import LectorCore

@testable import LectorReport

/// A small hand-built corpus (documents with layers set by hand, no stages involved).
enum SampleCorpus {
    /// A span of `text` found by content: the UTF-8 range of the `occurrence`-th match of `needle`.
    static func range(of needle: String, in text: String, occurrence: Int = 1) -> TextRange {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        var seen = 0
        var index = 0
        while index + pattern.count <= haystack.count {
            if Array(haystack[index..<index + pattern.count]) == pattern {
                seen += 1
                if seen == occurrence { return TextRange(start: index, end: index + pattern.count) }
            }
            index += 1
        }
        fatalError("'\(needle)' not in text")
    }

    static func annotation(
        _ needle: String, in text: String, label: String = "", occurrence: Int = 1,
        score: Double? = nil, attributes: [String: String] = [:]
    ) -> Annotation {
        Annotation(
            range: range(of: needle, in: text, occurrence: occurrence), label: label, score: score,
            attributes: attributes)
    }

    /// Sentences and paragraphs of `text` split on ". " / blank lines (enough for hand-built tests).
    static func structure(_ document: inout Document) {
        let bytes = Array(document.text.utf8)
        var paragraphs: [Annotation] = []
        var sentences: [Annotation] = []
        var paragraphStart = 0
        var sentenceStart = 0
        var index = 0
        func closeSentence(_ end: Int) {
            var start = sentenceStart
            while start < end && (bytes[start] == 0x20 || bytes[start] == 0x0A) { start += 1 }
            if start < end { sentences.append(Annotation(start, end)) }
        }
        while index < bytes.count {
            if bytes[index] == 0x0A && index + 1 < bytes.count && bytes[index + 1] == 0x0A {
                closeSentence(index)
                paragraphs.append(Annotation(paragraphStart, index, label: paragraphs.isEmpty ? "h1" : "p"))
                index += 2
                paragraphStart = index
                sentenceStart = index
                continue
            }
            if (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "!"))
                && (index + 1 == bytes.count || bytes[index + 1] == 0x20)
            {
                closeSentence(index + 1)
                sentenceStart = index + 1
            }
            index += 1
        }
        closeSentence(bytes.count)
        if paragraphStart < bytes.count { paragraphs.append(Annotation(paragraphStart, bytes.count, label: "p")) }
        document.set(paragraphs, for: .paragraph)
        document.set(sentences, for: .sentence)
    }

    static let cafeText = """
        Café Zoë’s 🎉 reopening in Zürich

        Zoë Müller 👩‍🍳 reopened Café Zoë in Zürich on Monday. The Zürich council praised Zoë Müller! \
        Sales rose 12% to CHF 3.5 million, said Acme Holdings.

        Acme Holdings plans a second café in Basel.
        """

    static func cafe() -> Document {
        let text = cafeText
        var document = Document(
            id: "news/café-zoë.html", source: "examples/news/café-zoë.html", format: "html",
            title: "Café Zoë’s 🎉 reopening", text: text,
            metadata: ["published": "2024-03-04T09:30:00Z", "author": "R. Writer", "lang": "en"])
        structure(&document)
        document.set(
            [
                annotation("Zoë Müller", in: text, label: "PER", occurrence: 1, score: 0.91),
                annotation("Café Zoë", in: text, label: "ORG", occurrence: 2),
                annotation("Zürich", in: text, label: "LOC", occurrence: 2),
                annotation("Zürich", in: text, label: "LOC", occurrence: 3),
                annotation(
                    "Zoë Müller", in: text, label: "PER", occurrence: 2, attributes: ["canonical": "Zoë Müller"]),
                annotation("12%", in: text, label: "PERCENT"),
                annotation("CHF 3.5 million", in: text, label: "MONEY"),
                annotation(
                    "Acme Holdings", in: text, label: "ORG", occurrence: 1,
                    attributes: ["canonical": "Acme Holdings AG"]),
                annotation(
                    "Acme Holdings", in: text, label: "ORG", occurrence: 2,
                    attributes: ["canonical": "Acme Holdings AG"]),
                annotation("Basel", in: text, label: "LOC"),
                annotation("Monday", in: text, label: "DATE"),
            ], for: .entity)
        let sentences = document.annotations(.sentence)
        document.set(
            [
                Annotation(range: sentences[1].range, label: "", score: 0.8, attributes: ["sentence": "1"]),
                Annotation(range: sentences[4].range, label: "", score: 0.5, attributes: ["sentence": "4"]),
            ], for: .summary)
        document.set(
            [
                Annotation(range: range(of: "second café", in: text), label: "second café", score: 0.7),
                annotation("Acme Holdings", in: text, occurrence: 1, score: 0.4),
            ], for: .keyphrase)
        document.set(
            [annotation("Sales rose", in: text, label: "positive", score: 0.6, attributes: ["polarity": "up"])],
            for: "sentiment")
        document.set([annotation("Café", in: text, label: "word")], for: .token)
        document.note(.info, origin: "read", "decoded as UTF-8")
        return document
    }

    static let feedText = "Basel talks\n\nAcme Holdings met Zoë Müller in Basel. The talks went well."

    static func feedItem() -> Document {
        let text = feedText
        var document = Document(
            id: "feeds/business.xml#1", source: "examples/news/business.xml", format: "rss", title: "Basel talks",
            text: text, metadata: ["date": "Tue, 05 Mar 2024 10:00:00 GMT", "link": "javascript:alert('x')"])
        structure(&document)
        document.set(
            [
                annotation("Acme Holdings", in: text, label: "ORG", attributes: ["canonical": "Acme Holdings AG"]),
                annotation("Zoë Müller", in: text, label: "PER"),
                annotation("Basel", in: text, label: "LOC", occurrence: 2),
            ], for: .entity)
        document.set([Annotation(range: document.annotations(.sentence)[1].range, score: 1)], for: .summary)
        return document
    }

    /// Every field carries markup that must come out as text.
    static let hostileText = """
        <script>alert(1)</script> opened "><img src=x onerror=alert(2)> at </script><script>alert(3)</script> & more.

        Evil Corp said 'hi' to =cmd|' /C calc'!A0 today.
        """

    static func hostile() -> Document {
        let text = hostileText
        var document = Document(
            id: "../../etc/\"><img src=x onerror=alert(4)></script>", source: "x/<script>alert(5)</script>.html",
            format: "</script><script>alert(6)</script>", title: "</title><script>alert(7)</script>", text: text,
            metadata: ["\"><img onerror=alert(8)>": "</script><script>alert(9)</script>", "published": "<b>2024</b>"])
        structure(&document)
        document.set(
            [
                annotation("<script>alert(1)</script>", in: text, label: "PER\"><img src=x onerror=alert(10)>"),
                annotation(
                    "\"><img src=x onerror=alert(2)>", in: text, label: "ORG",
                    attributes: ["canonical": "</script><b>x</b>"]),
                annotation("Evil Corp", in: text, label: "ORG"),
                annotation("=cmd|' /C calc'!A0", in: text, label: "MISC"),
            ], for: .entity)
        document.set([Annotation(range: document.annotations(.sentence)[0].range, score: 0.5)], for: .summary)
        document.set(
            [Annotation(range: range(of: "Evil Corp", in: text), label: "<script>alert(11)</script>")], for: .keyphrase)
        document.note(.warning, origin: "<clean>", "odd <markup> & stuff")
        return document
    }

    static let failure = DocumentFailure(
        id: "broken/<b>bad</b>.bin", source: "examples/broken/<b>bad</b>.bin", stage: "read",
        message: "not a text document: \"<script>alert(12)</script>\"")

    /// Sources in input order: a file, a failure, a feed with one item, the hostile document.
    static func sources() -> [[DocumentOutcome]] {
        [[.processed(cafe())], [.failed(failure)], [.processed(feedItem())], [.processed(hostile())]]
    }

    static let statistics: RunStatistics = {
        var statistics = RunStatistics(stageNames: ["clean", "sentences", "entities", "summarize"])
        statistics.documentsProcessed = 3
        statistics.documentsFailed = 1
        statistics.sourcesRead = 4
        statistics.bytes = 4_000
        statistics.stageNanoseconds = [1_500_000, 800_000, 12_000_000, 3_000_000]
        statistics.wallNanoseconds = 20_000_000
        statistics.lanes = 2
        return statistics
    }()

    static let run = RunInfo(
        pipelineName: "news", pipelineFile: "pipelines/news.yaml",
        resolvedConfig: "name: news\nstages:\n  - clean\n  - sentences\n  - entities\n  - summarize\n",
        stageNames: ["clean", "sentences", "entities", "summarize"], lectorVersion: "0.0.0-test",
        inputs: ["examples/news"])

    /// Write the sample corpus into `directory` and return it.
    @discardableResult
    static func writeReport(
        to directory: URL, options: ReportOptions = ReportOptions(),
        sources: [[DocumentOutcome]] = sources()
    ) throws -> URL {
        let writer = try ReportWriter(directory: directory, options: options, run: run)
        for outcomes in sources { try writer.write(ReportWriter.render(outcomes, options: options)) }
        try writer.finish(statistics: statistics)
        return directory
    }

    /// A fresh empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lector-report-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file under `directory`, as paths relative to it, sorted.
    static func files(in directory: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var result: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                result.append(path)
            }
        }
        return result.sorted()
    }
}
