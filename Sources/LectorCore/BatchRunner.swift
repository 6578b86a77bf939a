import Dispatch
import Foundation

/// Runs a pipeline over a stream of sources on Dispatch lanes.
///
/// - A bounded number of sources is in flight (`window`), so memory does not grow with the corpus.
/// - Results reach `consume` in input order, on the calling thread, whatever the number of lanes:
///   `jobs: 1` and `jobs: N` produce the same sequence.
/// - Each document's failure is caught at the document boundary and becomes a `.failed` outcome;
///   only an error thrown by `consume` (e.g. the disk is full, too many failures) stops the run.
/// - `transform` runs on the lane that processed the source, so expensive rendering (JSON lines,
///   HTML pages) is parallel too.
public struct BatchRunner: Sendable {
    public var pipeline: Pipeline
    public var reader: any DocumentReader
    /// Number of lanes (worker threads).
    public var jobs: Int
    /// Sources in flight at most (read, processed or waiting to be consumed).
    public var window: Int
    /// Time each document may spend in the pipeline, in seconds (nil: unlimited).
    public var documentDeadline: Double?
    /// Batch statistics handed to stages through `StageContext.corpus` (a pipeline with `idf: batch`
    /// counts its own; these are for callers that bring theirs).
    public var corpus: CorpusStatistics?
    /// Where the passes of a pipeline with batch stages keep the batch between passes (nil: the
    /// system's temporary folder). The files are removed when the run ends.
    public var spillDirectory: URL?
    /// How many bytes of documents (estimated) a pass may keep in memory for the next instead of
    /// writing them to the spill file: a small batch never touches the disk, a large one keeps memory flat.
    public var spillMemoryBudget = 64 << 20
    /// Where processed outcomes are kept between runs (nil: no cache).
    public var cache: (any OutcomeCache)?
    /// The clock document deadlines are measured with (injectable, so tests need no real waiting).
    public var clock: @Sendable () -> DispatchTime = { DispatchTime.now() }

    public init(
        pipeline: Pipeline, reader: any DocumentReader, jobs: Int = BatchRunner.activeCores, window: Int? = nil,
        documentDeadline: Double? = nil, corpus: CorpusStatistics? = nil
    ) {
        self.pipeline = pipeline
        self.reader = reader
        self.jobs = max(1, jobs)
        self.window = max(self.jobs, window ?? self.jobs * 8)
        self.documentDeadline = documentDeadline
        self.corpus = corpus
    }

    /// The number of cores this process may use.
    public static var activeCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Read and process every source; hand each source's transformed outcomes to `consume` in order.
    /// A pipeline with batch stages runs in passes (see `BatchPlan`); `consume` sees the last one.
    /// `progress` sees each source's counts as the first pass (where the reading and most of the work
    /// happen) finishes it, in input order; an error it throws stops the run.
    public func run<Sources: Sequence, Output: Sendable>(
        sources: Sources,
        transform: @escaping @Sendable (_ outcomes: [DocumentOutcome]) -> Output,
        consume: (Output) throws -> Void,
        progress: ((RunStatistics.Tally) throws -> Void)? = nil
    ) throws -> RunStatistics where Sources.Element == SourceItem {
        let plan = BatchPlan(pipeline)
        guard plan.isBatch else {
            return try firstPass(
                sources: sources, plan: plan, transform: { outcomes, _ in transform(outcomes) },
                consume: { output, tally in
                    try progress?(tally)
                    try consume(output)
                })
        }
        let spill = try PassSpill(directory: spillDirectory, memoryBudget: spillMemoryBudget)
        let budget = spill.budget
        var reduce = BatchReduce(pipeline: pipeline, stages: plan.barriers[0])
        var statistics = try firstPass(
            sources: sources, plan: plan,
            transform: { outcomes, record in
                PassItem(outcomes, barrier: plan.barriers[0], pipeline: pipeline, spill: budget, record: record)
            },
            consume: { item, tally in
                try progress?(tally)
                var item = item
                item.cached = tally.cached > 0
                reduce.fold(item)
                try spill.append(item.payload)
            })
        try continuePasses(
            after: reduce, items: { try spill.reader() }, plan: plan, statistics: &statistics, transform: transform,
            consume: consume)
        return statistics
    }

