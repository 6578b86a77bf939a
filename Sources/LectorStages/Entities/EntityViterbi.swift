import Foundation

/// First-order Viterbi decoding over BIO tags with IOB2 constraints (`I-X` only after `B-X`/`I-X`).
struct EntityViterbi {
    let tagCount: Int
    /// (tags + 1) × tags: whether a transition is legal; the last row is the sentence start.
    let allowed: [Bool]

    init(tagSet: EntityTagSet) {
        tagCount = tagSet.count
        var allowed: [Bool] = []
        for previous in 0...tagSet.count {
            for next in 0..<tagSet.count {
                allowed.append(tagSet.allows(previous == tagSet.count ? nil : previous, next))
            }
        }
        self.allowed = allowed
    }

    /// Best tag sequence for `count` tokens; `emissions` holds `count × tagCount` scores and
    /// `transitions` `(tagCount + 1) × tagCount`.
    func decode(emissions: [Float], count: Int, transitions: [Float]) -> [Int] {
        guard count > 0 else { return [] }
        let tags = tagCount
        var score = [Float](repeating: -.infinity, count: tags)
        var nextScore = [Float](repeating: -.infinity, count: tags)
        var back = [Int8](repeating: 0, count: count * tags)
        for tag in 0..<tags where allowed[tags * tags + tag] {
            score[tag] = transitions[tags * tags + tag] + emissions[tag]
        }
        if count > 1 {
            for position in 1..<count {
                for next in 0..<tags {
                    var best: Float = -.infinity
                    var bestPrevious = 0
                    for previous in 0..<tags where allowed[previous * tags + next] {
                        let candidate = score[previous] + transitions[previous * tags + next]
                        if candidate > best {
                            best = candidate
                            bestPrevious = previous
                        }
                    }
                    nextScore[next] = best + emissions[position * tags + next]
                    back[position * tags + next] = Int8(bestPrevious)
                }
                swap(&score, &nextScore)
            }
        }
        var last = 0
        for tag in 1..<tags where score[tag] > score[last] { last = tag }
        var path = [Int](repeating: 0, count: count)
        path[count - 1] = last
        var position = count - 1
        while position > 0 {
            last = Int(back[position * tags + last])
            position -= 1
            path[position] = last
        }
        return path
    }
}

extension EntityViterbi {
    /// Perceptron scores are not probabilities: they are divided by this before normalising.
    static let temperature: Float = 8

    /// The best path and a confidence per token. For tokens tagged as part of an entity, the confidence
    /// is a softmax over tags of the max-marginal scores (best path score through each tag at that
    /// position, from a forward and a backward max pass), divided by `temperature`: cheap (no
    /// exponentials in the passes) and 1 when no other tag comes close. Tokens tagged `O` get 1.
    func decodeWithConfidence(emissions: [Float], count: Int, transitions: [Float]) -> (
        path: [Int], confidence: [Float]
    ) {
        guard count > 0 else { return ([], []) }
        let tags = tagCount
        var forward = [Float](repeating: -.infinity, count: count * tags)
        var back = [Int8](repeating: 0, count: count * tags)
        for tag in 0..<tags where allowed[tags * tags + tag] {
            forward[tag] = transitions[tags * tags + tag] + emissions[tag]
        }
        for position in stride(from: 1, to: count, by: 1) {
            for next in 0..<tags {
                var best: Float = -.infinity
                var bestPrevious = 0
                for previous in 0..<tags where allowed[previous * tags + next] {
                    let candidate = forward[(position - 1) * tags + previous] + transitions[previous * tags + next]
                    if candidate > best {
                        best = candidate
                        bestPrevious = previous
                    }
                }
                forward[position * tags + next] = best + emissions[position * tags + next]
                back[position * tags + next] = Int8(bestPrevious)
            }
        }
        var last = 0
        let lastRow = (count - 1) * tags
        for tag in 1..<tags where forward[lastRow + tag] > forward[lastRow + last] { last = tag }
        var path = [Int](repeating: 0, count: count)
        path[count - 1] = last
        var position = count - 1
        while position > 0 {
            last = Int(back[position * tags + last])
            position -= 1
            path[position] = last
        }
        var confidence = [Float](repeating: 1, count: count)
        guard path.contains(where: { $0 != 0 }) else { return (path, confidence) }
        var backward = [Float](repeating: 0, count: count * tags)
        for position in stride(from: count - 2, through: 0, by: -1) {
            for previous in 0..<tags {
                var best: Float = -.infinity
                for next in 0..<tags where allowed[previous * tags + next] {
                    let candidate =
                        transitions[previous * tags + next] + emissions[(position + 1) * tags + next]
                        + backward[(position + 1) * tags + next]
                    if candidate > best { best = candidate }
                }
                backward[position * tags + previous] = best
            }
        }
        let scale = 1 / Self.temperature
        for position in 0..<count where path[position] != 0 {
            let row = position * tags
            let chosen = forward[row + path[position]] + backward[row + path[position]]
            var total: Float = 0
            for tag in 0..<tags {
                let value = forward[row + tag] + backward[row + tag]
                if value > -.infinity { total += exp((value - chosen) * scale) }
            }
            confidence[position] = total > 0 ? min(1, 1 / total) : 0
        }
        return (path, confidence)
    }
}
