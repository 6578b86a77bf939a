/// Links entity names across the documents of a batch: one batch entity per real-world entity.
///
/// Given every document's `EntityMentionSummary` in input order, it gives each (document, name) a
/// batch entity id. Rules, in order:
/// 1. **Case and form variants** meet under one key: label plus lower-cased words without titles,
///    possessives, a leading "the" or a company-form suffix ("LEEDS" / "Leeds", "Mr Putin" / "Putin").
/// 2. **Short and long person names**: a person name links to a longer person name that contains its
///    words in order when every such longer name in the batch is the same person (after their own
///    links). A one-word name links only as a surname (the last word of the longer name). A longer name
///    that adds only an initial ("George W. Bush" over "George Bush") is kept apart: the initial is
///    what tells two people apart. When the longer names are different people ("Ed Miliband",
///    "David Miliband"), the short name stays its own entity, unless `contextLinks` is on and the
///    document's other entities point at exactly one of them (see `Options.contextLinks`).
/// 3. **Acronyms**: an organisation, place or other name written as 2–6 capitals ("UN", "U.S.") links to
///    the one name of the same label whose initials spell it, when exactly one batch entity does.
/// 4. **Organisation heads**: a one-word organisation name links to the longer organisation names it
///    begins ("Northwind" → "Northwind Energy") when they are all one entity. Not for places ("Jordan"
///    and "Jordan River" are two).
///
/// 5. **Label variants** (`mergeLabels`): the same organisation, place or other name under two of the
///    labels ORG, LOC and MISC is one entity (the recogniser's disagreements; never for persons).
///
/// Ids are dense integers in order of first appearance (document order, then the summary's order), so
/// the same summaries in the same order give the same ids whatever the lanes or shards that made them.
///
/// Memory: the distinct names of the batch (one key, counts and links each, about 100 bytes) and one
/// id per distinct name per document (4–8 bytes).
public struct BatchEntityLinker: Sendable {
    /// Options of the linker.
    public struct Options: Sendable, Hashable, Codable {
        /// Link an ambiguous short person name by the other entities of its document (safe cases only).
        public var contextLinks: Bool = true
        /// One entity for the same organisation, place or other name found with different labels (the
        /// entity recogniser's ORG/LOC/MISC disagreements). Person names are never merged this way.
        public var mergeLabels: Bool = true
        public init(contextLinks: Bool = true, mergeLabels: Bool = true) {
            self.contextLinks = contextLinks
            self.mergeLabels = mergeLabels
        }
    }

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Links the summaries (input order) into batch entities.
    public func link(_ summaries: [EntityMentionSummary]) -> BatchEntityLinks {
        var table = NameTable()
        var namesOfDocument: [[Int]] = []
        namesOfDocument.reserveCapacity(summaries.count)
        for summary in summaries {
            namesOfDocument.append(summary.mentions.map { table.add($0) })
        }
        var parent = Array(0..<table.names.count)
        linkPersons(table, parent: &parent)
        linkAcronyms(table, parent: &parent)
        linkOrganisationHeads(table, parent: &parent)
        if options.mergeLabels { mergeLabelVariants(table, parent: &parent) }
        var documentRoots: [Int: [Int]] = [:]
        if options.contextLinks {
            documentRoots = linkByContext(table, namesOfDocument: namesOfDocument, parent: &parent)
        }
        return assignIDs(
            table, summaries: summaries, namesOfDocument: namesOfDocument, parent: parent, documentRoots: documentRoots)
    }

    // MARK: - Person names

    private func linkPersons(_ table: NameTable, parent: inout [Int]) {
        // Longest names first, so a name's longer variants already know their own entity.
        let persons = table.names.indices.filter { table.names[$0].normal.label == "PER" && !table.names[$0].normal.words.isEmpty }
            .sorted { (table.names[$0].normal.words.count, $1) > (table.names[$1].normal.words.count, $0) }
        for name in persons {
            let roots = personRoots(of: name, table: table, parent: parent)
            if roots.count == 1, let root = roots.first { parent[name] = root }
        }
    }

    /// The entities of the longer person names that `name` could be short for.
    func personRoots(of name: Int, table: NameTable, parent: [Int]) -> Set<Int> {
        let words = table.names[name].normal.words
        guard let last = words.last else { return [] }
        var roots = Set<Int>()
        for other in table.personsByWord[last] ?? [] where other != name {
            let candidate = table.names[other].normal.words
            guard candidate.count > words.count, isOrderedSubset(words, of: candidate) else { continue }
            if words.count == 1 && candidate.last != last { continue }  // one word: a surname only
            if words.count > 1 && addsOnlyInitials(words, candidate) { continue }
            roots.insert(Self.root(other, parent))
        }
        return roots
    }

    /// Whether `longer`'s extra words (beyond `shorter`) are all initials.
    private func addsOnlyInitials(_ shorter: [String], _ longer: [String]) -> Bool {
        var remaining = shorter[...]
        var extra: [String] = []
        for word in longer {
            if let first = remaining.first, first == word { remaining = remaining.dropFirst() } else { extra.append(word) }
        }
        return !extra.isEmpty && extra.allSatisfy(BatchEntityName.isInitial)
    }

