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

    /// The marginal probability of `path[i]` at each position, by forward–backward over the legal
    /// transitions with scores divided by `temperature` (log-space, so long sentences cannot overflow).
    func marginals(of path: [Int], emissions: [Float], transitions: [Float]) -> [Float] {
        let count = path.count
        guard count > 0 else { return [] }
        let tags = tagCount
        let scale = 1 / Self.temperature
        var forward = [Float](repeating: -.infinity, count: count * tags)
        var backward = [Float](repeating: 0, count: count * tags)
        for tag in 0..<tags where allowed[tags * tags + tag] {
            forward[tag] = (transitions[tags * tags + tag] + emissions[tag]) * scale
        }
        var terms = [Float](repeating: -.infinity, count: tags)
        for position in stride(from: 1, to: count, by: 1) {
            for next in 0..<tags {
                for previous in 0..<tags {
                    terms[previous] = allowed[previous * tags + next]
                        ? forward[(position - 1) * tags + previous] + transitions[previous * tags + next] * scale
                        : -.infinity
                }
                forward[position * tags + next] = Self.logSum(terms) + emissions[position * tags + next] * scale
            }
        }
        for position in stride(from: count - 2, through: 0, by: -1) {
            for previous in 0..<tags {
                for next in 0..<tags {
                    terms[next] = allowed[previous * tags + next]
                        ? transitions[previous * tags + next] * scale + emissions[(position + 1) * tags + next] * scale
                            + backward[(position + 1) * tags + next]
                        : -.infinity
                }
                backward[position * tags + previous] = Self.logSum(terms)
            }
        }
        let total = Self.logSum(Array(forward[((count - 1) * tags)..<(count * tags)]))
        return path.enumerated().map { position, tag in
            let value = exp(forward[position * tags + tag] + backward[position * tags + tag] - total)
            return value.isFinite ? min(1, max(0, value)) : 0
        }
    }

    static func logSum(_ values: [Float]) -> Float {
        let top = values.max() ?? -.infinity
        guard top > -.infinity else { return -.infinity }
        var sum: Float = 0
        for value in values { sum += exp(value - top) }
        return top + log(sum)
    }
}
