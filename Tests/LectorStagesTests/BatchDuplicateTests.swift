import Foundation
import Testing

@testable import LectorStages

@Suite("Duplicates across the batch")
struct BatchDuplicateTests {
    static let story = """
        Flood defences along the river were raised overnight as forecasters warned of a second storm. \
        The council said three hundred homes had been evacuated and schools in the valley would stay shut \
        until Thursday. Engineers worked through the night to shore up the embankment near the old mill, \
        where water had already breached a wall. Residents were told to move valuables upstairs and to \
        follow advice from the emergency services. The environment agency expects the river to peak on \
        Wednesday evening, with further rain forecast for the weekend across the region.
        """

    static let otherFloodStory = """
        A new flood barrier on the estuary was opened by the minister on Monday after six years of work. \
        The barrier cost forty million pounds and protects two thousand properties from tidal surges. \
        Local businesses welcomed the scheme, which includes a cycle path and a visitor centre. Critics \
        said the money would have been better spent on upland planting to slow the water before it \
        reaches towns. The agency said maintenance would be paid from its annual budget.
        """

    func signature(_ text: String) -> DuplicateSignature { DuplicateSignature(text: text) }

    @Test("Case, punctuation and spacing do not change the exact hash")
    func exactHashNormalises() {
        let a = signature("Flood defences, raised!  Overnight.")
        let b = signature("flood DEFENCES raised\n\novernight")
        #expect(a.exact == b.exact)
        #expect(a.exact != signature("Flood defences lowered overnight").exact)
    }

    @Test("A syndicated copy with boilerplate and an edited headline is a near-duplicate of the earlier story")
    func syndicatedCopy() {
        let copy = "Storm warning: defences raised\n\n" + Self.story + "\n\nShare this article. Copyright 2024 Example News."
        let matches = DuplicateIndex.duplicates(of: [Self.story, copy, Self.otherFloodStory].map(signature))
        #expect(matches[0] == nil)
        #expect(matches[1]?.original == 0)
        #expect(matches[1]?.exact == false)
        #expect(matches[2] == nil)
    }

    @Test("Exact copies point at the first document, also after a near-duplicate")
    func exactCopies() {
        let texts = [Self.otherFloodStory, Self.story, Self.story.uppercased(), Self.story]
        let matches = DuplicateIndex.duplicates(of: texts.map(signature))
        #expect(matches.map { $0?.original } == [nil, nil, 1, 1])
        #expect(matches[2]?.exact == true)
    }

    @Test("A trimmed copy is caught by containment but not by a strict Jaccard threshold")
    func trimmedCopy() {
        let sentences = Self.story.split(separator: ".").map(String.init)
        let trimmed = sentences.prefix(3).joined(separator: ".")
        let signatures = [Self.story, trimmed].map(signature)
        let strict = DuplicateIndex.duplicates(of: signatures, options: .init(threshold: 0.9, measure: .jaccard))
        #expect(strict[1] == nil)
        let contained = DuplicateIndex.duplicates(of: signatures, options: .init(threshold: 0.8, measure: .containment))
        #expect(contained[1]?.original == 0)
    }

    @Test("Empty and wordless texts are never duplicates")
    func emptyTexts() {
        let matches = DuplicateIndex.duplicates(of: ["", "  \n ", "—", "", "word"].map(signature))
        #expect(matches.allSatisfy { $0 == nil })
        #expect(signature("").isEmpty)
        #expect(signature("").minHash.isEmpty)
    }

    @Test("Texts shorter than one shingle still match their exact copies")
    func shortTexts() {
        let matches = DuplicateIndex.duplicates(of: ["Breaking news", "breaking NEWS!", "Other"].map(signature))
        #expect(matches.map { $0?.original } == [nil, 0, nil])
    }

    @Test("Signatures are fixed-size and round-trip through JSON")
    func signatureSize() throws {
        let long = signature(Self.story + Self.otherFloodStory)
        let short = signature("one two three four")
        #expect(long.minHash.count == 64 && short.minHash.count == 64)
        let data = try JSONEncoder().encode(long)
        #expect(try JSONDecoder().decode(DuplicateSignature.self, from: data) == long)
    }

    @Test("The same text gives the same signature on every call")
    func deterministicSignature() {
        #expect(signature(Self.story) == signature(Self.story))
    }

    @Test("Similarity estimates are close to the true Jaccard similarity")
    func similarityEstimate() {
        let unrelated = signature(Self.story).similarity(to: signature(Self.otherFloodStory))
        #expect(unrelated < 0.1)
        #expect(signature(Self.story).similarity(to: signature(Self.story)) == 1)
    }
}

extension BatchDuplicateTests {
    @Test("A short text inside a long one is not its copy: containment needs comparable sizes")
    func teaserIsNotACopy() {
        let teaser = Self.story.split(separator: ".").prefix(1).joined()
        let long = Self.story + " " + Self.otherFloodStory + " " + Self.otherFloodStory.uppercased().replacingOccurrences(of: "THE", with: "A")
        let matches = DuplicateIndex.duplicates(of: [long, teaser].map(signature))
        #expect(matches[1] == nil)
    }
}
