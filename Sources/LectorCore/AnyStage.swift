/// A type-erased stage as the pipeline holds it.
public struct AnyStage: Sendable {
    public let name: String
    public let requires: Set<Layer>
    public let produces: Set<Layer>
    /// Whether the stage replaces the document's `text` (see `Stage.rewritesText`).
    public let rewritesText: Bool
    /// Whether the stage reads the batch's document frequencies (`StageContext.corpus`).
    public let usesBatchStatistics: Bool
    /// The batch part of a batch stage (nil for a per-document stage, whose `process` then runs).
    public let batch: AnyBatchStage?
    private let body: @Sendable (inout Document, StageContext) throws -> Void

    public init<S: Stage>(_ stage: S) {
        self.name = S.name
        self.requires = stage.requires
        self.produces = stage.produces
        self.rewritesText = S.rewritesText
        self.usesBatchStatistics = stage.usesBatchStatistics
        self.batch = nil
        self.body = { document, context in try stage.process(&document, context: context) }
    }

    /// A batch stage: it adds no layer of its own and runs between the runner's passes (`BatchPlan`).
    public init<B: BatchStage>(batch stage: B) {
        self.name = B.name
        self.requires = stage.requires
        self.produces = []
        self.rewritesText = false
        self.usesBatchStatistics = false
        self.batch = AnyBatchStage(stage)
        self.body = { _, _ in }
    }

    /// For stages whose behaviour is built at run time (e.g. external programs).
    public init(
        name: String, requires: Set<Layer>, produces: Set<Layer>, rewritesText: Bool = false,
        process: @escaping @Sendable (inout Document, StageContext) throws -> Void
    ) {
        self.name = name
        self.requires = requires
        self.produces = produces
        self.rewritesText = rewritesText
        self.usesBatchStatistics = false
        self.batch = nil
        self.body = process
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        try body(&document, context)
    }
}
