import Dispatch
import Foundation
import Synchronization

extension BatchRunner {
    /// The passes after pass 0 of a pipeline with batch stages, over outcomes kept by pass 0 (from
    /// `runFirstPass`, in input order): fold their summaries, reduce, then apply, run the remaining
    /// stages and hand the last pass's outputs to `consume`. `items` is called once per pass and must
    /// give the same items in the same order each time (`lector merge` reads its shard results).
    public func continueBatch<Items: Sequence, Output: Sendable>(
        items: @escaping () throws -> Items,
        transform: @escaping @Sendable (_ outcomes: [DocumentOutcome]) -> Output,
        consume: (Output) throws -> Void
    ) throws -> RunStatistics where Items.Element == [UInt8] {
        let started = Stopwatch.wallNanoseconds()
        let plan = BatchPlan(pipeline)
        var statistics = RunStatistics(stageNames: pipeline.stages.map(\.name))
        guard plan.isBatch else {
            // No batch stage: the outcomes are final.
            statistics.stageNanoseconds = try lanes(
                try items(), body: { _, _, bytes, _ in Self.decodeFinal(bytes, transform: transform) },
                consume: { output, tally in
                    statistics.add(tally)
                    try consume(output)
                })
            statistics.wallNanoseconds = Stopwatch.wallNanoseconds() - started
            return statistics
        }
        var reduce = BatchReduce(pipeline: pipeline, stages: plan.barriers[0])
        statistics.stageNanoseconds = try lanes(
            try items(),
            body: { _, _, bytes, _ in
                let outcomes = (try? OutcomeCodec.decode(bytes)) ?? []
                let item = PassItem(outcomes, barrier: plan.barriers[0], pipeline: pipeline, encoded: bytes)
                return (item, Self.tally(outcomes))
            },
            consume: { item, tally in
                statistics.add(tally)
                reduce.fold(item)
            })
        try continuePasses(
            after: reduce, items: { try items().lazy.map { PassPayload.encoded($0) } }, plan: plan,
            statistics: &statistics, transform: transform, consume: consume)
        statistics.wallNanoseconds = Stopwatch.wallNanoseconds() - started
        statistics.lanes = jobs
        return statistics
    }

    /// Passes 1… of `plan`: `reduce` holds pass 0's folded summaries, `items` gives pass 0's outcomes.
    func continuePasses<Items: Sequence, Output: Sendable>(
        after reduce: BatchReduce, items: @escaping () throws -> Items, plan: BatchPlan,
        statistics: inout RunStatistics,
        transform: @escaping @Sendable (_ outcomes: [DocumentOutcome]) -> Output,
        consume: (Output) throws -> Void
    ) throws where Items.Element == PassPayload {
        let started = Stopwatch.wallNanoseconds() - statistics.wallNanoseconds
        var reduce = reduce
        var results: [BatchResult] = []
        var pendingItems: () throws -> AnySequence<PassPayload> = { AnySequence(try items()) }
        for pass in 1..<plan.passes.count {
            let applied = reduce.finish()
            reduce.addTimes(to: &statistics.stageNanoseconds)
            results += applied
            let step = PassStep(
                runner: self, plan: plan, pass: pass, applied: applied,
                corpus: results.compactMap(\.corpus).last, firstOrdinals: reduce.firstOrdinals,
                cachedItems: reduce.cachedItems)
            let isLast = pass == plan.passes.count - 1
            var adjust = RunStatistics.Tally()
            let timings: [UInt64]
            if isLast {
                timings = try lanes(
                    try pendingItems(),
                    body: { lane, index, bytes, timings in
                        let (outcomes, tally) = step.run(bytes, index: index, lane: lane, timings: &timings)
                        return (transform(outcomes), tally)
                    },
                    consume: { output, tally in
                        adjust.add(tally)
                        try consume(output)
                    })
            } else {
                let spill = try PassSpill(directory: spillDirectory, memoryBudget: spillMemoryBudget)
                let budget = spill.budget
                var next = BatchReduce(pipeline: pipeline, stages: plan.barriers[pass])
                timings = try lanes(
                    try pendingItems(),
                    body: { lane, index, bytes, timings in
                        let (outcomes, tally) = step.run(bytes, index: index, lane: lane, timings: &timings)
                        let item = PassItem(outcomes, barrier: plan.barriers[pass], pipeline: pipeline, spill: budget)
                        return (item, tally)
                    },
                    consume: { item, tally in
                        adjust.add(tally)
                        next.fold(item, keepingOrdinals: reduce)
                        try spill.append(item.payload)
                    })
                reduce = next
                pendingItems = { AnySequence(try spill.reader()) }
            }
            for (slot, value) in timings.enumerated() { statistics.stageNanoseconds[slot] &+= value }
            statistics.documentsProcessed -= adjust.failed
            statistics.documentsFailed += adjust.failed
            statistics.documentsSkipped += adjust.skipped
            statistics.tokens += adjust.tokens
        }
        statistics.wallNanoseconds = Stopwatch.wallNanoseconds() - started
        statistics.peakResidentBytes = RunStatistics.currentPeakResidentBytes()
    }

