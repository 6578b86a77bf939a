import Dispatch
import Foundation
import Synchronization
import Testing

@testable import LectorCore

/// Reads sources whose ids encode what to do: `fail-*` fails in reading, `feed-*` yields three
/// documents, `slow-*` takes a while (to shuffle completion order across lanes).
struct ScriptedReader: DocumentReader {
    let inFlight: InFlightCounter?

    init(inFlight: InFlightCounter? = nil) { self.inFlight = inFlight }

    static func number(_ id: String) -> Int { Int(id.split(separator: "-").last ?? "") ?? 0 }

    func read(_ source: Source) -> [DocumentOutcome] {
        inFlight?.enter()
        defer { inFlight?.leave() }
        // A fixed spread of delays per id (not random): completion order still differs from input order.
        if source.id.hasPrefix("slow") { usleep(UInt32(200 + Self.number(source.id) * 7919 % 2800)) }
        inFlight?.rendezvous(source.id)
        if source.id.hasPrefix("fail") {
            return [.failed(DocumentFailure(id: source.id, source: source.displayPath, stage: "read", message: "broken"))]
        }
        let count = source.id.hasPrefix("feed") ? 3 : 1
        return (1...count).map { item in
            let id = count == 1 ? source.id : "\(source.id)#\(item)"
            return .processed(Document(id: id, source: source.displayPath, format: "text", text: "Text of \(id). BOOM? \(source.id)"))
        }
    }
}

/// Fails any document whose text contains "BOOM" and whose id ends in 7.
struct BoomStage: Stage {
    static let name = "boom"
    init(options: NoOptions) {}
    func process(_ document: inout Document, context: StageContext) throws {
        if document.id.hasSuffix("7") { throw DocumentFailure(id: document.id, source: "", stage: "boom", message: "boom") }
        document.metadata["lane-independent"] = "yes"
    }
}

/// Counts reads in flight. Sources whose id starts with "meet" wait (up to a generous 60 s) until
/// `meeting` reads are in flight at once, so a test can prove that that many lanes really run together.
final class InFlightCounter: Sendable {
    private let state = Mutex((current: 0, peak: 0))
    let meeting: Int

    init(meeting: Int = 0) { self.meeting = meeting }

    func enter() { state.withLock { $0.current += 1; $0.peak = max($0.peak, $0.current) } }
    func leave() { state.withLock { $0.current -= 1 } }
    var peak: Int { state.withLock { $0.peak } }

    private let missed = Mutex(0)
    /// Readers that gave up waiting for the others.
    var missedMeetings: Int { missed.withLock { $0 } }

    func rendezvous(_ id: String) {
        guard id.hasPrefix("meet") else { return }
        let giveUp = DispatchTime.now() + 60
        // The peak, not the current count: once all have met, a reader that polls late must not wait.
        while state.withLock({ $0.peak }) < meeting {
            if DispatchTime.now() > giveUp {
                missed.withLock { $0 += 1 }
                return
            }
            usleep(500)
        }
    }
}

func sources(_ ids: [String]) -> [SourceItem] {
    ids.map { .file(Source(url: URL(fileURLWithPath: "/nowhere/\($0)"), id: $0, displayPath: $0)) }
}

func corpusIDs(_ count: Int) -> [String] {
    (0..<count).map { index in
        switch index % 10 {
        case 3: "fail-\(index)"
        case 5: "feed-\(index)"
        default: "slow-\(index)"
        }
    }
}

func runIDs(jobs: Int, ids: [String]) throws -> ([String], RunStatistics) {
    let pipeline = try Pipeline(name: "t", stages: [AnyStage(BoomStage(options: NoOptions()))])
    let runner = BatchRunner(pipeline: pipeline, reader: ScriptedReader(), jobs: jobs)
    var seen: [String] = []
    let statistics = try runner.run(
        sources: sources(ids),
        transform: { outcomes in
            outcomes.map { outcome in
                switch outcome {
                case .processed(let document): "ok:\(document.id)"
                case .failed(let failure): "failed:\(failure.id):\(failure.stage)"
                }
            }
        },
        consume: { seen.append(contentsOf: $0) })
    return (seen, statistics)
}

@Test func outputKeepsInputOrderWithManyLanes() throws {
    let ids = corpusIDs(200)
    let (seen, _) = try runIDs(jobs: 4, ids: ids)
    let expectedOrder = ids.flatMap { id in id.hasPrefix("feed") ? ["\(id)#1", "\(id)#2", "\(id)#3"] : [id] }
    #expect(seen.map { $0.split(separator: ":")[1] }.map(String.init) == expectedOrder)
}

