import LectorCore

/// A plugin stage that hands back an entity one byte past the end of the text for documents whose id
/// contains "bad": the pipeline must fail that document only, naming the stage, and never trap.
package struct PastTheEndStage: Stage {
    package static let name = "past-the-end"
    package static var defaultProduces: Set<Layer> { [.entity] }
    package init(options: NoOptions) {}
    package func process(_ document: inout Document, context: StageContext) throws {
        let end = document.text.utf8.count + (document.id.contains("bad") ? 1 : 0)
        document.set([Annotation(0, end, label: "MISC")], for: .entity)
    }
}
