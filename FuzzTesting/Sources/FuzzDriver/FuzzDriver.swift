/// What every fuzz target shares: handing control to libFuzzer's driver from the target's `main`.
///
/// SwiftPM links an executable with `main` aliased to `<Target>_main`; each target exports that
/// symbol and calls `runLibFuzzer`, which runs libFuzzer's driver on the target's
/// `LLVMFuzzerTestOneInput` (libFuzzer's own `main` is then not linked).
public func runLibFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ body: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, body)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt
