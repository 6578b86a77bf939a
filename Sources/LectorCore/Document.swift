/// One document flowing through a pipeline: its clean text, metadata, and standoff layers.
///
/// A value type: each stage gets it `inout`, so lanes never share a document. All annotation ranges
/// are UTF-8 byte offsets into `text`; a stage that rewrites `text` (only `clean` does) declares it
/// (`Stage.rewritesText`), runs before any layer exists, and must rebuild every layer it keeps.
///
/// Nothing a stage does to a document traps the process: an annotation outside the text is refused
/// and remembered, and the pipeline then fails this document only, naming the stage.
public struct Document: Sendable {
    /// Stable identifier: the source path relative to the input root, plus `#n` for items of a feed.
    public var id: String
    /// Path of the file the document came from, as given on the command line.
    public var source: String
    /// What the reader made of the source: `html`, `xml`, `rss`, `atom`, `nitf`, `text`.
    public var format: String
    public var title: String?
    public var text: String
    /// The first invalid write (`set`/`add` with a range outside `text`) not yet reported.
    public private(set) var invalidWrite: String?
    /// Flat string metadata (`lang`, `author`, `published`, `og:title`, …); multi-valued fields
    /// are joined with "; ".
    public var metadata: [String: String]
    public private(set) var layers: [Layer: [Annotation]]
    public var diagnostics: [Diagnostic]
    /// Size of the source in bytes (for throughput figures).
    public var sourceBytes: Int
    /// The summaries this document gives the batch stages at the runner's next barrier (JSON, one per
    /// batch stage, in pipeline order; see `BatchStage`). Kept with cached outcomes and shard results;
    /// empty once the report is written.
    public var batchSummaries: [String] = []
    /// Set when a batch stage's result said to leave this document out of the stages after it.
    public var skipsLaterStages = false

    public init(
        id: String, source: String, format: String, title: String? = nil, text: String,
        metadata: [String: String] = [:], sourceBytes: Int? = nil
    ) {
        self.id = id
        self.source = source
        self.format = format
        self.title = title
        self.text = text
        self.metadata = metadata
        self.layers = [:]
        self.diagnostics = []
        self.sourceBytes = sourceBytes ?? text.utf8.count
    }

    /// The annotations of `layer` in text order (empty when the layer is absent).
    public func annotations(_ layer: Layer) -> [Annotation] { layers[layer] ?? [] }

    /// Whether some stage has set `layer` (possibly to an empty list).
    public func has(_ layer: Layer) -> Bool { layers[layer] != nil }

    /// Replace `layer` with `annotations`, sorted by range.
    ///
    /// Every range must lie inside `text` (`0 <= start <= end <= text.utf8.count`). If one does not, the
    /// layer is left as it was and the write is recorded in `invalidWrite`: the pipeline fails the
    /// document after the stage returns, naming the stage and the range. Never traps.
    public mutating func set(_ annotations: [Annotation], for layer: Layer) {
        let limit = text.utf8.count
        if let bad = annotations.first(where: { !$0.range.isValid(within: limit) }) {
            if invalidWrite == nil {
                invalidWrite =
                    "annotation \(bad.range) in layer '\(layer)' is outside the text (\(limit) UTF-8 bytes)"
            }
            return
        }
        var sorted = annotations
        if !sorted.isSorted(by: { $0.range <= $1.range }) { sorted.sort { $0.range < $1.range } }
        layers[layer] = sorted
    }

    /// The recorded invalid write, cleared (the pipeline calls this after each stage).
    public mutating func takeInvalidWrite() -> String? {
        defer { invalidWrite = nil }
        return invalidWrite
    }

    /// The first annotation of any layer that does not fit `text` (after a rewrite of `text`), as a message.
    public func firstRangeOutsideText() -> String? {
        let limit = text.utf8.count
        for layer in layers.keys.sorted() {
            if let bad = layers[layer]?.first(where: { !$0.range.isValid(within: limit) }) {
                return "annotation \(bad.range) in layer '\(layer)' is outside the text (\(limit) UTF-8 bytes)"
            }
        }
        return nil
    }

    /// Append one annotation to `layer`, keeping the layer sorted.
    public mutating func add(_ annotation: Annotation, to layer: Layer) {
        var list = layers[layer] ?? []
        if let last = list.last, annotation.range < last.range {
            let index = list.firstIndex { annotation.range < $0.range } ?? list.endIndex
            list.insert(annotation, at: index)
        } else {
            list.append(annotation)
        }
        set(list, for: layer)
    }

    /// Drop `layer` entirely.
    public mutating func remove(_ layer: Layer) { layers[layer] = nil }

    /// Drop every layer (used by stages that rewrite `text`).
    public mutating func removeAllLayers() { layers = [:] }

    /// The text covered by `range` (UTF-8 offsets; a range that splits a scalar is widened by the
    /// decoder's repair, and a range past the text is clipped to it: never a crash).
    public func text(in range: TextRange) -> String {
        let utf8 = text.utf8
        let lower = min(max(0, range.start), utf8.count)
        let upper = min(max(lower, range.end), utf8.count)
        let start = utf8.index(utf8.startIndex, offsetBy: lower)
        let end = utf8.index(start, offsetBy: upper - lower)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// Record a diagnostic.
    public mutating func note(_ severity: Diagnostic.Severity, origin: String, _ message: String) {
        diagnostics.append(Diagnostic(severity, origin: origin, message))
    }
}

extension Array {
    @inlinable
    func isSorted(by areInOrder: (Element, Element) -> Bool) -> Bool {
        var index = startIndex
        while index + 1 < endIndex {
            if !areInOrder(self[index], self[index + 1]) { return false }
            index += 1
        }
        return true
    }
}