    /// Pass 0 only: read and process every source up to the first batch stage and give each document
    /// its summaries for it (what a shard runs; `continueBatch` does the rest when merging).
    public func runFirstPass<Sources: Sequence, Output: Sendable>(
        sources: Sources,
        transform: @escaping @Sendable (_ outcomes: [DocumentOutcome]) -> Output,
        consume: (Output) throws -> Void,
        progress: ((RunStatistics.Tally) throws -> Void)? = nil
    ) throws -> RunStatistics where Sources.Element == SourceItem {
        try firstPass(
            sources: sources, plan: BatchPlan(pipeline), keepsSummaries: true,
            transform: { outcomes, _ in transform(outcomes) },
            consume: { output, tally in
                try progress?(tally)
                try consume(output)
            })
    }

    /// `keepsSummaries`: the outcomes go to a shard result, so their summaries are written as JSON.
    /// `transform` also gets the outcomes' cache record (`OutcomeCodec` bytes) when the cache
    /// encoded or loaded one, so that nothing encodes them a second time.
    private func firstPass<Sources: Sequence, Output: Sendable>(
        sources: Sources, plan: BatchPlan, keepsSummaries: Bool = false,
        transform: @escaping @Sendable (_ outcomes: [DocumentOutcome], _ record: [UInt8]?) -> Output,
        consume: (Output, RunStatistics.Tally) throws -> Void
    ) throws -> RunStatistics where Sources.Element == SourceItem {
        let started = Stopwatch.wallNanoseconds()
        var statistics = RunStatistics(stageNames: pipeline.stages.map(\.name))
        statistics.stageNanoseconds = try lanes(
            sources,
            body: { lane, _, item, timings in
                let (outcomes, record, tally) = self.process(
                    item, lane: lane, plan: plan, keepsSummaries: keepsSummaries, timings: &timings)
                return (transform(outcomes, record), tally)
            },
            consume: { output, tally in
                statistics.add(tally)
                try consume(output, tally)
            })
        statistics.wallNanoseconds = Stopwatch.wallNanoseconds() - started
        statistics.lanes = jobs
        statistics.peakResidentBytes = RunStatistics.currentPeakResidentBytes()
        return statistics
    }

    /// Read (or load from the cache) and process one source through pass 0. Also gives the outcomes'
    /// cache record when there is one (encoded once, for the cache and for the spill).
    private func process(
        _ item: SourceItem, lane: Int, plan: BatchPlan, keepsSummaries: Bool, timings: inout [UInt64]
    ) -> ([DocumentOutcome], [UInt8]?, RunStatistics.Tally) {
        var outcomes: [DocumentOutcome]
        var tally = RunStatistics.Tally()
        var cacheKey: CacheKey?
        switch item {
        case .unreadable(let failure): outcomes = [.failed(failure)]
        case .file(let source):
            cacheKey = cache?.key(for: source)
            if let cacheKey, let record = cache?.loadRecord(cacheKey),
                let cached = try? OutcomeCodec.decode(record), Self.hasSummaries(cached, for: plan)
            {
                tally.processed = cached.count
                tally.cached = cached.count
                for case .processed(let document) in cached { tally.bytes += document.sourceBytes }
                return (cached, record, tally)
            }
            outcomes = reader.read(source)
        }
        for position in outcomes.indices {
            guard case .processed(var document) = outcomes[position] else {
                tally.failed += 1
                continue
            }
            if let failure = pipeline.process(
                &document, context: context(lane: lane), timings: &timings, range: plan.passes[0])
            {
                outcomes[position] = .failed(failure)
                tally.failed += 1
            } else {
                if plan.isBatch {
                    BatchReduce.summarize(
                        &document, stages: plan.barriers[0], in: pipeline, encode: cache != nil || keepsSummaries,
                        timings: &timings)
                } else {
                    tally.tokens += document.annotations(.token).count
                }
                tally.processed += 1
                tally.bytes += document.sourceBytes
                outcomes[position] = .processed(document)
            }
        }
        guard let cache, let cacheKey, tally.failed == 0, !cache.contains(cacheKey) else { return (outcomes, nil, tally) }
        let record = OutcomeCodec.encode(outcomes)
        cache.store(record: record, for: cacheKey)
        return (outcomes, record, tally)
    }

