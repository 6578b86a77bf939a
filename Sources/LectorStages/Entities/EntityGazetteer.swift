/// Phrases (sequences of lower-cased words) with the entity types they were seen with, keyed by a
/// hash chain of the words' keys so matching never builds strings.
///
/// Built by `lector train entities` from the training data's own entity spans; nothing is copied
/// from outside lists.
public struct EntityGazetteer: Sendable {
    /// Phrase key → bit mask of entity types (bit k: type k of the tag set). Every proper prefix of a
    /// phrase is present too (mask 0 when it is not a phrase itself), so matching stops as soon as no
    /// phrase can continue. Phrase keys are hashes, so matching looks them up without re-hashing.
    private var lookup: HashedKeyMap<UInt8>
    /// Longest phrase in words.
    public private(set) var maxLength: Int

    public init(entries: [UInt64: UInt8] = [:], maxLength: Int = 0) {
        self.maxLength = maxLength
        lookup = HashedKeyMap(capacity: entries.count)
        for (key, mask) in entries { lookup[key, default: 0] = mask }
    }

    /// Every phrase key (proper prefixes included) with its type mask, sorted by key (for saving).
    public var entries: [(key: UInt64, value: UInt8)] { lookup.pairs.sorted { $0.key < $1.key } }

    static let chainStart: UInt64 = 0x5eed_0f_9a2e_77e1

    /// Extend a phrase key by one word key.
    @inline(__always)
    static func extend(_ key: UInt64, with wordKey: UInt64) -> UInt64 { FeatureHash.mix(key, wordKey) }

    /// Add `words` (already lower-cased keys) as a phrase of type `type`.
    package mutating func insert(wordKeys: [UInt64], type: Int) {
        guard !wordKeys.isEmpty, type < 8 else { return }
        var key = Self.chainStart
        for word in wordKeys.dropLast() {
            key = Self.extend(key, with: word)
            if lookup[key] == nil { lookup[key, default: 0] = 0 }
        }
        key = Self.extend(key, with: wordKeys[wordKeys.count - 1])
        lookup[key, default: 0] |= UInt8(1) << UInt8(type)
        maxLength = max(maxLength, wordKeys.count)
    }

    /// For each token, bits 0–7: types of a matched phrase beginning here; bits 8–15: types of a matched
    /// phrase continuing over this token.
    func matches(_ keys: [UInt64]) -> [UInt16] {
        var bits = [UInt16](repeating: 0, count: keys.count)
        guard maxLength > 0 else { return bits }
        for start in keys.indices {
            var key = Self.chainStart
            var end = start
            while end < keys.count && end - start < maxLength {
                key = Self.extend(key, with: keys[end])
                end += 1
                guard let mask = lookup[key] else { break }
                guard mask != 0 else { continue }
                bits[start] |= UInt16(mask)
                var inside = start + 1
                while inside < end {
                    bits[inside] |= UInt16(mask) << 8
                    inside += 1
                }
            }
        }
        return bits
    }
}
