import LectorCompression
import LectorCore

/// Reads a JSON Lines file one line at a time: each line a JSON object holding one document.
///
/// The listing thread only cuts lines (`next()`); each line is decoded as JSON on the lane that
/// reads it (`content(of:)`), so a large export is parsed in parallel. A broken line (not JSON, not an
/// object, no body field, too long) fails that line only. Lines are numbered from 1; blank lines are
/// skipped but counted. Not thread-safe: one file, one thread.
final class JSONLinesReader {
    enum Item {
        case line([UInt8], key: String, fileOffset: Int)
        case failure(key: String, fileOffset: Int, message: String)
    }

    /// The format hint of a line not yet decoded.
    static let lineFormat = "jsonl-line"

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
                return .line(line, key: "\(lineNumber)", fileOffset: fileOffset)
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

    /// Decode one line: the document's content and its id suffix (the id field, or nil for the line
    /// number), or why the line is not a document.
    static func content(of line: [UInt8], fields: JSONLinesFields) -> Result<(EmbeddedContent, key: String?), LineError> {
        let singles = [fields.id, fields.url, fields.date, fields.title]
        let wanted = (fields.body + singles).map { Array($0.utf8) }
        let values: [[UInt8]?]
        switch JSONFieldScanner.fields(of: line, wanted: wanted) {
        case .success(let found): values = found
        case .failure(.notObject): return .failure(LineError("not a JSON object"))
        case .failure(.invalid): return .failure(LineError("not valid JSON"))
        }
        let nonEmpty = values.map { value in value.flatMap { $0.isEmpty ? nil : $0 } }
        guard let bytes = nonEmpty.prefix(fields.body.count).first(where: { $0 != nil }) ?? nil else {
            return .failure(LineError("no string field among \(fields.body.joined(separator: ", "))"))
        }
        func string(_ field: Int) -> String? {
            nonEmpty[fields.body.count + field].map { String(decoding: $0, as: UTF8.self) }
        }
        let format: String
        switch ContentSniffer.markupKind(bytes) {
        case .html: format = "html"
        case .xml: format = "xml"
        default: format = "txt"
        }
        var metadata: [String: String] = [:]
        if let url = string(1) { metadata["url"] = url }
        if let date = string(2) { metadata["date"] = date }
        if let title = string(3) { metadata["title"] = title }
        return .success(
            (EmbeddedContent(bytes: bytes, formatHint: format, displaySource: metadata["url"], metadata: metadata),
             string(0).map(Self.safeKey)))
    }

    struct LineError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// An id value as an id suffix: one line, at most 200 bytes, no path separators.
    static func safeKey(_ value: String) -> String {
        let cleaned = value.unicodeScalars.map { scalar -> Character in
            scalar.value < 0x20 || scalar == "/" || scalar == "\\" ? "_" : Character(scalar)
        }
        return String(String(cleaned).utf8.prefix(200)).map { String($0) } ?? String(cleaned.prefix(100))
    }
}
