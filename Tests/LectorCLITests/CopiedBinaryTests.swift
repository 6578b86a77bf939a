import Foundation
import Testing

@testable import LectorCLI

/// `lector` copied somewhere without its resource bundles: a clear error, never a trap; with
/// `LECTOR_RESOURCES` pointing at the resources, a normal run.
@Suite(.enabled(if: lectorExecutable() != nil))
struct CopiedBinaryTests {
    func copy() throws -> (folder: URL, binary: URL) {
        let folder = try temporaryDirectory("copied-binary")
        let binary = folder.appendingPathComponent("lector")
        try FileManager.default.copyItem(at: lectorExecutable()!, to: binary)
        return (folder, binary)
    }

    func run(_ binary: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "LECTOR_RESOURCES")
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // A trap ends the process with a signal: report it as a negative status.
        let status = process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
        return (status, text)
    }

    @Test func missingResourcesAreAClearConfigurationError() throws {
        let (folder, binary) = try copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, errors) = try run(
            binary, ["run", path("pipelines/news.yaml"), path("examples/news"), "--report", folder.appendingPathComponent("r").path,
                "--quiet", "--no-cache"])
        #expect(status == ExitStatus.badConfiguration, "\(errors)")
        #expect(errors.contains("is missing from this installation"))
        #expect(errors.contains("LECTOR_RESOURCES"))
    }

    @Test func resourcesFolderFromTheEnvironmentIsUsed() throws {
        let (folder, binary) = try copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let resources = folder.appendingPathComponent("resources")
        try FileManager.default.createDirectory(at: resources, withIntermediateDirectories: true)
        let built = lectorExecutable()!.deletingLastPathComponent()
        try FileManager.default.copyItem(
            at: built.appendingPathComponent("Lector_LectorStages.resources/Resources"),
            to: resources.appendingPathComponent("Resources"))
        let report = folder.appendingPathComponent("r")
        let (status, errors) = try run(
            binary, ["run", path("pipelines/news.yaml"), path("examples/news"), "--report", report.path, "--quiet", "--no-cache"],
            environment: ["LECTOR_RESOURCES": resources.path])
        #expect(status == 0, "\(errors)")
        // Templates are not in the folder: the copy compiled into the library renders the report.
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("index.html").path))
    }
}
