/// Scores sentences by one `SummaryMethod` and picks a summary from them.
///
/// Graph methods build at most `graphLimit` × `graphLimit` similarities: longer documents are first
/// narrowed to that many candidates by a linear-time centrality estimate (and the opening sentences),
/// so cost stays near-linear in the document's length.
///
/// For the default method, `scores` is the centrality alone (weighted degree); `SummaryModel` turns it
/// and the other `SentenceFeatures` into the final scores.
struct SentenceRanker: Sendable {
    var method: SummaryMethod
    var graphLimit: Int
    /// Default method: weight of a sentence's link to itself (TextRank-style self-loop, which favours
    /// sentences that carry much content), as a fraction of its self-similarity.
    var selfLinkWeight: Float = 0.2
    /// `central`: weight of the position prior added to the normalised centrality (first sentence),
    /// and its factor per sentence; chosen on BBC articles 501–1813 (see the README).
    static let centralPositionWeight: Float = 0.15
    static let centralPositionDecay: Float = 0.3

    /// A score for every sentence in `candidates` (same order).
    func scores(_ vectors: SentenceVectors, candidates: [Int]) -> [Float] {
        switch method {
        case .lead:
            return candidates.indices.map { 1 / Float($0 + 1) }
        case .centroid:
            let norm = vectors.centroidNorm
            return candidates.map { vectors.centroidCosine($0, centroidNorm: norm) }
        case .textrank, .lexrank, .default, .central:
            let nodes = narrowed(vectors, candidates: candidates)
            let nodeScores = graphScores(vectors, nodes: nodes)
            var byIndex: [Int: Float] = [:]
            for (node, score) in zip(nodes, nodeScores) { byIndex[node] = score }
            return candidates.map { byIndex[$0] ?? 0 }
        }
    }

