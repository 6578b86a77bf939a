import LectorCore

/// A document's fingerprint for duplicate detection: a fixed-size, `Codable` summary of its clean text.
///
/// - `exact` hashes the normalised text: its words (see `BatchWords`), ASCII lower-cased, joined by one
///   space, so two texts that differ only in case, punctuation or white space have the same hash.
/// - `minHash` is a b-bit MinHash sketch (Broder 1997; Li and König 2010) of the set of word shingles
///   (`shingle` consecutive words): for each of `hashes` hash functions, the low 16 bits of the
///   smallest hash over the shingles. The share of equal positions between two sketches estimates the
///   Jaccard similarity of the two shingle sets.
///
/// Size: 8 (exact) + 4 + 4 (counts) + 2 × `hashes` bytes; 148 bytes of values with the default 64
/// hashes. Pure and deterministic: the same text and options give the same signature on every machine.
public struct DuplicateSignature: Codable, Sendable, Hashable {
    /// Hash of the normalised text; 0 when the text has no words.
    public var exact: UInt64
    /// Number of words in the text.
    public var words: Int32
    /// Number of distinct shingles (0 when the text has no words).
    public var shingles: Int32
    /// One value per hash function (empty when the text has no words).
    public var minHash: [UInt16]

    public init(exact: UInt64, words: Int32, shingles: Int32, minHash: [UInt16]) {
        self.exact = exact
        self.words = words
        self.shingles = shingles
        self.minHash = minHash
    }

    /// How signatures are made. Every document of a batch must use the same options.
    public struct Options: Sendable, Hashable, Codable {
        /// Words per shingle (≥ 1).
        public var shingle: Int = 3
        /// Number of MinHash functions (≥ 1); more is more accurate and larger.
        public var hashes: Int = 64
        public init(shingle: Int = 3, hashes: Int = 64) {
            self.shingle = max(1, shingle)
            self.hashes = max(1, hashes)
        }
    }

    /// Whether the text had no words (such documents are never duplicates).
    public var isEmpty: Bool { words == 0 }

    /// The signature of `text`.
    public init(text: String, options: Options = Options()) {
        let shingleSize = options.shingle
        var exact = BatchWords.offsetBasis
        var wordCount = 0
        var window = [UInt64](repeating: 0, count: shingleSize)
        var shingleHashes = Set<UInt64>()
        BatchWords.forEachWord(in: text) { word in
            if wordCount > 0 { exact = (exact ^ 0x20) &* BatchWords.prime }
            for byte in word { exact = (exact ^ UInt64(byte)) &* BatchWords.prime }
            window[wordCount % shingleSize] = BatchWords.hash(word)
            wordCount += 1
            if wordCount >= shingleSize {
                shingleHashes.insert(Self.shingleHash(window, newest: wordCount - 1))
            }
        }
        guard wordCount > 0 else {
            self.init(exact: 0, words: 0, shingles: 0, minHash: [])
            return
        }
        if wordCount < shingleSize {
            // Too short for one full shingle: the whole text is its only shingle.
            shingleHashes.insert(Self.shingleHash(Array(window[0..<wordCount]), newest: wordCount - 1))
        }
        var minimum = [UInt64](repeating: .max, count: options.hashes)
        let (multipliers, addends) = Self.functions(options.hashes)
        for shingle in shingleHashes {
            let base = BatchWords.mix(shingle)
            for slot in 0..<options.hashes {
                let value = base &* multipliers[slot] &+ addends[slot]
                // The high bits of a multiply-add are the well-mixed ones: compare on a rotation.
                let rotated = (value >> 32) | (value << 32)
                if rotated < minimum[slot] { minimum[slot] = rotated }
            }
        }
        self.init(
            exact: exact == 0 ? 1 : exact, words: Int32(clamping: wordCount), shingles: Int32(clamping: shingleHashes.count),
            minHash: minimum.map { UInt16(truncatingIfNeeded: BatchWords.mix($0)) })
    }

    /// The shingle ending at word `newest`, its words taken from the ring buffer in text order.
    private static func shingleHash(_ window: [UInt64], newest: Int) -> UInt64 {
        let size = window.count
        var hash = BatchWords.offsetBasis
        for step in 0..<size {
            let word = window[(newest + 1 + step) % size]
            hash = (hash ^ word) &* BatchWords.prime
            hash = BatchWords.mix(hash)
        }
        return hash
    }

    /// The parameters of the hash functions: fixed, so signatures are comparable across runs.
    private static func functions(_ count: Int) -> ([UInt64], [UInt64]) {
        let multipliers = (0..<count).map { BatchWords.mix(UInt64($0) &* 2 &+ 0x51ed) | 1 }
        let addends = (0..<count).map { BatchWords.mix(UInt64($0) &* 2 &+ 0x51ee) }
        return (multipliers, addends)
    }

    /// Estimated Jaccard similarity of the two shingle sets (0 when either is empty or the sketches differ
    /// in size).
    public func similarity(to other: DuplicateSignature) -> Double {
        guard !minHash.isEmpty, minHash.count == other.minHash.count else { return 0 }
        var equal = 0
        for index in minHash.indices where minHash[index] == other.minHash[index] { equal += 1 }
        return Self.jaccard(equal: equal, of: minHash.count)
    }

    /// Estimated share of the smaller document's shingles that the other also has (0 when either is empty).
    public func containment(with other: DuplicateSignature) -> Double {
        Self.containment(jaccard: similarity(to: other), shingles: shingles, otherShingles: other.shingles)
    }

    /// The Jaccard estimate from `equal` agreeing positions out of `count`, corrected for the chance
    /// agreement of two 16-bit values (1/65536).
    static func jaccard(equal: Int, of count: Int) -> Double {
        let chance = 1.0 / 65536
        let raw = Double(equal) / Double(max(count, 1))
        return max(0, (raw - chance) / (1 - chance))
    }

    /// Smallest size ratio (shorter over longer shingle set) at which containment is believed: below it a
    /// short text (a teaser, a caption) inside a long article is not a copy of it, and the Jaccard
    /// estimate is returned instead.
    static let containmentMinimumRatio = 0.2

    /// Containment from a Jaccard estimate and the two set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J),
    /// over the smaller set (the Jaccard estimate when the sizes differ more than
    /// `containmentMinimumRatio` allows).
    static func containment(jaccard: Double, shingles: Int32, otherShingles: Int32) -> Double {
        let smaller = Double(min(shingles, otherShingles))
        guard smaller > 0 else { return 0 }
        guard smaller >= containmentMinimumRatio * Double(max(shingles, otherShingles)) else { return jaccard }
        let intersection = jaccard * Double(shingles + otherShingles) / (1 + jaccard)
        return min(1, intersection / smaller)
    }
}

extension DuplicateSignature: JSONWritableSummary {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("exact")
        writer.value(exact)
        writer.key("minHash")
        writer.beginArray()
        for value in minHash { writer.value(Int(value)) }
        writer.endArray()
        writer.field("shingles", Int(shingles))
        writer.field("words", Int(words))
        writer.endObject()
    }
}
