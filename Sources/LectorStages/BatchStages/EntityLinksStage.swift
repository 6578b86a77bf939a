import LectorCore

/// `link-entities`: one batch entity per real-world entity across the documents (case variants,
/// short and long person names when unambiguous, acronyms; see `BatchEntityLinker`). Each mention
/// gets the attribute `entity_id` (`E1`, `E2`… in order of first appearance) and, as its `canonical`,
/// the batch entity's name, so `documents.jsonl`, `entities.csv` and the entity pages are per batch
/// entity.
///
/// Summary: the document's distinct entity names with counts (`EntityMentionSummary`, about 30 bytes
/// a name). Reduce: every summary is kept until linking runs, so about 30 bytes per distinct name per
/// document, plus the batch's distinct names.
public struct EntityLinksStage: BatchStage {
    public static let name = "link-entities"
    public static let summary = "Entities across documents: one batch entity per real-world entity (entity_id)."
    public static let defaultRequires: Set<Layer> = [.entity]

    public struct Options: DeclaredOptions {
        public var contextLinks: Bool = true

        public init() {}

        public static let declarations: [OptionDeclaration<Options>] = [
            .value(
                "context-links", \.contextLinks, type: "boolean",
                "link an ambiguous surname by the other entities of its document"),
        ]
    }

    public let options: Options

    public init(options: Options) throws {
        self.options = options
    }

    public func summarize(_ document: Document) -> EntityMentionSummary {
        EntityMentionSummary(document: document)
    }

    public func makeReduction() -> Reduction {
        Reduction(linker: BatchEntityLinker(options: BatchEntityLinker.Options(contextLinks: options.contextLinks)))
    }

    public func apply(_ result: Links, ordinal: Int, to document: inout Document) -> BatchVerdict {
        guard let slot = result.slots[ordinal], slot < result.links.ids.count else { return .keep }
        let ids = result.links.ids[slot]
        // The summary's mentions, by label and name as it stores them (the document is as it was
        // summarized; the reduce kept its summary, so it is not built again here).
        guard slot < result.summaries.count else { return .keep }
        var positions: [String: Int] = [:]
        for (index, mention) in result.summaries[slot].mentions.enumerated() {
            positions[mention.label + "\u{1F}" + mention.name] = index
        }
        let entities = document.annotations(.entity).map { mention in
            var mention = mention
            let name = BatchEntityName.collapseSpaces(mention.attributes["canonical"] ?? document.text(in: mention.range))
            if let index = positions[mention.label + "\u{1F}" + name], index < ids.count,
                ids[index] < result.links.entities.count
            {
                let entity = result.links.entities[ids[index]]
                mention.attributes[BatchField.entityID] = "E\(entity.id + 1)"
                mention.attributes["canonical"] = entity.name
            }
            return mention
        }
        document.set(entities, for: .entity)
        return .keep
    }

    /// The linked batch: the linker's result and which of its documents each ordinal is.
    public struct Links: Sendable {
        public var links: BatchEntityLinks
        public var slots: [Int: Int]
        /// Each slot's summary as the reduce received it.
        public var summaries: [EntityMentionSummary]
    }

    /// The summaries so far, with their ordinals.
    public struct Reduction: BatchReduction {
        var linker: BatchEntityLinker
        var summaries: [EntityMentionSummary] = []
        var slots: [Int: Int] = [:]

        public mutating func add(_ summary: EntityMentionSummary, ordinal: Int, id: String) {
            slots[ordinal] = summaries.count
            summaries.append(summary)
        }

        public func finish() -> Links { Links(links: linker.link(summaries), slots: slots, summaries: summaries) }
    }
}
