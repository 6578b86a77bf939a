import Foundation

/// Finds, for each document of a batch in input order, the earlier document it repeats.
///
/// Feed signatures in input order with `add(_:)`; each call answers at once, so the reduce streams.
/// A document is a duplicate when an earlier **original** (a document that is not itself a duplicate)
/// has the same normalised text (`exact`), or an estimated similarity at or above `threshold`; the
/// answer is the earliest such original. Every duplicate thus points at an original it resembles, and
/// originals form the groups' representatives. Documents without words are never duplicates.
///
/// Candidates come from locality-sensitive hashing (banding of the MinHash sketch, Indyk and Motwani
/// 1998; Leskovec, Rajaraman and Ullman, *Mining of Massive Datasets*, ch. 3): the sketch is cut into
/// `bands` bands of `rows` values, and only originals sharing a whole band with the new document are
/// compared, so the reduce is not quadratic. `rows` is chosen so that a pair at the threshold is a
/// candidate with probability ≥ 0.99, with at least two rows per band (below a threshold of about 0.35
/// candidates are then found with probability < 0.99: 0.95 at 0.3 with 64 hashes). For containment the
/// banding aims at half the threshold in Jaccard terms (a copy trimmed to half its original has Jaccard
/// 0.5 at containment 1): with the defaults (containment ≥ 0.5, 64 hashes) 32 bands of 2 rows, which
/// find a pair of Jaccard 0.25 with probability 0.87 and of 0.4 with 0.99.
///
/// Memory: per original, its sketch (2 × hashes bytes), its index, and one bucket entry and one chain
/// link per band (about 16 bytes each); per duplicate, one exact-hash entry. With 64 hashes and the
/// default threshold (32 bands): about 700 bytes per original, so about 0.7 GB for a million distinct
/// documents. Duplicates cost about 24 bytes each.
public struct DuplicateIndex: Sendable {
    /// When two documents count as duplicates.
    public struct Options: Sendable, Hashable, Codable {
        /// Minimum similarity (0…1) for a near-duplicate.
        public var threshold: Double = 0.5
        /// How similarity is measured.
        public var measure: Measure = .containment
        public init(threshold: Double = 0.5, measure: Measure = .containment) {
            self.threshold = min(max(threshold, 0.01), 1)
            self.measure = measure
        }
    }

    /// The similarity two sketches are compared by.
    public enum Measure: String, Sendable, Hashable, Codable, CaseIterable {
        /// Shared shingles over all shingles of the two documents.
        case jaccard
        /// Shared shingles over the shingles of the shorter document (a trimmed copy is contained in
        /// its original), when the shorter has at least a fifth of the longer's shingles (else Jaccard).
        case containment
    }

    /// Why a document is a duplicate.
    public struct Match: Sendable, Hashable {
        /// Input index of the original it repeats.
        public var original: Int
        /// Estimated similarity (1 for an exact match).
        public var similarity: Double
        /// Whether the normalised texts are identical.
        public var exact: Bool
    }

    /// Originals read from one band's bucket at most (the latest ones): a bucket that many unrelated
    /// originals share (a template's sentences) would otherwise make every new document meet them all.
    static let bucketWalkLimit = 100

    public let options: Options
    private var count = 0
    private var exactOriginal: [UInt64: Int32] = [:]
    /// Per original: its input index, shingle count and sketch.
    private var originalIndex: [Int32] = []
    private var originalShingles: [Int32] = []
    private var sketches: [UInt16] = []
    private var hashes = 0
    private var rows = 1
    private var bands = 0
    /// Band key → the last original slot holding it; `chain[slot * bands + band]` → the previous one.
    private var heads: [UInt32: Int32] = [:]
    private var chain: [Int32] = []

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Number of documents added so far.
    public var documentCount: Int { count }

    /// Add the next document (input order) and say which earlier original it duplicates, if any.
    public mutating func add(_ signature: DuplicateSignature) -> Match? {
        let index = count
        count += 1
        guard !signature.isEmpty, !signature.minHash.isEmpty else { return nil }
        if let slot = exactOriginal[signature.exact] {
            return Match(original: Int(originalIndex[Int(slot)]), similarity: 1, exact: true)
        }
        if hashes == 0 { configure(hashes: signature.minHash.count) }
        guard signature.minHash.count == hashes else { return nil }
        let keys = bandKeys(signature.minHash)
        var candidates: [Int32] = []
        for (band, key) in keys.enumerated() {
            var slot = heads[key] ?? -1
            var walked = 0
            while slot >= 0 && walked < Self.bucketWalkLimit {
                candidates.append(slot)
                slot = chain[Int(slot) * bands + band]
                walked += 1
            }
        }
        if !candidates.isEmpty {
            candidates.sort()
            var previous: Int32 = -1
            for slot in candidates where slot != previous {
                previous = slot
                let score = similarity(signature, slot: Int(slot))
                if score >= options.threshold {
                    exactOriginal[signature.exact] = slot
                    return Match(original: Int(originalIndex[Int(slot)]), similarity: score, exact: false)
                }
            }
        }
        // An original: remember it.
        let slot = Int32(originalIndex.count)
        originalIndex.append(Int32(clamping: index))
        originalShingles.append(signature.shingles)
        sketches.append(contentsOf: signature.minHash)
        exactOriginal[signature.exact] = slot
        for (band, key) in keys.enumerated() {
            _ = band
            chain.append(heads[key] ?? -1)
            heads[key] = slot
        }
        return nil
    }

    /// The original each document duplicates (nil for originals), for signatures in input order.
    public static func duplicates(of signatures: [DuplicateSignature], options: Options = Options()) -> [Match?] {
        var index = DuplicateIndex(options: options)
        return signatures.map { index.add($0) }
    }

    private mutating func configure(hashes: Int) {
        self.hashes = hashes
        // The band threshold is lowered for containment: a trimmed copy has a lower Jaccard similarity.
        let target = options.measure == .containment ? options.threshold / 2 : options.threshold
        // At least two rows per band: with one, any shared shingle common in news ("said on Monday")
        // makes a candidate, and the reduce turns quadratic.
        var chosen = min(2, hashes)
        for candidate in stride(from: hashes, through: 2, by: -1) where hashes % candidate == 0 {
            let perBand = Double(candidate)
            let probability = 1 - pow(1 - pow(target, perBand), Double(hashes / candidate))
            if probability >= 0.99 {
                chosen = candidate
                break
            }
        }
        rows = chosen
        bands = hashes / chosen
    }

    private func bandKeys(_ sketch: [UInt16]) -> [UInt32] {
        (0..<bands).map { band in
            var hash = BatchWords.offsetBasis ^ UInt64(band)
            for row in 0..<rows {
                hash = (hash ^ UInt64(sketch[band * rows + row])) &* BatchWords.prime
            }
            let mixed = BatchWords.mix(hash)
            return UInt32(truncatingIfNeeded: mixed ^ (mixed >> 32))
        }
    }

    private func similarity(_ signature: DuplicateSignature, slot: Int) -> Double {
        let base = slot * hashes
        var equal = 0
        for (offset, value) in signature.minHash.enumerated() where sketches[base + offset] == value { equal += 1 }
        let jaccard = DuplicateSignature.jaccard(equal: equal, of: hashes)
        switch options.measure {
        case .jaccard: return jaccard
        case .containment:
            return DuplicateSignature.containment(
                jaccard: jaccard, shingles: signature.shingles, otherShingles: originalShingles[slot])
        }
    }
}
