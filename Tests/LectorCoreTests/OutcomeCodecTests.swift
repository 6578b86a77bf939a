import Foundation
import Testing

@testable import LectorCore

/// The cache and shard format: what `encode` writes, `decode` gives back exactly (scores are written
/// to six decimal places, like every number in Lector's JSON).
@Suite struct OutcomeCodecTests {
    static func sample() -> [DocumentOutcome] {
        let text = "Zoë said \"hi\" \\ 🎉 <b>&</b>\u{2028}tab\there\nnew\u{1}line"
        var document = Document(
            id: "news/a\"b.html#1", source: "in/a\"b.html", format: "html", title: "Tïtle \"q\"", text: text,
            metadata: ["lang": "en", "author": "A. \"B\" C", "emoji": "😅"], sourceBytes: 1234)
        document.diagnostics = [Diagnostic(.warning, origin: "read", "decoded as \"Windows-1252\"")]
        let bytes = text.utf8.count
        document.set(
            [
                Annotation(range: TextRange(start: 0, end: 4), label: "PER", score: 0.987654, attributes: ["canonical": "Zoë"]),
                Annotation(range: TextRange(start: 5, end: 9), label: "", score: nil, attributes: [:]),
                Annotation(range: TextRange(start: bytes, end: bytes), label: "end\"", score: 0.5, attributes: ["k\\": "v\n"]),
            ], for: .entity)
        document.set([Annotation(range: TextRange(start: 0, end: bytes), label: "p")], for: .paragraph)
        document.set([], for: Layer("empty"))
        let failure = DocumentFailure(id: "b.txt", source: "in/b.txt", stage: "read", message: "not a text \"document\"")
        return [.processed(document), .failed(failure), .processed(Document(id: "c", source: "c", format: "text", text: ""))]
    }

    @Test func decodeGivesBackWhatEncodeWrote() throws {
        let outcomes = Self.sample()
        let decoded = try OutcomeCodec.decode(OutcomeCodec.encode(outcomes))
        #expect(decoded.count == 3)
        guard case .processed(let document) = decoded[0], case .processed(let original) = outcomes[0] else {
            Issue.record("first outcome is not a document")
            return
        }
        #expect(document.id == original.id)
        #expect(document.source == original.source)
        #expect(document.title == original.title)
        #expect(document.text == original.text)
        #expect(document.metadata == original.metadata)
        #expect(document.sourceBytes == original.sourceBytes)
        #expect(document.diagnostics.map(\.message) == original.diagnostics.map(\.message))
        #expect(document.annotations(.entity) == original.annotations(.entity))
        #expect(document.annotations(.paragraph) == original.annotations(.paragraph))
        #expect(document.has(Layer("empty")))
        guard case .failed(let failure) = decoded[1] else {
            Issue.record("second outcome is not a failure")
            return
        }
        #expect(failure.message == "not a text \"document\"")
        // Encoding what was decoded gives the same bytes.
        #expect(OutcomeCodec.encode(decoded) == OutcomeCodec.encode(outcomes))
    }

    @Test(arguments: [
        "", "[", "{}", "[{}]", "[{\"document\":{}}]", "[{\"document\":{\"id\":\"a\"}}]",
        "[{\"failed\":{\"id\":\"a\"}}]", "[1]", "[] x", "[{\"document\":{\"id\":\"a\",\"source\":\"s\",\"format\":\"t\",\"text\":\"ab\",\"layers\":{\"x\":[[0,9,\"L\",null,{}]]}}}]",
        "[{\"document\":{\"id\":\"a\\ud800\",\"source\":\"s\",\"format\":\"t\",\"text\":\"\"}}]",
        "[{\"document\":{\"id\":\"a\",\"source\":\"s\",\"format\":\"t\",\"text\":\"\u{1}\"}}]",
    ])
    func malformedInputThrows(_ input: String) {
        #expect(throws: OutcomeCodec.CodecError.self) { _ = try OutcomeCodec.decode(Array(input.utf8)) }
    }

    @Test func escapesWrittenByOtherToolsAreRead() throws {
        let json = #"[{"document":{"id":"\u00e9\/x","source":"s","format":"t","text":"\ud83d\ude00 \b\f","extra":[1,{"a":true}]}}]"#
        let decoded = try OutcomeCodec.decode(Array(json.utf8))
        guard case .processed(let document) = decoded.first else {
            Issue.record("no document")
            return
        }
        #expect(document.id == "é/x")
        #expect(document.text == "😀 \u{8}\u{c}")
    }
}
