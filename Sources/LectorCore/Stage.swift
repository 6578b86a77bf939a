import Dispatch

/// A step that reads a document's layers and adds its own.
///
/// Stages are values, immutable after `init`, and shared by every lane: `process` may run on many
/// threads at once and must keep no mutable state. Load models, gazetteers and tables in `init`.
public protocol Stage: Sendable {
    /// The stage's options, decoded from the pipeline file's `options:` mapping.
    associatedtype Options: Decodable & Sendable = NoOptions

    /// What a pipeline file writes after `stage:`.
    static var name: String { get }
    /// One line for `lector stages`.
    static var summary: String { get }
    /// The options a user may set, for `lector stages` (name, type, default, meaning).
    static var optionHelp: [OptionHelp] { get }

    /// Layers this kind of stage needs with its default options (used in help and error messages).
    static var defaultRequires: Set<Layer> { get }
    /// Layers this kind of stage adds with its default options.
    static var defaultProduces: Set<Layer> { get }

    /// Whether this stage replaces `text` (default false). Such a stage must come before every stage
    /// that produces a layer (checked when the pipeline is built) and must rebuild the layers it
    /// keeps; a stage that changes `text` without declaring it fails the document.
    static var rewritesText: Bool { get }

    /// Layers that must exist before this stage runs (default: `defaultRequires`).
    var requires: Set<Layer> { get }
    /// Layers this stage adds or replaces (default: `defaultProduces`).
    var produces: Set<Layer> { get }
    /// Whether this stage reads the batch's document frequencies (`StageContext.corpus`, default
    /// false): the runner then counts them over the whole batch before the stage runs.
    var usesBatchStatistics: Bool { get }

    init(options: Options) throws

    /// Add this stage's layers to `document`. Throwing fails this document only.
    func process(_ document: inout Document, context: StageContext) throws
}

extension Stage {
    public static var summary: String { "" }
    public static var optionHelp: [OptionHelp] { [] }
    public static var defaultRequires: Set<Layer> { [] }
    public static var defaultProduces: Set<Layer> { [] }
    public static var rewritesText: Bool { false }
    public var requires: Set<Layer> { Self.defaultRequires }
    public var produces: Set<Layer> { Self.defaultProduces }
    public var usesBatchStatistics: Bool { false }
}

/// For stages without options: decodes from an empty mapping (or nothing) only.
public struct NoOptions: Decodable, Sendable {
    public init() {}
    public init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: AnyKey.self)
    }
}

/// A coding key for any string.
public struct AnyKey: CodingKey {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

/// One option of a stage, as `lector stages` shows it.
public struct OptionHelp: Sendable, Hashable {
    public var name: String
    public var type: String
    public var defaultValue: String
    public var meaning: String

    public init(_ name: String, type: String, default defaultValue: String, _ meaning: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.meaning = meaning
    }
}

/// What a stage may know about the run while it processes one document.
public struct StageContext: Sendable {
    /// Which lane (0-based) runs this document: a stage may keep per-lane resources keyed by it.
    public var lane: Int
    /// When the document's time is up (nil: no limit). Long loops call `checkDeadline()`.
    public var deadline: DispatchTime?
    /// Document frequencies over the whole batch, when a stage asked for them (`usesBatchStatistics`).
    public var corpus: CorpusStatistics?

    /// What `checkDeadline` compares the deadline with (the system's uptime clock unless a test or
    /// an embedding program injects another, through `BatchRunner.clock`).
    public var clock: @Sendable () -> DispatchTime

    public init(
        lane: Int = 0, deadline: DispatchTime? = nil, corpus: CorpusStatistics? = nil,
        clock: @escaping @Sendable () -> DispatchTime = { DispatchTime.now() }
    ) {
        self.lane = lane
        self.deadline = deadline
        self.corpus = corpus
        self.clock = clock
    }

    /// Throws `DeadlineExceeded` once the document's deadline has passed. Cheap: call it per
    /// sentence or per few thousand tokens.
    public func checkDeadline() throws {
        if let deadline, clock() > deadline { throw DeadlineExceeded() }
    }
}

/// Thrown by `StageContext.checkDeadline()` when a document ran out of time.
public struct DeadlineExceeded: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "the document's deadline passed" }
}

/// Document frequencies over a batch (or a built-in table), for stages that weigh words by rarity.
public struct CorpusStatistics: Sendable {
    public var documentCount: Int
    public var documentFrequency: [String: Int]

    public init(documentCount: Int, documentFrequency: [String: Int]) {
        self.documentCount = documentCount
        self.documentFrequency = documentFrequency
    }

    /// Smoothed inverse document frequency of a lower-cased term.
    public func idf(_ term: String) -> Double {
        let df = Double(documentFrequency[term] ?? 0)
        return log((Double(documentCount) + 1) / (df + 1)) + 1
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
