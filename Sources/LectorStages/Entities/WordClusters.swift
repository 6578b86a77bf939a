/// Word clusters at three granularities (fine, middle, coarse), learned by `ContextClusterLearner` from
/// unlabelled text. Keys are hashes of the exact word form.
///
/// Lookup tries the exact form, then the lower-cased form, then the capitalised lower-cased form, so
/// headline capitals (`JAPAN`) find the cluster of `Japan`.
public struct WordClusters: Sendable {
    /// Packed cluster ids: fine in bits 0–15, middle in 16–31, coarse in 32–47.
    public private(set) var table: [UInt64: UInt64]

    public init(table: [UInt64: UInt64] = [:]) { self.table = table }

    /// Number of words with a cluster.
    public var count: Int { table.count }

    /// Pack three cluster ids.
    public static func pack(fine: Int, middle: Int, coarse: Int) -> UInt64 {
        UInt64(UInt16(truncatingIfNeeded: fine)) | UInt64(UInt16(truncatingIfNeeded: middle)) << 16
            | UInt64(UInt16(truncatingIfNeeded: coarse)) << 32
    }

    package mutating func insert(word: String, packed: UInt64) { table[FeatureHash.hash(word)] = packed }

    /// The (fine, middle, coarse) clusters of `word`, or nil when it was never seen.
    func clusters(of word: String, lower: String) -> (Int, Int, Int)? {
        var packed = table[FeatureHash.hash(word)]
        if packed == nil, lower != word { packed = table[FeatureHash.hash(lower)] }
        if packed == nil, let first = lower.first {
            packed = table[FeatureHash.hash(first.uppercased() + lower.dropFirst())]
        }
        guard let packed else { return nil }
        return (Int(packed & 0xffff), Int((packed >> 16) & 0xffff), Int((packed >> 32) & 0xffff))
    }
}
