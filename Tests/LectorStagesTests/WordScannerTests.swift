import Testing

@testable import LectorStages

struct WordScannerTests {
    func words(_ text: String) -> [WordScanner.Word] {
        var text = text
        return text.withUTF8 { WordScanner.scan($0, from: 0, to: $0.count) }
    }

    @Test func keysAreLowerCasedWithTheirRangesAndCapitals() {
        let text = "Über die ÉTAT-Brücke, said Xi Jinping’s aide: 3bn × more…"
        let found = words(text)
        #expect(found.map(\.key) == ["über", "die", "état", "brücke", "said", "xi", "jinping", "s", "aide", "3bn", "×", "more"])
        #expect(found.map(\.capitalized) == [true, false, true, true, false, true, true, false, false, false, false, false])
        let bytes = Array(text.utf8)
        for word in found {
            // A key has its word's byte count: lower-casing moves bytes, never adds or drops one.
            #expect(word.end - word.start == word.key.utf8.count)
            let original = String(decoding: bytes[word.start..<word.end], as: UTF8.self)
            #expect(original.lowercased() == word.key)
        }
    }

    @Test func hashIsTheHashOfTheKey() {
        for word in words("Wladimir PUTIN visits the ÖSTERREICHISCHE Botschaft in Kyiv, again") {
            #expect(word.hash == FeatureHash.hash(word.key))
        }
    }

    @Test func boundsAreClampedAndAWordCutAtTheEndIsKept() {
        var text = "Alpha beta"
        let found = text.withUTF8 { WordScanner.scan($0, from: -5, to: 9) }
        #expect(found.map(\.key) == ["alpha", "bet"])
        #expect(text.withUTF8 { WordScanner.scan($0, from: 20, to: 30) }.isEmpty)
    }
}
