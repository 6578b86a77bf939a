import Foundation
import LectorCompression
import LectorCore
import LectorMarkup
import Testing

/// WARC, ARC, JSON Lines and gzip reading on fixtures the tests build.
@Suite struct ContainerReaderTests {
    @Test func gzippedWARCGivesOneDocumentPerPageAndCountsTheRest() throws {
        let members = ContainerFixtures.crawlRecords().map { GzipCompressor.compress($0) }
        let url = try ContainerFixtures.write(members.flatMap { $0 }, name: "crawl.warc.gz")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (documents, failures, skipped) = ContainerFixtures.outcomes(url)
        #expect(failures.isEmpty)
        #expect(skipped == ["warcinfo": 1, "request": 1, "redirect": 1, "non-text": 1, "revisit": 1, "metadata": 1])
        #expect(documents.count == 2)
        // Ids are the compressed offsets of the records' gzip members.
        let offsets = members.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        #expect(documents.map(\.id) == ["crawl.warc.gz#\(offsets[2])", "crawl.warc.gz#\(offsets[5])"])
        let first = try #require(documents.first)
        #expect(first.text.contains("The harbour reopened on Tuesday"))
        #expect(first.source == "http://news.example/harbour")
        #expect(first.metadata["url"] == "http://news.example/harbour")
        #expect(first.metadata["fetched"] == "2025-03-01T10:00:00Z")
        #expect(documents.last?.text.contains("keep the library open") == true)
    }

    @Test func plainWARCReadsTheSameDocumentsWithFileOffsets() throws {
        let records = ContainerFixtures.crawlRecords()
        let url = try ContainerFixtures.write(records.flatMap { $0 }, name: "crawl.warc")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (documents, failures, _) = ContainerFixtures.outcomes(url)
        #expect(failures.isEmpty)
        let offsets = records.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        #expect(documents.map(\.id) == ["crawl.warc#\(offsets[2])", "crawl.warc#\(offsets[5])"])
    }

    @Test func brokenRecordFailsAloneAndTheRestIsRead() throws {
        var records = ContainerFixtures.crawlRecords()
        // A header without Content-Length, then garbage, between the request and the first response.
        records.insert(Array("WARC/1.1\r\nWARC-Type: response\r\n\r\nnot a record\r\n\r\n".utf8), at: 2)
        let url = try ContainerFixtures.write(records.flatMap { $0 }, name: "broken.warc")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (documents, failures, _) = ContainerFixtures.outcomes(url)
        #expect(failures.count == 1)
        #expect(failures.first?.message.contains("Content-Length") == true)
        #expect(documents.count == 2)
    }

    @Test func corruptGzipMemberFailsAloneAndLaterMembersAreRead() throws {
        var members = ContainerFixtures.crawlRecords().map { GzipCompressor.compress($0) }
        // Damage the deflate data of the first response's member (keep its header).
        for index in 12..<min(40, members[2].count - 8) { members[2][index] ^= 0x5A }
        let url = try ContainerFixtures.write(members.flatMap { $0 }, name: "damaged.warc.gz")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (documents, failures, _) = ContainerFixtures.outcomes(url)
        #expect(failures.count == 1)
        #expect(documents.map { $0.metadata["url"] } == ["http://news.example/library"])
    }

    @Test func truncatedFileKeepsWhatIsThere() throws {
        let records = ContainerFixtures.crawlRecords()
        var bytes = records[0..<6].flatMap { $0 }
        bytes.removeLast(40)
        let url = try ContainerFixtures.write(bytes, name: "cut.warc")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (documents, _, _) = ContainerFixtures.outcomes(url)
        #expect(documents.count == 2)
        #expect(documents.last?.diagnostics.contains { $0.message.contains("truncated") } == true)
    }

    @Test func arcRecordsAreRead() throws {
        let body = Array(ContainerFixtures.page("Ferry news", "Ferries resume their crossings on Friday morning.").utf8)
        let http = ContainerFixtures.http(headers: ["Content-Type: text/html"], body: body)
        let filedesc = "1 0 Lector\nURL IP-address Archive-date Content-type Archive-length\n"
        var arc = "filedesc://test.arc 127.0.0.1 20250301100000 text/plain \(filedesc.utf8.count)\n\(filedesc)\n"
        arc += "http://news.example/ferry 10.0.0.1 20250301100500 text/html \(http.count)\n"
        let url = try ContainerFixtures.write(Array(arc.utf8) + http + [0x0A], name: "crawl.arc")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (documents, failures, skipped) = ContainerFixtures.outcomes(url)
        #expect(failures.isEmpty && skipped == ["warcinfo": 1])
        #expect(documents.first?.metadata["fetched"] == "2025-03-01T10:05:00Z")
        #expect(documents.first?.text.contains("Ferries resume") == true)
    }

