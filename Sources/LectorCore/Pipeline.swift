import Dispatch
import Foundation

/// An ordered list of stages, checked when built: every stage's `requires` must be produced by an
/// earlier stage. Shared by all lanes.
public struct Pipeline: Sendable {
    public let name: String
    public let stages: [AnyStage]

    /// Build and validate. Throws `PipelineError` naming the stage, the missing layer and who produces it.
    public init(name: String, stages: [AnyStage], registry: StageRegistry? = nil) throws {
        var available: Set<Layer> = []
        for (index, stage) in stages.enumerated() {
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
    public func process(_ document: inout Document, context: StageContext, timings: inout [UInt64]) -> DocumentFailure? {
        for (index, stage) in stages.enumerated() {
            let started = DispatchTime.now().uptimeNanoseconds
            defer { timings[index] &+= DispatchTime.now().uptimeNanoseconds &- started }
            do {
                try context.checkDeadline()
                try stage.process(&document, context: context)
            } catch {
                return DocumentFailure(id: document.id, source: document.source, stage: stage.name, message: "\(error)")
            }
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
