import FuzzDriver
import LectorCompression
import LectorCore
import LectorMarkup

/// libFuzzer entry point: the streaming gzip decoder, with resynchronisation after errors.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    if let input = try? GzipInput(MemoryInput(bytes)) {
        var output: [UInt8] = []
        while true {
            do {
                if try input.read(into: &output, upTo: 4096) == 0 { break }
                if output.count > 1 << 22 { break }
            } catch {
                if !input.skipToNextMember() { break }
            }
        }
    }
    return 0
}

/// The target's `main` (see `runLibFuzzer`).
@_cdecl("FuzzGzip_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzOneInput($0, $1) }
}
