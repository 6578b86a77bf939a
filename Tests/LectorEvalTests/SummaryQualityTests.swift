import Foundation
import LectorCore
import LectorTestSupport
import Testing

@testable import LectorStages
@testable import LectorEval

/// Quality floor on the BBC development set (skipped when the data is absent): on its first 500
/// articles with 3 sentences, the default method must beat Lead-3 and sumy's TextRank as measured for
/// the project (ROUGE-1/2/Lsum F1 48.96/40.18/45.04 and 64.47/59.62/61.81).
struct SummaryQualityTests {
    static let goldFile: URL? =
        DevelopmentData.exists("summ/bbc/tune.jsonl") ? DevelopmentData.file("summ/bbc/tune.jsonl") : nil

    /// Mean F1 ×100 of ROUGE-1, -2 and -Lsum over the first `limit` articles.
    func figures(method: SummaryMethod, limit: Int = 500) throws -> [Double] {
        let file = try #require(Self.goldFile)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").prefix(limit)
        var options = SummarizeStage.Options()
        options.method = method
        let stage = try SummarizeStage(options: options)
        let scorer = RougeScorer(stemming: true)
        var totals = [0.0, 0.0, 0.0]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let article = try #require(object["article"] as? String)
            let highlights = try #require(object["highlights"] as? String)
            var document = Document(id: "bbc", source: "bbc", format: "text", text: article)
            SimpleNewsSplitter.split(&document)
            try stage.process(&document, context: StageContext())
            let candidate = document.annotations(.summary).map { document.text(in: $0.range) }
            let scores = scorer.score(reference: [highlights], candidate: candidate)
            totals[0] += scores.rouge1.f1
            totals[1] += scores.rouge2.f1
            totals[2] += scores.rougeLsum.f1
        }
        return totals.map { $0 / Double(lines.count) * 100 }
    }

    @Test(.enabled(if: goldFile != nil, "BBC development data not found"))
    func leadThreeReproducesThePeerFigures() throws {
        let lead = try figures(method: .lead)
        #expect(abs(lead[0] - 48.96) < 0.01)
        #expect(abs(lead[1] - 40.18) < 0.01)
        #expect(abs(lead[2] - 45.04) < 0.01)
    }

    @Test(.enabled(if: goldFile != nil, "BBC development data not found"))
    func centralMethodBeatsLeadThreeAndTextRank() throws {
        let result = try figures(method: .central)
        #expect(result[0] > 64.47)
        #expect(result[1] > 59.62)
        #expect(result[2] > 61.81)
    }
}

/// The splitting the peer figures were measured with: lines are paragraphs; a sentence ends at `.`,
/// `!` or `?` before white space and an upper-case letter, digit or double quote.
enum SimpleNewsSplitter {
    static func split(_ document: inout Document) {
        var sentences: [Annotation] = []
        let bytes = Array(document.text.utf8)
        var lineStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            var start = lineStart
            var end = index
            while start < end && bytes[start] == 0x20 { start += 1 }
            while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D) { end -= 1 }
            lineStart = index + 1
            guard start < end else { continue }
            var sentenceStart = start
            var cursor = start
            while cursor + 2 < end {
                let byte = bytes[cursor]
                if (byte == 0x2E || byte == 0x21 || byte == 0x3F) && bytes[cursor + 1] == 0x20 {
                    let next = bytes[cursor + 2]
                    if (next >= 0x41 && next <= 0x5A) || (next >= 0x30 && next <= 0x39) || next == 0x22 {
                        sentences.append(Annotation(sentenceStart, cursor + 1))
                        sentenceStart = cursor + 2
                    }
                }
                cursor += 1
            }
            sentences.append(Annotation(sentenceStart, end))
        }
        document.set(sentences, for: .sentence)
    }
}
