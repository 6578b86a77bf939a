#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif
import LectorCompression

/// Lines and counted blocks from a byte input, through one read-ahead buffer.
///
/// `offset` is the position of the next unread byte in the input's decoded stream. Lines longer than
/// the limit are an error, so a file without newlines cannot grow memory.
final class LineBuffer {
    let input: ByteInput
    private var buffer: [UInt8] = []
    private var head = 0
    private var ended = false
    /// Decoded offset of `buffer[0]`.
    private var base = 0
    private static let chunk = 1 << 16

    init(_ input: ByteInput) { self.input = input }

    /// Decoded offset of the next unread byte.
    var offset: Int { base + head }

    /// Whether every byte has been read.
    func atEnd() throws -> Bool {
        try fill(1)
        return head == buffer.count
    }

    /// The next byte without consuming it, or nil at the end.
    func peek() throws -> UInt8? {
        try fill(1)
        return head < buffer.count ? buffer[head] : nil
    }

    /// Make `count` unread bytes available unless the input ends first.
    private func fill(_ count: Int) throws {
        while buffer.count - head < count && !ended {
            if head > 0 && head >= buffer.count / 2 {
                buffer.removeFirst(head)
                base += head
                head = 0
            }
            if try input.read(into: &buffer, upTo: max(Self.chunk, count - (buffer.count - head))) == 0 { ended = true }
        }
    }

    /// The next line without its `\n` (and a `\r` before it), or nil at the end. Throws `LineTooLong`
    /// when no newline comes within `limit` bytes.
    func readLine(limit: Int) throws -> [UInt8]? {
        var searched = 0
        while true {
            if let index = newline(from: head + searched) {
                var end = index
                if end > head && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[head..<end])
                head = index + 1
                return line
            }
            searched = buffer.count - head
            if searched > limit { throw LineTooLong(limit: limit) }
            if ended {
                if head == buffer.count { return nil }
                let line = Array(buffer[head...])
                head = buffer.count
                return line
            }
            try fill(searched + 1)
        }
    }

    /// Skip to just past the next newline (a line too long to keep); false at the end.
    func skipLine() throws -> Bool {
        while true {
            if let index = newline(from: head) {
                head = index + 1
                return true
            }
            head = buffer.count
            try fill(1)
            if head == buffer.count { return false }
        }
    }

    /// The index of the first `\n` in the buffer at or after `start`.
    private func newline(from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start).map {
                bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
            }
        }
    }

    /// Up to `count` bytes (fewer only at the end of the input).
    func read(_ count: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(min(count, 1 << 24))
        var remaining = count
        while remaining > 0 {
            try fill(min(remaining, Self.chunk))
            let available = min(remaining, buffer.count - head)
            if available == 0 { break }
            result.append(contentsOf: buffer[head..<(head + available)])
            head += available
            remaining -= available
        }
        return result
    }

    /// Skip up to `count` bytes; returns how many were skipped (fewer only at the end).
    func skip(_ count: Int) throws -> Int {
        var remaining = count
        while remaining > 0 {
            try fill(1)
            let available = min(remaining, buffer.count - head)
            if available == 0 { break }
            head += available
            remaining -= available
        }
        return count - remaining
    }

    /// Forget the read-ahead (after the input was repositioned, e.g. a gzip resync).
    func discard(newBase: Int) {
        base = newBase
        buffer.removeAll(keepingCapacity: true)
        head = 0
        ended = false
    }
}

struct LineTooLong: Error {
    var limit: Int
}
