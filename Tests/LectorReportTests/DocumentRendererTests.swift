import Dispatch
import Foundation
import LectorCore
import Testing

@testable import LectorReport

/// The document page's text: nothing lost, doubled or mis-nested, whatever the layers look like.
@Suite struct DocumentRendererTests {
    /// The visible text of `textHTML`: label badges removed, tags dropped, references decoded.
    func visibleText(_ html: String) -> String {
        var text = html
        while let badge = text.range(of: "<span class=\"l\">") {
            guard let close = text[badge.upperBound...].range(of: "</span>") else { break }
            text.removeSubrange(badge.lowerBound..<close.upperBound)
        }
        var result = ""
        var inTag = false
        for character in text {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                result.append(character)
            }
        }
        return result.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    func parsesCleanly(_ html: String) throws -> Bool {
        let file = try SampleCorpus.temporaryDirectory().appendingPathComponent("page.html")
        try Data("<!DOCTYPE html><html><head><title>t</title></head><body><div>\(html)</div></body></html>".utf8).write(
            to: file)
        let page = try HTMLPage(file)
        return page.errors.isEmpty
    }

    @Test func textWithoutAnyLayersIsOneBlockWithAllItsText() throws {
        let text = "First line <b>\nsecond & line\n\nthird"
        let renderer = DocumentRenderer(Document(id: "plain", source: "plain.txt", format: "text", text: text))
        let html = renderer.textHTML()
        #expect(visibleText(html) == text + "\n")
        #expect(try parsesCleanly(html))
    }

    @Test func emptyDocumentRendersEveryPiece() throws {
        let options = ReportOptions()
        let rendered = ReportWriter.render(
            [.processed(Document(id: "empty", source: "e.txt", format: "text", text: ""))], options: options)
        guard case .document(let document) = try #require(rendered.items.first) else {
            Issue.record("not rendered as a document")
            return
        }
        #expect(document.page != nil)
        #expect(String(decoding: document.jsonLine, as: UTF8.self).contains("\"text\":\"\""))
    }

    @Test func entitiesCrossingSentencesAndParagraphsAreDrawnInWellNestedPieces() throws {
        let text = "Alpha beta. Gamma delta\n\nepsilon zeta. Eta"
        var document = Document(id: "x", source: "x", format: "text", text: text)
        document.set([Annotation(0, 23, label: "p"), Annotation(25, 42, label: "p")], for: .paragraph)
        document.set([Annotation(0, 11), Annotation(12, 38), Annotation(39, 41)], for: .sentence)
        document.set(
            [
                Annotation(6, 17, label: "ORG"),  // "beta. Gamma": crosses a sentence end
                Annotation(18, 32, label: "LOC"),  // "delta\n\nepsilon": crosses a paragraph break
                Annotation(18, 23, label: "PER"),  // overlaps the LOC, which wins (same start, longer)
                Annotation(39, 42, label: "MISC"),  // runs past the last sentence's end
            ], for: .entity)
        let renderer = DocumentRenderer(document)
        let html = renderer.textHTML()
        #expect(try parsesCleanly(html))
        #expect(visibleText(html) == "Alpha beta. Gamma delta\nepsilon zeta. Eta\n")
        // Each mention has one anchor, on its first piece; the sentence crossing the paragraph has one id.
        #expect(html.components(separatedBy: "id=\"m0\"").count == 2)
        #expect(html.components(separatedBy: "id=\"m1\"").count == 2)
        #expect(html.components(separatedBy: "id=\"s1\"").count == 2)
        #expect(!html.contains("PER"))
    }

    @Test func rangeEndsInsideAScalarMoveToItsStartAndNeverSplitIt() throws {
        let text = "é🎉x"
        var document = Document(id: "x", source: "x", format: "text", text: text)
        document.set([Annotation(1, 4, label: "MISC")], for: .entity)  // starts inside "é", ends inside "🎉"
        let renderer = DocumentRenderer(document)
        let html = renderer.textHTML()
        #expect(visibleText(html) == text + "\n")
        #expect(html.utf8.elementsEqual(String(decoding: Array(html.utf8), as: UTF8.self).utf8))
        let line = String(decoding: renderer.jsonLine(), as: UTF8.self)
        #expect(line.contains("\"end\":1,\"label\":\"MISC\",\"start\":0,\"text\":\"é\""))
    }

    @Test func controlCharactersBecomeReplacementCharactersInPages() {
        var buffer = HTMLBuffer()
        buffer.text("a\u{0}b\u{7}c\td\u{7F}")
        #expect(buffer.string == "a\u{FFFD}b\u{FFFD}c\td\u{FFFD}")
    }

    @Test func renderingOnManyThreadsGivesTheSameBytes() {
        let sources = SampleCorpus.sources()
        let options = ReportOptions()
        @Sendable func bytes(_ source: RenderedSource) -> [[UInt8]] {
            source.items.map { item in
                switch item {
                case .document(let document): document.jsonLine + (document.page ?? [])
                case .failure(let failure): failure.jsonLine
                }
            }
        }
        let serial = sources.map { bytes(ReportWriter.render($0, options: options)) }
        let results = ResultBox(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            results.set(index, bytes(ReportWriter.render(sources[index % sources.count], options: options)))
        }
        for index in 0..<16 { #expect(results.get(index) == serial[index % sources.count]) }
    }
}

/// Results of a parallel loop. `@unchecked Sendable`: `values` is only touched while `lock` is held.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[[UInt8]]]

    init(count: Int) { values = Array(repeating: [], count: count) }

    func set(_ index: Int, _ value: [[UInt8]]) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> [[UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
