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

    @Flag(name: .long, help: "Reuse the cache of an earlier (possibly killed) run: only new or changed files are processed.")
    var resume = false

    @Option(name: .long, help: "The cache directory (default: the report directory's path + '.cache').")
    var cache: String?

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the cache.")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp("Also write the run's figures as JSON to this file.", visibility: .hidden))
    var statistics: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Process only shard I of N (0-based) and write a shard result for 'lector merge'.",
            discussion: "I may be 'env': read from JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX."))
    var shard: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let maxBytes, maxBytes < 1 { throw ValidationError("--max-bytes must be positive") }
        if let deadline, deadline <= 0 { throw ValidationError("--deadline must be positive") }
        if let maxFailures, FailureBudget(maxFailures) == nil {
            throw ValidationError("--max-failures expects a count (10) or a percentage (5%), got '\(maxFailures)'")
        }
        if let shard { _ = try ShardPlan.parse(shard) }
        if resume && noCache { throw ValidationError("--resume needs the cache; drop --no-cache") }
        if ProgressLine.Style(rawValue: progress) == nil {
            throw ValidationError("--progress must be one of: auto, live, plain, none")
        }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("no such file or directory: \(input)")
        }
    }

    func run() throws {
        let lector = try LectorPipeline(contentsOf: pipeline, registry: LectorMain.registry)
        let setup = lector.setup
        let options = LectorPipeline.RunOptions(
            jobs: jobs, maxBytes: maxBytes, deadline: deadline,
            cacheDirectory: noCache ? nil : URL(fileURLWithPath: cache ?? report + ".cache"), resume: resume)
        var limits = lector.limits(options)
        if let maxFailures { limits.maxFailures = FailureBudget(maxFailures) }
        // A plain run records cache entries for a later --resume but never answers from them.
        var runner = try lector.makeRunner(options)
        let readerOptions = setup.reader.readerOptions(maxBytes: limits.maxBytes)
        let containers = ContainerTally()
        let progressLine = ProgressLine(style: quiet ? .none : ProgressLine.Style(rawValue: progress) ?? .auto)
        let reportURL = URL(fileURLWithPath: report)

        if let shard {
            let (index, count) = try ShardPlan.parse(shard)
            let plan = ShardPlan(inputs: inputs, index: index, count: count)
            progressLine.totalSources = plan.items.count
            let writer = try ShardWriter(directory: reportURL, plan: plan, pipelineFile: pipeline, setup: setup)
            var statistics = try execute(
                runner, sources: ContainerSources(plan.items, options: readerOptions, tally: containers), limits: limits,
                progress: progressLine, containers: containers,
                firstPassOnly: true, transform: { outcomes in ShardLaneResult(outcomes) },
                write: { try writer.write($0.encoded, origin: containers.claimOrigin() ?? 0) }, abandon: writer.abandon)
            statistics.skippedRecords = containers.skipped
            try writer.finish(statistics: statistics)
            try finish(statistics, progress: progressLine)
            return
        }

        let (writer, reportOptions, sourceCount) = try lector.makeReportWriter(inputs: inputs, directory: reportURL)
        progressLine.totalSources = sourceCount
        // Batch stages keep the batch between passes inside the report's staging folder.
        runner.spillDirectory = writer.workingDirectory
        var statistics = try execute(
            runner, sources: ContainerSources(SourceEnumerator(inputs: inputs), options: readerOptions, tally: containers),
            limits: limits, progress: progressLine, containers: containers,
            transform: { outcomes in LaneResult(outcomes, options: reportOptions) },
            write: { try writer.write($0.rendered) }, abandon: writer.abandon)
        statistics.skippedRecords = containers.skipped
        try writer.finish(statistics: statistics)
        try finish(statistics, progress: progressLine)
    }

    /// Run the batch, feeding each lane result to `write` in order, with progress (each source placed
    /// in its file through `containers`) and the failure budget.
    private func execute<Sources: Sequence, Result: CountedLaneResult>(
        _ runner: BatchRunner, sources: Sources, limits: RunLimits, progress: ProgressLine, containers: ContainerTally,
        firstPassOnly: Bool = false,
        transform: @escaping @Sendable ([DocumentOutcome]) -> Result,
        write: (Result) throws -> Void, abandon: () -> Void
    ) throws -> RunStatistics where Sources.Element == SourceItem {
        var seen = 0
        var failed = 0
        // Progress and the failure budget follow the first pass, where sources are read and (with batch
        // stages) most of the work is done; the report is written as the last pass hands results over.
        let observe = { (tally: RunStatistics.Tally) throws in
            seen += tally.processed + tally.failed
            failed += tally.failed
            progress.update(
                processed: tally.processed, failed: tally.failed, bytes: tally.bytes, origin: containers.claimProgressOrigin())
            if let budget = limits.maxFailures, budget.isExceeded(failed: failed, seen: seen) {
                throw RunAborted(failed: failed, seen: seen, budget: budget)
            }
        }
        do {
            // A shard runs only the first pass of a pipeline with batch stages: `merge` reduces and applies.
            if firstPassOnly {
                return try runner.runFirstPass(sources: sources, transform: transform, consume: write, progress: observe)
            }
            return try runner.run(sources: sources, transform: transform, consume: write, progress: observe)
        } catch let aborted as RunAborted {
            abandon()
            progress.finish()
            LectorMain.printError("error: \(aborted)")
            throw LectorExit(code: ExitStatus.fatal)
        } catch {
            abandon()
            throw error
        }
    }

    private func finish(_ statistics: RunStatistics, progress: ProgressLine) throws {
        progress.finish()
        if let path = self.statistics {
            try Data(BenchFigures(statistics).json.utf8).write(to: URL(fileURLWithPath: path))
        }
        if !quiet {
            var line = "\(statistics.documentsProcessed) documents processed"
            if statistics.documentsFromCache > 0 { line += " (\(statistics.documentsFromCache) from the cache)" }
            line += ", \(statistics.documentsFailed) failed, \(String(format: "%.2f", statistics.wallSeconds)) s; "
            line += shard == nil ? "report: \(report)" : "shard result: \(report)"
            LectorMain.printError(line)
        }
        if statistics.documentsFailed > 0 { throw LectorExit(code: ExitStatus.documentsFailed) }
    }
}

/// Counts every lane result carries for progress and the failure budget.
protocol CountedLaneResult: Sendable {
    var processed: Int { get }
    var failed: Int { get }
    var bytes: Int { get }
}

extension CountedLaneResult {
    static func count(_ outcomes: [DocumentOutcome]) -> (processed: Int, failed: Int, bytes: Int) {
        var counts = (processed: 0, failed: 0, bytes: 0)
        for outcome in outcomes {
            switch outcome {
            case .processed(let document):
                counts.processed += 1
                counts.bytes += document.sourceBytes
            case .failed:
                counts.failed += 1
            }
        }
        return counts
    }
}

/// The reader `run` uses: every format Lector knows, files up to `maxBytes`, HTML and XML read as the
/// pipeline file's `settings` say.
func defaultReader(maxBytes: Int, settings: ReaderSettings = ReaderSettings()) -> any DocumentReader {
    FormatReader(options: settings.readerOptions(maxBytes: maxBytes))
}

/// What a lane hands back for one source: the rendered report pieces and the counts for progress.
struct LaneResult: CountedLaneResult {
    var rendered: RenderedSource
    var processed: Int
    var failed: Int
    var bytes: Int

    init(_ outcomes: [DocumentOutcome], options: ReportOptions) {
        rendered = ReportWriter.render(outcomes, options: options)
        (processed, failed, bytes) = Self.count(outcomes)
    }
}

/// A shard's lane result: the outcomes in their lossless form.
struct ShardLaneResult: CountedLaneResult {
    var encoded: [UInt8]
    var processed: Int
    var failed: Int
    var bytes: Int

    init(_ outcomes: [DocumentOutcome]) {
        encoded = OutcomeCodec.encode(outcomes)
        (processed, failed, bytes) = Self.count(outcomes)
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
