import Foundation

/// A lossless JSON form of document outcomes (every layer, UTF-8 offsets), for the run cache and
/// shard results. Not a report format: `documents.jsonl` is the one for other tools.
///
/// One source's outcomes are one JSON array; each item is either
/// `{"document": {id, source, format, title?, text, metadata, sourceBytes, diagnostics, layers}}` with
/// `layers: {name: [[start, end, label, score|null, {attributes}], …]}`, or
/// `{"failed": {id, source, stage, message}}`.
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
                for key in annotation.attributes.keys.sorted() { writer.field(key, annotation.attributes[key]!) }
                writer.endObject()
                writer.endArray()
            }
            writer.endArray()
        }
        writer.endObject()
        writer.field("metadata", document.metadata)
        writer.field("source", document.source)
        writer.field("sourceBytes", document.sourceBytes)
        writer.field("text", document.text)
        if let title = document.title { writer.field("title", title) }
        writer.endObject()
    }

    /// Decode what `encode` wrote. Throws on anything malformed (a damaged cache entry is then
    /// simply recomputed by the caller).
    public static func decode(_ bytes: [UInt8]) throws -> [DocumentOutcome] {
        guard let items = try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]] else {
            throw CodecError("not a list of outcomes")
        }
        return try items.map { item in
            if let failed = item["failed"] as? [String: Any] {
                return .failed(
                    DocumentFailure(
                        id: try string(failed, "id"), source: try string(failed, "source"),
                        stage: try string(failed, "stage"), message: try string(failed, "message")))
            }
            guard let fields = item["document"] as? [String: Any] else { throw CodecError("outcome without document") }
            return .processed(try document(fields))
        }
    }

    static func document(_ fields: [String: Any]) throws -> Document {
        var document = Document(
            id: try string(fields, "id"), source: try string(fields, "source"), format: try string(fields, "format"),
            title: fields["title"] as? String, text: try string(fields, "text"),
            metadata: fields["metadata"] as? [String: String] ?? [:],
            sourceBytes: (fields["sourceBytes"] as? NSNumber)?.intValue)
        for entry in fields["diagnostics"] as? [[String: String]] ?? [] {
            guard let severity = entry["severity"].flatMap(Diagnostic.Severity.init(rawValue:)),
                let origin = entry["origin"], let message = entry["message"]
            else { throw CodecError("malformed diagnostic") }
            document.diagnostics.append(Diagnostic(severity, origin: origin, message))
        }
        let limit = document.text.utf8.count
        for (name, value) in fields["layers"] as? [String: [[Any]]] ?? [:] {
            let annotations: [Annotation] = try value.map { item in
                guard item.count == 5, let start = (item[0] as? NSNumber)?.intValue,
                    let end = (item[1] as? NSNumber)?.intValue, let label = item[2] as? String,
                    0 <= start, start <= end, end <= limit
                else { throw CodecError("malformed annotation in layer \(name)") }
                let score = (item[3] as? NSNumber)?.doubleValue
                return Annotation(
                    range: TextRange(start: start, end: end), label: label, score: score,
                    attributes: item[4] as? [String: String] ?? [:])
            }
            document.set(annotations, for: Layer(name))
        }
        return document
    }

    static func string(_ fields: [String: Any], _ key: String) throws -> String {
        guard let value = fields[key] as? String else { throw CodecError("missing '\(key)'") }
        return value
    }

    public struct CodecError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