    /// Whether every document of a cache entry carries the summaries pass 0 gives it (an entry written
    /// by a pipeline without them is processed again, never folded without its summaries).
    static func hasSummaries(_ outcomes: [DocumentOutcome], for plan: BatchPlan) -> Bool {
        guard plan.isBatch else { return true }
        let count = plan.barriers[0].count
        return outcomes.allSatisfy { outcome in
            guard case .processed(let document) = outcome else { return true }
            return document.batchSummaries.count == count
        }
    }

    /// The context a stage sees on `lane`, with the document's deadline starting now.
    func context(lane: Int, corpus: CorpusStatistics? = nil) -> StageContext {
        var context = StageContext(lane: lane, corpus: corpus ?? self.corpus, clock: clock)
        if let documentDeadline { context.deadline = clock() + documentDeadline }
        return context
    }

    /// Run `body` over `items` on `jobs` lane threads, at most `window` items in flight, and hand each
    /// output to `consume` in input order on the calling thread. Returns the stage times of all lanes.
    func lanes<Items: Sequence, Output: Sendable>(
        _ items: Items,
        body: @escaping @Sendable (_ lane: Int, _ index: Int, _ item: Items.Element, _ timings: inout [UInt64]) -> (
            Output, RunStatistics.Tally
        ),
        consume: (Output, RunStatistics.Tally) throws -> Void
    ) throws -> [UInt64] where Items.Element: Sendable {
        let board = WorkBoard<Items.Element, Output>(stageCount: pipeline.stages.count)
        // One thread per lane, not blocks on Dispatch's global queue: that pool is as wide as the
        // cores, so `jobs` above the core count (lanes waiting on external workers) would not all run.
        let group = DispatchGroup()
        let stageCount = pipeline.stages.count
        for lane in 0..<jobs {
            group.enter()
            let thread = Thread {
                var timings = [UInt64](repeating: 0, count: stageCount)
                while let (index, item) = board.take() {
                    let (output, tally) = body(lane, index, item, &timings)
                    board.put(index: index, output: output, tally: tally)
                }
                board.addStageTimes(timings)
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.name = "lector-lane-\(lane)"
            thread.start()
        }
        var iterator = items.makeIterator()
        var submitted = 0
        var consumed = 0
        var exhausted = false
        do {
            while true {
                while !exhausted && submitted - consumed < window {
                    if let item = iterator.next() {
                        board.submit(index: submitted, item: item)
                        submitted += 1
                    } else {
                        exhausted = true
                    }
                }
                if exhausted && consumed == submitted { break }
                let result = board.wait(for: consumed)
                consumed += 1
                try consume(result.output, result.tally)
            }
        } catch {
            board.close()
            group.wait()
            throw error
        }
        board.close()
        group.wait()
        return board.stageNanoseconds
    }
}

/// Counts of a run, and where its time went.
public struct RunStatistics: Sendable, Equatable {
    public struct Tally: Sendable, Equatable {
        public var processed = 0
        public var failed = 0
        public var bytes = 0
        public var cached = 0
        /// Tokens of the processed documents (0 when no stage produces tokens).
        public var tokens = 0
        /// Documents a batch stage set aside from the stages after it (e.g. duplicates).
        public var skipped = 0

        mutating func add(_ other: Tally) {
            processed += other.processed
            failed += other.failed
            bytes += other.bytes
            cached += other.cached
            tokens += other.tokens
            skipped += other.skipped
        }
    }