    static func tally(_ outcomes: [DocumentOutcome]) -> RunStatistics.Tally {
        var tally = RunStatistics.Tally()
        for outcome in outcomes {
            switch outcome {
            case .processed(let document):
                tally.processed += 1
                tally.bytes += document.sourceBytes
            case .failed: tally.failed += 1
            }
        }
        return tally
    }

    static func decodeFinal<Output>(
        _ bytes: [UInt8], transform: @Sendable ([DocumentOutcome]) -> Output
    ) -> (Output, RunStatistics.Tally) {
        let outcomes = (try? OutcomeCodec.decode(bytes)) ?? []
        return (transform(outcomes), tally(outcomes))
    }
}

/// One later pass's work on one item, shared by the lanes (immutable).
struct PassStep: Sendable {
    var runner: BatchRunner
    var plan: BatchPlan
    var pass: Int
    /// The results of the barrier before this pass, applied first.
    var applied: [BatchResult]
    var corpus: CorpusStatistics?
    var firstOrdinals: [Int]
    var cachedItems: [Bool]

    var isLast: Bool { pass == plan.passes.count - 1 }

    /// Apply the results, run this pass's stages, and take the next barrier's summaries (or, in the
    /// last pass, clear them). The tally counts only what changed: new failures, skips, tokens.
    func run(_ payload: PassPayload, index: Int, lane: Int, timings: inout [UInt64]) -> ([DocumentOutcome], RunStatistics.Tally) {
        var outcomes = payload.outcomes
        var tally = RunStatistics.Tally()
        let first = index < firstOrdinals.count ? firstOrdinals[index] : 0
        for position in outcomes.indices {
            guard case .processed(var document) = outcomes[position] else { continue }
            let wasSkipped = document.skipsLaterStages
            BatchReduce.apply(
                applied, stages: plan.barriers[pass - 1], ordinal: first + position, to: &document, timings: &timings)
            if document.skipsLaterStages && !wasSkipped { tally.skipped += 1 }
            document.batchSummaries = []
            if !document.skipsLaterStages,
                let failure = runner.pipeline.process(
                    &document, context: runner.context(lane: lane, corpus: corpus), timings: &timings,
                    range: plan.passes[pass])
            {
                outcomes[position] = .failed(failure)
                tally.failed += 1
                continue
            }
            document.batchSummaryValues = []
            if isLast {
                if index < cachedItems.count, !cachedItems[index] { tally.tokens += document.annotations(.token).count }
            } else {
                BatchReduce.summarize(
                    &document, stages: plan.barriers[pass], in: runner.pipeline, encode: false, timings: &timings)
            }
            outcomes[position] = .processed(document)
        }
        return (outcomes, tally)
    }
}

