import Foundation

/// One JSONL sentence case: a text and its gold sentences, as UTF-8 byte ranges into `text`.
///
/// On disk: `{"text": "...", "sentences": ["First.", "Second."]}` (each string found in `text` in
/// order) or `"sentences": [[0, 6], [7, 14]]` (Unicode code-point offsets, end exclusive).
public struct SentenceCase: Sendable, Hashable {
    public var text: String
    public var sentences: [Range<Int>]

    public init(text: String, sentences: [Range<Int>]) {
        self.text = text
        self.sentences = sentences
    }

    /// A case from a text and its sentences as strings (located left to right).
    public init?(text: String, sentenceTexts: [String]) {
        var ranges: [Range<Int>] = []
        var searchFrom = text.startIndex
        for sentence in sentenceTexts {
            let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, let found = text.range(of: trimmed, range: searchFrom..<text.endIndex) else {
                return nil
            }
            let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
            let end = text.utf8.distance(from: text.startIndex, to: found.upperBound)
            ranges.append(start..<end)
            searchFrom = found.upperBound
        }
        self.init(text: text, sentences: ranges)
    }

    /// An error in a JSONL file, with its line number.
    public struct ParseError: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Parse JSONL content (blank lines skipped).
    public static func parse(jsonl content: String) throws -> [SentenceCase] {
        var cases: [SentenceCase] = []
        for (index, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let number = index + 1
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any],
                let text = object["text"] as? String
            else {
                throw ParseError(line: number, message: "expected an object with a string 'text'")
            }
            if let strings = object["sentences"] as? [String] {
                guard let item = SentenceCase(text: text, sentenceTexts: strings) else {
                    throw ParseError(line: number, message: "a sentence is not found in 'text' in order")
                }
                cases.append(item)
            } else if let pairs = object["sentences"] as? [[Int]] {
                let map = ScalarOffsets(text)
                var ranges: [Range<Int>] = []
                for pair in pairs {
                    guard pair.count == 2, let start = map.byte(pair[0]), let end = map.byte(pair[1]), start <= end
                    else {
                        throw ParseError(line: number, message: "bad sentence offsets \(pair)")
                    }
                    ranges.append(start..<end)
                }
                cases.append(SentenceCase(text: text, sentences: ranges))
            } else {
                throw ParseError(
                    line: number, message: "expected 'sentences' as a list of strings or [start, end] pairs")
            }
        }
        return cases
    }

    /// Code-point offset → UTF-8 offset.
    private struct ScalarOffsets {
        var bytes: [Int] = []
        init(_ text: String) {
            var offset = 0
            for scalar in text.unicodeScalars {
                bytes.append(offset)
                offset += UTF8.width(scalar)
            }
            bytes.append(offset)
        }
        func byte(_ scalar: Int) -> Int? { scalar >= 0 && scalar < bytes.count ? bytes[scalar] : nil }
    }
}
