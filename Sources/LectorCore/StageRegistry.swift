import Foundation

/// The stages a pipeline file may name, by name. A value, not a global: start from
/// `StageRegistry.builtins` (in LectorStages) and `register` your own.
public struct StageRegistry: Sendable {
    /// How to make one kind of stage from its options.
    public struct Entry: Sendable {
        public var name: String
        public var summary: String
        public var optionHelp: [OptionHelp]
        public var defaultRequires: Set<Layer>
        public var defaultProduces: Set<Layer>
        public var make: @Sendable (_ options: ConfigNode, _ keyPath: String, _ decoder: ConfigDecoder) throws -> AnyStage

        public init(
            name: String, summary: String, optionHelp: [OptionHelp], defaultRequires: Set<Layer>,
            defaultProduces: Set<Layer>,
            make: @escaping @Sendable (ConfigNode, String, ConfigDecoder) throws -> AnyStage
        ) {
            self.name = name
            self.summary = summary
            self.optionHelp = optionHelp
            self.defaultRequires = defaultRequires
            self.defaultProduces = defaultProduces
            self.make = make
        }
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    /// Add (or replace) a stage type under `S.name`.
    public mutating func register<S: Stage>(_ type: S.Type) {
        register(
            Entry(
                name: S.name, summary: S.summary, optionHelp: S.optionHelp, defaultRequires: S.defaultRequires,
                defaultProduces: S.defaultProduces,
                make: { node, keyPath, decoder in
                    let options = try decoder.decode(S.Options.self, from: node, keyPath: keyPath)
                    do {
                        return AnyStage(try S(options: options))
                    } catch let error as ConfigError {
                        throw error
                    } catch {
                        throw ConfigError(at: node.location, keyPath: keyPath, "stage '\(S.name)' could not start: \(error)")
                    }
                }))
    }

    /// Add (or replace) a batch stage type under `B.name` (see `BatchStage`).
    public mutating func register<B: BatchStage>(batch type: B.Type) {
        register(
            Entry(
                name: B.name, summary: B.summary, optionHelp: B.optionHelp, defaultRequires: B.defaultRequires,
                defaultProduces: [],
                make: { node, keyPath, decoder in
                    let options = try decoder.decode(B.Options.self, from: node, keyPath: keyPath)
                    do {
                        return AnyStage(batch: try B(options: options))
                    } catch let error as ConfigError {
                        throw error
                    } catch {
                        throw ConfigError(at: node.location, keyPath: keyPath, "stage '\(B.name)' could not start: \(error)")
                    }
                }))
    }

    /// The batch stage that counts document frequencies, placed by the pipeline builder right before
    /// the first stage that `usesBatchStatistics` (nil: such stages fall back to their built-in table).
    public var documentFrequencies: AnyStage?

    public mutating func register(_ entry: Entry) { entries[entry.name] = entry }

    /// Registered names, sorted.
    public var names: [String] { entries.keys.sorted() }

    public func entry(named name: String) -> Entry? { entries[name] }

    /// All entries, sorted by name.
    public var allEntries: [Entry] { entries.values.sorted { $0.name < $1.name } }

    /// Names of registered stages that produce `layer` by default.
    public func producers(of layer: Layer) -> [String] {
        allEntries.filter { $0.defaultProduces.contains(layer) }.map(\.name)
    }
}