/// One source's outcomes between two passes: kept as they are while the spill's memory budget
/// lasts, else encoded for its file.
enum PassPayload: Sendable {
    case outcomes([DocumentOutcome])
    case encoded([UInt8])

    var outcomes: [DocumentOutcome] {
        switch self {
        case .outcomes(let outcomes): outcomes
        case .encoded(let bytes): (try? OutcomeCodec.decode(bytes)) ?? []
        }
    }
}

/// One item of a pass whose output waits for a reduce: its outcomes (for the spill), and the
/// summaries of its documents (nil for a failed one).
struct PassItem: Sendable {
    var payload: PassPayload
    var ids: [String]
    var summaries: [[(any Sendable)?]?]
    var cached: Bool

    /// `encoded`: the outcomes as they came (a shard's line); nil: keep them for the spill (in memory
    /// while `spill` has room, else encoded), without their summaries (folded already). `record`: the
    /// outcomes' cache record, written to the spill as it is instead of encoding them again (the
    /// next pass drops the summaries it carries).
    init(
        _ outcomes: [DocumentOutcome], barrier: [Int], pipeline: Pipeline, encoded: [UInt8]? = nil,
        spill: SpillBudget? = nil, record: [UInt8]? = nil
    ) {
        ids = outcomes.map(\.id)
        cached = false
        summaries = outcomes.map { outcome in
            guard case .processed(let document) = outcome else { return nil }
            if document.batchSummaryValues.count == barrier.count { return document.batchSummaryValues }
            guard document.batchSummaries.count == barrier.count else { return nil }
            return zip(barrier, document.batchSummaries).map { index, json in
                pipeline.stages[index].batch?.decode(Array(json.utf8))
            }
        }
        if let encoded {
            payload = .encoded(encoded)
            return
        }
        let kept = outcomes.map { outcome in
            guard case .processed(var document) = outcome else { return outcome }
            document.batchSummaries = []
            document.batchSummaryValues = []
            return .processed(document)
        }
        payload = spill?.reserve(for: kept) == true ? .outcomes(kept) : .encoded(record ?? OutcomeCodec.encode(kept))
    }
}

/// The reduce state of one barrier's batch stages, folded on the consuming thread in input order.
struct BatchReduce {
    var reducers: [AnyBatchReducer]
    /// The batch stages (indices into the pipeline), one per reducer.
    let stages: [Int]
    /// Time spent folding and finishing, per reducer (nanoseconds).
    private(set) var nanoseconds: [UInt64]
    /// The ordinal of each item's first outcome (ordinals count every outcome, failed ones too).
    var firstOrdinals: [Int] = []
    var cachedItems: [Bool] = []
    private var nextOrdinal = 0

    init(pipeline: Pipeline, stages: [Int]) {
        let batch = stages.filter { pipeline.stages[$0].batch != nil }
        self.stages = batch
        reducers = batch.compactMap { pipeline.stages[$0].batch?.makeReducer() }
        nanoseconds = Array(repeating: 0, count: batch.count)
    }

    /// Give `document` its summaries for the batch stages at `stages`: as values, and as JSON when
    /// they are to be stored (`encode`: the run cache or a shard result keeps them). The time each
    /// stage takes goes to `timings`.
    static func summarize(
        _ document: inout Document, stages: [Int], in pipeline: Pipeline, encode: Bool, timings: inout [UInt64]
    ) {
        var values: [any Sendable] = []
        var encoded: [String] = []
        values.reserveCapacity(stages.count)
        for index in stages {
            guard let stage = pipeline.stages[index].batch else { continue }
            let started = Stopwatch.wallNanoseconds()
            let value = stage.summarize(document)
            values.append(value)
            if encode { encoded.append(String(decoding: stage.encode(value), as: UTF8.self)) }
            timings[index] &+= Stopwatch.wallNanoseconds() &- started
        }
        document.batchSummaryValues = values
        document.batchSummaries = encoded
    }

