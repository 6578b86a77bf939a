import Foundation
import LectorCore

/// Helpers for the entity tests: documents with hand-made sentence and token layers, and the
/// development data location.
package enum EntityTestSupport {
    /// A document whose tokens are split at spaces, with `.,;:!?()"` and a trailing `'s`/`’s` split off;
    /// each line is one sentence.
    package static func document(_ text: String) -> Document {
        var document = Document(id: "test", source: "test", format: "text", text: text)
        let bytes = Array(text.utf8)
        var tokens: [Annotation] = []
        var sentences: [Annotation] = []
        let punctuation: Set<UInt8> = Set(".,;:!?()\"".utf8)
        var lineStart = 0
        var index = 0
        func flushLine(_ end: Int) {
            if end > lineStart { sentences.append(Annotation(lineStart, end)) }
        }
        while index < bytes.count {
            if bytes[index] == 0x0a {
                flushLine(index)
                index += 1
                lineStart = index
                continue
            }
            if bytes[index] == 0x20 {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count && bytes[end] != 0x20 && bytes[end] != 0x0a { end += 1 }
            var stop = end
            var trailing: [Annotation] = []
            while stop > index + 1 && punctuation.contains(bytes[stop - 1])
                && !(bytes[stop - 1] == 0x2e && bytes[index..<(stop - 1)].contains(0x2e))
            {
                trailing.insert(Annotation(stop - 1, stop, label: "punct"), at: 0)
                stop -= 1
            }
            let word = String(decoding: bytes[index..<stop], as: UTF8.self)
            let suffix = word.hasSuffix("'s") ? 2 : (word.hasSuffix("\u{2019}s") ? 4 : 0)
            if suffix > 0 && stop - index > suffix {
                tokens.append(Annotation(index, stop - suffix, label: "word"))
                tokens.append(Annotation(stop - suffix, stop, label: "word"))
            } else {
                tokens.append(Annotation(index, stop, label: "word"))
            }
            tokens.append(contentsOf: trailing)
            index = end
        }
        flushLine(bytes.count)
        document.set(sentences, for: .sentence)
        document.set(tokens, for: .token)
        return document
    }

    /// The entities of `document` as (text, label) pairs.
    package static func entities(_ document: Document) -> [(String, String)] {
        document.annotations(.entity).map { (document.text(in: $0.range), $0.label) }
    }

    /// The shared development data folder: `LECTOR_DATA`, or `../shared/data` beside the repository.
    package static let dataDirectory: URL? = {
        if let path = ProcessInfo.processInfo.environment["LECTOR_DATA"] {
            return URL(fileURLWithPath: path)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidate = root.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }()

    package static func dataFile(_ relative: String) -> URL? {
        guard let url = dataDirectory?.appendingPathComponent(relative),
            FileManager.default.fileExists(atPath: url.path)
        else { return nil }
        return url
    }
}
