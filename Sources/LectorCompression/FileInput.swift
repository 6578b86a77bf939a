#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#else
    import Darwin
    private let systemRead = Darwin.read
#endif

/// A file read sequentially in the caller's chunk sizes through one descriptor, closed on `deinit`.
public final class FileInput: ByteInput {
    private let descriptor: Int32
    private var offset = 0

    /// Open `path` for reading; `start` skips to a byte offset first.
    public init(path: String, start: Int = 0) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ByteInputError.cannotOpen(String(cString: strerror(errno))) }
        self.descriptor = descriptor
        if start > 0 {
            guard lseek(descriptor, off_t(start), SEEK_SET) >= 0 else {
                close(descriptor)
                throw ByteInputError.cannotOpen(String(cString: strerror(errno)))
            }
            offset = start
        }
    }

    deinit { close(descriptor) }

    public var position: Int { offset }

    public func read(into buffer: inout [UInt8], upTo count: Int) throws -> Int {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        var got = 0
        while true {
            got = buffer.withUnsafeMutableBytes { raw in
                systemRead(descriptor, raw.baseAddress! + start, count)
            }
            if got >= 0 || errno != EINTR { break }
        }
        guard got >= 0 else {
            buffer.removeLast(count)
            throw ByteInputError.readFailed(String(cString: strerror(errno)))
        }
        buffer.removeLast(count - got)
        offset += got
        return got
    }
}
