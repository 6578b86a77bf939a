import LectorCompression

/// An HTTP response as a WARC `response` record holds it: status, headers and the decoded body.
struct HTTPResponse {
    var status: Int
    /// Header names lowercased; a repeated header keeps its last value.
    var headers: [String: String]
    /// The body after undoing `Transfer-Encoding: chunked` and `Content-Encoding: gzip`.
    var body: [UInt8]
    /// Notes for the document's diagnostics (e.g. a chunked body that was not really chunked).
    var notes: [String] = []

    /// The media type of `Content-Type`, lowercased, without parameters.
    var mediaType: String? { headers["content-type"].map { Self.mediaType(of: $0) } }
    /// The `charset` parameter of `Content-Type`, lowercased.
    var charset: String? { headers["content-type"].flatMap { Self.charset(of: $0) } }

    enum ParseError: Error, CustomStringConvertible {
        case badStatusLine
        case headerTooLarge
        case badContentEncoding(String)
        case tooLarge(Int)

        var description: String {
            switch self {
            case .badStatusLine: "not an HTTP response (no status line)"
            case .headerTooLarge: "HTTP header larger than 64 KiB"
            case .badContentEncoding(let reason): "Content-Encoding could not be undone: \(reason)"
            case .tooLarge(let limit): "HTTP body larger than \(limit) bytes (the limit is --max-bytes)"
            }
        }
    }

    /// Parse `block`; the decoded body may not exceed `maxBytes`.
    init(parsing block: [UInt8], maxBytes: Int) throws {
        // Status line: "HTTP/1.1 200 OK".
        guard block.starts(with: Array("HTTP/".utf8)) else { throw ParseError.badStatusLine }
        var index = 0
        func nextLine() -> ArraySlice<UInt8>? {
            guard index < block.count else { return nil }
            let end = block[index...].firstIndex(of: 0x0A) ?? block.count
            var lineEnd = end
            if lineEnd > index && block[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = block[index..<lineEnd]
            index = min(block.count, end + 1)
            return line
        }
        guard let statusLine = nextLine() else { throw ParseError.badStatusLine }
        let parts = statusLine.split(separator: 0x20, maxSplits: 2)
        guard parts.count >= 2, let status = Int(String(decoding: parts[1], as: UTF8.self)) else {
            throw ParseError.badStatusLine
        }
        self.status = status
        var headers: [String: String] = [:]
        while let line = nextLine(), !line.isEmpty {
            if index > 1 << 16 { throw ParseError.headerTooLarge }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).trimmingSpaces().lowercased()
            headers[name] = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces()
        }
        self.headers = headers
        var body = Array(block[index...])
        if (headers["transfer-encoding"] ?? "").lowercased().contains("chunked") {
            if let decoded = Self.dechunked(body) {
                body = decoded
            } else {
                // Crawlers often store the body already de-chunked but keep the header.
                notes.append("Transfer-Encoding says chunked but the body is not; read as is")
            }
        }
        let encoding = (headers["content-encoding"] ?? "").lowercased().trimmingSpaces()
        switch encoding {
        case "", "identity":
            break
        case "gzip", "x-gzip":
            if looksGzipped(body) {
                do {
                    body = try GzipInput(MemoryInput(body)).readAll(limit: maxBytes)
                } catch ByteInputError.tooLarge {
                    throw ParseError.tooLarge(maxBytes)
                } catch {
                    throw ParseError.badContentEncoding("\(error)")
                }
            } else {
                notes.append("Content-Encoding says gzip but the body is not gzipped; read as is")
            }
        default:
            throw ParseError.badContentEncoding("'\(encoding)' is not supported")
        }
        if body.count > maxBytes { throw ParseError.tooLarge(maxBytes) }
        self.body = body
    }

    /// The body of a chunked transfer, or nil when `bytes` is not a well-formed chunked body.
    /// A missing final zero chunk is tolerated (truncated captures); a chunk running past the end is not.
    static func dechunked(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            // Size line: hex digits, optional ";extension", CRLF.
            var size = 0
            var digits = 0
            while index < bytes.count, let value = hexValue(bytes[index]) {
                size = size * 16 + value
                digits += 1
                index += 1
                if digits > 8 { return nil }
            }
            guard digits > 0 else { return nil }
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            guard index < bytes.count else { return size == 0 ? output : nil }
            index += 1
            if size == 0 { return output }
            guard index + size <= bytes.count else { return nil }
            output.append(contentsOf: bytes[index..<(index + size)])
            index += size
            if index < bytes.count, bytes[index] == 0x0D { index += 1 }
            if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }

    static func mediaType(of contentType: String) -> String {
        let head = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return head.trimmingSpaces().lowercased()
    }

    static func charset(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, String(pair[0]).trimmingSpaces().lowercased() == "charset" else { continue }
            var value = String(pair[1]).trimmingSpaces()
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value.lowercased()
        }
        return nil
    }
}
