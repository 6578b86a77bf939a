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
    /// Batch statistics handed to stages through `StageContext.corpus`.
    public var corpus: CorpusStatistics?
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
    public func run<Sources: Sequence, Output: Sendable>(
        sources: Sources,
        transform: @escaping @Sendable (_ outcomes: [DocumentOutcome]) -> Output,
        consume: (Output) throws -> Void
    ) throws -> RunStatistics where Sources.Element == SourceItem {
        let stopwatch = Stopwatch()
        let board = WorkBoard<Output>(stageCount: pipeline.stages.count)
        // One thread per lane, not blocks on Dispatch's global queue: that pool is as wide as the
        // cores, so `jobs` above the core count (lanes waiting on external workers) would not all run.
        let lanes = DispatchGroup()
        for lane in 0..<jobs {
            lanes.enter()
            let thread = Thread {
                self.work(lane: lane, board: board, transform: transform)
                lanes.leave()
            }
            thread.stackSize = 8 << 20
            thread.name = "lector-lane-\(lane)"
            thread.start()
        }
        var iterator = sources.makeIterator()
        var submitted = 0
        var consumed = 0
        var exhausted = false
        var statistics = RunStatistics(stageNames: pipeline.stages.map(\.name))
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
                statistics.add(result.tally)
                consumed += 1
                try consume(result.output)
            }
        } catch {
            board.close()
            lanes.wait()
            throw error
        }
        board.close()
        lanes.wait()
        statistics.stageNanoseconds = board.stageNanoseconds
        statistics.wallNanoseconds = stopwatch.elapsedNanoseconds
        statistics.lanes = jobs
        statistics.peakResidentBytes = RunStatistics.currentPeakResidentBytes()
        return statistics
    }

    private func work<Output: Sendable>(
        lane: Int, board: WorkBoard<Output>, transform: @Sendable ([DocumentOutcome]) -> Output
    ) {
        var timings = [UInt64](repeating: 0, count: pipeline.stages.count)
        while let (index, item) = board.take() {
            var outcomes: [DocumentOutcome]
            var tally = RunStatistics.Tally()
            var cacheKey: CacheKey?
            switch item {
            case .unreadable(let failure): outcomes = [.failed(failure)]
            case .file(let source):
                cacheKey = cache?.key(for: source)
                if let cacheKey, let cached = cache?.load(cacheKey) {
                    tally.processed = cached.count
                    tally.cached = cached.count
                    for case .processed(let document) in cached { tally.bytes += document.sourceBytes }
                    board.put(index: index, output: transform(cached), tally: tally)
                    continue
                }
                outcomes = reader.read(source)
            }
            for position in outcomes.indices {
                guard case .processed(var document) = outcomes[position] else {
                    tally.failed += 1
                    continue
                }
                var context = StageContext(lane: lane, corpus: corpus, clock: clock)
                if let documentDeadline {
                    context.deadline = clock() + documentDeadline
                }
                if let failure = pipeline.process(&document, context: context, timings: &timings) {
                    outcomes[position] = .failed(failure)
                    tally.failed += 1
                } else {
                    tally.processed += 1
                    tally.bytes += document.sourceBytes
                    tally.tokens += document.annotations(.token).count
                    outcomes[position] = .processed(document)
                }
            }
            if let cacheKey, tally.failed == 0 { cache?.store(outcomes, for: cacheKey) }
            board.put(index: index, output: transform(outcomes), tally: tally)
        }
        board.addStageTimes(timings)
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
    }

    public var stageNames: [String]
    public var documentsProcessed = 0
    public var documentsFailed = 0
    /// Documents taken from the cache instead of being processed again (included in `documentsProcessed`).
    public var documentsFromCache = 0
    public var sourcesRead = 0
    /// Tokens of the documents processed by the pipeline in this run (cached documents not counted).
    public var tokens = 0
    /// Bytes of the sources of processed documents.
    public var bytes = 0
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

    mutating func add(_ tally: Tally) {
        documentsProcessed += tally.processed
        documentsFailed += tally.failed
        bytes += tally.bytes
        documentsFromCache += tally.cached
        tokens += tally.tokens
        sourcesRead += 1
    }

    public var wallSeconds: Double { Double(wallNanoseconds) / 1e9 }
    public var documentsPerSecond: Double {
        wallSeconds > 0 ? Double(documentsProcessed + documentsFailed) / wallSeconds : 0
    }
    public var megabytesPerSecond: Double { wallSeconds > 0 ? Double(bytes) / 1e6 / wallSeconds : 0 }
}

/// What a taken queue slot holds until the queue is compacted.
private let takenItem = SourceItem.unreadable(DocumentFailure(id: "", source: "", stage: "", message: ""))

/// The lanes' shared job queue and the reorder buffer, guarded by one condition variable.
///
/// `@unchecked Sendable`: every stored property is read and written only while `condition` is held.
final class WorkBoard<Output: Sendable>: @unchecked Sendable {
    struct Finished {
        var output: Output
        var tally: RunStatistics.Tally
    }

    private let condition = NSCondition()
    private var queue: [(Int, SourceItem)] = []
    private var queueHead = 0
    private var results: [Int: Finished] = [:]
    private var closed = false
    private(set) var stageNanoseconds: [UInt64]

    init(stageCount: Int) {
        stageNanoseconds = Array(repeating: 0, count: stageCount)
    }

    func submit(index: Int, item: SourceItem) {
        condition.lock()
        queue.append((index, item))
        condition.broadcast()
        condition.unlock()
    }

    /// The next job, or nil once the board is closed and drained.
    func take() -> (Int, SourceItem)? {
        condition.lock()
        defer { condition.unlock() }
        while queueHead == queue.count && !closed { condition.wait() }
        if closed { return nil }
        let job = queue[queueHead]
        // Let go of the taken item now: a container record carries its payload, which must not stay
        // in the queue until the next compaction (up to 1,024 items later).
        queue[queueHead].1 = takenItem
        queueHead += 1
        if queueHead > 1024 && queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return job
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
