import Foundation
import LectorCore

/// The worker processes of one external stage, one per lane, started lazily.
///
/// `@unchecked Sendable`: `lock` guards `workers`, `failures` and `disabledReason`. A worker object is
/// only ever used by the lane whose number keys it, so its I/O needs no lock.
final class WorkerPool: @unchecked Sendable {
    struct Exchange {
        var reply: [UInt8]
        /// `reply` parsed (once, here: a line that is not JSON restarts the worker).
        var object: Any
        var stderr: String
    }

    private let options: ExternalStage.Options
    private let lock = NSLock()
    private var workers: [Int: WorkerProcess] = [:]
    private var failures = 0
    private var disabledReason: String?

    init(options: ExternalStage.Options) {
        self.options = options
        // A worker that dies between two requests must not take Lector down with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        for worker in workers.values { worker.terminate() }
    }

    /// Send one request on `lane`'s worker and wait for its reply line.
    func exchange(_ request: [UInt8], lane: Int) throws -> Exchange {
        let worker: WorkerProcess
        do {
            worker = try self.worker(for: lane)
        } catch let error as WorkerFailure {
            throw recordFailure(error, lane: lane)
        }
        do {
            let timeout = worker.hasReplied ? options.timeout : options.timeout + WorkerProcess.startupGrace
            let (reply, stderr) = try worker.exchange(request, timeout: timeout)
            let object: Any
            do {
                // Validate the framing here so a desynchronised worker is restarted, not trusted.
                object = try JSONSerialization.jsonObject(with: Data(reply))
            } catch {
                throw WorkerFailure.invalidJSON(String(decoding: reply.prefix(80), as: UTF8.self), stderr: stderr)
            }
            return Exchange(reply: reply, object: object, stderr: stderr)
        } catch let failure as WorkerFailure {
            throw recordFailure(failure, lane: lane)
        }
    }

    private func worker(for lane: Int) throws -> WorkerProcess {
        lock.lock()
        defer { lock.unlock() }
        if let disabledReason { throw ExternalStageDisabled(reason: disabledReason) }
        if let worker = workers[lane] { return worker }
        let worker = try WorkerProcess(options: options)
        workers[lane] = worker
        return worker
    }

    /// Kill and forget the lane's worker, count the failure, disable the stage when it is one too many.
    private func recordFailure(_ failure: WorkerFailure, lane: Int) -> any Error {
        lock.lock()
        defer { lock.unlock() }
        workers.removeValue(forKey: lane)?.terminate()
        failures += 1
        if failures > options.restarts && disabledReason == nil {
            let reason = "worker '\(options.command.joined(separator: " "))' failed \(failures) times (last: \(failure))"
            disabledReason = reason
            FileHandle.standardError.write(
                Data("warning: external stage disabled for the rest of the run: \(reason)\n".utf8))
        }
        return failure
    }
}

/// The external stage was disabled earlier in the run.
struct ExternalStageDisabled: Error, CustomStringConvertible {
    var reason: String
    var description: String { "external stage disabled after repeated worker failures: \(reason)" }
}

/// A worker failed to answer one request; the worker is restarted before the next.
enum WorkerFailure: Error, CustomStringConvertible {
    case cannotStart(String)
    case exited(status: Int32, stderr: String)
    case timedOut(seconds: Double)
    case invalidJSON(String, stderr: String)

    var description: String {
        switch self {
        case .cannotStart(let why): "worker could not start: \(why)"
        case .exited(let status, let stderr):
            "worker exited (status \(status)) before replying" + (stderr.isEmpty ? "" : "; stderr: \(stderr)")
        case .timedOut(let seconds): "worker did not reply within \(JSONWriter.format(seconds)) s; killed"
        case .invalidJSON(let line, let stderr):
            "worker replied with invalid JSON: \(line)" + (stderr.isEmpty ? "" : "; stderr: \(stderr)")
        }
    }
}
