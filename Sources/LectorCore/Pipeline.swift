import Dispatch
import Foundation

/// An ordered list of stages, checked when built: every stage's `requires` must be produced by an
/// earlier stage, and a stage that rewrites `text` comes before every stage that produces a layer.
/// Shared by all lanes.
///
/// While it runs, the pipeline guards the document's invariants after every stage: an annotation
/// outside the text, or a change of `text` by a stage that does not declare `rewritesText`, fails
/// that document with a message naming the stage. Nothing a stage hands back traps the process.
public struct Pipeline: Sendable {
    public let name: String
    public let stages: [AnyStage]

    /// Build and validate. Throws `PipelineError` naming the stage, the missing layer and who produces it.
    public init(name: String, stages: [AnyStage], registry: StageRegistry? = nil) throws {
        var available: Set<Layer> = []
        for (index, stage) in stages.enumerated() {
            if stage.rewritesText && !available.isEmpty {
                let producers = stages[..<index].filter { !$0.produces.isEmpty }.map(\.name)
                throw PipelineError(
                    stageIndex: index,
                    message: "stage '\(stage.name)' rewrites the text, so it must come before every stage that adds a "
                        + "layer; here it follows \(producers.map { "'\($0)'" }.joined(separator: ", ")), whose layers "
                        + "(\(available.sorted().map(\.rawValue).joined(separator: ", "))) it would invalidate")
            }
            let missing = stage.requires.subtracting(available).sorted()
            if let layer = missing.first {
                let producers = registry?.producers(of: layer) ?? []
                let hint = producers.isEmpty ? "no registered stage produces it" : "produced by: \(producers.joined(separator: ", "))"
                throw PipelineError(
                    stageIndex: index,
                    message: "stage '\(stage.name)' needs layer '\(layer)', which no earlier stage produces (\(hint))")
            }
            available.formUnion(stage.produces)
        }
        self.name = name
        self.stages = stages
    }

    /// Run every stage on `document`, adding each stage's elapsed time to `timings` (nanoseconds,
    /// indexed like `stages`). A throwing stage fails the document; the failure names the stage.
    /// A document the reader built wrong (an invalid range) fails in stage `read`.
    /// `range` limits the run to some of the stages (a pass of `BatchPlan`); batch stages are skipped
    /// here (the runner runs them between passes).
    public func process(
        _ document: inout Document, context: StageContext, timings: inout [UInt64], range: Range<Int>? = nil
    ) -> DocumentFailure? {
        if let problem = document.takeInvalidWrite() {
            return DocumentFailure(id: document.id, source: document.source, stage: "read", message: problem)
        }
        for index in range ?? stages.indices {
            let stage = stages[index]
            if stage.batch != nil { continue }
            let started = Stopwatch.wallNanoseconds()
            defer { timings[index] &+= Stopwatch.wallNanoseconds() &- started }
            // Holding the text costs one retain; comparing is O(1) while the storage is shared.
            let textBefore = document.text
            do {
                try context.checkDeadline()
                try stage.process(&document, context: context)
            } catch {
                return DocumentFailure(id: document.id, source: document.source, stage: stage.name, message: "\(error)")
            }
            if let problem = Self.violation(in: &document, textRewritten: document.text != textBefore, by: stage) {
                return DocumentFailure(id: document.id, source: document.source, stage: stage.name, message: problem)
            }
        }
        return nil
    }

    /// What `stage` broke in `document`, as a message, or nil.
    static func violation(in document: inout Document, textRewritten: Bool, by stage: AnyStage) -> String? {
        if let problem = document.takeInvalidWrite() { return "invalid layer from stage '\(stage.name)': \(problem)" }
        guard textRewritten else { return nil }
        guard stage.rewritesText else {
            return "stage '\(stage.name)' changed the document's text without declaring 'rewritesText'; "
                + "the layers of earlier stages would no longer fit it"
        }
        if let problem = document.firstRangeOutsideText() {
            return "stage '\(stage.name)' rewrote the text but kept a layer that no longer fits it: \(problem)"
        }
        return nil
    }
}

/// A pipeline whose stages do not fit together.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    public var stageIndex: Int
    public var message: String
    public var description: String { message }
}

/// Why one document failed: which stage (or `read`), and what went wrong.
public struct DocumentFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var id: String
    public var source: String
    public var stage: String
    public var message: String

    public init(id: String, source: String, stage: String, message: String) {
        self.id = id
        self.source = source
        self.stage = stage
        self.message = message
    }

    public var description: String { "\(id): \(stage): \(message)" }
}

/// The result of one document: processed, or failed with a reason.
public enum DocumentOutcome: Sendable {
    case processed(Document)
    case failed(DocumentFailure)

    public var id: String {
        switch self {
        case .processed(let document): document.id
        case .failed(let failure): failure.id
        }
    }
}
