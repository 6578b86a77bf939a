import Foundation
import LectorCore
@testable import LectorMarkup

/// Reads bytes with a default reader and returns the outcomes.
func readOutcomes(
    _ bytes: [UInt8], id: String = "doc", hint: String?, options: ReaderOptions = .init(htmlMode: .full)
) -> [DocumentOutcome] {
    FormatReader(options: options).read(bytes: bytes, id: id, source: id, formatHint: hint)
}

/// Reads a string as UTF-8 and returns the single processed document, or nil.
func readDocument(_ text: String, hint: String?, options: ReaderOptions = .init(htmlMode: .full)) -> Document? {
    readDocument(Array(text.utf8), hint: hint, options: options)
}

func readDocument(_ bytes: [UInt8], hint: String?, options: ReaderOptions = .init(htmlMode: .full)) -> Document? {
    let outcomes = readOutcomes(bytes, hint: hint, options: options)
    guard outcomes.count == 1, case .processed(let document) = outcomes[0] else { return nil }
    return document
}

/// The failure message of a single failed outcome, or nil.
func failureMessage(_ outcomes: [DocumentOutcome]) -> String? {
    guard outcomes.count == 1, case .failed(let failure) = outcomes[0] else { return nil }
    return failure.message
}

/// The blocks of a document's text.
func blocks(_ document: Document) -> [String] {
    document.annotations(.paragraph).map { document.text(in: $0.range) }
}

/// The repository root, derived from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
