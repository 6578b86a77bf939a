import ArgumentParser
import Foundation
import LectorCore
import LectorMarkup
import LectorReport

/// `lector run PIPELINE INPUT... --report DIR`
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a pipeline over files and folders and write a report directory.",
        discussion: """
            Exit codes: 0 every document processed; 1 fatal error; 2 bad usage or configuration \
            (nothing written); 3 finished with failed documents (report complete, failures in errors.jsonl).
            """
    )

    @Argument(help: "The pipeline file (YAML), e.g. pipelines/news.yaml.")
    var pipeline: String

    @Argument(help: "Files and folders to read (folders recursively).")
    var inputs: [String]

    @Option(name: .long, help: "The report directory to write (replaced atomically at the end).")
    var report: String

    @Option(name: .long, help: "Lanes (documents processed in parallel). Default: the active cores.")
    var jobs: Int?

    @Option(name: .customLong("max-bytes"), help: "Largest source file to read, in bytes (default 64 MiB).")
    var maxBytes: Int?

    @Option(name: .long, help: "Seconds each document may spend in the pipeline before it fails.")
    var deadline: Double?

    @Option(name: .customLong("max-failures"), help: "Abort when more documents fail than this (N or P%).")
    var maxFailures: String?

    @Option(name: .long, help: "Progress on stderr: auto (live on a terminal), live, plain, none.")
    var progress: String = "auto"

    @Flag(name: .long, help: "No progress output.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let maxBytes, maxBytes < 1 { throw ValidationError("--max-bytes must be positive") }
        if let deadline, deadline <= 0 { throw ValidationError("--deadline must be positive") }
        if let maxFailures, FailureBudget(maxFailures) == nil {
            throw ValidationError("--max-failures expects a count (10) or a percentage (5%), got '\(maxFailures)'")
        }
        if ProgressLine.Style(rawValue: progress) == nil {
            throw ValidationError("--progress must be one of: auto, live, plain, none")
        }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("no such file or directory: \(input)")
        }
    }

    func run() throws {
        let setup = try PipelineSetup(path: pipeline)
        var limits = setup.limits
        if let maxBytes { limits.maxBytes = maxBytes }
        if let deadline { limits.deadline = deadline }
        if let maxFailures { limits.maxFailures = FailureBudget(maxFailures) }

        let reader = FormatReader(options: ReaderOptions(maxBytes: limits.maxBytes))
        let runner = BatchRunner(
            pipeline: setup.pipeline, reader: reader, jobs: jobs ?? BatchRunner.activeCores,
            documentDeadline: limits.deadline)
        let runInfo = RunInfo(
            pipelineName: setup.config.name, pipelineFile: pipeline, resolvedConfig: setup.resolvedConfig,
            stageNames: setup.pipeline.stages.map(\.name), lectorVersion: LectorVersion.current, inputs: inputs)
        let writer = try ReportWriter(
            directory: URL(fileURLWithPath: report), options: setup.reportOptions, run: runInfo)
        let progressLine = ProgressLine(style: quiet ? .none : ProgressLine.Style(rawValue: progress) ?? .auto)
        if progressLine.isShown { progressLine.total = SourceEnumerator(inputs: inputs).reduce(0) { count, _ in count + 1 } }

        let reportOptions = setup.reportOptions
        var seen = 0
        var failed = 0
        let statistics: RunStatistics
        do {
            statistics = try runner.run(
                sources: SourceEnumerator(inputs: inputs),
                transform: { outcomes in LaneResult(outcomes, options: reportOptions) },
                consume: { result in
                    try writer.write(result.rendered)
                    seen += result.processed + result.failed
                    failed += result.failed
                    progressLine.update(processed: result.processed, failed: result.failed, bytes: result.bytes)
                    if let budget = limits.maxFailures, budget.isExceeded(failed: failed, seen: seen) {
                        throw RunAborted(failed: failed, seen: seen, budget: budget)
                    }
                })
        } catch let aborted as RunAborted {
            writer.abandon()
            progressLine.finish()
            LectorMain.printError("error: \(aborted)")
            throw LectorExit(code: ExitStatus.fatal)
        } catch {
            writer.abandon()
            throw error
        }
        try writer.finish(statistics: statistics)
        progressLine.finish()
        if !quiet {
            LectorMain.printError(
                "\(statistics.documentsProcessed) documents processed, \(statistics.documentsFailed) failed, "
                    + "\(String(format: "%.2f", statistics.wallSeconds)) s; report: \(report)")
        }
        if statistics.documentsFailed > 0 { throw LectorExit(code: ExitStatus.documentsFailed) }
    }
}

/// What a lane hands back for one source: the rendered report pieces and the counts for progress.
struct LaneResult: Sendable {
    var rendered: RenderedSource
    var processed = 0
    var failed = 0
    var bytes = 0

    init(_ outcomes: [DocumentOutcome], options: ReportOptions) {
        rendered = ReportWriter.render(outcomes, options: options)
        for outcome in outcomes {
            switch outcome {
            case .processed(let document):
                processed += 1
                bytes += document.sourceBytes
            case .failed:
                failed += 1
            }
        }
    }
}

/// The run had more failures than `--max-failures` allows.
struct RunAborted: Error, CustomStringConvertible {
    var failed: Int
    var seen: Int
    var budget: FailureBudget

    var description: String {
        "aborted: \(failed) of \(seen) documents failed, more than --max-failures \(budget.description) allows; no report was written"
    }
}
