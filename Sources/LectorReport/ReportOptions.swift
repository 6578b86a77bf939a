import LectorCore

/// The `report:` section of a pipeline file.
///
/// ```yaml
/// report:
///   html: true            # index.html, document and entity pages (default true)
///   templates: my-theme   # directory of .mustache files overriding the built-in ones
///   exports: [conll, brat]
/// ```
/// Decoded with LectorCore's `ConfigDecoder`: every key is optional and unknown keys are rejected.
public struct ReportOptions: Decodable, Sendable {
    /// Export formats that `exports` accepts.
    public static let knownExports = ["brat", "conll"]

    /// Write the HTML pages (the data files are always written).
    public var html: Bool
    /// A directory whose `.mustache` files replace the built-in templates of the same name.
    public var templates: ConfigPath?
    /// Extra exports on request: `conll` (token/label columns) and `brat` (standoff `.ann` files).
    public var exports: [String]
    /// Documents per index data file (`data/rows-N.js`), loaded by the index page on demand.
    public var rowsPerDataFile: Int
    /// Entity page files at most (a power of two, 1...1024): entity sections are grouped into this
    /// many pages. The command line sizes it to the corpus (`entityPageBuckets(forSources:)`), so a
    /// small run writes a few pages and a large one never more than 1,024.
    public var entityPageBuckets: Int

    /// The defaults: HTML on, built-in templates, no extra exports.
    public init() {
        html = true
        templates = nil
        exports = []
        rowsPerDataFile = 1000
        entityPageBuckets = 1024
    }

    /// Entity page files for a run over `sources` sources: about one per two sources, a power of
    /// two between 16 and 1,024.
    public static func entityPageBuckets(forSources sources: Int) -> Int {
        var buckets = 16
        while buckets < 1024 && buckets * 2 <= sources { buckets *= 2 }
        return buckets
    }

    enum CodingKeys: String, CodingKey {
        case html, templates, exports
    }

    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        html = try container.decodeIfPresent(Bool.self, forKey: .html) ?? html
        templates = try container.decodeIfPresent(ConfigPath.self, forKey: .templates)
        let exports = try container.decodeIfPresent([String].self, forKey: .exports) ?? []
        for name in exports where !Self.knownExports.contains(name) {
            throw DecodingError.dataCorruptedError(
                forKey: .exports, in: container,
                debugDescription: "unknown export '\(name)'; available: \(Self.knownExports.joined(separator: ", "))")
        }
        self.exports = exports
    }

    var exportsCoNLL: Bool { exports.contains("conll") }
    var exportsBrat: Bool { exports.contains("brat") }
}
