import CZlib

/// Gzip compression of bytes in memory, one member per call: for writing WARC-style fixtures
/// (one member per record) and round-trip tests. Not used on the reading path.
public enum GzipCompressor {
    /// `bytes` as one complete gzip member.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard lector_deflate_init(stream, level, 15 + 16) == Z_OK else { return [] }
        defer { deflateEnd(stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, UInt(bytes.count))) + 32)
        let written = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.pointee.next_in = inBuffer.baseAddress
                stream.pointee.avail_in = UInt32(inBuffer.count)
                stream.pointee.next_out = outBuffer.baseAddress
                stream.pointee.avail_out = UInt32(outBuffer.count)
                let status = deflate(stream, Z_FINISH)
                let written = outBuffer.count - Int(stream.pointee.avail_out)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
                return status == Z_STREAM_END ? written : -1
            }
        }
        return written < 0 ? [] : Array(output[..<written])
    }
}
