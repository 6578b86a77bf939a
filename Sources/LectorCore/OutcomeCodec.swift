/// A lossless JSON form of document outcomes (every layer, UTF-8 offsets), for the run cache and
/// shard results. Not a report format: `documents.jsonl` is the one for other tools.
///
/// One source's outcomes are one JSON array; each item is either
/// `{"document": {id, source, format, title?, text, metadata, sourceBytes, diagnostics, layers}}` with
/// `layers: {name: [[start, end, label, score|null, {attributes}], …]}`, or
/// `{"failed": {id, source, stage, message}}`. A document waiting for a batch reduce also has
/// `batch: [summary JSON as a string, …]` and, when a batch stage set it aside, `skip: true`.
public enum OutcomeCodec {
    public static let formatVersion = 1

    public static func encode(_ outcomes: [DocumentOutcome]) -> [UInt8] {
        var writer = JSONWriter(capacity: 4096)
        writer.beginArray()
        for outcome in outcomes {
            writer.beginObject()
            switch outcome {
            case .processed(let document):
                writer.key("document")
                write(document, to: &writer)
            case .failed(let failure):
                writer.key("failed")
                writer.beginObject()
                writer.field("id", failure.id)
                writer.field("message", failure.message)
                writer.field("source", failure.source)
                writer.field("stage", failure.stage)
                writer.endObject()
            }
            writer.endObject()
        }
        writer.endArray()
        return writer.bytes
    }

    static func write(_ document: Document, to writer: inout JSONWriter) {
        writer.beginObject()
        if !document.batchSummaries.isEmpty {
            writer.key("batch")
            writer.beginArray()
            for summary in document.batchSummaries { writer.value(summary) }
            writer.endArray()
        }
        writer.key("diagnostics")
        writer.beginArray()
        for diagnostic in document.diagnostics {
            writer.beginObject()
            writer.field("message", diagnostic.message)
            writer.field("origin", diagnostic.origin)
            writer.field("severity", diagnostic.severity.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.field("format", document.format)
        writer.field("id", document.id)
        writer.key("layers")
        writer.beginObject()
        for layer in document.layers.keys.sorted() {
            writer.key(layer.rawValue)
            writer.beginArray()
            for annotation in document.annotations(layer) {
                writer.beginArray()
                writer.value(annotation.start)
                writer.value(annotation.end)
                writer.value(annotation.label)
                if let score = annotation.score { writer.value(score) } else { writer.null() }
                writer.beginObject()
                // Most annotations have none: skip sorting an empty key set (one call per token).
                if !annotation.attributes.isEmpty {
                    for key in annotation.attributes.keys.sorted() { writer.field(key, annotation.attributes[key]!) }
                }
                writer.endObject()
                writer.endArray()
            }
            writer.endArray()
        }
        writer.endObject()
        writer.field("metadata", document.metadata)
        if document.skipsLaterStages { writer.field("skip", true) }
        writer.field("source", document.source)
        writer.field("sourceBytes", document.sourceBytes)
        writer.field("text", document.text)
        if let title = document.title { writer.field("title", title) }
        writer.endObject()
    }

    /// Decode what `encode` wrote. Throws on anything malformed (a damaged cache entry is then
    /// simply recomputed by the caller).
    public static func decode(_ bytes: [UInt8]) throws -> [DocumentOutcome] {
        var decoder = OutcomeDecoder(bytes)
        return try decoder.outcomes()
    }

    public struct CodecError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
