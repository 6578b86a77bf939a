import Foundation
import LectorCore
import Testing

@testable import LectorStages

@Suite("Batch summaries write their own JSON")
struct BatchSummaryJSONTests {
    func roundTrip<Summary: JSONWritableSummary & Decodable & Equatable>(_ summary: Summary) throws -> Summary {
        var writer = JSONWriter()
        summary.writeJSON(to: &writer)
        return try JSONDecoder().decode(Summary.self, from: Data(writer.bytes))
    }

    @Test("What each summary writes decodes with JSONDecoder into the same value")
    func summariesRoundTrip() throws {
        let text = "Flood defences along the Severn were raised overnight. Shrewsbury council evacuated homes."
        let signature = DuplicateSignature(text: text, options: .init())
        #expect(try roundTrip(signature) == signature)
        let empty = DuplicateSignature(text: "", options: .init())
        #expect(try roundTrip(empty) == empty)

        let story = StorySummary(text: text, names: [("Severn", "LOC"), ("Shrewsbury", "LOC")], date: "2026-03-09")
        #expect(story.day != nil)
        #expect(try roundTrip(story) == story)
        let large = StorySummary(terms: [UInt64.max, 1 << 63, 0], entities: [], day: nil)
        #expect(try roundTrip(large) == large)

        let mentions = EntityMentionSummary(names: [
            ("Vladimir Putin", "PER"), ("Putin", "PER"), ("Putin", "PER"), ("\"Zoë\" / Ball\\Co", "ORG"),
            ("Tab\tName\u{1}", "MISC"),
        ])
        #expect(try roundTrip(mentions) == mentions)

        let words = DocumentFrequencyCounter.distinctWords("Über die Brücke, \"quoted\" and plain words")
        #expect(try roundTrip(words) == words)
    }
}