    private func isOrderedSubset(_ words: [String], of candidate: [String]) -> Bool {
        var position = 0
        for word in words {
            guard let found = candidate[position...].firstIndex(of: word) else { return false }
            position = found + 1
        }
        return true
    }

    // MARK: - Acronyms

    private func linkAcronyms(_ table: NameTable, parent: inout [Int]) {
        var byInitials: [String: [Int]] = [:]
        for (index, name) in table.names.enumerated() where name.normal.label != "PER" && name.normal.words.count >= 2 {
            byInitials[name.normal.label + "\u{1F}" + name.normal.initials, default: []].append(index)
        }
        for (index, name) in table.names.enumerated() where name.normal.label != "PER" {
            guard let letters = name.acronym else { continue }
            var roots = Set((byInitials[name.normal.label + "\u{1F}" + letters] ?? []).map { Self.root($0, parent) })
            if roots.isEmpty, let alias = EntityLinker.aliases[letters] {
                let aliasKey = BatchEntityName(name: alias, label: name.normal.label).key
                if let target = table.index.existing(aliasKey) { roots = [Self.root(target, parent)] }
            }
            roots.remove(Self.root(index, parent))
            if roots.count == 1, let root = roots.first { parent[Self.root(index, parent)] = root }
        }
    }

    // MARK: - Organisation heads

    /// A one-word organisation name links to the one longer organisation name it begins ("Northwind" →
    /// "Northwind Energy"), when every such name in the batch is one entity. Places are left alone: a
    /// country and a river, or a city and its airport, share a first word.
    private func linkOrganisationHeads(_ table: NameTable, parent: inout [Int]) {
        var byHead: [String: [Int]] = [:]
        for (index, name) in table.names.enumerated() where name.normal.label == "ORG" && name.normal.words.count >= 2 {
            byHead[name.normal.words[0], default: []].append(index)
        }
        for (index, name) in table.names.enumerated() where name.normal.label == "ORG" && name.normal.words.count == 1 {
            var roots = Set((byHead[name.normal.words[0]] ?? []).map { Self.root($0, parent) })
            roots.remove(Self.root(index, parent))
            if roots.count == 1, let root = roots.first { parent[Self.root(index, parent)] = root }
        }
    }

    // MARK: - Label variants

    /// The same words under ORG, LOC and MISC are one entity; the entity keeps the label of its first name.
    private func mergeLabelVariants(_ table: NameTable, parent: inout [Int]) {
        var first: [String: Int] = [:]
        for (index, name) in table.names.enumerated()
        where Self.mergeableLabels.contains(name.normal.label) && !name.normal.words.isEmpty {
            let words = name.normal.words.joined(separator: " ")
            guard let earlier = first[words] else {
                first[words] = index
                continue
            }
            let (a, b) = (Self.root(earlier, parent), Self.root(index, parent))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
    }

    static let mergeableLabels: Set<String> = ["ORG", "LOC", "MISC"]

    // MARK: - Context

    /// For each document holding a short person name that stayed ambiguous, the candidate entity its
    /// other entities point at, when exactly one candidate shares at least two of them and the others
    /// share none. Links per document (the same short name may mean different people in two
    /// documents): returns document → per-name roots overriding the batch-wide ones.
    private func linkByContext(_ table: NameTable, namesOfDocument: [[Int]], parent: inout [Int]) -> [Int: [Int]] {
        var ambiguous: [Int: Set<Int>] = [:]
        for (index, name) in table.names.enumerated() where name.normal.label == "PER" && Self.root(index, parent) == index {
            let roots = personRoots(of: index, table: table, parent: parent)
            if roots.count > 1 { ambiguous[index] = roots }
        }
        guard !ambiguous.isEmpty else { return [:] }
        // The entities each candidate appears with, over the documents that name it in full.
        let candidates = Set(ambiguous.values.flatMap { $0 })
        var company: [Int: [Int: Int]] = [:]
        for names in namesOfDocument {
            let roots = Set(names.map { Self.root($0, parent) })
            for candidate in roots where candidates.contains(candidate) {
                for other in roots where other != candidate { company[candidate, default: [:]][other, default: 0] += 1 }
            }
        }
        var overrides: [Int: [Int]] = [:]
        for (document, names) in namesOfDocument.enumerated() {
            let roots = Set(names.map { Self.root($0, parent) })
            for (position, name) in names.enumerated() {
                guard let options = ambiguous[name] else { continue }
                let shared = options.sorted().map { candidate in
                    (candidate, roots.filter { $0 != name && (company[candidate]?[$0] ?? 0) > 0 }.count)
                }
                let supported = shared.filter { $0.1 >= 2 }
                let silent = shared.filter { $0.1 == 0 }
                if supported.count == 1, silent.count == shared.count - 1, let chosen = supported.first {
                    var row = overrides[document] ?? names.map { Self.root($0, parent) }
                    row[position] = chosen.0
                    overrides[document] = row
                }
            }
        }
        return overrides
    }

    // MARK: - Ids

    private func assignIDs(
        _ table: NameTable, summaries: [EntityMentionSummary], namesOfDocument: [[Int]], parent: [Int],
        documentRoots: [Int: [Int]]
    ) -> BatchEntityLinks {
        var idOfRoot = DenseNumbering<Int>()
        var entities: [BatchEntity] = []
        var forms: [[Int: Int]] = []  // per entity: name index → mentions
        var lastDocument: [Int] = []
        var ids: [[Int]] = []
        ids.reserveCapacity(namesOfDocument.count)
        for (document, names) in namesOfDocument.enumerated() {
            let roots = documentRoots[document] ?? names.map { Self.root($0, parent) }
            var row: [Int] = []
            row.reserveCapacity(names.count)
            for (position, name) in names.enumerated() {
                let root = roots[position]
                let (id, isNew) = idOfRoot.number(root)
                if isNew {
                    entities.append(BatchEntity(id: id, name: "", label: table.names[root].normal.label))
                    forms.append([:])
                    lastDocument.append(-1)
                }
                let count = max(1, summaries[document].mentions[position].count)
                entities[id].mentions += count
                forms[id][name, default: 0] += count
                if lastDocument[id] != document {
                    lastDocument[id] = document
                    entities[id].documents += 1
                }
                row.append(id)
            }
            ids.append(row)
        }
        for id in entities.indices {
            entities[id].name = displayName(forms[id], table: table)
        }
        return BatchEntityLinks(ids: ids, entities: entities)
    }

    /// The name shown for an entity: among its longest names, the spelling used most, preferring
    /// mixed case over capitals; the first seen on a tie.
    private func displayName(_ forms: [Int: Int], table: NameTable) -> String {
        let longest = forms.keys.map { table.names[$0].normal.words.count }.max() ?? 0
        var best: (name: Int, capitals: Bool, count: Int)?
        for (name, count) in forms.sorted(by: { $0.key < $1.key })
        where table.names[name].normal.words.count == longest {
            let spelling = table.names[name].bestSpelling
            let capitals = BatchEntityName.isCapitals(spelling)
            guard let current = best else {
                best = (name, capitals, count)
                continue
            }
            if (!capitals && current.capitals) || (capitals == current.capitals && count > current.count) {
                best = (name, capitals, count)
            }
        }
        return best.map { table.names[$0.name].bestSpelling } ?? ""
    }

    static func root(_ index: Int, _ parent: [Int]) -> Int {
        var current = index
        while parent[current] != current { current = parent[current] }
        return current
    }
}

/// The result of `BatchEntityLinker.link`: ids per document and the batch entities.
public struct BatchEntityLinks: Sendable, Hashable {
    /// `ids[document][i]` is the batch entity of the document summary's `mentions[i]`.
    public var ids: [[Int]]
    /// The batch entities, indexed by id.
    public var entities: [BatchEntity]

