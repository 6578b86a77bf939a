/// Scores sentences by one `SummaryMethod` and picks a summary from them.
///
/// Graph methods build at most `graphLimit` × `graphLimit` similarities: longer documents are first
/// narrowed to that many candidates by a linear-time centrality estimate (and the opening sentences),
/// so cost stays near-linear in the document's length.
struct SentenceRanker: Sendable {
    var method: SummaryMethod
    var graphLimit: Int
    /// Weight of later-sentence links against earlier-sentence links in the default method (PacSum's
    /// λ2/λ1): above 1 favours sentences that later ones elaborate, as news openings are.
    var forwardWeight: Float = 1.25
    /// Weight of the position prior in the default method (added to the normalised centrality).
    var positionWeight: Float = 0.25
    /// How fast the position prior decays per sentence.
    var positionDecay: Float = 0.75
    /// Redundancy penalty of MMR in the default method (times the cosine to the closest chosen one).
    var redundancyWeight: Float = 0.3

    /// A score for every sentence in `candidates` (same order).
    func scores(_ vectors: SentenceVectors, candidates: [Int]) -> [Float] {
        switch method {
        case .lead:
            return candidates.indices.map { 1 / Float($0 + 1) }
        case .centroid:
            let norm = vectors.centroidNorm
            return candidates.map { vectors.centroidCosine($0, centroidNorm: norm) }
        case .textrank, .lexrank, .default:
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
            .map { ($0, vectors.centroidScore($0, idfPower: 0.5)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        for (index, _) in rest.prefix(graphLimit - opening) { chosen.insert(index) }
        return candidates.filter(chosen.contains)
    }

    private func graphScores(_ vectors: SentenceVectors, nodes: [Int]) -> [Float] {
        let n = nodes.count
        guard n > 0 else { return [] }
        var weights = [Float](repeating: 0, count: n * n)
        for a in 0..<n {
            for b in (a + 1)..<max(n, a + 1) {
                let i = nodes[a]
                let j = nodes[b]
                let similarity: Float
                switch method {
                case .lexrank:
                    let cosine = vectors.cosine(i, j)
                    similarity = cosine >= 0.1 ? cosine : 0
                case .textrank:
                    similarity = Self.logNormalised(vectors.sharedTerms(i, j), vectors, i, j)
                default:
                    similarity = Self.logNormalised(vectors.weightedOverlap(i, j), vectors, i, j)
                }
                weights[a * n + b] = similarity
                weights[b * n + a] = similarity
            }
        }
        if method == .default { return positionAwareCentrality(weights, n: n) }
        return pageRank(weights, n: n)
    }

    private static func logNormalised(_ overlap: Float, _ vectors: SentenceVectors, _ i: Int, _ j: Int) -> Float {
        guard overlap > 0 else { return 0 }
        let li = Float(max(vectors.wordCounts[i], 2))
        let lj = Float(max(vectors.wordCounts[j], 2))
        return overlap / (logf(li) + logf(lj))
    }

    /// PacSum-style directed degree: links to later sentences count `forwardWeight`, to earlier ones 1;
    /// normalised to 0…1, plus a decaying position prior.
    private func positionAwareCentrality(_ weights: [Float], n: Int) -> [Float] {
        var centrality = [Float](repeating: 0, count: n)
        for a in 0..<n {
            var sum: Float = 0
            for b in 0..<n where b != a { sum += weights[a * n + b] * (b > a ? forwardWeight : 1) }
            centrality[a] = sum
        }
        let top = centrality.max() ?? 0
        var prior: Float = 1
        for a in 0..<n {
            centrality[a] = (top > 0 ? centrality[a] / top : 0) + positionWeight * prior
            prior *= positionDecay
        }
        return centrality
    }

    /// PageRank with damping 0.85 over a symmetric weight matrix (rows normalised), 50 iterations or
    /// until the change is below 1e-5.
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
        for _ in 0..<50 {
            var dangling: Float = 0
            for a in 0..<n where rowSums[a] == 0 { dangling += rank[a] }
            for b in 0..<n {
                var sum: Float = 0
                for a in 0..<n where rowSums[a] > 0 { sum += weights[a * n + b] / rowSums[a] * rank[a] }
                next[b] = base + 0.85 * (sum + dangling / Float(n))
            }
            var change: Float = 0
            for a in 0..<n { change += abs(next[a] - rank[a]) }
            swap(&rank, &next)
            if change < 1e-5 { break }
        }
        return rank
    }

    /// Pick up to `count` candidates (indices into `candidates`) by score, with MMR redundancy removal
    /// for the default method and an optional word budget; returned in document order.
    func pick(
        _ vectors: SentenceVectors, candidates: [Int], scores: [Float], count: Int, maxWords: Int?
    ) -> [Int] {
        var remaining = Array(candidates.indices)
        var chosen: [Int] = []
        var words = 0
        let useMMR = method == .default && redundancyWeight > 0
        while chosen.count < count, !remaining.isEmpty {
            var best = -1
            var bestValue = -Float.infinity
            for (position, candidate) in remaining.enumerated() {
                var value = scores[candidate]
                if useMMR {
                    var closest: Float = 0
                    for other in chosen { closest = max(closest, vectors.cosine(candidates[candidate], candidates[other])) }
                    value -= redundancyWeight * closest
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
