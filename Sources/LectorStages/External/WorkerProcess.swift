import Foundation
import LectorCore

/// One running worker: a child process with pipes on stdin, stdout and stderr, driven with `poll`
/// so that neither a worker that stops reading nor one that stops writing can block a lane past
/// the timeout.
final class WorkerProcess {
    private let process = Process()
    private let input: Int32
    private let output: Int32
    private let errors: Int32
    private var pending: [UInt8] = []
    /// Reused for every read of the worker's stdout (a worker is used by one lane at a time).
    private var readBuffer = [UInt8](repeating: 0, count: 65536)
    private var closed = false
    /// Keep the pipes alive as long as the process.
    private let pipes: [Pipe]

    /// Most stderr text kept per document.
    static let stderrLimit = 4096
    /// Extra seconds the first request after a start may take: starting an interpreter and loading a
    /// model is not the document's time, and on a busy machine it can take seconds.
    static let startupGrace = 30.0
    /// Whether the worker has answered a request (after that, requests get the plain timeout).
    private(set) var hasReplied = false

    init(options: ExternalStage.Options) throws {
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        pipes = [stdin, stdout, stderr]
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = options.command
        process.currentDirectoryURL = options.directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in options.environment { environment[key] = value }
        process.environment = environment
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        input = stdin.fileHandleForWriting.fileDescriptor
        output = stdout.fileHandleForReading.fileDescriptor
        errors = stderr.fileHandleForReading.fileDescriptor
        do {
            try process.run()
        } catch {
            throw WorkerFailure.cannotStart("\(options.command.joined(separator: " ")): \(error.localizedDescription)")
        }
        for descriptor in [input, output, errors] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
    }

    /// Write `request` and a newline, then read until a full reply line arrives or `timeout` passes.
    func exchange(_ request: [UInt8], timeout: Double) throws -> (reply: [UInt8], stderr: String) {
        let stopwatch = Stopwatch()
        var stderrBytes: [UInt8] = []
        var message = request
        message.append(0x0A)
        var written = 0
        while true {
            if let newline = pending.firstIndex(of: 0x0A), written == message.count {
                let reply = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                // What the worker wrote to stderr while it worked on this document (no system call
                // when poll saw nothing there).
                if Self.readable(errors) { drain(errors, into: &stderrBytes) }
                hasReplied = true
                return (reply, stderrBytes.isEmpty ? "" : Self.text(stderrBytes))
            }
            let remaining = timeout - stopwatch.elapsedSeconds
            if remaining <= 0 { throw WorkerFailure.timedOut(seconds: timeout) }
            var fds = [
                pollfd(fd: output, events: Int16(POLLIN), revents: 0),
                pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
                pollfd(fd: written < message.count ? input : -1, events: Int16(POLLOUT), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000, 1000).rounded(.up)))
            if ready < 0 && errno != EINTR { throw WorkerFailure.exited(status: -1, stderr: Self.text(stderrBytes)) }
            if fds[2].revents != 0 && written < message.count {
                let count = message.withUnsafeBytes { buffer in
                    write(input, buffer.baseAddress! + written, buffer.count - written)
                }
                if count < 0 && errno != EAGAIN && errno != EINTR {
                    throw WorkerFailure.exited(status: waitForExit(), stderr: Self.text(stderrBytes))
                }
                if count > 0 { written += count }
            }
            if fds[1].revents != 0 { drain(errors, into: &stderrBytes) }
            if fds[0].revents != 0 {
                let count = readBuffer.withUnsafeMutableBytes { read(output, $0.baseAddress!, $0.count) }
                if count == 0 {
                    drain(errors, into: &stderrBytes)
                    throw WorkerFailure.exited(status: waitForExit(), stderr: Self.text(stderrBytes))
                }
                if count > 0 { pending.append(contentsOf: readBuffer[..<count]) }
            }
        }
    }

    /// Whether `descriptor` has data waiting (a zero-timeout poll).
    private static func readable(_ descriptor: Int32) -> Bool {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        return poll(&fds, 1, 0) > 0 && fds[0].revents != 0
    }

    private func drain(_ descriptor: Int32, into bytes: inout [UInt8]) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { return }
            if bytes.count < Self.stderrLimit { bytes.append(contentsOf: buffer[..<min(count, Self.stderrLimit - bytes.count)]) }
        }
    }

    private func waitForExit() -> Int32 {
        let waiting = Stopwatch()
        while process.isRunning && waiting.elapsedSeconds < 1 { usleep(1000) }
        if process.isRunning { return -1 }
        return process.terminationStatus
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Kill the worker and release its pipes.
    func terminate() {
        guard !closed else { return }
        closed = true
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        for pipe in pipes {
            try? pipe.fileHandleForReading.close()
            try? pipe.fileHandleForWriting.close()
        }
        process.waitUntilExit()
    }

    deinit { terminate() }
}
