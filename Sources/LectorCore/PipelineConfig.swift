import Foundation

/// A pipeline file as written: its stages with their (still undecoded) options, and the sections
/// that other modules decode themselves (`report`, `limits`, `reader`).
///
/// ```yaml
/// name: news
/// stages:
///   - stage: clean
///   - stage: summarize
///     options: { sentences: 3 }
/// report: { html: true }
/// reader: { extract: article, xml: { item: "//story", body: "./text" } }
/// ```
public struct PipelineConfig: Sendable {
    public struct StageEntry: Sendable {
        public var stage: String
        public var options: ConfigNode
        public var location: ConfigLocation
        /// `stages[i]`, for error messages.
        public var keyPath: String
    }

    public var file: String
    public var name: String
    public var description: String
    public var stages: [StageEntry]
    public var report: ConfigNode?
    public var limits: ConfigNode?
    /// What the reader keeps: `extract`, `bias`, the `xml` profile, `jsonl` fields (decoded by the
    /// markup module's `ReaderOptions`).
    public var reader: ConfigNode?
    /// Directory relative paths are resolved against.
    public var baseDirectory: URL

    static let topLevelKeys = ["name", "description", "stages", "report", "limits", "reader"]
    static let stageKeys = ["stage", "options"]

    /// Read the structure of a pipeline file. Throws `ConfigError` with file, line and key.
    public init(root: ConfigNode, file: String, baseDirectory: URL) throws {
        self.file = file
        self.baseDirectory = baseDirectory
        guard let entries = root.entries else {
            throw ConfigError(
                at: root.location, keyPath: "", "expected a mapping with 'stages:' at the top, found \(root.kindDescription)")
        }
        for entry in entries where !Self.topLevelKeys.contains(entry.key) {
            if entry.key == "xml" {
                throw ConfigError(
                    at: entry.keyLocation, keyPath: entry.key,
                    "the top-level 'xml' section moved into the 'reader' section (reader: { xml: { item: ..., body: ... } })")
            }
            throw ConfigError(
                at: entry.keyLocation, keyPath: entry.key,
                "unknown key '\(entry.key)'; allowed: \(Self.topLevelKeys.joined(separator: ", "))")
        }
        let fallbackName = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        self.name = try Self.string(root["name"], keyPath: "name") ?? fallbackName
        self.description = try Self.string(root["description"], keyPath: "description") ?? ""
        guard let stagesNode = root["stages"] else {
            throw ConfigError(at: root.location, keyPath: "stages", "missing required key 'stages' (a list of stages)")
        }
        guard case .list(let items) = stagesNode.value else {
            throw ConfigError(
                at: stagesNode.location, keyPath: "stages", "expected a list of stages, found \(stagesNode.kindDescription)")
        }
        if items.isEmpty {
            throw ConfigError(at: stagesNode.location, keyPath: "stages", "expected at least one stage, found an empty list")
        }
        var stages: [StageEntry] = []
        for (index, item) in items.enumerated() {
            let keyPath = "stages[\(index)]"
            // `- clean` is shorthand for `- stage: clean`.
            if let name = item.scalar {
                stages.append(
                    StageEntry(stage: name, options: .emptyMap(at: item.location), location: item.location, keyPath: keyPath))
                continue
            }
            guard let fields = item.entries else {
                throw ConfigError(
                    at: item.location, keyPath: keyPath, "expected a stage ('- stage: NAME'), found \(item.kindDescription)")
            }
            for field in fields where !Self.stageKeys.contains(field.key) {
                throw ConfigError(
                    at: field.keyLocation, keyPath: "\(keyPath).\(field.key)",
                    "unknown key '\(field.key)'; allowed: stage, options")
            }
            guard let name = try Self.string(item["stage"], keyPath: "\(keyPath).stage") else {
                throw ConfigError(at: item.location, keyPath: "\(keyPath).stage", "missing required key 'stage' (the stage's name)")
            }
            let options = item["options"] ?? .emptyMap(at: item.location)
            if case .scalar = options.value {
                throw ConfigError(
                    at: options.location, keyPath: "\(keyPath).options", "expected a mapping of options, found \(options.kindDescription)")
            }
            stages.append(
                StageEntry(stage: name, options: options, location: item["stage"]?.location ?? item.location, keyPath: keyPath))
        }
        self.stages = stages
        self.report = root["report"]
        self.limits = root["limits"]
        self.reader = root["reader"]
    }

    static func string(_ node: ConfigNode?, keyPath: String) throws -> String? {
        guard let node else { return nil }
        if case .null = node.value { return nil }
        guard let text = node.scalar else {
            throw ConfigError(at: node.location, keyPath: keyPath, "expected a string, found \(node.kindDescription)")
        }
        return text
    }

    /// A decoder whose relative paths resolve against this file's directory.
    public var decoder: ConfigDecoder { ConfigDecoder(baseDirectory: baseDirectory) }

    /// Make every stage through `registry` and validate the whole. Unknown stages list the known ones;
    /// requirement errors point at the stage's line.
    public func makePipeline(registry: StageRegistry) throws -> Pipeline {
        var built: [AnyStage] = []
        var positions: [Int] = []
        for (position, entry) in stages.enumerated() {
            guard let factory = registry.entry(named: entry.stage) else {
                throw ConfigError(
                    at: entry.location, keyPath: "\(entry.keyPath).stage",
                    "unknown stage '\(entry.stage)'; available: \(registry.names.joined(separator: ", "))")
            }
            let stage = try factory.make(entry.options, "\(entry.keyPath).options", decoder)
            if stage.usesBatchStatistics, !built.contains(where: { $0.batch?.name == registry.documentFrequencies?.name }),
                let counter = registry.documentFrequencies
            {
                // `idf: batch`: the batch's document frequencies are counted right before they are used.
                built.append(counter)
                positions.append(position)
            }
            built.append(stage)
            positions.append(position)
        }
        do {
            return try Pipeline(name: name, stages: built, registry: registry)
        } catch let error as PipelineError {
            let entry = stages[positions[error.stageIndex]]
            throw ConfigError(at: entry.location, keyPath: entry.keyPath, error.message)
        }
    }
}
