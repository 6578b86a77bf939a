import ArgumentParser
import Foundation
import LectorCore
import LectorStages
import Synchronization

/// Entry point for `lector` and for programs that extend it with their own stages:
///
/// ```swift
/// var registry = StageRegistry.builtins
/// registry.register(HouseStyleStage.self)
/// LectorMain.main(registry: registry)
/// ```
///
/// Exit codes: 0 every document processed; 1 fatal error; 2 bad usage or configuration (nothing
/// written); 3 finished, but some documents failed (report complete, failures in `errors.jsonl`).
public enum LectorMain {
    private static let installed = Mutex<StageRegistry?>(nil)
    /// The registry of one `run(arguments:registry:)` call (scoped, so concurrent callers do not mix).
    @TaskLocal private static var scoped: StageRegistry?

    /// The stages the CLI's commands can name: the built-ins, what `main(registry:)` installed, or
    /// the registry given to the current `run(arguments:registry:)` call.
    public static var registry: StageRegistry { scoped ?? installed.withLock { $0 } ?? .builtins }

    /// Run the `lector` command line with `registry`, then exit the process with Lector's exit codes.
    public static func main(registry: StageRegistry = .builtins, arguments: [String]? = nil) -> Never {
        installed.withLock { $0 = registry }
        exit(run(arguments: arguments ?? Array(CommandLine.arguments.dropFirst())))
    }

    /// Run one command line with `registry`'s stages and return its exit code (for tests and embedding).
    public static func run(arguments: [String], registry: StageRegistry) -> Int32 {
        $scoped.withValue(registry) { run(arguments: arguments) }
    }

    /// Run one command line and return its exit code (for tests and embedding).
    public static func run(arguments: [String]) -> Int32 {
        do {
            var command = try Lector.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as ConfigError {
            printError("error: \(error)")
            return ExitStatus.badConfiguration
        } catch let error as LectorExit {
            return error.code
        } catch {
            let code = Lector.exitCode(for: error)
            if code == .success {
                print(Lector.fullMessage(for: error))
                return 0
            }
            if code == .validationFailure {
                printError(Lector.fullMessage(for: error))
                return ExitStatus.badConfiguration
            }
            if let exit = error as? ExitCode { return exit.rawValue }
            printError("error: \(Lector.fullMessage(for: error))")
            return ExitStatus.fatal
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// Lector's exit codes.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let fatal: Int32 = 1
    public static let badConfiguration: Int32 = 2
    public static let documentsFailed: Int32 = 3
}

/// Thrown by a command to end with a specific exit code (its message already printed).
struct LectorExit: Error {
    var code: Int32
}
