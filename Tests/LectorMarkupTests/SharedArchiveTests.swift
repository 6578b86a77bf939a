import Foundation
import LectorCompression
import LectorCore
import LectorMarkup
import Testing

/// The shared WARC files: warcio's own test files and the 300-page crawl sample (skipped when the
/// data folder, `$LECTOR_DATA` or `../shared/data`, is absent).
@Suite struct SharedArchiveTests {
    static let data: URL = {
        if let root = ProcessInfo.processInfo.environment["LECTOR_DATA"], !root.isEmpty { return URL(fileURLWithPath: root) }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }()
    static let warc = data.appendingPathComponent("warc")
    static var available: Bool { FileManager.default.fileExists(atPath: warc.appendingPathComponent("crawl-sample.ids.tsv").path) }

    /// warcio's valid files: every record read, no failure, the example page found.
    @Test(
        .enabled(if: available),
        arguments: [
            "example.warc", "example.warc.gz", "example.arc", "example.arc.gz", "example-resource.warc.gz",
            "example-iana.org-chunked.warc", "example-wget-bad-target-uri.warc.gz", "example-space-in-url.arc",
            "example-wrong-chunks.warc.gz", "example-bad-non-chunked.warc.gz", "example-digest.warc",
            "example-space-in-target-uri.warc.gz", "post-test.warc.gz", "example-bad.warc.gz.bad",
        ])
    func validWarcioFilesReadFully(name: String) throws {
        let url = Self.warc.appendingPathComponent("warcio-tests/\(name)")
        let (documents, failures, skipped) = ContainerFixtures.outcomes(url)
        #expect(failures.isEmpty, "\(failures.map(\.message))")
        #expect(documents.count + skipped.values.reduce(0, +) > 0)
        for document in documents { #expect(document.metadata["url"]?.isEmpty == false) }
    }

    /// warcio's broken files: per-record errors, and records after the damage are still reached.
    @Test(.enabled(if: available))
    func brokenWarcioFilesFailPerRecord() throws {
        let truncated = ContainerFixtures.outcomes(Self.warc.appendingPathComponent("warcio-tests/example-trunc.warc"))
        #expect(!truncated.failures.isEmpty)
        #expect(truncated.failures.allSatisfy { $0.id.hasPrefix("example-trunc.warc#") })
        #expect(truncated.skipped["request"] == 1)  // the request after the damaged response is still read
        let bad = ContainerFixtures.outcomes(Self.warc.appendingPathComponent("warcio-tests/bad.arc"))
        #expect(bad.failures.count >= 2)
        #expect(bad.skipped["empty"] == 1)  // the last, valid record (one byte) is reached
    }

    /// The crawl sample: 300 pages as WARC and as JSON Lines give the same text as the pages as files.
    @Test(.enabled(if: available))
    func crawlSampleEqualsThePagesAsFiles() throws {
        var idByURL: [String: String] = [:]
        let map = try String(contentsOf: Self.warc.appendingPathComponent("crawl-sample.ids.tsv"), encoding: .utf8)
        for line in map.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t")
            if fields.count == 2 { idByURL[String(fields[0])] = String(fields[1]) }
        }
        #expect(idByURL.count == 300)
        let reader = FormatReader()
        let pages = Self.data.appendingPathComponent("html/wcxb/pages")
        func fileText(_ id: String) throws -> String? {
            let bytes = try GzipInput(FileInput(path: pages.appendingPathComponent("\(id).html.gz").path)).readAll(limit: 64 << 20)
            guard case .processed(let document) = reader.read(bytes: bytes, id: id, source: id, formatHint: "html").first else {
                return nil
            }
            return document.text
        }
        // All 300 WARC pages are read; every third is compared with the page read as a file (the
        // full comparison, all 300 of both containers, is the README's `lector run` check).
        let (documents, failures, skipped) = ContainerFixtures.outcomes(Self.warc.appendingPathComponent("crawl-sample.warc.gz"))
        #expect(documents.count + failures.count == 300)
        #expect(skipped["request"] == 300 && (skipped["redirect"] ?? 0) > 0 && (skipped["non-text"] ?? 0) > 0)
        // The one page with no text fails as a file too.
        for failure in failures { #expect(failure.message == "no text found in document") }
        var compared = 0
        for (index, document) in documents.enumerated() where index % 3 == 0 {
            let id = try #require(idByURL[document.metadata["url"] ?? ""], "\(document.id)")
            #expect(try fileText(id) == document.text, "\(document.id)")
            compared += 1
        }
        #expect(compared >= 99)
        // The JSON Lines copy holds the same 300 pages, with the same URLs, as HTML.
        let (items, _) = ContainerFixtures.items(Self.warc.appendingPathComponent("crawl-sample.jsonl.gz"))
        var urls: Set<String> = []
        for case .file(let source) in items {
            #expect(source.content?.formatHint == "html")
            urls.insert(source.content?.metadata["url"] ?? "")
        }
        #expect(items.count == 300 && urls == Set(idByURL.keys))
    }
}
