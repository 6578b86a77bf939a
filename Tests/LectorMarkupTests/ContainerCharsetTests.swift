import Foundation
import LectorCompression
import LectorCore
import Testing

@testable import LectorMarkup

/// The charset a container declares (a WARC response's `Content-Type`) decides how a payload that
/// names none is decoded; a JSON Lines body is characters, whatever its page declares.
@Suite struct ContainerCharsetTests {
    /// "Café «naïve» “quoted” – 5 €" in Windows-1252 (curly quotes, dash and euro sign in 0x80–0x9F).
    private static let windows1252: [UInt8] =
        Array("Caf".utf8) + [0xE9] + Array(" ".utf8) + [0xAB] + Array("na".utf8) + [0xEF] + Array("ve".utf8) + [0xBB]
        + Array(" ".utf8) + [0x93] + Array("quoted".utf8) + [0x94] + Array(" ".utf8) + [0x96] + Array(" 5 ".utf8) + [0x80]
    private static let expected = "Café «naïve» “quoted” – 5 €"

    private func response(_ uri: String, contentType: String, body: [UInt8]) -> [UInt8] {
        ContainerFixtures.warcRecord(
            type: "response", uri: uri, contentType: "application/http; msgtype=response",
            block: ContainerFixtures.http(headers: ["Content-Type: \(contentType)", "Content-Length: \(body.count)"], body: body))
    }

    private func html(_ body: [UInt8], head: String = "") -> [UInt8] {
        Array("<html><head>\(head)<title>Prices</title></head><body><article><p>".utf8) + body
            + Array(" is what the menu said on Tuesday, and the council agreed.</p></article></body></html>".utf8)
    }

    @Test func httpCharsetDecodesPagesThatDeclareNone() throws {
        // "Привет, мир" in KOI8-R: a charset libxml2 converts once it is told.
        let koi8: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 0x2C, 0x20, 0xCD, 0xC9, 0xD2]
        let records = [
            response("http://a.example/latin", contentType: "text/html; charset=ISO-8859-1", body: html(Self.windows1252)),
            response("http://a.example/quoted", contentType: "text/html; charset=\"windows-1252\"", body: html(Self.windows1252)),
            response("http://a.example/text", contentType: "text/plain; charset=iso-8859-1", body: Self.windows1252),
            response("http://a.example/koi8", contentType: "text/html; charset=KOI8-R", body: html(koi8)),
            // The page's own declaration wins over the header.
            response(
                "http://a.example/own", contentType: "text/html; charset=utf-8",
                body: html(Self.windows1252, head: "<meta charset=\"windows-1252\">")),
        ]
        let url = try ContainerFixtures.write(records.flatMap { GzipCompressor.compress($0) }, name: "latin.warc.gz")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (documents, failures, _) = ContainerFixtures.outcomes(url)
        #expect(failures.isEmpty, "\(failures)")
        let texts = Dictionary(uniqueKeysWithValues: documents.map { ($0.source, $0.text) })
        for page in ["latin", "quoted", "text", "own"] {
            #expect(texts["http://a.example/\(page)"]?.contains(Self.expected) == true, "\(page): \(texts["http://a.example/\(page)"] ?? "-")")
        }
        #expect(texts["http://a.example/koi8"]?.contains("Привет, мир") == true, "\(texts["http://a.example/koi8"] ?? "-")")
        // A declared charset is not a guess: no "decoded as Windows-1252" warning.
        for document in documents {
            #expect(!document.diagnostics.contains { $0.message.contains("Windows-1252") }, "\(document.source): \(document.diagnostics)")
        }
    }

    @Test func withoutAnyCharsetWindows1252IsAGuessWithAWarning() throws {
        let record = response("http://a.example/guess", contentType: "text/html", body: html(Self.windows1252))
        let url = try ContainerFixtures.write(record, name: "guess.warc")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let document = try #require(ContainerFixtures.outcomes(url).documents.first)
        #expect(document.text.contains(Self.expected))
        #expect(document.diagnostics.contains { $0.message.contains("Windows-1252") })
    }

    @Test func jsonLinesBodiesAreCharactersWhateverThePageDeclares() throws {
        // Exported from a page fetched as windows-1251: the JSON string already holds the characters.
        let page = "<html><head><meta charset=\"windows-1251\"><title>Новости</title></head><body><article>"
            + "<p>Привет, мир: городской совет собрался во вторник и утвердил новый бюджет.</p></article></body></html>"
        let line = try JSONSerialization.data(withJSONObject: ["url": "http://b.example/ru", "html": page], options: [])
        let url = try ContainerFixtures.write(Array(line), name: "export.jsonl")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (documents, failures, _) = ContainerFixtures.outcomes(url)
        #expect(failures.isEmpty)
        #expect(documents.first?.text.contains("Привет, мир: городской совет") == true, "\(documents.first?.text ?? "-")")
        #expect(documents.first?.title == "Новости")
    }
}