    public init(ids: [[Int]], entities: [BatchEntity]) {
        self.ids = ids
        self.entities = entities
    }
}

/// One entity of the batch.
public struct BatchEntity: Sendable, Hashable, Codable {
    /// Dense id, in order of first appearance.
    public var id: Int
    /// The name shown for it (its longest name, mixed case preferred).
    public var name: String
    public var label: String
    /// Number of documents that mention it.
    public var documents: Int = 0
    /// Number of mentions over the batch.
    public var mentions: Int = 0

    public init(id: Int, name: String, label: String, documents: Int = 0, mentions: Int = 0) {
        self.id = id
        self.name = name
        self.label = label
        self.documents = documents
        self.mentions = mentions
    }
}

/// The distinct names of a batch, with how each is spelled and how often.
struct NameTable {
    struct Name {
        var normal: BatchEntityName
        var acronym: String?
        /// Spellings and their mention counts.
        var spellings: [String: Int] = [:]
        var firstSpelling: String

        /// The spelling used most (mixed case preferred over capitals; first seen on a tie).
        var bestSpelling: String {
            var best = firstSpelling
            var bestCount = spellings[firstSpelling] ?? 0
            var bestCapitals = BatchEntityName.isCapitals(firstSpelling)
            for (spelling, count) in spellings.sorted(by: { $0.key < $1.key }) {
                let capitals = BatchEntityName.isCapitals(spelling)
                if (!capitals && bestCapitals) || (capitals == bestCapitals && count > bestCount) {
                    best = spelling
                    bestCount = count
                    bestCapitals = capitals
                }
            }
            return best
        }
    }

    var names: [Name] = []
    var index = DenseNumbering<String>()
    var personsByWord: [String: [Int]] = [:]

    mutating func add(_ mention: EntityMentionSummary.Mention) -> Int {
        let normal = BatchEntityName(name: mention.name, label: mention.label)
        let (position, isNew) = index.number(normal.key)
        if isNew {
            names.append(Name(normal: normal, acronym: BatchEntityName.acronym(mention.name), firstSpelling: mention.name))
            if normal.label == "PER" {
                for word in Set(normal.words) { personsByWord[word, default: []].append(position) }
            }
        }
        names[position].spellings[mention.name, default: 0] += max(1, mention.count)
        if names[position].acronym == nil { names[position].acronym = BatchEntityName.acronym(mention.name) }
        return position
    }
}
