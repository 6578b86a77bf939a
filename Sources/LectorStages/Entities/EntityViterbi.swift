import Foundation

/// First-order Viterbi decoding under the tag set's constraints (IOB2: `I-X` only after `B-X`/`I-X`;
/// BILOU also closes every entity with `L-X` or `U-X`, so a sentence cannot end inside one).
package struct EntityViterbi {
    let tagCount: Int
    /// (tags + 1) × tags: whether a transition is legal; the last row is the sentence start.
    let allowed: [Bool]
    /// The tags that may precede each tag, flattened: tag `t`'s are
    /// `predecessorList[predecessorStart[t]..<predecessorStart[t + 1]]` (only these are scored).
    let predecessorList: [Int32]
    let predecessorStart: [Int32]
    /// The same for the tags that may follow each tag.
    let successorList: [Int32]
    let successorStart: [Int32]
    /// Whether a sentence may end on each tag.
    let canEnd: [Bool]

    package init(tagSet: EntityTagSet) {
        let tags = tagSet.count
        tagCount = tags
        var allowed: [Bool] = []
        for previous in 0...tags {
            for next in 0..<tags {
                allowed.append(tagSet.allows(previous == tags ? nil : previous, next))
            }
        }
        self.allowed = allowed
        func flattened(_ lists: [[Int]]) -> ([Int32], [Int32]) {
            var starts: [Int32] = [0]
            for list in lists { starts.append(starts[starts.count - 1] + Int32(list.count)) }
            return (lists.flatMap { $0.map(Int32.init) }, starts)
        }
        (predecessorList, predecessorStart) = flattened(
            (0..<tags).map { next in (0..<tags).filter { allowed[$0 * tags + next] } })
        (successorList, successorStart) = flattened(
            (0..<tags).map { previous in (0..<tags).filter { allowed[previous * tags + $0] } })
        canEnd = (0..<tags).map { tagSet.canEnd($0) }
    }

    /// The max-product forward pass: `forward[position × tags + tag]` is the best score of a path
    /// ending in `tag` at `position`, `back` its previous tag.
    private func forwardPass(
        emissions: UnsafePointer<Float>, count: Int, transitions: UnsafePointer<Float>,
        forward: UnsafeMutablePointer<Float>, back: UnsafeMutablePointer<Int8>
    ) {
        let tags = tagCount
        predecessorList.withUnsafeBufferPointer { list in
            predecessorStart.withUnsafeBufferPointer { start in
                allowed.withUnsafeBufferPointer { allowed in
                    for tag in 0..<tags {
                        let legal = allowed[tags * tags + tag]
                        forward[tag] = legal ? transitions[tags * tags + tag] + emissions[tag] : -.infinity
                        back[tag] = 0
                    }
                }
                var position = 1
                while position < count {
                    let previousRow = forward + (position - 1) * tags
                    let row = position * tags
                    for next in 0..<tags {
                        var best: Float = -.infinity
                        var bestPrevious: Int32 = 0
                        for index in Int(start[next])..<Int(start[next + 1]) {
                            let previous = list[index]
                            let candidate = previousRow[Int(previous)] + transitions[Int(previous) * tags + next]
                            if candidate > best {
                                best = candidate
                                bestPrevious = previous
                            }
                        }
                        forward[row + next] = best + emissions[row + next]
                        back[row + next] = Int8(truncatingIfNeeded: bestPrevious)
                    }
                    position += 1
                }
            }
        }
    }

    /// The best legal final tag from the last position's scores, and the path back from it.
    private func backtrack(forward: UnsafePointer<Float>, back: UnsafePointer<Int8>, count: Int) -> [Int] {
        let tags = tagCount
        let lastRow = forward + (count - 1) * tags
        var last = -1
        for tag in 0..<tags where canEnd[tag] && (last < 0 || lastRow[tag] > lastRow[last]) { last = tag }
        last = max(last, 0)
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

    /// The best legal path for `count` > 0 tokens; `forward` receives the forward scores.
    private func bestPath(emissions: [Float], count: Int, transitions: [Float], forward: inout [Float]) -> [Int] {
        forward = [Float](repeating: 0, count: count * tagCount)
        var back = [Int8](repeating: 0, count: count * tagCount)
        return emissions.withUnsafeBufferPointer { emissions in
            transitions.withUnsafeBufferPointer { transitions in
                forward.withUnsafeMutableBufferPointer { forward in
                    back.withUnsafeMutableBufferPointer { back in
                        forwardPass(
                            emissions: emissions.baseAddress!, count: count, transitions: transitions.baseAddress!,
                            forward: forward.baseAddress!, back: back.baseAddress!)
                        return backtrack(forward: forward.baseAddress!, back: back.baseAddress!, count: count)
                    }
                }
            }
        }
    }

    /// Best tag sequence for `count` tokens; `emissions` holds `count × tagCount` scores and
    /// `transitions` `(tagCount + 1) × tagCount`.
    package func decode(emissions: [Float], count: Int, transitions: [Float]) -> [Int] {
        guard count > 0 else { return [] }
        var forward: [Float] = []
        return bestPath(emissions: emissions, count: count, transitions: transitions, forward: &forward)
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
        var forward: [Float] = []
        let path = bestPath(emissions: emissions, count: count, transitions: transitions, forward: &forward)
        let lastRow = (count - 1) * tags
        var confidence = [Float](repeating: 1, count: count)
        guard path.contains(where: { $0 != 0 }) else { return (path, confidence) }
        var backward = [Float](repeating: 0, count: count * tags)
        for tag in 0..<tags where !canEnd[tag] { backward[lastRow + tag] = -.infinity }
        emissions.withUnsafeBufferPointer { emissions in
            transitions.withUnsafeBufferPointer { transitions in
                backward.withUnsafeMutableBufferPointer { backward in
                    successorList.withUnsafeBufferPointer { list in
                        successorStart.withUnsafeBufferPointer { start in
                            for position in stride(from: count - 2, through: 0, by: -1) {
                                let nextRow = (position + 1) * tags
                                for previous in 0..<tags {
                                    var best: Float = -.infinity
                                    for index in Int(start[previous])..<Int(start[previous + 1]) {
                                        let next = Int(list[index])
                                        let candidate =
                                            transitions[previous * tags + next] + emissions[nextRow + next]
                                            + backward[nextRow + next]
                                        if candidate > best { best = candidate }
                                    }
                                    backward[position * tags + previous] = best
                                }
                            }
                        }
                    }
                }
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
