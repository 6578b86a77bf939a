import Foundation
import LectorCore
import Testing

@testable import LectorStages

/// A Python worker that marks every capitalised word (Python string indices = scalar offsets), and
/// misbehaves on request: CRASH exits, HANG sleeps, GARBAGE writes non-JSON, FAR replies past the
/// end, OOPS replies with an error, NOISE writes to stderr.
let workerSource = #"""
import json, sys, time, re
for line in sys.stdin:
    request = json.loads(line)
    text = request["text"]
    if "CRASH" in text:
        sys.exit(3)
    if "HANG" in text:
        time.sleep(60)
    if "GARBAGE" in text:
        print("this is { not json", flush=True)
        continue
    if "OOPS" in text:
        print(json.dumps({"id": request["id"], "error": "cannot handle OOPS"}), flush=True)
        continue
    if "NOISE" in text:
        print("a note for the log", file=sys.stderr, flush=True)
    spans = [[m.start(), m.end(), "CAP"] for m in re.finditer(r"\w+", text) if m.group()[0].isupper()]
    if "FAR" in text:
        spans.append([len(text) + 5, len(text) + 9, "CAP"])
    sentences = request["layers"].get("sentence", [])
    print(json.dumps({"id": request["id"], "layers": {"cap": spans}, "echo": len(sentences)}), flush=True)
"""#

/// The timeout is generous: a worker that behaves replies in milliseconds, and the first request after
/// a start also gets `WorkerProcess.startupGrace` for Python to start, so a busy machine cannot fail
/// these tests.
func makeWorker(restarts: Int = 2, timeout: Double = 10, unit: ExternalStage.OffsetUnit = .scalar) throws -> ExternalStage {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lector-worker-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data(workerSource.utf8).write(to: directory.appendingPathComponent("worker.py"))
    var options = ExternalStage.Options(command: ["python3", "worker.py"], directory: directory, produces: ["cap"])
    options.restarts = restarts
    options.timeout = timeout
    options.offsetUnit = unit
    return try ExternalStage(options: options)
}

func run(_ stage: ExternalStage, _ text: String, id: String = "doc") -> Result<Document, any Error> {
    var document = Document(id: id, source: id, format: "text", text: text)
    do {
        try stage.process(&document, context: StageContext(lane: 0))
        return .success(document)
    } catch {
        return .failure(error)
    }
}

func capitalised(_ document: Document) -> [String] {
    document.annotations("cap").map { document.text(in: $0.range) }
}

@Test func workerOffsetsAreConvertedFromScalars() throws {
    let stage = try makeWorker()
    let document = try run(stage, "Zoë 👋 met Łukasz in São Paulo.").get()
    #expect(capitalised(document) == ["Zoë", "Łukasz", "São", "Paulo"])
}

@Test func crashCostsOneDocumentAndWorkerRestarts() throws {
    let stage = try makeWorker()
    #expect(try run(stage, "Alpha one").get().annotations("cap").count == 1)
    guard case .failure(let error) = run(stage, "CRASH now") else {
        Issue.record("a crashing worker must fail the document")
        return
    }
    #expect("\(error)".contains("exited (status 3)"))
    #expect(capitalised(try run(stage, "Beta two Gamma").get()) == ["Beta", "Gamma"])
}

@Test func hangingWorkerTimesOut() throws {
    // The short timeout only ever meets a worker that sleeps 60 s: the first request of each worker
    // (Python starting) gets the start-up grace on top.
    let stage = try makeWorker(timeout: 0.5)
    #expect(capitalised(try run(stage, "Warm Up").get()) == ["Warm", "Up"])
    guard case .failure(let error) = run(stage, "HANG here") else {
        Issue.record("a hanging worker must fail the document")
        return
    }
    #expect("\(error)".contains("did not reply within 0.5 s"))
    #expect(capitalised(try run(stage, "After Hang").get()) == ["After", "Hang"])
}

@Test func invalidJSONFailsTheDocument() throws {
    let stage = try makeWorker()
    guard case .failure(let error) = run(stage, "GARBAGE please") else {
        Issue.record("invalid JSON must fail the document")
        return
    }
    #expect("\(error)".contains("invalid JSON"))
    #expect(capitalised(try run(stage, "Next One").get()) == ["Next", "One"])
}

@Test func outOfRangeOffsetsFailTheDocument() throws {
    let stage = try makeWorker()
    guard case .failure(let error) = run(stage, "Too FAR") else {
        Issue.record("out-of-range offsets must fail the document")
        return
    }
    #expect("\(error)".contains("outside the text"))
}

@Test func workerErrorsAndStderrAreReported() throws {
    let stage = try makeWorker()
    guard case .failure(let error) = run(stage, "OOPS") else {
        Issue.record("a worker error must fail the document")
        return
    }
    #expect("\(error)" == "worker reported an error: cannot handle OOPS")
    let noisy = try run(stage, "NOISE Here").get()
    #expect(noisy.diagnostics.contains { $0.message.contains("a note for the log") })
}

@Test func repeatedFailuresDisableTheStage() throws {
    let stage = try makeWorker(restarts: 1)
    _ = run(stage, "CRASH 1")
    _ = run(stage, "CRASH 2")
    guard case .failure(let error) = run(stage, "Fine Text") else {
        Issue.record("a disabled stage must fail documents")
        return
    }
    #expect("\(error)".contains("disabled"))
}

@Test func utf16OffsetsAreConverted() throws {
    // Python indices are scalars; declaring utf16 makes 👋 count twice, so the spans after it shift by one
    // and no longer match the text Lector reads back: this checks the conversion really happens.
    let stage = try makeWorker(unit: .utf16)
    let document = try run(stage, "Ab 👋 Cd").get()
    #expect(capitalised(document) == ["Ab", " C"])
}

@Test func lanesRunIndependentWorkersInParallel() throws {
    let stage = try makeWorker()
    let results = Mutex<[Int: [String]]>([:])
    // Each lane is one thread at a time (the runner's contract); two lanes run at once.
    DispatchQueue.concurrentPerform(iterations: 2) { lane in
        for round in 0..<2 {
            let index = lane * 2 + round
            var document = Document(id: "d\(index)", source: "d", format: "text", text: "Lane Number \(index) Here")
            if (try? stage.process(&document, context: StageContext(lane: lane))) != nil {
                let found = capitalised(document)
                results.withLock { $0[index] = found }
            }
        }
    }
    #expect(results.withLock { $0.count } == 4)
    #expect(results.withLock { $0[3] } == ["Lane", "Number", "Here"])
}

import Synchronization
