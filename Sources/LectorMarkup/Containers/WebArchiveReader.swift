import LectorCompression

/// One record of a WARC or ARC file, as the archive framed it.
struct ArchiveRecord: Sendable {
    /// The record's position as ids name it: the byte offset of the record in the file, or, in a
    /// gzipped file, of the gzip member holding it (`+N` when the member holds several records).
    var offset: String
    /// Byte offset in the file (the member's, when gzipped): what `--shard` byte ranges compare.
    var fileOffset: Int
    /// `WARC-Type` lowercased (`response`, `resource`, `request`, `metadata`, `warcinfo`, `revisit`…);
    /// ARC records are `response`, and an ARC file's `filedesc` record is `warcinfo`.
    var type: String
    var targetURI: String?
    var date: String?
    /// The record's own `Content-Type` (for a response, `application/http…`).
    var contentType: String?
    /// The record block, or nil when it is larger than the limit (skipped unread).
    var block: [UInt8]?
    var blockLength: Int
    /// The bytes actually present when the block is shorter than its declared length.
    var truncatedAt: Int? = nil
}

/// Reads WARC (0.17–1.1) and ARC (v1, v2) records one at a time from a plain or gzipped file,
/// holding one record's block at most.
///
/// Broken input never stops the file early when the rest can be found: a bad header, a truncated
/// block or a corrupt gzip member becomes a `.failure` item, then the reader resynchronises (next
/// gzip member, or next `WARC/` line) and goes on. Not thread-safe: one file, one thread.
final class WebArchiveReader {
    enum Item {
        case record(ArchiveRecord)
        case failure(offset: String, fileOffset: Int, message: String)
    }

    private let lines: LineBuffer
    private let gzip: GzipInput?
    private let maxBytes: Int
    private var pendingLine: [UInt8]?
    private var finished = false
    private var arcVersion = 1
    /// Every header line, and the whole header, is bounded so hostile input cannot grow memory.
    static let headerLineLimit = 1 << 16
    static let headerFieldLimit = 1_000

    /// Read from `input`, decompressing gzip members when `gzipped`.
    init(input: ByteInput, gzipped: Bool, maxBytes: Int) throws {
        if gzipped {
            let gzip = try GzipInput(input)
            self.gzip = gzip
            lines = LineBuffer(gzip)
        } else {
            gzip = nil
            lines = LineBuffer(input)
        }
        self.maxBytes = maxBytes
    }

    /// The next record or failure; nil at the end of the file.
    func next() -> Item? {
        guard !finished else { return nil }
        var position = (offset: "\(lines.offset)", file: lines.offset)
        do {
            var header: [UInt8]
            if let pending = pendingLine {
                header = pending
                pendingLine = nil
                position = pendingPosition
            } else {
                // Blank lines separate records.
                repeat {
                    position = try currentPosition()
                    guard let line = try lines.readLine(limit: Self.headerLineLimit) else {
                        finished = true
                        return nil
                    }
                    header = line
                } while header.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
            }
            if header.starts(with: Array("WARC/".utf8)) {
                return try readWARC(at: position)
            }
            if let record = try readARC(header: header, at: position) { return record }
            return try resynchronise(
                at: position, message: "not a WARC or ARC record header: '\(Self.printable(header.prefix(60)))'")
        } catch let error as ByteInputError {
            return recover(at: position, message: error.description)
        } catch is LineTooLong {
            return recover(at: position, message: "header line longer than \(Self.headerLineLimit) bytes")
        } catch {
            return recover(at: position, message: "\(error)")
        }
    }

    private var pendingPosition = (offset: "0", file: 0)

    /// Where the record starting at the buffer's offset lives in the file.
    private func currentPosition() throws -> (offset: String, file: Int) {
        // Look ahead one byte first, so a member that starts here has been entered (and logged).
        _ = try lines.peek()
        let decoded = lines.offset
        guard let gzip else { return ("\(decoded)", decoded) }
        let (member, delta) = gzip.memberStart(containing: decoded)
        return (delta == 0 ? "\(member)" : "\(member)+\(delta)", member)
    }

    /// After an input error: report it, then continue at the next gzip member (plain files cannot be
    /// resynchronised after a read error).
    private func recover(at position: (offset: String, file: Int), message: String) -> Item {
        if let gzip, gzip.skipToNextMember() {
            lines.discard(newBase: gzip.decodedCount)
        } else {
            finished = true
        }
        return .failure(offset: position.offset, fileOffset: position.file, message: message)
    }

    /// A bad header in a plain stream: skip to the next line that starts a WARC record (or the next
    /// gzip member), reporting the skipped stretch once.
    private func resynchronise(at position: (offset: String, file: Int), message: String) throws -> Item {
        if let gzip {
            if gzip.skipToNextMember() {
                lines.discard(newBase: gzip.decodedCount)
            } else {
                finished = true
            }
            return .failure(offset: position.offset, fileOffset: position.file, message: message)
        }
        while true {
            let here = try currentPosition()
            guard let line = try lines.readLine(limit: Self.headerLineLimit) else {
                finished = true
                break
            }
            if line.starts(with: Array("WARC/".utf8)) || Self.looksLikeARCHeader(line) {
                pendingLine = line
                pendingPosition = here
                break
            }
        }
        return .failure(offset: position.offset, fileOffset: position.file, message: message)
    }

