import Foundation
import LectorCompression
import LectorCore

/// Reads a JSON Lines file one line at a time: each line a JSON object holding one document.
///
/// A broken line (not JSON, not an object, no body field, too long) fails that line only. Lines are
/// numbered from 1; blank lines are skipped but counted. Not thread-safe: one file, one thread.
final class JSONLinesReader {
    enum Item {
        case document(EmbeddedContent, key: String, fileOffset: Int)
        case failure(key: String, fileOffset: Int, message: String)
    }

    private let lines: LineBuffer
    private let gzip: GzipInput?
    private let fields: JSONLinesFields
    private let maxBytes: Int
    private var lineNumber = 0
    private var finished = false

    init(input: ByteInput, gzipped: Bool, fields: JSONLinesFields, maxBytes: Int) throws {
        if gzipped {
            let gzip = try GzipInput(input)
            self.gzip = gzip
            lines = LineBuffer(gzip)
        } else {
            gzip = nil
            lines = LineBuffer(input)
        }
        self.fields = fields
        self.maxBytes = maxBytes
    }

    func next() -> Item? {
        while !finished {
            var fileOffset = lines.offset
            do {
                _ = try lines.peek()
                if let gzip { fileOffset = gzip.memberStart(containing: lines.offset).member }
                lineNumber += 1
                guard let line = try lines.readLine(limit: maxBytes) else {
                    finished = true
                    return nil
                }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                return item(line, fileOffset: fileOffset)
            } catch is LineTooLong {
                let key = "\(lineNumber)"
                do {
                    if try !lines.skipLine() { finished = true }
                } catch {
                    finished = true
                }
                return .failure(key: key, fileOffset: fileOffset, message: "line \(key) is longer than the limit (\(maxBytes) bytes)")
            } catch {
                finished = true
                return .failure(key: "\(lineNumber)", fileOffset: fileOffset, message: "line \(lineNumber): \(error)")
            }
        }
        return nil
    }

    private func item(_ line: [UInt8], fileOffset: Int) -> Item {
        let number = "\(lineNumber)"
        func failure(_ message: String) -> Item { .failure(key: number, fileOffset: fileOffset, message: "line \(number): \(message)") }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(line), options: [])
        } catch {
            return failure("not valid JSON")
        }
        guard let object = parsed as? [String: Any] else { return failure("not a JSON object") }
        func string(_ field: String) -> String? {
            switch object[field] {
            case let text as String: return text.isEmpty ? nil : text
            case let number as NSNumber: return number.stringValue
            default: return nil
            }
        }
        guard let bodyField = fields.body.first(where: { string($0) != nil }), let body = string(bodyField) else {
            return failure("no string field among \(fields.body.joined(separator: ", "))")
        }
        let bytes = Array(body.utf8)
        let format: String
        switch ContentSniffer.markupKind(bytes) {
        case .html: format = "html"
        case .xml: format = "xml"
        default: format = "txt"
        }
        var metadata: [String: String] = [:]
        if let url = string(fields.url) { metadata["url"] = url }
        if let date = string(fields.date) { metadata["date"] = date }
        if let title = string(fields.title) { metadata["title"] = title }
        let key = string(fields.id).map(Self.safeKey) ?? number
        return .document(
            EmbeddedContent(bytes: bytes, formatHint: format, displaySource: metadata["url"], metadata: metadata),
            key: key, fileOffset: fileOffset)
    }

    /// An id value as an id suffix: one line, at most 200 bytes, no path separators.
    static func safeKey(_ value: String) -> String {
        let cleaned = value.unicodeScalars.map { scalar -> Character in
            scalar.value < 0x20 || scalar == "/" || scalar == "\\" ? "_" : Character(scalar)
        }
        return String(String(cleaned).utf8.prefix(200)).map { String($0) } ?? String(cleaned.prefix(100))
    }
}
