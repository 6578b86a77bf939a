import Foundation
import Testing

@testable import LectorStages

/// A text and the sentences (or tokens) it must split into, exactly.
struct SplitCase: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: [String]

    init(_ text: String, _ expected: [String]) {
        self.text = text
        self.expected = expected
    }

    var testDescription: String { text.count > 60 ? String(text.prefix(60)) + "…" : text }
}

enum Segmentation {
    static let splitter = SentenceSplitter()
    static let tokenizer = Tokenizer()

    static func sentences(_ text: String) -> [String] {
        slices(text, splitter.split(text))
    }

    static func tokens(_ text: String, using tokenizer: Tokenizer = tokenizer) -> [String] {
        slices(text, tokenizer.tokenize(text).map(\.range))
    }

    static func slices(_ text: String, _ ranges: [Range<Int>]) -> [String] {
        let bytes = Array(text.utf8)
        return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }
}