    @Test func jsonLinesGiveOneDocumentPerLineAndBrokenLinesFailAlone() throws {
        let lines = [
            #"{"url":"http://a.example/1","html":"<html><body><article><p>Harbour opens again after long repairs.</p></article></body></html>"}"#,
            #"{"url":"http://a.example/2", "html": broken"#,
            "",
            #"{"title":"Plain","text":"A plain text story about the ferry timetable.","date":"2025-02-01"}"#,
            #"["not","an","object"]"#,
            #"{"url":"http://a.example/5"}"#,
        ]
        let url = try ContainerFixtures.write(
            GzipCompressor.compress(Array(lines.joined(separator: "\n").utf8)), name: "export.jsonl.gz")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (documents, failures, _) = ContainerFixtures.outcomes(url)
        #expect(documents.map(\.id) == ["export.jsonl.gz#1", "export.jsonl.gz#4"])
        #expect(failures.map(\.id) == ["export.jsonl.gz#2", "export.jsonl.gz#5", "export.jsonl.gz#6"])
        #expect(documents.first?.source == "http://a.example/1" && documents.first?.format == "html")
        #expect(documents.last?.title == "Plain" && documents.last?.metadata["date"] == "2025-02-01")
        #expect(documents.last?.format == "text")
    }

    @Test func jsonLinesFieldNamesComeFromOptions() throws {
        let line = #"{"key":"a-1","body":"Council keeps the library open on Sundays.","link":"http://b.example/x"}"#
        let url = try ContainerFixtures.write(Array(line.utf8), name: "custom.ndjson")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        var options = ReaderOptions()
        options.jsonLines = JSONLinesFields(id: "key", body: ["body"], url: "link")
        let (documents, failures, _) = ContainerFixtures.outcomes(url, options: options)
        #expect(failures.isEmpty)
        #expect(documents.map(\.id) == ["custom.ndjson#a-1"])
        #expect(documents.first?.metadata["url"] == "http://b.example/x")
    }

    @Test func gzippedPageReadsLikeThePlainOne() throws {
        let html = Array(ContainerFixtures.page("Ferry news", "Ferries resume their crossings on Friday morning.").utf8)
        let plain = try ContainerFixtures.write(html, name: "page.html")
        let zipped = try ContainerFixtures.write(GzipCompressor.compress(html), name: "page.html.gz")
        defer {
            try? FileManager.default.removeItem(at: plain.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: zipped.deletingLastPathComponent())
        }
        let a = ContainerFixtures.outcomes(plain).documents
        let b = ContainerFixtures.outcomes(zipped).documents
        #expect(a.count == 1 && a.map(\.text) == b.map(\.text) && b.first?.format == "html")
    }

    @Test func decompressionBombStopsAtTheByteLimit() throws {
        let bomb = GzipCompressor.compress([UInt8](repeating: 0x41, count: 4 << 20), level: 9)
        #expect(bomb.count < 40_000)
        let url = try ContainerFixtures.write(bomb, name: "bomb.txt.gz")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (documents, failures, _) = ContainerFixtures.outcomes(url, options: ReaderOptions(maxBytes: 1 << 20))
        #expect(documents.isEmpty)
        #expect(failures.first?.message.contains("too large") == true)
    }

    @Test func gzipStreamsMembersAndReportsTheirOffsets() throws {
        let parts = [Array("first member\n".utf8), [], Array("second\n".utf8)]
        let members = parts.map { GzipCompressor.compress($0) }
        let input = try GzipInput(MemoryInput(members.flatMap { $0 }))
        #expect(try input.readAll(limit: 1_000) == parts.flatMap { $0 })
        #expect(input.memberStart(containing: 13).member == members[0].count + members[1].count)
        #expect(throws: ByteInputError.self) { try GzipInput(MemoryInput(Array("plain".utf8))).readAll(limit: 100) }
    }

    @Test func chunkedBodiesAreDecodedAndFakeChunkingIsTolerated() throws {
        let body = Array("<html><body><p>Ferries resume their crossings on Friday.</p></body></html>".utf8)
        let chunked = ContainerFixtures.chunked(body, size: 7)
        let records = [
            ContainerFixtures.warcRecord(
                type: "response", uri: "http://c.example/1", contentType: "application/http; msgtype=response",
                block: ContainerFixtures.http(headers: ["Content-Type: text/html", "Transfer-Encoding: chunked"], body: chunked)),
            ContainerFixtures.warcRecord(
                type: "response", uri: "http://c.example/2", contentType: "application/http; msgtype=response",
                block: ContainerFixtures.http(headers: ["Content-Type: text/html", "Transfer-Encoding: chunked"], body: body)),
        ]
        let url = try ContainerFixtures.write(records.flatMap { $0 }, name: "chunks.warc")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (documents, failures, _) = ContainerFixtures.outcomes(url)
        #expect(failures.isEmpty)
        #expect(documents.count == 2 && documents[0].text == documents[1].text)
        #expect(documents[1].diagnostics.contains { $0.message.contains("not chunked") || $0.message.contains("is not") })
    }

    @Test func recordRangeSelectsRecordsByStartOffset() throws {
        let records = ContainerFixtures.crawlRecords()
        let url = try ContainerFixtures.write(records.flatMap { $0 }, name: "crawl.warc")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let offsets = records.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let split = offsets[4]
        func ids(_ range: Range<Int>) -> [String] {
            let source = Source(url: url, id: "crawl.warc", displayPath: url.path, recordRange: range)
            return Array(ContainerSources([SourceItem.file(source)], options: ReaderOptions())).compactMap {
                if case .file(let source) = $0 { source.id } else { nil }
            }
        }
        #expect(ids(0..<split) == ["crawl.warc#\(offsets[2])"])
        #expect(ids(split..<Int.max) == ["crawl.warc#\(offsets[5])"])
    }
}
