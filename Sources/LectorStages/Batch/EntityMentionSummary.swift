import LectorCore

/// What one document contributes to cross-document entity linking: its distinct entity names.
///
/// One entry per distinct (name, label) in order of first mention, with the number of mentions. The
/// name is the mention's in-document `canonical` form when the entities stage gave one (so "Putin"
/// in a document that also says "Vladimir Putin" arrives as "Vladimir Putin"), else its text.
/// About 30 bytes per distinct name; `Codable` for the cache and shard files.
public struct EntityMentionSummary: Codable, Sendable, Hashable {
    /// One distinct name of the document.
    public struct Mention: Codable, Sendable, Hashable {
        public var name: String
        public var label: String
        public var count: Int
        public init(name: String, label: String, count: Int = 1) {
            self.name = name
            self.label = label
            self.count = count
        }
    }

    public var mentions: [Mention]

    public init(mentions: [Mention] = []) {
        self.mentions = mentions
    }

    /// Counts each (name, label) pair, keeping the order of first appearance. Names without a letter or
    /// digit are dropped.
    public init(names: [(name: String, label: String)]) {
        var mentions: [Mention] = []
        var position: [String: Int] = [:]
        for (name, label) in names {
            let trimmed = BatchEntityName.collapseSpaces(name)
            guard trimmed.unicodeScalars.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
            else { continue }
            let key = label + "\u{1F}" + trimmed
            if let index = position[key] {
                mentions[index].count += 1
            } else {
                position[key] = mentions.count
                mentions.append(Mention(name: trimmed, label: label))
            }
        }
        self.mentions = mentions
    }

    /// The document's `entity` layer: each annotation's `canonical` attribute (else its text) and label.
    public init(document: Document) {
        self.init(
            names: document.annotations(.entity).map { annotation in
                (annotation.attributes["canonical"] ?? document.text(in: annotation.range), annotation.label)
            })
    }

    /// The position of (`name`, `label`) in `mentions` (the name as `init(names:)` stores it).
    public func index(name: String, label: String) -> Int? {
        let trimmed = BatchEntityName.collapseSpaces(name)
        return mentions.firstIndex { $0.label == label && $0.name == trimmed }
    }
}

extension EntityMentionSummary: JSONWritableSummary {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("mentions")
        writer.beginArray()
        for mention in mentions {
            writer.beginObject()
            writer.field("count", mention.count)
            writer.field("label", mention.label)
            writer.field("name", mention.name)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
