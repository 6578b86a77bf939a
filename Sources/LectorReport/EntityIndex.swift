/// The corpus's canonical entities, gathered from each document's sightings as documents are
/// written: counts, the documents each appears in, a few sample mentions, and per document the
/// entities it holds (for co-occurrence). Kept compact: integers, and at most `sampleLimit` snippets
/// per entity.
struct EntityIndex {
    struct Sample: Sendable {
        var document: Int32
        var anchor: String
        var before: String
        var mention: String
        var after: String
    }

    struct Entry: Sendable {
        var key: EntityKey
        /// `key.href`, `key.page` and `key.anchor`, computed once (pages link to many entities).
        var href: String
        var page: String
        var anchor: String
        var mentions = 0
        /// Documents (writer indices) in the order they were written, with the count in each.
        var documents: [Int32] = []
        var counts: [Int32] = []
        var samples: [Sample] = []
    }

    static let sampleLimit = 5

    private(set) var entries: [Entry] = []
    private var ids: [EntityKey: Int32] = [:]
    /// For each document, the ids of the entities it holds.
    private(set) var documentEntities: [[Int32]] = []

    /// Add the sightings of document `document` (documents are added in increasing order).
    mutating func add(document: Int, sightings: [EntitySighting]) {
        while documentEntities.count <= document { documentEntities.append([]) }
        var held: [Int32] = []
        held.reserveCapacity(sightings.count)
        for sighting in sightings {
            let id: Int32
            if let known = ids[sighting.key] {
                id = known
            } else {
                id = Int32(entries.count)
                ids[sighting.key] = id
                let page = sighting.href.prefix { $0 != "." }
                let anchor = sighting.href.drop { $0 != "#" }.dropFirst()
                entries.append(Entry(key: sighting.key, href: sighting.href, page: String(page), anchor: String(anchor)))
            }
            held.append(id)
            entries[Int(id)].mentions += sighting.count
            entries[Int(id)].documents.append(Int32(document))
            entries[Int(id)].counts.append(Int32(sighting.count))
            if entries[Int(id)].samples.count < Self.sampleLimit {
                entries[Int(id)].samples.append(
                    Sample(
                        document: Int32(document), anchor: sighting.anchor, before: sighting.before,
                        mention: sighting.mention, after: sighting.after))
            }
        }
        documentEntities[document] = held
    }

    /// The entities that share documents with entity `id`, most shared first (ties by name), at most `limit`.
    /// `scratch` must be zeros of length `entries.count` and is left that way.
    func cooccurring(with id: Int, limit: Int, scratch: inout [Int32]) -> [(id: Int, documents: Int)] {
        var touched: [Int] = []
        for document in entries[id].documents {
            for other in documentEntities[Int(document)] where Int(other) != id {
                if scratch[Int(other)] == 0 { touched.append(Int(other)) }
                scratch[Int(other)] += 1
            }
        }
        // Keep the best `limit` by insertion: touched lists run to thousands for common entities, and
        // sorting them all was the largest cost of writing entity pages.
        func precedes(_ lhs: (id: Int, documents: Int), _ rhs: (id: Int, documents: Int)) -> Bool {
            if lhs.documents != rhs.documents { return lhs.documents > rhs.documents }
            let left = entries[lhs.id].key
            let right = entries[rhs.id].key
            return left.name != right.name ? left.name < right.name : left.label < right.label
        }
        var best: [(id: Int, documents: Int)] = []
        best.reserveCapacity(limit + 1)
        for other in touched {
            let candidate = (id: other, documents: Int(scratch[other]))
            scratch[other] = 0
            if best.count == limit, let last = best.last, !precedes(candidate, last) { continue }
            var position = best.count
            while position > 0 && precedes(candidate, best[position - 1]) { position -= 1 }
            best.insert(candidate, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    /// Entity ids of `label`, most documents first (then most mentions, then name).
    func top(label: String, limit: Int) -> [Int] {
        let ranked = entries.indices.filter { entries[$0].key.label == label }.sorted { lhs, rhs in
            let left = entries[lhs]
            let right = entries[rhs]
            if left.documents.count != right.documents.count { return left.documents.count > right.documents.count }
            if left.mentions != right.mentions { return left.mentions > right.mentions }
            return left.key.name < right.key.name
        }
        return Array(ranked.prefix(limit))
    }

    /// Labels by total mentions, most first (ties by name).
    var labels: [(label: String, mentions: Int, entities: Int)] {
        var totals: [String: (Int, Int)] = [:]
        for entry in entries {
            let current = totals[entry.key.label] ?? (0, 0)
            totals[entry.key.label] = (current.0 + entry.mentions, current.1 + 1)
        }
        return totals.map { (label: $0.key, mentions: $0.value.0, entities: $0.value.1) }.sorted {
            $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.label < $1.label
        }
    }
}
