#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Atomic exchange of two paths (Linux `renameat2(RENAME_EXCHANGE)`, macOS `renamex_np(RENAME_SWAP)`).
enum DirectorySwap {
    #if os(Linux)
        private typealias RenameAt2 =
            @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        /// Looked up at run time: Swift's Glibc module does not declare it, and old C libraries lack it.
        private static let renameat2: RenameAt2? = dlsym(nil, "renameat2").map {
            unsafeBitCast($0, to: RenameAt2.self)
        }
    #endif

    /// Swap `first` and `second`; false when the system or file system cannot (the caller falls back).
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
            guard let renameat2 else { return false }
            let exchangeFlag: UInt32 = 2  // RENAME_EXCHANGE (linux/fs.h)
            return renameat2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0
        #elseif canImport(Darwin)
            return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #else
            return false
        #endif
    }
}
