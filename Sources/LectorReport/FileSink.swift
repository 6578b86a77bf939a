import Foundation

/// A file written sequentially through a buffer: appends cost a copy, the disk sees large writes.
final class FileSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let flushSize: Int
    let url: URL

    init(_ url: URL, header: [UInt8] = [], flushSize: Int = 1 << 20) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw ReportError.io("cannot create \(url.path)")
        }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw ReportError.io("cannot open \(url.path): \(error.localizedDescription)")
        }
        self.url = url
        self.flushSize = flushSize
        buffer.reserveCapacity(flushSize)
        buffer.append(contentsOf: header)
    }

    func write(_ bytes: [UInt8]) throws {
        if buffer.count + bytes.count > flushSize { try flush() }
        if bytes.count >= flushSize {
            try put(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func write(_ text: String) throws { try write(Array(text.utf8)) }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try put(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw ReportError.io("cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// Flush and close; the sink is unusable afterwards.
    func finishFile() throws {
        try flush()
        do {
            try handle.close()
        } catch {
            throw ReportError.io("cannot close \(url.path): \(error.localizedDescription)")
        }
    }

    /// Write a whole file at once, or with `appending` add to its end (plain POSIX calls: report pages
    /// are many and small, and spill files are appended to thousands of times).
    static func write(_ bytes: [UInt8], to url: URL, appending: Bool = false, mode: mode_t = 0o644) throws {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (appending ? O_APPEND : O_TRUNC)
        let descriptor = open(url.path, flags, mode)
        guard descriptor >= 0 else {
            throw ReportError.io("cannot create \(url.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ReportError.io("cannot write \(url.path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }
}