@Test func oneLaneAndManyLanesGiveIdenticalOutput() throws {
    let ids = corpusIDs(150)
    let (single, singleStatistics) = try runIDs(jobs: 1, ids: ids)
    let (many, manyStatistics) = try runIDs(jobs: 3, ids: ids)
    #expect(single == many)
    #expect(singleStatistics.documentsProcessed == manyStatistics.documentsProcessed)
    #expect(singleStatistics.documentsFailed == manyStatistics.documentsFailed)
}

@Test func failuresStayWithTheirDocument() throws {
    let (seen, statistics) = try runIDs(jobs: 2, ids: ["slow-1", "fail-2", "slow-7", "feed-4", "slow-5"])
    #expect(seen == ["ok:slow-1", "failed:fail-2:read", "failed:slow-7:boom", "ok:feed-4#1", "ok:feed-4#2", "ok:feed-4#3", "ok:slow-5"])
    #expect(statistics.documentsProcessed == 5)
    #expect(statistics.documentsFailed == 2)
    #expect(statistics.stageNames == ["boom"])
}

@Test func sourcesInFlightStayBounded() throws {
    // The first three sources wait for each other: three lanes must really read at once (peak reaches 3),
    // and never more than three (peak stays at 3), whatever the machine's load.
    let counter = InFlightCounter(meeting: 3)
    let pipeline = try Pipeline(name: "t", stages: [])
    let runner = BatchRunner(pipeline: pipeline, reader: ScriptedReader(inFlight: counter), jobs: 3, window: 5)
    var pending = 0
    var maxPending = 0
    _ = try runner.run(
        sources: sources(["meet-1", "meet-2", "meet-3"] + corpusIDs(300)).lazy.map { item -> SourceItem in
            pending += 1
            maxPending = max(maxPending, pending)
            return item
        },
        transform: { $0.count },
        consume: { _ in pending -= 1 })
    #expect(counter.missedMeetings == 0, "three lanes never read at once")
    #expect(counter.peak == 3)
    #expect(maxPending <= 5)
}

@Test func consumerErrorStopsTheRun() throws {
    struct Stop: Error {}
    let pipeline = try Pipeline(name: "t", stages: [])
    let runner = BatchRunner(pipeline: pipeline, reader: ScriptedReader(), jobs: 2)
    var consumed = 0
    #expect(throws: Stop.self) {
        _ = try runner.run(
            sources: sources(corpusIDs(100)), transform: { $0.count },
            consume: { _ in
                consumed += 1
                if consumed == 10 { throw Stop() }
            })
    }
    #expect(consumed == 10)
}

/// A clock that moves only when told to: deadlines become a matter of counting, not of the machine's load.
final class ManualClock: Sendable {
    private let nanoseconds = Mutex<UInt64>(1_000_000_000)
    func now() -> DispatchTime { DispatchTime(uptimeNanoseconds: nanoseconds.withLock { $0 }) }
    func advance(milliseconds: UInt64) { nanoseconds.withLock { $0 += milliseconds * 1_000_000 } }
}

@Test func deadlineFailsSlowDocumentsOnly() throws {
    let clock = ManualClock()
    struct SlowStage: Stage {
        static let name = "slow"
        let clock: ManualClock
        init(options: NoOptions) { clock = ManualClock() }
        init(clock: ManualClock) { self.clock = clock }
        func process(_ document: inout Document, context: StageContext) throws {
            // 200 "milliseconds" of work on the injected clock; quick documents take none.
            let steps = document.id.hasPrefix("slow") ? 200 : 0
            for _ in 0..<steps {
                clock.advance(milliseconds: 1)
                try context.checkDeadline()
            }
        }
    }
    let pipeline = try Pipeline(name: "t", stages: [AnyStage(SlowStage(clock: clock))])
    // One lane: the clock is shared, so a second lane's slow document would age this lane's quick one.
    var runner = BatchRunner(pipeline: pipeline, reader: ScriptedReader(), jobs: 1, documentDeadline: 0.02)
    runner.clock = { clock.now() }
    var results: [String] = []
    _ = try runner.run(
        sources: sources(["quick-1", "slow-2", "quick-3"]),
        transform: { outcomes in
            outcomes.map { outcome -> String in
                if case .failed(let failure) = outcome { return "failed:\(failure.stage):\(failure.message)" }
                return "ok"
            }
        },
        consume: { results.append(contentsOf: $0) })
    #expect(results == ["ok", "failed:slow:the document's deadline passed", "ok"])
}
