import Foundation
import LectorCore
import LectorStages

/// Learns word clusters from unlabelled text by clustering distributional context vectors — a cheaper
/// stand-in for Brown clustering that gives the same kind of feature (words used alike share a class).
///
/// 1. The `vocabularySize` most frequent word forms (case kept, at least `minimumCount` occurrences)
///    get a sparse vector of counts of the lower-cased words at offsets -2, -1, +1, +2, over the
///    `contextSize` most frequent lower-cased words.
/// 2. Counts become positive pointwise mutual information, then a seeded Gaussian random projection
///    reduces them to `dimensions` values, normalised to unit length.
/// 3. Spherical k-means (seeded initial centres, fixed iterations) gives the fine clusters; k-means over
///    the fine centres gives the middle and coarse levels, so the three levels nest.
/// Deterministic for a fixed seed.
public struct ContextClusterLearner: Sendable {
    public var vocabularySize = 40_000
    public var minimumCount = 3
    public var contextSize = 1_000
    public var dimensions = 96
    public var fineClusters = 1000
    public var middleClusters = 150
    public var coarseClusters = 40
    public var iterations = 12
    public var seed: UInt64 = 1

    public init() {}

    /// Learn clusters from `sentences` (each a list of tokens).
    public func learn(_ sentences: [[String]], log: (String) -> Void = { _ in }) -> WordClusters {
        var wordCounts: [String: Int] = [:]
        var lowerCounts: [String: Int] = [:]
        for sentence in sentences {
            for word in sentence {
                wordCounts[word, default: 0] += 1
                lowerCounts[word.lowercased(), default: 0] += 1
            }
        }
        let vocabulary = wordCounts.filter { $0.value >= minimumCount }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(vocabularySize).map(\.key)
        let contexts = lowerCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(contextSize).map(\.key)
        var wordIndex: [String: Int] = [:]
        for (index, word) in vocabulary.enumerated() { wordIndex[word] = index }
        var contextIndex: [String: Int] = [:]
        for (index, word) in contexts.enumerated() { contextIndex[word] = index }
        let boundary = contexts.count
        let width = contexts.count + 1
        log("clusters: \(vocabulary.count) words, \(contexts.count) contexts")

        // Sparse co-occurrence counts.
        var cooccurrence = [[Int32: Float]](repeating: [:], count: vocabulary.count)
        var contextTotals = [Float](repeating: 0, count: 4 * width)
        var total: Float = 0
        for sentence in sentences {
            let lowered = sentence.map { contextIndex[$0.lowercased()] ?? -1 }
            for (position, word) in sentence.enumerated() {
                guard let row = wordIndex[word] else { continue }
                for (slot, offset) in [-2, -1, 1, 2].enumerated() {
                    let other = position + offset
                    let context = other < 0 || other >= sentence.count ? boundary : lowered[other]
                    guard context >= 0 else { continue }
                    let column = slot * width + context
                    cooccurrence[row][Int32(column), default: 0] += 1
                    contextTotals[column] += 1
                    total += 1
                }
            }
        }

        // PPMI, random projection, normalisation.
        var random = SplitMix64(seed: seed)
        let columns = 4 * width
        var projection = [Float](repeating: 0, count: columns * dimensions)
        for index in projection.indices { projection[index] = Self.gaussian(&random) }
        var vectors = [Float](repeating: 0, count: vocabulary.count * dimensions)
        for (row, entries) in cooccurrence.enumerated() {
            let rowTotal = entries.values.reduce(0, +)
            guard rowTotal > 0 else { continue }
            for (column, count) in entries {
                let pmi = Foundation.log(count * total / (rowTotal * contextTotals[Int(column)]))
                guard pmi > 0 else { continue }
                let source = Int(column) * dimensions
                for dimension in 0..<dimensions {
                    vectors[row * dimensions + dimension] += pmi * projection[source + dimension]
                }
            }
            Self.normalise(&vectors, row: row, dimensions: dimensions)
        }
        cooccurrence = []

        let fine = kMeans(
            vectors, count: vocabulary.count, clusters: min(fineClusters, vocabulary.count), random: &random)
        log("clusters: fine level done")
        let middle = kMeans(
            fine.centres, count: fine.centres.count / dimensions,
            clusters: min(middleClusters, fine.centres.count / dimensions), random: &random)
        let coarse = kMeans(
            middle.centres, count: middle.centres.count / dimensions,
            clusters: min(coarseClusters, middle.centres.count / dimensions), random: &random)
        var result = WordClusters()
        for (row, word) in vocabulary.enumerated() {
            let fineId = fine.assignment[row]
            let middleId = middle.assignment[fineId]
            result.insert(
                word: word,
                packed: WordClusters.pack(fine: fineId, middle: middleId, coarse: coarse.assignment[middleId]))
        }
        return result
    }

    /// Spherical k-means over `count` unit vectors.
    private func kMeans(_ vectors: [Float], count: Int, clusters: Int, random: inout SplitMix64)
        -> (assignment: [Int], centres: [Float])
    {
        let k = max(1, clusters)
        var centres = [Float](repeating: 0, count: k * dimensions)
        var chosen = Set<Int>()
        for centre in 0..<k {
            var pick = Int(random.next() % UInt64(max(count, 1)))
            while chosen.contains(pick) && chosen.count < count { pick = (pick + 1) % count }
            chosen.insert(pick)
            for dimension in 0..<dimensions {
                centres[centre * dimensions + dimension] = vectors[pick * dimensions + dimension]
            }
        }
        var assignment = [Int](repeating: 0, count: count)
        for _ in 0..<iterations {
            vectors.withUnsafeBufferPointer { points in
                centres.withUnsafeBufferPointer { centreBuffer in
                    for row in 0..<count {
                        var best = 0
                        var bestScore: Float = -.infinity
                        for centre in 0..<k {
                            var dot: Float = 0
                            for dimension in 0..<dimensions {
                                dot +=
                                    points[row * dimensions + dimension] * centreBuffer[centre * dimensions + dimension]
                            }
                            if dot > bestScore {
                                bestScore = dot
                                best = centre
                            }
                        }
                        assignment[row] = best
                    }
                }
            }
            var sums = [Float](repeating: 0, count: k * dimensions)
            for row in 0..<count {
                for dimension in 0..<dimensions {
                    sums[assignment[row] * dimensions + dimension] += vectors[row * dimensions + dimension]
                }
            }
            for centre in 0..<k {
                var norm: Float = 0
                for dimension in 0..<dimensions {
                    norm += sums[centre * dimensions + dimension] * sums[centre * dimensions + dimension]
                }
                guard norm > 0 else { continue }
                Self.normalise(&sums, row: centre, dimensions: dimensions)
                for dimension in 0..<dimensions {
                    centres[centre * dimensions + dimension] = sums[centre * dimensions + dimension]
                }
            }
        }
        return (assignment, centres)
    }

    private static func normalise(_ vectors: inout [Float], row: Int, dimensions: Int) {
        var norm: Float = 0
        for dimension in 0..<dimensions {
            norm += vectors[row * dimensions + dimension] * vectors[row * dimensions + dimension]
        }
        guard norm > 0 else { return }
        let scale = 1 / norm.squareRoot()
        for dimension in 0..<dimensions { vectors[row * dimensions + dimension] *= scale }
    }

    private static func gaussian(_ random: inout SplitMix64) -> Float {
        let u1 = max(Double(random.next() >> 11) / Double(1 << 53), 1e-12)
        let u2 = Double(random.next() >> 11) / Double(1 << 53)
        return Float((-2 * Foundation.log(u1)).squareRoot() * cos(2 * Double.pi * u2))
    }
}
