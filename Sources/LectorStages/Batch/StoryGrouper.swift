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
/// come from an inverted index over story features that leaves out features of more than
/// `indexedFrequencyLimit` documents, so the reduce is not quadratic. A second pass
/// (`mergeStories`) joins a story to an earlier one whose centroid is as similar (same threshold, days
/// close): the single pass splits a story whose first reports differ. Defaults measured on three sets
/// of `Benchmarks/batch` that pull opposite ways: the lower the threshold, the better the DUC-2001
/// topic clusters (B³ F1 0.91 at 0.15, 0.80 at 0.25) and the hand-written events (0.96, 0.94), the
/// worse 1,157 news articles and their copies, where different stories of one section merge (0.80,
/// 0.93). 0.25 with entities weighted as terms (they are words of the text too) is the compromise.
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
        public var threshold: Double = 0.25
        /// Largest gap in days between a document and a story's first or last day (when both are known).
        public var days: Int = 3
        /// Weight of an entity relative to a term.
        public var entityWeight: Double = 1
        /// Features kept per story.
        public var storyFeatures: Int = 60
        /// Join stories whose centroids are similar after the single pass.
        public var mergeStories: Bool = true
        public init(
            threshold: Double = 0.25, days: Int = 3, entityWeight: Double = 1, storyFeatures: Int = 60,
            mergeStories: Bool = true
        ) {
            self.threshold = min(max(threshold, 0), 1)
            self.days = max(0, days)
            self.entityWeight = max(0, entityWeight)
            self.storyFeatures = max(1, storyFeatures)
            self.mergeStories = mergeStories
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
            log(total + 1) - log(Double(documentFrequency[feature] ?? 0) + 1) + 1
        }
        func isIndexed(_ feature: UInt64) -> Bool { (documentFrequency[feature] ?? 0) <= Self.indexedFrequencyLimit }
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
            let norm = (vector.reduce(0) { $0 + $1.weight * $1.weight }).squareRoot()
            var best: (story: Int, score: Double)?
            if norm > 0 {
                var candidates = Set<Int32>()
                for (feature, _) in vector where isIndexed(feature) { candidates.formUnion(postings[feature] ?? []) }
                for story in candidates.sorted() where norms[Int(story)] > 0 {
                    let centroid = centroids[Int(story)]
                    let dot = vector.reduce(0.0) { $0 + $1.weight * (centroid[$1.feature] ?? 0) }
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
                for feature in centroid.keys where !keptKeys.contains(feature) && isIndexed(feature) {
                    postings[feature]?.removeAll { $0 == Int32(story) }
                }
                centroid = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
            }
            for feature in centroid.keys where centroids[story][feature] == nil && isIndexed(feature) {
                postings[feature, default: []].append(Int32(story))
            }
            centroids[story] = centroid
            norms[story] = Self.norm(centroid)
        }
        if options.mergeStories {
            return mergeSimilarStories(
                ids: ids, stories: stories, centroids: centroids, norms: norms, postings: postings, isIndexed: isIndexed)
        }
        return (ids, stories)
    }

    /// The second pass: a story whose centroid is as similar as `threshold` to an earlier story's (and whose
    /// days are close) joins it. The single pass splits a story whose first reports differ; this joins the
    /// pieces. Ids are then renumbered in order of each story's first document.
    private func mergeSimilarStories(
        ids: [Int], stories: [Story], centroids: [[UInt64: Double]], norms: [Double], postings: [UInt64: [Int32]],
        isIndexed: (UInt64) -> Bool
    ) -> (ids: [Int], stories: [Story]) {
        var parent = Array(stories.indices)
        func root(_ story: Int) -> Int {
            var current = story
            while parent[current] != current { current = parent[current] }
            return current
        }
        var ranges = stories.map { ($0.firstDay, $0.lastDay) }
        for story in stories.indices where norms[story] > 0 {
            let features = centroids[story].sorted { $0.key < $1.key }
            var candidates = Set<Int32>()
            for (feature, _) in features where isIndexed(feature) {
                for other in postings[feature] ?? [] where Int(other) < story { candidates.insert(other) }
            }
            var best: (story: Int, score: Double)?
            for other in candidates.sorted() where norms[Int(other)] > 0 {
                let centroid = centroids[Int(other)]
                let dot = features.reduce(0.0) { $0 + $1.value * (centroid[$1.key] ?? 0) }
                let score = dot / (norms[story] * norms[Int(other)])
                let target = root(Int(other))
                guard score >= options.threshold, target != root(story), rangesClose(ranges[story], ranges[target])
                else { continue }
                if best == nil || score > best!.score { best = (target, score) }
            }
            if let best {
                let from = root(story)
                parent[from] = best.story
                let (first, last) = ranges[from]
                ranges[best.story] = (
                    [ranges[best.story].0, first].compactMap { $0 }.min(), [ranges[best.story].1, last].compactMap { $0 }.max()
                )
            }
        }
        // Renumber in order of first document.
        var newID = DenseNumbering<Int>()
        var merged: [Story] = []
        var result: [Int] = []
        result.reserveCapacity(ids.count)
        for (document, story) in ids.enumerated() {
            let top = root(story)
            let (id, isNew) = newID.number(top)
            if isNew {
                merged.append(Story(id: id, documents: [], firstDay: ranges[top].0, lastDay: ranges[top].1))
            }
            merged[id].documents.append(document)
            result.append(id)
        }
        return (result, merged)
    }

    private func rangesClose(_ a: (Int32?, Int32?), _ b: (Int32?, Int32?)) -> Bool {
        guard let aFirst = a.0, let aLast = a.1, let bFirst = b.0, let bLast = b.1 else { return true }
        return Int(aFirst) <= Int(bLast) + options.days && Int(bFirst) <= Int(aLast) + options.days
    }

    /// The document's weighted features, sorted by feature: sums over them then run in one order in every
    /// process (Swift's dictionary order changes from run to run, and so would the rounding).
    private func features(_ summary: StorySummary, idf: (UInt64) -> Double) -> [(feature: UInt64, weight: Double)] {
        var vector: [UInt64: Double] = [:]
        for term in summary.terms { vector[term, default: 0] += idf(term) }
        for entity in summary.entities {
            vector[entity ^ Self.entitySalt, default: 0] += options.entityWeight * idf(entity ^ Self.entitySalt)
        }
        return vector.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The Euclidean norm of a centroid, summed in feature order (deterministic rounding).
    private static func norm(_ centroid: [UInt64: Double]) -> Double {
        centroid.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
    }

    private func isClose(_ day: Int32?, _ story: Story) -> Bool {
        guard let day, let first = story.firstDay, let last = story.lastDay else { return true }
        return Int(day) >= Int(first) - options.days && Int(day) <= Int(last) + options.days
    }

    /// Features found in more documents than this are left out of the inverted index (they still count in
    /// the similarity of the candidates that rarer features find): a posting list is then at most this
    /// long, so each document meets a bounded number of candidates and the reduce stays linear in the
    /// batch. Below this many documents every feature is indexed.
    static let indexedFrequencyLimit = 1_000

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