    public var stageNames: [String]
    /// The run's counts, summed over its sources (the fields below read and write them).
    public var totals = Tally()
    public var sourcesRead = 0
    public var documentsProcessed: Int {
        get { totals.processed }
        set { totals.processed = newValue }
    }
    public var documentsFailed: Int {
        get { totals.failed }
        set { totals.failed = newValue }
    }
    /// Documents taken from the cache instead of being processed again (included in `documentsProcessed`).
    public var documentsFromCache: Int {
        get { totals.cached }
        set { totals.cached = newValue }
    }
    /// Tokens of the documents processed by the pipeline in this run (cached documents not counted).
    public var tokens: Int {
        get { totals.tokens }
        set { totals.tokens = newValue }
    }
    /// Documents a batch stage set aside from the stages after it (included in `documentsProcessed`).
    public var documentsSkipped: Int {
        get { totals.skipped }
        set { totals.skipped = newValue }
    }
    /// Bytes of the sources of processed documents.
    public var bytes: Int {
        get { totals.bytes }
        set { totals.bytes = newValue }
    }
    /// CPU-side time per stage, summed over lanes (nanoseconds; indexed like `stageNames`).
    public var stageNanoseconds: [UInt64] = []
    public var wallNanoseconds: UInt64 = 0
    public var lanes = 1
    /// The process's peak resident memory when the run ended (bytes; 0 where unknown).
    public var peakResidentBytes = 0
    /// Container records that are not documents (WARC requests, redirects, images…), by reason.
    public var skippedRecords: [String: Int] = [:]

    /// Peak resident set size of this process so far, in bytes.
    public static func currentPeakResidentBytes() -> Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF_WHO, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024  // Linux reports kilobytes
    }

    public init(stageNames: [String]) {
        self.stageNames = stageNames
        self.stageNanoseconds = Array(repeating: 0, count: stageNames.count)
    }

    /// Count one source's tally.
    mutating func add(_ tally: Tally) {
        totals.add(tally)
        sourcesRead += 1
    }

    public var wallSeconds: Double { Double(wallNanoseconds) / 1e9 }
    public var documentsPerSecond: Double {
        wallSeconds > 0 ? Double(documentsProcessed + documentsFailed) / wallSeconds : 0
    }
    public var megabytesPerSecond: Double { wallSeconds > 0 ? Double(bytes) / 1e6 / wallSeconds : 0 }
}

/// The lanes' shared job queue and the reorder buffer, guarded by one condition variable.
///
/// `@unchecked Sendable`: every stored property is read and written only while `condition` is held.
final class WorkBoard<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    struct Finished {
        var output: Output
        var tally: RunStatistics.Tally
    }

    private let condition = NSCondition()
    private var queue: [(Int, Item?)] = []
    private var queueHead = 0
    private var results: [Int: Finished] = [:]
    private var closed = false
    private(set) var stageNanoseconds: [UInt64]

    init(stageCount: Int) {
        stageNanoseconds = Array(repeating: 0, count: stageCount)
    }

    func submit(index: Int, item: Item) {
        condition.lock()
        queue.append((index, item))
        condition.broadcast()
        condition.unlock()
    }

    /// The next job, or nil once the board is closed and drained.
    func take() -> (Int, Item)? {
        condition.lock()
        defer { condition.unlock() }
        while queueHead == queue.count && !closed { condition.wait() }
        if closed { return nil }
        let (index, item) = queue[queueHead]
        // Let go of the taken item now: a container record carries its payload, which must not stay
        // in the queue until the next compaction (up to 1,024 items later).
        queue[queueHead].1 = nil
        queueHead += 1
        if queueHead > 1024 && queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return (index, item!)
    }

    func put(index: Int, output: Output, tally: RunStatistics.Tally) {
        condition.lock()
        results[index] = Finished(output: output, tally: tally)
        condition.broadcast()
        condition.unlock()
    }

    func wait(for index: Int) -> Finished {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        return results.removeValue(forKey: index)!
    }

    func addStageTimes(_ timings: [UInt64]) {
        condition.lock()
        for (index, value) in timings.enumerated() { stageNanoseconds[index] &+= value }
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

#if canImport(Glibc)
    import Glibc
    /// Glibc imports RUSAGE_SELF as an enum case; getrusage takes its raw value.
    let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
    import Darwin
    let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif
