/// 64-bit FNV-1a hashing of feature names, so features never exist as strings in the hot path.
///
/// A feature is a template byte followed by its value's bytes; conjunctions mix two hashes. The
/// hashes are part of the model file format: changing them invalidates shipped models.
package enum FeatureHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `template` followed by the UTF-8 bytes of `value`.
    @inline(__always)
    static func hash(_ template: EntityFeatureTemplate, _ value: String) -> UInt64 {
        var hash = step(offsetBasis, template.rawValue)
        for byte in value.utf8 { hash = step(hash, byte) }
        return hash
    }

    /// The hash of `template` followed by `bytes` (equal to hashing the same bytes as a `String`).
    @inline(__always)
    static func hash(_ template: EntityFeatureTemplate, _ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = step(offsetBasis, template.rawValue)
        for byte in bytes { hash = step(hash, byte) }
        return hash
    }

    /// The hash of `template` followed by the bytes of `value`.
    @inline(__always)
    package static func hash(_ template: EntityFeatureTemplate, _ value: UInt64) -> UInt64 {
        var hash = step(offsetBasis, template.rawValue)
        var rest = value
        for _ in 0..<8 {
            hash = step(hash, UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
        return hash
    }

    /// The hash of a string on its own (used for word keys and phrase chains).
    @inline(__always)
    static func hash(_ value: String) -> UInt64 {
        var hash = offsetBasis
        for byte in value.utf8 { hash = step(hash, byte) }
        return hash
    }

    /// The hash of raw bytes on their own (equal to `hash(_: String)` of the same UTF-8 bytes).
    @inline(__always)
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes { hash = step(hash, byte) }
        return hash
    }

    /// Order-sensitive combination of two hashes.
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = a ^ (b &+ 0x9e37_79b9_7f4a_7c15 &+ (a << 6) &+ (a >> 2))
        x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
        x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
        return x ^ (x >> 31)
    }

    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }
}

/// Feature templates of the entity model. Raw values are part of the model format.
package enum EntityFeatureTemplate: UInt8, CaseIterable, Sendable {
    case bias = 1
    case word, lower, shape, longShape, prefix1, prefix2, prefix3, prefix4, suffix1, suffix2, suffix3, suffix4
    case flags, cluster1, cluster2, cluster3
    case lowerPrev2, lowerPrev1, lowerNext1, lowerNext2
    case shapePrev2, shapePrev1, shapeNext1, shapeNext2
    case clusterPrev1, clusterNext1, clusterPrev2, clusterNext2
    case bigramPrev, bigramNext, shapeTrigram, firstToken, headline, gazetteer, gazetteerCap, documentCase
    case history, historyCap, boundary
    case runFirst, runLast, runShape, prevWordShape, nextWordShape
    case docToken, docTokenOwn, docLonger, docFirst, docPhrase
}
