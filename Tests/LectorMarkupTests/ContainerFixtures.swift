import Foundation
import LectorCompression
import LectorCore
import LectorMarkup

/// Small WARC, ARC and JSON Lines files written by the tests themselves.
enum ContainerFixtures {
    static func warcRecord(type: String, uri: String? = "http://example.org/", contentType: String, block: String) -> [UInt8] {
        warcRecord(type: type, uri: uri, contentType: contentType, block: Array(block.utf8))
    }

    static func warcRecord(type: String, uri: String? = "http://example.org/", contentType: String, block: [UInt8]) -> [UInt8] {
        var header = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Date: 2025-03-01T10:00:00Z\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        header += "Content-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func http(status: String = "200 OK", headers: [String], body: [UInt8]) -> [UInt8] {
        Array(("HTTP/1.1 \(status)\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
    }

    static func chunked(_ bytes: [UInt8], size: Int) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let end = min(bytes.count, index + size)
            output += Array((String(end - index, radix: 16) + "\r\n").utf8) + bytes[index..<end] + Array("\r\n".utf8)
            index = end
        }
        return output + Array("0\r\n\r\n".utf8)
    }

    static func page(_ title: String, _ paragraph: String) -> String {
        "<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1><p>\(paragraph)</p></article></body></html>"
    }

    /// A crawl as wget or Heritrix would write it: warcinfo, request, responses (HTML chunked and
    /// gzip-encoded, a redirect, an image), a resource, a revisit and a metadata record.
    static func crawlRecords() -> [[UInt8]] {
        let first = Array(page("Harbour reopens", "The harbour reopened on Tuesday after repairs to the sea wall.").utf8)
        let second = Array(page("Library hours", "The council voted to keep the library open on Sundays.").utf8)
        return [
            warcRecord(type: "warcinfo", uri: nil, contentType: "application/warc-fields", block: "software: lector-tests\r\n"),
            warcRecord(
                type: "request", uri: "http://news.example/harbour", contentType: "application/http; msgtype=request",
                block: "GET /harbour HTTP/1.1\r\nHost: news.example\r\n\r\n"),
            warcRecord(
                type: "response", uri: "http://news.example/harbour", contentType: "application/http; msgtype=response",
                block: http(
                    headers: ["Content-Type: text/html; charset=utf-8", "Transfer-Encoding: chunked", "Content-Encoding: gzip"],
                    body: chunked(GzipCompressor.compress(first), size: 50))),
            warcRecord(
                type: "response", uri: "http://news.example/old", contentType: "application/http; msgtype=response",
                block: http(status: "301 Moved Permanently", headers: ["Location: /harbour", "Content-Length: 0"], body: [])),
            warcRecord(
                type: "response", uri: "http://news.example/logo.png", contentType: "application/http; msgtype=response",
                block: http(headers: ["Content-Type: image/png"], body: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0])),
            warcRecord(type: "resource", uri: "http://news.example/library", contentType: "text/html", block: second),
            warcRecord(
                type: "revisit", uri: "http://news.example/harbour", contentType: "application/http; msgtype=response",
                block: "HTTP/1.1 200 OK\r\n\r\n"),
            warcRecord(type: "metadata", uri: "http://news.example/harbour", contentType: "application/warc-fields", block: "via: x\r\n"),
        ]
    }

    /// A temporary directory with `name` holding `bytes`; returns the file's URL.
    static func write(_ bytes: [UInt8], name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lector-containers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Every item of the listing of `url` with containers expanded, and the skip tally.
    static func items(_ url: URL, options: ReaderOptions = ReaderOptions()) -> ([SourceItem], [String: Int]) {
        let tally = ContainerTally()
        let items = Array(ContainerSources(SourceEnumerator(inputs: [url.path]), options: options, tally: tally))
        return (items, tally.skipped)
    }

    /// The documents and failures of `url`, read as `lector run` reads them.
    static func outcomes(_ url: URL, options: ReaderOptions = ReaderOptions()) -> (documents: [Document], failures: [DocumentFailure], skipped: [String: Int]) {
        let (items, skipped) = items(url, options: options)
        let reader = FormatReader(options: options)
        var documents: [Document] = []
        var failures: [DocumentFailure] = []
        for item in items {
            switch item {
            case .unreadable(let failure): failures.append(failure)
            case .file(let source):
                for outcome in reader.read(source) {
                    switch outcome {
                    case .processed(let document): documents.append(document)
                    case .failed(let failure): failures.append(failure)
                    }
                }
            }
        }
        return (documents, failures, skipped)
    }
}
