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

/// SwiftPM links an executable with `main` aliased to `FuzzHTML_main`; it hands control to libFuzzer's
/// driver (libFuzzer's own `main` is then not linked).
@_cdecl("FuzzHTML_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, { fuzzOneInput($0, $1) })
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt
