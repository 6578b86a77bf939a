import Foundation
import LectorCore
import LectorMarkup
import LectorReport
import LectorStages

/// A pipeline file loaded, checked and ready to run: the library entry point for programs that embed
/// Lector (a server, an app, a notebook) instead of shelling out to `lector run`. `lector run` is a
/// thin layer over it.
///
/// ```swift
/// import LectorCLI
///
/// let pipeline = try LectorPipeline(contentsOf: "pipelines/news.yaml")
/// // One document held in memory:
/// let document = try pipeline.process(text: "Anna Kowalczyk met the mayor of Berlin.", id: "note").get()
/// print(document.annotations(.entity).map { document.text(in: $0.range) })
/// // Files and folders, outcomes in input order, on every core:
/// let statistics = try pipeline.run(inputs: ["examples/news"]) { outcome in print(outcome.id) }
/// // Or everything `lector run` writes:
/// try pipeline.writeReport(inputs: ["examples/news"], to: URL(fileURLWithPath: "report"))
/// ```
///
/// Errors: building throws `ConfigError` (file, line, key); a document that cannot be read or fails
/// in a stage is a `.failed` outcome, never an error of the call. Immutable and `Sendable`: one
/// value may serve many requests at once.
public struct LectorPipeline: Sendable {
    /// Settings of a batch run (`lector run`'s flags; nil: the pipeline file's `limits:` or the default).
    public struct RunOptions: Sendable {
        /// Lanes (documents processed in parallel); default: the active cores.
        public var jobs: Int?
        /// Largest source file to read, in bytes.
        public var maxBytes: Int?
        /// Seconds each document may spend in the pipeline.
        public var deadline: Double?
        /// The run cache's directory (nil: no cache).
        public var cacheDirectory: URL?
        /// Answer from the cache (false: only record entries for a later resume).
        public var resume = false

        public init(
            jobs: Int? = nil, maxBytes: Int? = nil, deadline: Double? = nil, cacheDirectory: URL? = nil,
            resume: Bool = false
        ) {
            self.jobs = jobs
            self.maxBytes = maxBytes
            self.deadline = deadline
            self.cacheDirectory = cacheDirectory
            self.resume = resume
        }
    }

    let setup: PipelineSetup
    /// The pipeline file as given.
    public let file: String

    /// Load, check and build the pipeline at `path` with `registry`'s stages. Throws `ConfigError`.
    public init(contentsOf path: String, registry: StageRegistry = .builtins) throws {
        self.setup = try PipelineSetup(path: path, registry: registry)
        self.file = path
    }

    /// The pipeline's `name:`.
    public var name: String { setup.config.name }
    /// The stages, in order.
    public var stageNames: [String] { setup.pipeline.stages.map(\.name) }
    /// The built pipeline (for a custom `BatchRunner`).
    public var pipeline: Pipeline { setup.pipeline }
    /// Run limits after `options` override the pipeline file's `limits:`.
    func limits(_ options: RunOptions) -> RunLimits {
        var limits = setup.limits
        if let maxBytes = options.maxBytes { limits.maxBytes = maxBytes }
        if let deadline = options.deadline { limits.deadline = deadline }
        return limits
    }

    /// Process one plain-text document held in memory. `.failure` names the stage that failed.
    /// Batch stages run too, on a batch of one (see `process(bytes:)`).
    public func process(text: String, id: String = "document") -> Result<Document, DocumentFailure> {
        let document = Document(id: id, source: id, format: "text", text: text)
        switch process(outcomes: [.processed(document)])[0] {
        case .processed(let document): return .success(document)
        case .failed(let failure): return .failure(failure)
        }
    }

    /// Read `bytes` as a file would be read (HTML, XML, feeds, text; `formatHint` is a file extension
    /// such as `html`, nil: sniff), then process every document it holds (a feed holds many). The
    /// documents are one batch for the batch stages (`duplicates`, `stories`, `link-entities`,
    /// `idf: batch`): a feed's copies are duplicates of each other, a lone document is a batch of one.
    public func process(bytes: [UInt8], id: String = "document", formatHint: String? = nil) -> [DocumentOutcome] {
        let reader = FormatReader(options: setup.reader.readerOptions(maxBytes: setup.limits.maxBytes))
        return process(outcomes: reader.read(bytes: bytes, id: id, source: id, formatHint: formatHint))
    }

    /// Every stage, batch stages included, over documents held in memory (one batch).
    private func process(outcomes: [DocumentOutcome]) -> [DocumentOutcome] {
        var timings = [UInt64](repeating: 0, count: setup.pipeline.stages.count)
        let deadline = setup.limits.deadline
        return setup.pipeline.processBatch(
            outcomes,
            context: { corpus in StageContext(deadline: deadline.map { DispatchTime.now() + $0 }, corpus: corpus) },
            timings: &timings)
    }

    /// A batch runner for this pipeline with `options` (reader, lanes, deadline, cache).
    public func makeRunner(_ options: RunOptions = RunOptions()) throws -> BatchRunner {
        let limits = limits(options)
        var runner = BatchRunner(
            pipeline: setup.pipeline, reader: FormatReader(options: setup.reader.readerOptions(maxBytes: limits.maxBytes)),
            jobs: options.jobs ?? BatchRunner.activeCores, documentDeadline: limits.deadline)
        if let directory = options.cacheDirectory {
            runner.cache = try OutcomeLog(
                directory: directory, fingerprint: setup.fingerprint, maxBytes: limits.maxBytes, answers: options.resume)
        }
        return runner
    }

    /// Process every file under `inputs` (folders recursively) on parallel lanes and hand each outcome
    /// to `each`, in input order, on the calling thread. An error thrown by `each` stops the run.
    @discardableResult
    public func run(
        inputs: [String], options: RunOptions = RunOptions(), each: (DocumentOutcome) throws -> Void
    ) throws -> RunStatistics {
        try makeRunner(options).run(
            sources: sources(inputs, options), transform: { $0 }, consume: { try $0.forEach(each) })
    }

    /// Process `inputs` and write the report directory `lector run` writes (replaced atomically at the end).
    @discardableResult
    public func writeReport(inputs: [String], to directory: URL, options: RunOptions = RunOptions()) throws
        -> RunStatistics
    {
        let (writer, reportOptions, _) = try makeReportWriter(inputs: inputs, directory: directory)
        do {
            var runner = try makeRunner(options)
            runner.spillDirectory = writer.workingDirectory
            let statistics = try runner.run(
                sources: sources(inputs, options),
                transform: { ReportWriter.render($0, options: reportOptions) }, consume: { try writer.write($0) })
            try writer.finish(statistics: statistics)
            return statistics
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// The sources under `inputs`, records of container files (WARC, JSON Lines) included.
    func sources(_ inputs: [String], _ options: RunOptions) -> ContainerSources<SourceEnumerator> {
        ContainerSources(
            SourceEnumerator(inputs: inputs), options: setup.reader.readerOptions(maxBytes: limits(options).maxBytes))
    }

    /// The report writer for `inputs`, sized for their number of sources.
    func makeReportWriter(inputs: [String], directory: URL) throws
        -> (writer: ReportWriter, options: ReportOptions, sources: Int)
    {
        let runInfo = RunInfo(
            pipelineName: setup.config.name, pipelineFile: file, resolvedConfig: setup.resolvedConfig,
            stageNames: stageNames, lectorVersion: LectorVersion.current, inputs: inputs)
        // One cheap walk over the inputs sizes the report (entity page files) and the progress total.
        let sourceCount = SourceEnumerator(inputs: inputs).reduce(0) { count, _ in count + 1 }
        var options = setup.reportOptions
        options.entityPageBuckets = ReportOptions.entityPageBuckets(forSources: sourceCount)
        return (try ReportWriter(directory: directory, options: options, run: runInfo), options, sourceCount)
    }
}
