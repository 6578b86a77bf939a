/// Turns one source file into documents. Implemented by LectorMarkup's `FormatReader`; a reader
/// never throws: unreadable, binary or hostile input becomes `.failed` outcomes.
public protocol DocumentReader: Sendable {
    func read(_ source: Source) -> [DocumentOutcome]
}
