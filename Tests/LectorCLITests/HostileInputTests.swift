import Foundation
import LectorCore
import Testing

@testable import LectorCLI

/// A corpus of everything that should not break a run. Built fresh in a temporary folder.
struct HostileCorpus {
    let root: URL
    let input: URL
    let secretMarker = "SECRET-\(UUID().uuidString)"
    /// Ids that must show up in the report, processed or failed.
    var expectedIDs: [String] = []

    init() throws {
        root = try temporaryDirectory("hostile")
        input = root.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        var generator = SeededGenerator(seed: 42)

        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: input.appendingPathComponent(name))
            expectedIDs.append(name)
        }
        func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

        try write("random.bin", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try write("random.html", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try write("random.xml", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try write("random.txt", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try write("truncated-utf8.txt", Array(Array("Zoë went to Łódź. Ünïcödé everywhere.".utf8).dropLast(1)))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "Hello from UTF-16, Zoë.".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try write("truncated-utf16.txt", Array(utf16.dropLast(1)))
        try write("nul-bytes.txt", Array("Text with\u{0} NUL\u{0}\u{0} bytes inside. And more text.".utf8))
        try write("huge-single-line.txt", [UInt8](repeating: UInt8(ascii: "a"), count: 100 * 1024 * 1024 + 1))
        try write("long-line.txt", Array(String(repeating: "The mayor of Berlin met officials from Paris on Monday ", count: 20_000).utf8))
        var tiny = "<?xml version=\"1.0\"?><root>"
        tiny.reserveCapacity(6_000_000)
        for _ in 0..<1_000_000 { tiny += "<a/>" }
        try write("million-elements.xml", tiny + "</root>")
        try write("deep.html", String(repeating: "<div>", count: 100_000) + "deep text" + String(repeating: "</div>", count: 100_000))
        try write("deep.xml", "<?xml version=\"1.0\"?>" + String(repeating: "<a>", count: 100_000) + "x" + String(repeating: "</a>", count: 100_000))
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        laughs += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        for level in 2...9 {
            laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        laughs += "]>\n<lolz>&lol9;</lolz>\n"
        try write("billion-laughs.xml", laughs)
        let secret = root.appendingPathComponent("secret.txt")
        try Data(secretMarker.utf8).write(to: secret)
        try write(
            "xxe.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file://\(secret.path)\">]>\n<r><p>before &xxe; after</p></r>\n")
        try write(
            "xxe-param.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"file://\(secret.path)\"> %p;]>\n<r><p>text</p></r>\n")
        try write("empty.txt", [])
        try write("evil..html", "<html><body><p>Dots in the name.</p></body></html>")
        try write("quote\"and<angle>.html", "<html><body><p>Odd characters in the name.</p></body></html>")
        // A name that is not UTF-8.
        let rawName: [UInt8] = Array(input.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let descriptor = rawName.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        if descriptor >= 0 {
            _ = "Café text in a Latin-1 named file.".withCString { Glibc.write(descriptor, $0, strlen($0)) }
            close(descriptor)
        }
        // A loop, a dangling link and a FIFO.
        try FileManager.default.createDirectory(at: input.appendingPathComponent("loop"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("loop/back").path, withDestinationPath: input.path)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("dangling.txt").path, withDestinationPath: "/no/such/file")
        mkfifo(input.appendingPathComponent("pipe.txt").path, 0o644)
        try write("fine.txt", "Berlin, March 4 — The mayor of Berlin, Anna Weber, opened a new library on Monday.")
    }
}

struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}

@Test func hostileInputNeverCrashesLeaksOrEscapes() throws {
    let corpus = try HostileCorpus()
    defer { try? FileManager.default.removeItem(at: corpus.root) }
    let report = corpus.root.appendingPathComponent("report")
    let before = Set(try FileManager.default.contentsOfDirectory(atPath: corpus.root.path))
    let code = LectorMain.run(arguments: ["run", path("pipelines/news.yaml"), corpus.input.path, "--report", report.path,
        "--quiet", "--no-cache", "--deadline", "120"])
    #expect(code == 3)

    let after = Set(try FileManager.default.contentsOfDirectory(atPath: corpus.root.path))
    #expect(after.subtracting(before) == ["report"], "something was written outside the report directory")

    let documents = try jsonLines(report.appendingPathComponent("documents.jsonl"))
    let errors = try jsonLines(report.appendingPathComponent("errors.jsonl"))
    let seen = Set(documents.compactMap { $0["id"] as? String } + errors.compactMap { $0["id"] as? String })
    for id in corpus.expectedIDs {
        #expect(seen.contains(id) || seen.contains { $0.hasPrefix(id + "#") }, "\(id) is missing from the report")
    }
    #expect(seen.contains("fine.txt"))
    #expect(errors.contains { ($0["id"] as? String) == "huge-single-line.txt" })
    #expect(errors.contains { ($0["id"] as? String) == "random.bin" })
    #expect(errors.contains { ($0["id"] as? String) == "pipe.txt" })
    #expect(errors.contains { ($0["id"] as? String) == "dangling.txt" })
    #expect(errors.contains { ($0["message"] as? String ?? "").contains("loop") })

    // The local file named by the external entities was never read into any output.
    let enumerator = FileManager.default.enumerator(atPath: report.path)!
    for case let file as String in enumerator {
        let url = report.appendingPathComponent(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: url.path)
        else { continue }
        #expect(!String(decoding: data, as: UTF8.self).contains(corpus.secretMarker), "\(file) contains the secret")
    }
}

@Test func fileThatVanishesBeforeReadingFailsAlone() throws {
    let directory = try temporaryDirectory("vanish")
    defer { try? FileManager.default.removeItem(at: directory) }
    let gone = Source(url: directory.appendingPathComponent("gone.txt"), id: "gone.txt", displayPath: "gone.txt")
    let setup = try PipelineSetup(path: path("pipelines/minimal.yaml"))
    let runner = BatchRunner(pipeline: setup.pipeline, reader: defaultReader(maxBytes: 1 << 20), jobs: 2)
    var results: [String] = []
    try Data("Still here.".utf8).write(to: directory.appendingPathComponent("here.txt"))
    let here = Source(url: directory.appendingPathComponent("here.txt"), id: "here.txt", displayPath: "here.txt")
    _ = try runner.run(
        sources: [SourceItem.file(gone), .file(here)],
        transform: { outcomes in outcomes.map { if case .failed(let failure) = $0 { "failed:\(failure.stage)" } else { "ok" } } },
        consume: { results += $0 })
    #expect(results == ["failed:read", "ok"])
}
