import LectorCore
import LectorStages

/// Gold sentence and token boundaries read from a CoNLL-U file, rebuilt into plain documents the
/// way Lector scores segmenters: each `# newdoc` is a document, its `# newpar` paragraphs are joined
/// by a blank line, the `# text` sentences of a paragraph by one space.
///
/// Offsets are UTF-8 byte offsets into `text`. Tokens are syntactic words where a multiword token
/// spells out as its words (`don't` = `do` + `n't`), the surface token otherwise (`im` = `i` + `m`
/// spells out too, `its` = `it` + `s` as well; `cannot` = `can` + `not`).
public struct CoNLLUCorpus: Sendable {
    /// One rebuilt document.
    public struct Document: Sendable {
        public var id: String
        public var text: String
        /// Paragraph spans in `text`.
        public var paragraphs: [Range<Int>]
        /// Sentence spans in `text`.
        public var sentences: [Range<Int>]
        /// Token (word) spans in `text`; tokens that could not be aligned with the text are left out.
        public var tokens: [Range<Int>]
    }

    public var documents: [Document]
    /// Tokens whose form was not found in their sentence's text (a malformed file).
    public var unalignedTokens: Int

    /// Parse CoNLL-U `content`. Lines that are neither comments nor token rows are ignored.
    public init(parsing content: String) {
        var documents: [Document] = []
        var unaligned = 0
        var builder = DocumentBuilder(id: "doc1")
        var pendingText: String?
        var pendingForms: [[String]] = []
        var multiword: (last: Int, form: String, parts: [String])?

        func finishSentence() {
            if let text = pendingText {
                unaligned += builder.addSentence(text, tokens: pendingForms)
            }
            pendingText = nil
            pendingForms = []
            multiword = nil
        }

        for rawLine in content.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty {
                finishSentence()
            } else if line.hasPrefix("#") {
                if line.hasPrefix("# newdoc") {
                    finishSentence()
                    if !builder.isEmpty { documents.append(builder.build()) }
                    builder = DocumentBuilder(id: Self.value(of: line) ?? "doc\(documents.count + 1)")
                } else if line.hasPrefix("# newpar") {
                    finishSentence()
                    builder.newParagraph()
                } else if line.hasPrefix("# text =") || line.hasPrefix("# text=") {
                    pendingText = Self.value(of: line) ?? ""
                }
            } else {
                let columns = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
                guard columns.count >= 2 else { continue }
                let id = columns[0]
                let form = String(columns[1])
                if id.contains(".") { continue }  // empty nodes
                if let dash = id.firstIndex(of: "-") {
                    let last = Int(id[id.index(after: dash)...]) ?? 0
                    multiword = (last, form, [])
                    continue
                }
                let number = Int(id) ?? 0
                if var group = multiword {
                    group.parts.append(form)
                    if number >= group.last {
                        let joined = group.parts.joined()
                        pendingForms.append(joined == group.form ? group.parts : [group.form])
                        multiword = nil
                    } else {
                        multiword = group
                    }
                } else {
                    pendingForms.append([form])
                }
            }
        }
        finishSentence()
        if !builder.isEmpty { documents.append(builder.build()) }
        self.documents = documents
        self.unalignedTokens = unaligned
    }

    private static func value(of line: Substring) -> String? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        let value = line[line.index(after: equals)...].trimmingSpaces()
        return value.isEmpty ? nil : String(value)
    }

    private struct DocumentBuilder {
        var id: String
        var text = ""
        var paragraphs: [Range<Int>] = []
        var sentences: [Range<Int>] = []
        var tokens: [Range<Int>] = []
        var paragraphStart: Int?

        init(id: String) { self.id = id }

        var isEmpty: Bool { sentences.isEmpty }

        mutating func newParagraph() {
            closeParagraph()
        }

        mutating func closeParagraph() {
            if let start = paragraphStart {
                paragraphs.append(start..<text.utf8.count)
                paragraphStart = nil
            }
        }

        /// Returns the number of token forms that could not be aligned.
        mutating func addSentence(_ sentence: String, tokens forms: [[String]]) -> Int {
            if paragraphStart == nil {
                if !text.isEmpty { text += "\n\n" }
                paragraphStart = text.utf8.count
            } else {
                text += " "
            }
            let start = text.utf8.count
            text += sentence
            sentences.append(start..<text.utf8.count)
            // Align forms with the sentence text, left to right.
            let bytes = Array(sentence.utf8)
            var cursor = 0
            var missed = 0
            for group in forms {
                let surface = Array(group.joined().utf8)
                while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
                guard let found = Self.find(surface, in: bytes, from: cursor) else {
                    missed += 1
                    continue
                }
                var offset = found
                for part in group {
                    let length = part.utf8.count
                    tokens.append((start + offset)..<(start + offset + length))
                    offset += length
                }
                cursor = found + surface.count
            }
            return missed
        }

        static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
            guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
            // Forms follow each other closely: search a short window only.
            let last = min(haystack.count - needle.count, start + 8)
            guard start <= last else { return nil }
            for offset in start...last where haystack[offset] == needle[0] {
                if haystack[offset..<(offset + needle.count)].elementsEqual(needle) { return offset }
            }
            return nil
        }

        mutating func build() -> Document {
            closeParagraph()
            return Document(id: id, text: text, paragraphs: paragraphs, sentences: sentences, tokens: tokens)
        }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
