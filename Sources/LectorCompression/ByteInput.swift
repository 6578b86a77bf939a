/// A forward-only source of bytes: a file, a decompressor, or memory.
///
/// Not thread-safe: one reader owns an input and reads it on one thread.
public protocol ByteInput: AnyObject {
    /// Append up to `count` (> 0) bytes to `buffer`; returns how many were appended, 0 only at the end.
    func read(into buffer: inout [UInt8], upTo count: Int) throws -> Int
    /// Where the next byte read comes from in the underlying file (for a decompressor: the offset of
    /// the compressed member being decoded), so record ids can name a stable position.
    var position: Int { get }
}

extension ByteInput {
    /// Read everything, failing with `ByteInputError.tooLarge` past `limit` bytes: the same limit
    /// stops a large file and a decompression bomb, and never more than `limit + 1` bytes are held.
    public func readAll(limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let wanted = min(1 << 16, limit + 1 - bytes.count)
            if wanted <= 0 { throw ByteInputError.tooLarge(limit: limit) }
            if try read(into: &bytes, upTo: wanted) == 0 { return bytes }
        }
    }
}

/// Why an input stopped.
public enum ByteInputError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(String)
    case readFailed(String)
    case tooLarge(limit: Int)
    /// Compressed data that is not gzip, is corrupt, or ends inside a member.
    case corrupt(String, offset: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let reason): "cannot open file: \(reason)"
        case .readFailed(let reason): "cannot read file: \(reason)"
        case .tooLarge(let limit): "content too large (more than \(limit) bytes after decompression; the limit is --max-bytes)"
        case .corrupt(let reason, let offset): "corrupt gzip data at byte \(offset): \(reason)"
        }
    }
}

/// Bytes already in memory (tests, fuzzing, embedded content).
public final class MemoryInput: ByteInput {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var position: Int { offset }

    public func read(into buffer: inout [UInt8], upTo count: Int) throws -> Int {
        let end = min(bytes.count, offset + count)
        let taken = end - offset
        buffer.append(contentsOf: bytes[offset..<end])
        offset = end
        return taken
    }
}