    /// At most `graphLimit` candidates: the opening ones, then the best by linear centrality.
    private func narrowed(_ vectors: SentenceVectors, candidates: [Int]) -> [Int] {
        guard candidates.count > graphLimit, graphLimit > 0 else { return candidates }
        let opening = min(graphLimit / 4, candidates.count)
        var chosen = Set(candidates.prefix(opening))
        let rest = candidates.dropFirst(opening)
            .map { ($0, vectors.centroidScore($0)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        for (index, _) in rest.prefix(graphLimit - opening) { chosen.insert(index) }
        return candidates.filter(chosen.contains)
    }

    private func graphScores(_ vectors: SentenceVectors, nodes: [Int]) -> [Float] {
        let n = nodes.count
        guard n > 0 else { return [] }
        var weights = [Float](repeating: 0, count: n * n)
        for a in 0..<n {
            let i = nodes[a]
            // Self-loops: TextRank as commonly implemented keeps them; the default keeps a fraction.
            switch method {
            case .textrank: weights[a * n + a] = Self.logNormalised(vectors.countOverlap(i, i), vectors, i, i)
            case .default, .central:
                weights[a * n + a] = selfLinkWeight * Self.logNormalised(vectors.weightedOverlap(i, i), vectors, i, i)
            default: break
            }
            for b in (a + 1)..<max(n, a + 1) {
                let j = nodes[b]
                let similarity: Float
                switch method {
                case .lexrank:
                    let cosine = vectors.cosine(i, j)
                    similarity = cosine >= 0.1 ? cosine : 0
                case .textrank:
                    similarity = Self.logNormalised(vectors.countOverlap(i, j), vectors, i, j)
                default:
                    similarity = Self.logNormalised(vectors.weightedOverlap(i, j), vectors, i, j)
                }
                weights[a * n + b] = similarity
                weights[b * n + a] = similarity
            }
        }
        guard method == .default || method == .central else { return pageRank(weights, n: n) }
        let rank = degree(weights, n: n)
        guard method == .central else { return rank }
        // Position-aware centrality: degree normalised to 0…1 plus a prior for the opening sentences.
        let top = rank.max() ?? 0
        var prior: Float = 1
        var scores = [Float](repeating: 0, count: n)
        for a in 0..<n {
            scores[a] = (top > 0 ? rank[a] / top : 0) + Self.centralPositionWeight * prior
            prior *= Self.centralPositionDecay
        }
        return scores
    }

    /// Weighted degree: the sum of a sentence's links, its partial self-loop included. Unlike PageRank,
    /// a sentence that shares nothing with the rest (an aside, a stray caption) scores near zero.
    /// PacSum weighs links to later and earlier sentences differently; on news a forward bias only
    /// duplicated the position prior (and cost ROUGE on the BBC tuning half), so both count the same.
    private func degree(_ weights: [Float], n: Int) -> [Float] {
        var result = [Float](repeating: 0, count: n)
        for a in 0..<n {
            var sum: Float = 0
            let row = a * n
            for b in 0..<n { sum += weights[row + b] }
            result[a] = sum
        }
        return result
    }

    /// Overlap divided by the sum of the logs of the two sentences' term counts (TextRank's normaliser).
    private static func logNormalised(_ overlap: Float, _ vectors: SentenceVectors, _ i: Int, _ j: Int) -> Float {
        guard overlap > 0 else { return 0 }
        let li = Float(max(vectors.contentCounts[i], 2))
        let lj = Float(max(vectors.contentCounts[j], 2))
        return overlap / (logf(li) + logf(lj))
    }

    /// PageRank with damping 0.85 over a symmetric weight matrix (rows normalised), at most 100
    /// iterations, until the L1 change is below 1e-5.
    private func pageRank(_ weights: [Float], n: Int) -> [Float] {
        var rowSums = [Float](repeating: 0, count: n)
        for a in 0..<n {
            var sum: Float = 0
            for b in 0..<n { sum += weights[a * n + b] }
            rowSums[a] = sum
        }
        var rank = [Float](repeating: 1 / Float(n), count: n)
        var next = rank
        let base = 0.15 / Float(n)
        for _ in 0..<100 {
            var dangling: Float = 0
            for a in 0..<n where rowSums[a] == 0 { dangling += rank[a] }
            for b in 0..<n { next[b] = base + 0.85 * dangling / Float(n) }
            for a in 0..<n where rowSums[a] > 0 {
                let share = 0.85 * rank[a] / rowSums[a]
                let row = a * n
                for b in 0..<n { next[b] += weights[row + b] * share }
            }
            var change: Float = 0
            for a in 0..<n { change += abs(next[a] - rank[a]) }
            swap(&rank, &next)
            if change < 1e-5 { break }
        }
        return rank
    }

    /// Pick up to `count` candidates (indices into `candidates`) by score, with MMR redundancy removal
    /// when `redundancyWeight` > 0 and a word budget (`maxWords`, counted as `vectors.wordCounts`: a
    /// candidate that would overrun it is passed over); returned in document order. The first `kept`
    /// candidates are taken before any other (within the budget).
    func pick(
        _ vectors: SentenceVectors, candidates: [Int], scores: [Float], count: Int, maxWords: Int?,
        redundancyWeight: Float = 0, redundancyThreshold: Float = 0.5, kept: Int = 0
    ) -> [Int] {
        var remaining = Array(candidates.indices)
        var chosen: [Int] = []
        var words = 0
        for candidate in 0..<min(kept, count, candidates.count) {
            let length = vectors.wordCounts[candidates[candidate]]
            if let maxWords, words + length > maxWords { continue }
            words += length
            chosen.append(candidate)
        }
        remaining.removeAll { $0 < min(kept, count, candidates.count) }
        let useMMR = redundancyWeight > 0 && redundancyThreshold < 1
        while chosen.count < count, !remaining.isEmpty {
            var best = -1
            var bestValue = -Float.infinity
            for (position, candidate) in remaining.enumerated() {
                var value = scores[candidate]
                if useMMR {
                    var closest: Float = 0
                    for other in chosen {
                        closest = max(closest, vectors.cosine(candidates[candidate], candidates[other]))
                    }
                    value -= redundancyWeight * max(0, closest - redundancyThreshold) / (1 - redundancyThreshold)
                }
                if value > bestValue {
                    bestValue = value
                    best = position
                }
            }
            guard best >= 0 else { break }
            let candidate = remaining.remove(at: best)
            let length = vectors.wordCounts[candidates[candidate]]
            if let maxWords, words + length > maxWords { continue }
            words += length
            chosen.append(candidate)
        }
        return chosen.sorted()
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
