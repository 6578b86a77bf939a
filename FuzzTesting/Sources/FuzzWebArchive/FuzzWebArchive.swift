import LectorCompression
import LectorCore
import LectorMarkup

/// libFuzzer entry point: WARC/ARC records, plain or gzipped, through the run's reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    let options = ReaderOptions(maxBytes: 1 << 20)
    _ = ContainerKind.webArchive(gzipped: looksGzipped(bytes)).outcomes(of: bytes, id: "fuzz.warc", options: options)
    return 0
}

/// SwiftPM links an executable with `main` aliased to `FuzzWebArchive_main`; it hands control to libFuzzer's
/// driver (libFuzzer's own `main` is then not linked).
@_cdecl("FuzzWebArchive_main")
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
