import LectorCore
import LectorMarkup
import LectorStages

/// What the reader keeps of each file, as the pipeline file asks: the `clean` stage's `extract` and
/// `bias` options and the top-level `xml:` profile.
///
/// ```yaml
/// stages:
///   - stage: clean
///     options: { extract: full, bias: recall }
/// xml:
///   item: "//story"          # each match is one document (optional)
///   body: "./text"           # relative to the item (default: the item itself)
///   title: "./headline"
///   date: "./@published"
///   author: "./byline"
/// ```
struct ReaderSettings: Equatable {
    var extract: CleanStage.Extract = .article
    var bias: CleanStage.Bias = .balanced
    var xmlProfile: XMLProfile?

    init(extract: CleanStage.Extract = .article, bias: CleanStage.Bias = .balanced, xmlProfile: XMLProfile? = nil) {
        self.extract = extract
        self.bias = bias
        self.xmlProfile = xmlProfile
    }

    /// The settings of `config`; a bad value or an XPath libxml2 cannot compile is a `ConfigError`
    /// naming file, line and key.
    init(config: PipelineConfig) throws {
        let decoder = config.decoder
        if let clean = config.stages.first(where: { $0.stage == CleanStage.name }) {
            let options = try decoder.decode(CleanStage.Options.self, from: clean.options, keyPath: "\(clean.keyPath).options")
            extract = options.extract
            bias = options.bias
        }
        guard let node = config.xml else { return }
        if case .null = node.value { return }
        guard node.entries != nil else {
            throw ConfigError(
                at: node.location, keyPath: "xml",
                "expected a mapping of XPath expressions (item, body, title, date, author), found \(node.kindDescription)")
        }
        let profile = try decoder.decode(XMLProfile.self, from: node, keyPath: "xml")
        for (field, expression) in profile.fields {
            guard let expression, !XMLProfile.compiles(expression) else { continue }
            throw ConfigError(
                at: node[field]?.location ?? node.location, keyPath: "xml.\(field)",
                "expected an XPath 1.0 expression, found '\(expression)', which does not compile")
        }
        xmlProfile = profile
    }

    /// The reader's options for a run reading files up to `maxBytes`.
    func readerOptions(maxBytes: Int) -> ReaderOptions {
        ReaderOptions(
            maxBytes: maxBytes, htmlMode: extract == .full ? .full : .article,
            bias: ReaderOptions.ExtractionBias(rawValue: bias.rawValue) ?? .balanced, xmlProfile: xmlProfile)
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
        writer.value(bias.rawValue)
        writer.key("extract")
        writer.value(extract.rawValue)
        writer.key("xml")
        if let xmlProfile {
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
