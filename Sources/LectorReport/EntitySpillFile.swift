/// One spill file read back: its entities aggregated from their sightings, ready to render.
///
/// Holds the file's bytes and, per entity, the offsets of its records; strings are decoded only when
/// a page is written. Sightings arrive in input order, so an entity's documents and samples do too.
struct EntitySpillFile {
    /// One document an entity appears in: which, how often, and where its record starts.
    struct Appearance {
        var document: Int32
        var count: Int32
        var record: Int32
    }

    struct Entity {
        var key: EntityKey
        var mentions = 0
        var appearances: [Appearance] = []
    }

    /// A record's fields: numbers, and byte ranges of its strings in `bytes`.
    struct Record {
        var label: Range<Int>
        var name: Range<Int>
        var document: Int
        var count: Int
        var stem: Range<Int>
        var title: Range<Int>
        var anchor: Range<Int>
        var before: Range<Int>
        var mention: Range<Int>
        var after: Range<Int>
        var companions: [(label: Range<Int>, name: Range<Int>)]
    }

    let reader: SpillRecordReader
    private(set) var entities: [Entity] = []

    /// Read and aggregate `bytes`; throws on a malformed file (the report writer wrote it itself).
    init(bytes: [UInt8], buckets: Int) throws {
        reader = SpillRecordReader(bytes)
        var cursor = reader
        var ids: [EntityKey: Int] = [:]
        while !cursor.atEnd {
            let start = cursor.position
            guard let record = Self.parse(&cursor) else { throw ReportError.io("entity spill file is truncated") }
            let key = EntityKey(label: reader.string(record.label), name: reader.string(record.name), buckets: buckets)
            let id: Int
            if let known = ids[key] {
                id = known
            } else {
                id = entities.count
                ids[key] = id
                entities.append(Entity(key: key))
            }
            entities[id].mentions += record.count
            entities[id].appearances.append(
                Appearance(document: Int32(clamping: record.document), count: Int32(clamping: record.count),
                    record: Int32(clamping: start)))
        }
    }

    /// The record starting at `offset`.
    func record(at offset: Int32) -> Record? {
        var cursor = reader
        cursor.position = Int(offset)
        return Self.parse(&cursor)
    }

    private static func parse(_ cursor: inout SpillRecordReader) -> Record? {
        guard let label = cursor.span(), let name = cursor.span(), let document = cursor.number(),
            let count = cursor.number(), let stem = cursor.span(), let title = cursor.span(),
            let anchor = cursor.span(), let before = cursor.span(), let mention = cursor.span(),
            let after = cursor.span(), let companionCount = cursor.number(), companionCount <= 64
        else { return nil }
        var companions: [(label: Range<Int>, name: Range<Int>)] = []
        companions.reserveCapacity(companionCount)
        for _ in 0..<companionCount {
            guard let label = cursor.span(), let name = cursor.span() else { return nil }
            companions.append((label, name))
        }
        return Record(
            label: label, name: name, document: document, count: count, stem: stem, title: title, anchor: anchor,
            before: before, mention: mention, after: after, companions: companions)
    }

    /// Entities sharing documents with entity `id`, as counted from the companions recorded with its
    /// sightings: most documents first, then by name and label; at most `limit`.
    func companions(of id: Int, limit: Int) -> [(key: EntityKey, documents: Int)] {
        let buckets = entities[id].key.buckets
        var counts: [EntityKey: Int] = [:]
        for appearance in entities[id].appearances {
            guard let record = record(at: appearance.record) else { continue }
            for companion in record.companions {
                let key = EntityKey(
                    label: reader.string(companion.label), name: reader.string(companion.name), buckets: buckets)
                counts[key, default: 0] += 1
            }
        }
        return counts.map { (key: $0.key, documents: $0.value) }.sorted { lhs, rhs in
            if lhs.documents != rhs.documents { return lhs.documents > rhs.documents }
            return lhs.key.name != rhs.key.name ? lhs.key.name < rhs.key.name : lhs.key.label < rhs.key.label
        }.prefix(limit).map { $0 }
    }
}

/// Per label: how many entities and mentions, and the leading entities for the index's charts.
struct EntityLabelTally: Sendable {
    struct Leader: Sendable {
        var key: EntityKey
        var documents: Int
        var mentions: Int
    }

    var entities = 0
    var mentions = 0
    /// Best first: most documents, then most mentions, then by name.
    var leaders: [Leader] = []

    static func precedes(_ lhs: Leader, _ rhs: Leader) -> Bool {
        if lhs.documents != rhs.documents { return lhs.documents > rhs.documents }
        if lhs.mentions != rhs.mentions { return lhs.mentions > rhs.mentions }
        return lhs.key.name < rhs.key.name
    }

    /// Add `other`'s counts and keep the best `limit` leaders of both.
    mutating func merge(_ other: EntityLabelTally, limit: Int) {
        entities += other.entities
        mentions += other.mentions
        leaders = Array((leaders + other.leaders).sorted(by: Self.precedes).prefix(limit))
    }

    mutating func offer(_ leader: Leader, limit: Int) {
        if leaders.count == limit, let last = leaders.last, !Self.precedes(leader, last) { return }
        var position = leaders.count
        while position > 0 && Self.precedes(leader, leaders[position - 1]) { position -= 1 }
        leaders.insert(leader, at: position)
        if leaders.count > limit { leaders.removeLast() }
    }
}