    mutating func fold(_ item: PassItem) {
        firstOrdinals.append(nextOrdinal)
        cachedItems.append(item.cached)
        addSummaries(item, first: nextOrdinal)
        nextOrdinal += item.ids.count
    }

    /// Fold a later pass's item: ordinals and cache flags stay those of pass 0.
    mutating func fold(_ item: PassItem, keepingOrdinals earlier: BatchReduce) {
        let index = firstOrdinals.count
        let first = index < earlier.firstOrdinals.count ? earlier.firstOrdinals[index] : nextOrdinal
        firstOrdinals.append(first)
        cachedItems.append(index < earlier.cachedItems.count ? earlier.cachedItems[index] : false)
        addSummaries(item, first: first)
        nextOrdinal = first + item.ids.count
    }

    /// Fold one document's summaries (one per batch stage, nil where missing).
    mutating func add(_ summaries: [(any Sendable)?], ordinal: Int, id: String) {
        for (slot, reducer) in reducers.enumerated() {
            guard slot < summaries.count, let summary = summaries[slot] else { continue }
            let started = Stopwatch.wallNanoseconds()
            reducer.add(summary, ordinal: ordinal, id: id)
            nanoseconds[slot] &+= Stopwatch.wallNanoseconds() &- started
        }
    }

    private mutating func addSummaries(_ item: PassItem, first: Int) {
        for (position, summaries) in item.summaries.enumerated() {
            guard let summaries else { continue }
            add(summaries, ordinal: first + position, id: item.ids[position])
        }
    }

    /// Apply a barrier's reduced `results` (one per batch stage at `stages`) to the document at
    /// `ordinal`; a result that sets it aside marks it so. The time each takes goes to `timings`.
    static func apply(
        _ results: [BatchResult], stages: [Int], ordinal: Int, to document: inout Document, timings: inout [UInt64]
    ) {
        for (stage, result) in zip(stages, results) {
            let started = Stopwatch.wallNanoseconds()
            if result.apply(ordinal, &document) == .skip { document.skipsLaterStages = true }
            timings[stage] &+= Stopwatch.wallNanoseconds() &- started
        }
    }

    /// The reduced results, one per batch stage. The reducers are independent, so they finish side by
    /// side (each on its own thread): the barrier waits for the slowest, not for the sum.
    mutating func finish() -> [BatchResult] {
        let reducers = ReducerSet(reducers)
        DispatchQueue.concurrentPerform(iterations: reducers.count) { reducers.finish($0) }
        for (slot, time) in reducers.nanoseconds.enumerated() { nanoseconds[slot] &+= time }
        return reducers.results
    }

    /// Add the time folding and finishing took to each batch stage's slot of `stageNanoseconds`.
    func addTimes(to stageNanoseconds: inout [UInt64]) {
        for (slot, stage) in stages.enumerated() where stage < stageNanoseconds.count {
            stageNanoseconds[stage] &+= nanoseconds[slot]
        }
    }
}

/// Reducers finishing on several threads at once, each writing only its own slot.
///
/// `@unchecked Sendable`: `finish(slot)` touches reducer `slot` and result slot `slot` only, each slot
/// from one thread; the results are read after every `finish` has returned.
private final class ReducerSet: @unchecked Sendable {
    let reducers: [AnyBatchReducer]
    private let finished: UnsafeMutableBufferPointer<BatchResult?>
    private let times: UnsafeMutableBufferPointer<UInt64>

    init(_ reducers: [AnyBatchReducer]) {
        self.reducers = reducers
        finished = .allocate(capacity: reducers.count)
        finished.initialize(repeating: nil)
        times = .allocate(capacity: reducers.count)
        times.initialize(repeating: 0)
    }

    deinit {
        finished.deinitialize()
        finished.deallocate()
        times.deallocate()
    }

