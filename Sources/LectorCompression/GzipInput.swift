import CZlib

/// Decompresses gzip data from another input as a stream, member after member (a WARC file written
/// one gzip member per record, or `cat a.gz b.gz`), holding at most one input chunk and zlib's window.
///
/// `position` is the compressed offset where the member being decoded starts, so a WARC reader can
/// name records the way CDX indexes do. After a corrupt member, `skipToNextMember()` resynchronises on
/// the next gzip header so the rest of the file can still be read. Not thread-safe; zlib's state is
/// owned here and never leaves this type.
public final class GzipInput: ByteInput {
    private let source: ByteInput
    private let stream: UnsafeMutablePointer<z_stream>
    private var input: [UInt8] = []
    private var inputHead = 0
    /// Compressed offset of `input[0]`.
    private var inputBase: Int
    private var sourceEnded = false
    private var inMember = false
    private var finished = false
    private var memberStart: Int
    /// Decompressed bytes handed out so far.
    public private(set) var decodedCount = 0
    /// Decompressed offset at which the current (or last) member started.
    public private(set) var memberDecodedStart = 0
    private static let chunk = 1 << 16
    /// (decoded offset, compressed offset) of recent member starts, oldest first.
    private var memberLog: [(decoded: Int, compressed: Int)] = []

    public init(_ source: ByteInput) throws {
        self.source = source
        inputBase = source.position
        memberStart = source.position
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 16: a gzip wrapper, the largest window.
        guard lector_inflate_init(stream, 15 + 16) == Z_OK else {
            stream.deallocate()
            throw ByteInputError.corrupt("zlib could not start", offset: 0)
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    public var position: Int { memberStart }

    /// Make at least `count` unread compressed bytes available unless the source ends first.
    private func fill(_ count: Int) throws {
        while input.count - inputHead < count && !sourceEnded {
            if inputHead > 0 {
                input.removeFirst(inputHead)
                inputBase += inputHead
                inputHead = 0
            }
            if try source.read(into: &input, upTo: Self.chunk) == 0 { sourceEnded = true }
        }
    }

    public func read(into buffer: inout [UInt8], upTo count: Int) throws -> Int {
        guard count > 0 else { return 0 }
        var produced = 0
        while produced == 0 && !finished {
            if !inMember {
                try fill(2)
                let available = input.count - inputHead
                if available == 0 {
                    finished = true
                    break
                }
                memberStart = inputBase + inputHead
                memberDecodedStart = decodedCount
                memberLog.append((decodedCount, memberStart))
                guard available >= 2, input[inputHead] == 0x1f, input[inputHead + 1] == 0x8b else {
                    throw ByteInputError.corrupt(
                        available < 2 ? "truncated gzip header" : "not a gzip member", offset: memberStart)
                }
                inMember = true
            }
            try fill(1)
            let available = input.count - inputHead
            if available == 0 {
                throw ByteInputError.corrupt("data ends inside a gzip member", offset: memberStart)
            }
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: count - produced))
            let head = inputHead
            let (status, consumed, written) = input.withUnsafeMutableBufferPointer { inBuffer in
                buffer.withUnsafeMutableBufferPointer { outBuffer in
                    stream.pointee.next_in = inBuffer.baseAddress! + head
                    stream.pointee.avail_in = UInt32(available)
                    stream.pointee.next_out = outBuffer.baseAddress! + start
                    stream.pointee.avail_out = UInt32(count - produced)
                    let status = inflate(stream, Z_NO_FLUSH)
                    let consumed = available - Int(stream.pointee.avail_in)
                    let written = count - produced - Int(stream.pointee.avail_out)
                    stream.pointee.next_in = nil
                    stream.pointee.next_out = nil
                    return (status, consumed, written)
                }
            }
            buffer.removeLast(count - produced - written)
            inputHead += consumed
            produced += written
            decodedCount += written
            switch status {
            case Z_STREAM_END:
                inflateReset(stream)
                inMember = false
            case Z_OK:
                break
            case Z_BUF_ERROR where consumed > 0 || written > 0:
                break
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw ByteInputError.corrupt(reason, offset: memberStart)
            }
            if status == Z_BUF_ERROR && consumed == 0 && written == 0 {
                throw ByteInputError.corrupt("zlib made no progress", offset: memberStart)
            }
        }
        return produced
    }

    /// The compressed offset of the member holding decoded offset `decoded`, and how far into the
    /// member's output it is. Offsets must be asked in increasing order: older members are forgotten.
    public func memberStart(containing decoded: Int) -> (member: Int, delta: Int) {
        var index = memberLog.count - 1
        while index > 0 && memberLog[index].decoded > decoded { index -= 1 }
        guard index >= 0 else { return (memberStart, max(0, decoded - memberDecodedStart)) }
        // Members that produced nothing share a decoded offset with the next one: name the last.
        while index + 1 < memberLog.count && memberLog[index + 1].decoded == decoded { index += 1 }
        if index > 0 { memberLog.removeFirst(index) }
        return (memberLog[0].compressed, decoded - memberLog[0].decoded)
    }

    /// After an error: drop the current member and continue at the next gzip header (`1f 8b 08`)
    /// after its start. Returns false when no further member exists.
    public func skipToNextMember() -> Bool {
        inflateReset(stream)
        inMember = false
        var searchFrom = max(inputHead, memberStart + 1 - inputBase)
        while true {
            let end = input.count
            var index = max(searchFrom, inputHead)
            while index + 2 < end {
                if input[index] == 0x1f && input[index + 1] == 0x8b && input[index + 2] == 0x08 {
                    inputHead = index
                    return true
                }
                index += 1
            }
            if sourceEnded {
                inputHead = input.count
                finished = true
                return false
            }
            // Keep the last two bytes: a header may straddle chunks.
            let keep = max(inputHead, end - 2)
            inputHead = keep
            do { try fill(input.count - inputHead + Self.chunk) } catch {
                finished = true
                return false
            }
            searchFrom = inputHead
        }
    }
}

/// Whether `bytes` start like a gzip member.
public func looksGzipped(_ bytes: some Collection<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    return iterator.next() == 0x1f && iterator.next() == 0x8b
}