    private func readWARC(at position: (offset: String, file: Int)) throws -> Item {
        var fields: [String: String] = [:]
        var lastName: String?
        var count = 0
        while true {
            guard let line = try lines.readLine(limit: Self.headerLineLimit) else {
                return .failure(offset: position.offset, fileOffset: position.file, message: "file ends inside a WARC header")
            }
            if line.isEmpty { break }
            count += 1
            if count > Self.headerFieldLimit {
                return try resynchronise(at: position, message: "more than \(Self.headerFieldLimit) WARC header lines")
            }
            if line.first == 0x20 || line.first == 0x09, let name = lastName {
                fields[name, default: ""] += " " + Self.trimmed(line[...])
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased().trimmingSpaces()
            fields[name] = Self.trimmed(line[(colon + 1)...])
            lastName = name
        }
        guard let lengthText = fields["content-length"], let length = Int(lengthText), length >= 0 else {
            return try resynchronise(at: position, message: "WARC record without a valid Content-Length")
        }
        let type = (fields["warc-type"] ?? "").lowercased()
        var target = fields["warc-target-uri"]
        if let uri = target, uri.hasPrefix("<"), uri.hasSuffix(">") { target = String(uri.dropFirst().dropLast()) }
        let wanted = type == "response" || type == "resource"
        let record = try readBlock(
            length: length, keep: wanted, position: position, type: type, target: target, date: fields["warc-date"],
            contentType: fields["content-type"])
        return record
    }

    private func readBlock(
        length: Int, keep: Bool, position: (offset: String, file: Int), type: String, target: String?, date: String?,
        contentType: String?
    ) throws -> Item {
        var block: [UInt8]?
        let got: Int
        // Blocks larger than the limit are skipped unread (an HTTP header is at most a few KiB more).
        if keep && length <= maxBytes + Self.headerLineLimit {
            let bytes = try lines.read(length)
            got = bytes.count
            block = bytes
        } else {
            got = try lines.skip(length)
        }
        if got < length && got == 0 {
            return .failure(
                offset: position.offset, fileOffset: position.file, message: "record truncated: no block bytes of \(length)")
        }
        // A block cut short (the file or member ends early) is still read: crawls cut mid-write keep
        // most of their last page; the document says so in a warning.
        return .record(
            ArchiveRecord(
                offset: position.offset, fileOffset: position.file, type: type, targetURI: target, date: date,
                contentType: contentType, block: block, blockLength: length, truncatedAt: got < length ? got : nil))
    }

    /// An ARC header line: `URL IP DATE MIME LENGTH` (v1) or the ten fields of v2; URLs may hold spaces,
    /// so fields are taken from the right. Nil when the line is not an ARC header.
    private func readARC(header: [UInt8], at position: (offset: String, file: Int)) throws -> Item? {
        let parts = header.split(separator: 0x20, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
        let isFiledesc = header.starts(with: Array("filedesc://".utf8))
        let fieldCount = arcVersion == 2 && !isFiledesc ? 10 : 5
        guard parts.count >= fieldCount, let length = Int(parts[parts.count - 1]) else { return nil }
        let rest = parts.count - (fieldCount - 1)
        let url = parts[0..<rest].joined(separator: " ")
        let date = parts[rest + 1]
        let mime = parts[rest + 2]
        guard date.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), date.utf8.count >= 8 else { return nil }
        guard length >= 0 else {
            // Nothing to skip: the next line is the next record (or a blank line).
            return .failure(
                offset: position.offset, fileOffset: position.file,
                message: "ARC record with a negative length: '\(Self.printable(header.prefix(80)))'")
        }
        let item = try readBlock(
            length: length, keep: true, position: position, type: isFiledesc ? "warcinfo" : "response",
            target: isFiledesc ? nil : url, date: Self.isoDate(arc: date),
            contentType: isFiledesc ? "text/plain" : mime)
        if isFiledesc, case .record(let record) = item, let block = record.block {
            // "1 0 name" or "2 0 name": the version decides how many fields later headers have.
            if block.first == UInt8(ascii: "2") { arcVersion = 2 }
        }
        return item
    }

    /// Whether `line` has the shape of an ARC record header: a URL, then an IP, a date of at least 8
    /// digits, a media type and an integer length as the last four fields.
    static func looksLikeARCHeader(_ line: [UInt8]) -> Bool {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: true)
        guard parts.count >= 5, parts[0].contains(UInt8(ascii: ":")),
            Int(String(decoding: parts[parts.count - 1], as: UTF8.self)) != nil
        else { return false }
        for candidate in [parts[parts.count - 3], parts.count >= 10 ? parts[2] : parts[parts.count - 3]] {
            if candidate.count >= 8 && candidate.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        }
        return false
    }

    /// `YYYYMMDDhhmmss` as ISO 8601 (shorter stamps keep what they have).
    static func isoDate(arc: String) -> String {
        let digits = Array(arc.utf8)
        func part(_ range: Range<Int>) -> String? {
            range.upperBound <= digits.count ? String(decoding: digits[range], as: UTF8.self) : nil
        }
        guard let year = part(0..<4), let month = part(4..<6), let day = part(6..<8) else { return arc }
        guard let hour = part(8..<10), let minute = part(10..<12), let second = part(12..<14) else {
            return "\(year)-\(month)-\(day)"
        }
        return "\(year)-\(month)-\(day)T\(hour):\(minute):\(second)Z"
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingSpaces()
    }

    static func printable(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 < 0x20 || $0 >= 0x7F ? UInt8(ascii: "?") : $0 }, as: UTF8.self)
    }
}
