import FuzzDriver
import LectorCompression
import LectorCore
import LectorMarkup

/// libFuzzer entry point: the HTML page reader (charset decision, libxml2 parse, extraction).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    _ = FormatReader(options: ReaderOptions(maxBytes: 1 << 20)).read(bytes: bytes, id: "fuzz.html", source: "fuzz.html", formatHint: "html")
    return 0
}

/// The target's `main` (see `runLibFuzzer`).
@_cdecl("FuzzHTML_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzOneInput($0, $1) }
}
