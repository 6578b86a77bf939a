/// A type-erased stage as the pipeline holds it.
public struct AnyStage: Sendable {
    public let name: String
    public let requires: Set<Layer>
    public let produces: Set<Layer>
    /// Whether the stage replaces the document's `text` (see `Stage.rewritesText`).
    public let rewritesText: Bool
    private let body: @Sendable (inout Document, StageContext) throws -> Void

    public init<S: Stage>(_ stage: S) {
        self.name = S.name
        self.requires = stage.requires
        self.produces = stage.produces
        self.rewritesText = S.rewritesText
        self.body = { document, context in try stage.process(&document, context: context) }
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
        self.body = process
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        try body(&document, context)
    }
}
