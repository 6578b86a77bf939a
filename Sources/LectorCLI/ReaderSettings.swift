import LectorCore
import LectorMarkup

/// What the reader keeps of each file, as the pipeline file's top-level `reader:` section says
/// (decoded by `ReaderOptions` itself; see there for the keys).
///
/// ```yaml
/// reader:
///   extract: full
///   bias: recall
///   xml: { item: "//story", body: "./text", title: "./headline" }
///   jsonl: { body: [html, text], url: link }
/// ```
struct ReaderSettings: Equatable {
    var options = ReaderOptions()

    init(options: ReaderOptions = ReaderOptions()) {
        self.options = options
    }

    /// The settings of `config`; a bad value or an XPath libxml2 cannot compile is a `ConfigError`
    /// naming file, line and key.
    init(config: PipelineConfig) throws {
        guard let node = config.reader else { return }
        if case .null = node.value { return }
        guard node.entries != nil else {
            throw ConfigError(
                at: node.location, keyPath: "reader",
                "expected a mapping (extract, bias, xml, jsonl), found \(node.kindDescription)")
        }
        options = try config.decoder.decode(ReaderOptions.self, from: node, keyPath: "reader")
    }

    /// Settings that moved to `reader:` but are still written in their old place are configuration
    /// errors that say where they went (`extract`/`bias` were options of `clean`).
    static func checkMovedSettings(_ config: PipelineConfig) throws {
        for entry in config.stages where entry.stage == "clean" {
            for field in entry.options.entries ?? [] where field.key == "extract" || field.key == "bias" {
                throw ConfigError(
                    at: field.keyLocation, keyPath: "\(entry.keyPath).options.\(field.key)",
                    "'\(field.key)' is no longer an option of the clean stage: it moved to the top-level reader section "
                        + "(reader: { \(field.key): \(field.value.scalar ?? "...") })")
            }
        }
    }

    /// The reader's options for a run reading files up to `maxBytes`.
    func readerOptions(maxBytes: Int) -> ReaderOptions {
        var options = options
        options.maxBytes = maxBytes
        return options
    }

    /// The resolved settings as JSON (sorted keys), for the resolved configuration and cache keys.
    var json: String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.string
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("bias")
        writer.value(options.bias.rawValue)
        writer.key("extract")
        writer.value(options.htmlMode.rawValue)
        let fields = options.jsonLines
        writer.key("jsonl")
        writer.beginObject()
        writer.key("body")
        writer.beginArray()
        for name in fields.body { writer.value(name) }
        writer.endArray()
        writer.field("date", fields.date)
        writer.field("id", fields.id)
        writer.field("title", fields.title)
        writer.field("url", fields.url)
        writer.endObject()
        writer.key("xml")
        if let xmlProfile = options.xmlProfile {
            writer.beginObject()
            for (field, expression) in xmlProfile.fields.sorted(by: { $0.name < $1.name }) {
                guard let expression else { continue }
                writer.key(field)
                writer.value(expression)
            }
            writer.endObject()
        } else {
            writer.null()
        }
        writer.endObject()
    }
}
