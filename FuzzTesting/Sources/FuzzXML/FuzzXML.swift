import FuzzDriver
import LectorCompression
import LectorCore
import LectorMarkup

/// libFuzzer entry point: the XML reader (feeds, NITF, generic XML).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    _ = FormatReader(options: ReaderOptions(maxBytes: 1 << 20)).read(bytes: bytes, id: "fuzz.xml", source: "fuzz.xml", formatHint: "xml")
    return 0
}

/// The target's `main` (see `runLibFuzzer`).
@_cdecl("FuzzXML_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzOneInput($0, $1) }
}