    var count: Int { reducers.count }

    func finish(_ slot: Int) {
        let started = Stopwatch.wallNanoseconds()
        finished[slot] = reducers[slot].finish()
        times[slot] = Stopwatch.wallNanoseconds() &- started
    }

    var nanoseconds: [UInt64] { Array(times) }
    var results: [BatchResult] { finished.map { $0! } }
}

/// How much of a pass's output stays in memory instead of going to the spill file (an estimate of
/// the documents' size); shared by the lanes.
final class SpillBudget: Sendable {
    private let left: Mutex<Int>

    init(bytes: Int) { left = Mutex(bytes) }

    /// Whether `outcomes` fit in what is left (which they then use).
    func reserve(for outcomes: [DocumentOutcome]) -> Bool {
        var size = 256
        for case .processed(let document) in outcomes {
            // Text, and about 40 bytes per annotation of every layer.
            size += document.text.utf8.count + 512
            for layer in document.layers.values { size += layer.count * 40 }
        }
        return left.withLock { left in
            guard left >= size else { return false }
            left -= size
            return true
        }
    }
}

/// A pass's items, written once in order and read back in order: the first ones in memory while
/// `budget` lasts, the others as length-prefixed records in a file; removed when released.
final class PassSpill {
    let folder: URL
    let file: URL
    let budget: SpillBudget
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Per item, in order: its outcomes when kept in memory, nil when in the file.
    private(set) var kept: [[DocumentOutcome]?] = []

    init(directory: URL?, memoryBudget: Int) throws {
        budget = SpillBudget(bytes: memoryBudget)
        let parent = directory ?? FileManager.default.temporaryDirectory
        folder = parent.appendingPathComponent(
            "lector-pass-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        file = folder.appendingPathComponent("items")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: file.path) else {
            throw CacheError("cannot write the batch spill \(file.path)")
        }
        self.handle = handle
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: folder)
    }

    func append(_ payload: PassPayload) throws {
        switch payload {
        case .outcomes(let outcomes): kept.append(outcomes)
        case .encoded(let bytes):
            kept.append(nil)
            try write(bytes)
        }
    }

    private func write(_ bytes: [UInt8]) throws {
        var length = UInt64(bytes.count)
        for _ in 0..<8 {
            buffer.append(UInt8(truncatingIfNeeded: length))
            length >>= 8
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The items in order (flushes what is buffered first).
    func reader() throws -> PassSpillReader {
        try flush()
        return try PassSpillReader(file: file, owner: self)
    }
}

/// Reads a `PassSpill`'s items in order (the file 1 MiB at a time).
struct PassSpillReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private let owner: PassSpill
    private var buffer: [UInt8] = []
    private var start = 0
    private var item = 0

    init(file: URL, owner: PassSpill) throws {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw CacheError("cannot read the batch spill \(file.path)")
        }
        self.handle = handle
        self.owner = owner
    }

    private mutating func fill(_ count: Int) -> Bool {
        while buffer.count - start < count {
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            guard let chunk = try? handle.read(upToCount: Swift.max(1 << 20, count)), !chunk.isEmpty else { return false }
            buffer.append(contentsOf: chunk)
        }
        return true
    }

    mutating func next() -> PassPayload? {
        guard item < owner.kept.count else { return nil }
        defer { item += 1 }
        if let outcomes = owner.kept[item] { return .outcomes(outcomes) }
        return nextRecord().map { .encoded($0) }
    }

    private mutating func nextRecord() -> [UInt8]? {
        guard fill(8) else { return nil }
        var length: UInt64 = 0
        for offset in (0..<8).reversed() { length = length << 8 | UInt64(buffer[start + offset]) }
        start += 8
        guard fill(Int(length)) else { return nil }
        let item = Array(buffer[start..<(start + Int(length))])
        start += Int(length)
        return item
    }
}
