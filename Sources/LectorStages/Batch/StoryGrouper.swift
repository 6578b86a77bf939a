import Foundation

/// Groups the documents of a batch into stories: documents about the same event.
///
/// Single-pass clustering in input order, as in topic detection and tracking (Allan et al. 1998):
/// each document is compared with the stories formed so far and joins the most similar one when the
/// similarity reaches `threshold` and its day is within `days` of the story's days; otherwise it opens
/// a new story. A document is a weighted set of features, its `StorySummary` terms and entities, each
/// weighted by its inverse document frequency over the batch (a feature shared by most of the batch
/// tells little); entities count `entityWeight` times a term. A story is the sum of its documents'
/// vectors, cut to its `storyFeatures` heaviest features; similarity is the cosine. Candidate stories
/// come from an inverted index over story features, so the reduce is not quadratic.
///
/// Story ids are dense integers in order of each story's first document: the same summaries in the
/// same order give the same ids. A duplicate (`duplicateOf`) joins its original's story without
/// weighing on it.
///
/// Memory: per document its summary while the reduce runs (about 300 bytes) and its story id; per
/// story up to `storyFeatures` weights and their postings (about 40 bytes each).
public struct StoryGrouper: Sendable {
    public struct Options: Sendable, Hashable, Codable {
        /// Minimum cosine similarity (0…1) for a document to join a story.
        public var threshold: Double = 0.3
        /// Largest gap in days between a document and a story's first or last day (when both are known).
        public var days: Int = 3
        /// Weight of an entity relative to a term.
        public var entityWeight: Double = 1.5
        /// Features kept per story.
        public var storyFeatures: Int = 60
        public init(threshold: Double = 0.3, days: Int = 3, entityWeight: Double = 1.5, storyFeatures: Int = 60) {
            self.threshold = min(max(threshold, 0), 1)
            self.days = max(0, days)
            self.entityWeight = max(0, entityWeight)
            self.storyFeatures = max(1, storyFeatures)
        }
    }

    /// One story: its documents (input indices, ascending) and its days.
    public struct Story: Sendable, Hashable {
        public var id: Int
        public var documents: [Int]
        public var firstDay: Int32?
        public var lastDay: Int32?
    }

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The story id of each document (input order), and the stories.
    public func group(_ summaries: [StorySummary], duplicateOf: [Int?]? = nil) -> (ids: [Int], stories: [Story]) {
        let documentFrequency = Self.documentFrequency(summaries)
        let total = Double(summaries.count)
        func idf(_ feature: UInt64) -> Double {
            log(total + 1) - log(Double(documentFrequency[feature] ?? 0) + 1) + 0.1
        }
        var stories: [Story] = []
        var centroids: [[UInt64: Double]] = []
        var norms: [Double] = []
        var postings: [UInt64: [Int32]] = [:]
        var ids = [Int](repeating: -1, count: summaries.count)
        for (index, summary) in summaries.enumerated() {
            if let original = duplicateOf?[safe: index] ?? nil, original < index, original >= 0, ids[original] >= 0 {
                ids[index] = ids[original]
                stories[ids[original]].documents.append(index)
                continue
            }
            let vector = features(summary, idf: idf)
            let norm = (vector.values.reduce(0) { $0 + $1 * $1 }).squareRoot()
            var best: (story: Int, score: Double)?
            if norm > 0 {
                var dots: [Int32: Double] = [:]
                for (feature, weight) in vector {
                    for story in postings[feature] ?? [] { dots[story, default: 0] += weight * (centroids[Int(story)][feature] ?? 0) }
                }
                for (story, dot) in dots.sorted(by: { $0.key < $1.key }) where norms[Int(story)] > 0 {
                    let score = dot / (norm * norms[Int(story)])
                    guard score >= options.threshold, isClose(summary.day, stories[Int(story)]) else { continue }
                    if best == nil || score > best!.score { best = (Int(story), score) }
                }
            }
            let story: Int
            if let best {
                story = best.story
                stories[story].documents.append(index)
            } else {
                story = stories.count
                stories.append(Story(id: story, documents: [index], firstDay: nil, lastDay: nil))
                centroids.append([:])
                norms.append(0)
            }
            ids[index] = story
            if let day = summary.day {
                stories[story].firstDay = min(stories[story].firstDay ?? day, day)
                stories[story].lastDay = max(stories[story].lastDay ?? day, day)
            }
            // Fold the document into its story and refresh the story's postings.
            var centroid = centroids[story]
            for (feature, weight) in vector { centroid[feature, default: 0] += weight / max(norm, 1e-9) }
            if centroid.count > options.storyFeatures {
                let kept = centroid.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(options.storyFeatures)
                let keptKeys = Set(kept.map(\.key))
                for feature in centroid.keys where !keptKeys.contains(feature) {
                    postings[feature]?.removeAll { $0 == Int32(story) }
                }
                centroid = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
            }
            for feature in centroid.keys where centroids[story][feature] == nil {
                postings[feature, default: []].append(Int32(story))
            }
            centroids[story] = centroid
            norms[story] = (centroid.values.reduce(0) { $0 + $1 * $1 }).squareRoot()
        }
        return (ids, stories)
    }

    private func features(_ summary: StorySummary, idf: (UInt64) -> Double) -> [UInt64: Double] {
        var vector: [UInt64: Double] = [:]
        for term in summary.terms { vector[term, default: 0] += idf(term) }
        for entity in summary.entities { vector[entity ^ Self.entitySalt, default: 0] += options.entityWeight * idf(entity ^ Self.entitySalt) }
        return vector
    }

    private func isClose(_ day: Int32?, _ story: Story) -> Bool {
        guard let day, let first = story.firstDay, let last = story.lastDay else { return true }
        return Int(day) >= Int(first) - options.days && Int(day) <= Int(last) + options.days
    }

    /// Keeps entity features apart from term features that happen to share a hash.
    static let entitySalt: UInt64 = 0x5bd1_e995_0000_0001

    private static func documentFrequency(_ summaries: [StorySummary]) -> [UInt64: Int] {
        var frequency: [UInt64: Int] = [:]
        for summary in summaries {
            for term in Set(summary.terms) { frequency[term, default: 0] += 1 }
            for entity in Set(summary.entities) { frequency[entity ^ entitySalt, default: 0] += 1 }
        }
        return frequency
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
