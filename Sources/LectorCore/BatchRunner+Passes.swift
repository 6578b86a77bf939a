import Dispatch
import Foundation

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
            after: reduce, items: items, plan: plan, statistics: &statistics, transform: transform, consume: consume)
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
    ) throws where Items.Element == [UInt8] {
        let started = Stopwatch.wallNanoseconds() - statistics.wallNanoseconds
        var reduce = reduce
        var results: [BatchResult] = []
        var pendingItems: () throws -> AnySequence<[UInt8]> = { AnySequence(try items()) }
        for pass in 1..<plan.passes.count {
            let applied = reduce.finish()
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
                let spill = try PassSpill(directory: spillDirectory)
                var next = BatchReduce(pipeline: pipeline, stages: plan.barriers[pass])
                timings = try lanes(
                    try pendingItems(),
                    body: { lane, index, bytes, timings in
                        let (outcomes, tally) = step.run(bytes, index: index, lane: lane, timings: &timings)
                        return (PassItem(outcomes, barrier: plan.barriers[pass], pipeline: pipeline), tally)
                    },
                    consume: { item, tally in
                        adjust.add(tally)
                        next.fold(item, keepingOrdinals: reduce)
                        try spill.append(item.encoded)
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
    func run(_ bytes: [UInt8], index: Int, lane: Int, timings: inout [UInt64]) -> ([DocumentOutcome], RunStatistics.Tally) {
        var outcomes = (try? OutcomeCodec.decode(bytes)) ?? []
        var tally = RunStatistics.Tally()
        let first = index < firstOrdinals.count ? firstOrdinals[index] : 0
        for position in outcomes.indices {
            guard case .processed(var document) = outcomes[position] else { continue }
            let wasSkipped = document.skipsLaterStages
            for result in applied where result.apply(first + position, &document) == .skip {
                document.skipsLaterStages = true
            }
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
            if isLast {
                if index < cachedItems.count, !cachedItems[index] { tally.tokens += document.annotations(.token).count }
            } else {
                document.batchSummaries = BatchReduce.summaries(of: document, stages: plan.barriers[pass], in: runner.pipeline)
            }
            outcomes[position] = .processed(document)
        }
        return (outcomes, tally)
    }
}

/// One item of a pass whose output waits for a reduce: its outcomes encoded (for the spill), and
/// the decoded summaries of its documents (nil for a failed one).
struct PassItem: Sendable {
    var encoded: [UInt8]
    var ids: [String]
    var summaries: [[(any Sendable)?]?]
    var cached: Bool

    init(_ outcomes: [DocumentOutcome], barrier: [Int], pipeline: Pipeline, encoded: [UInt8]? = nil) {
        self.encoded = encoded ?? OutcomeCodec.encode(outcomes)
        ids = outcomes.map(\.id)
        cached = false
        summaries = outcomes.map { outcome in
            guard case .processed(let document) = outcome, document.batchSummaries.count == barrier.count else {
                return nil
            }
            return zip(barrier, document.batchSummaries).map { index, json in
                pipeline.stages[index].batch?.decode(Array(json.utf8))
            }
        }
    }
}

/// The reduce state of one barrier's batch stages, folded on the consuming thread in input order.
struct BatchReduce {
    var reducers: [AnyBatchReducer]
    /// The ordinal of each item's first outcome (ordinals count every outcome, failed ones too).
    var firstOrdinals: [Int] = []
    var cachedItems: [Bool] = []
    private var nextOrdinal = 0

    init(pipeline: Pipeline, stages: [Int]) {
        reducers = stages.compactMap { pipeline.stages[$0].batch?.makeReducer() }
    }

    /// The summaries of `document` for the batch stages at `stages`, as JSON strings.
    static func summaries(of document: Document, stages: [Int], in pipeline: Pipeline) -> [String] {
        stages.map { index in
            String(decoding: pipeline.stages[index].batch?.summarize(document) ?? Array("null".utf8), as: UTF8.self)
        }
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

    private func addSummaries(_ item: PassItem, first: Int) {
        for (position, summaries) in item.summaries.enumerated() {
            guard let summaries else { continue }
            for (reducer, summary) in zip(reducers, summaries) {
                if let summary { reducer.add(summary, ordinal: first + position, id: item.ids[position]) }
            }
        }
    }

    func finish() -> [BatchResult] { reducers.map { $0.finish() } }
}

/// A file of length-prefixed items, written once in order and read back in order; removed when released.
final class PassSpill {
    let folder: URL
    let file: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(directory: URL?) throws {
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

    func append(_ bytes: [UInt8]) throws {
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

/// Reads a `PassSpill`'s items in order, 1 MiB at a time.
struct PassSpillReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private let owner: PassSpill
    private var buffer: [UInt8] = []
    private var start = 0

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

    mutating func next() -> [UInt8]? {
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
