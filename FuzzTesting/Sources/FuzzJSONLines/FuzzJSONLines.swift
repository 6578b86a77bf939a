import FuzzDriver
import LectorCompression
import LectorCore
import LectorMarkup

/// libFuzzer entry point: JSON Lines records, plain or gzipped.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    let options = ReaderOptions(maxBytes: 1 << 20)
    _ = ContainerKind.jsonLines(gzipped: looksGzipped(bytes)).outcomes(of: bytes, id: "fuzz.jsonl", options: options)
    return 0
}

/// The target's `main` (see `runLibFuzzer`).
@_cdecl("FuzzJSONLines_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzOneInput($0, $1) }
}
