import Foundation
import LectorCore
import Testing

@testable import LectorCLI

/// Through the whole pipeline (`lector run`): list markers stay and open sentences; a fragment and a
/// page of bare `<div>` text are read as pages.
@Suite struct ListsAndFragmentsTests {
    /// Runs the news pipeline over `files` (name → content) and returns documents.jsonl by id.
    func run(_ files: [String: String]) throws -> (documents: [String: [String: Any]], errors: [String]) {
        let root = try temporaryDirectory("lists")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for (name, content) in files { try content.write(to: input.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let report = root.appendingPathComponent("report")
        let code = LectorMain.run(arguments: ["run", path("pipelines/news.yaml"), input.path, "--report", report.path, "--quiet", "--no-cache"])
        #expect(code == 0 || code == 1)
        var documents: [String: [String: Any]] = [:]
        for document in try jsonLines(report.appendingPathComponent("documents.jsonl")) {
            documents[document["id"] as? String ?? ""] = document
        }
        let errors = try lines(report.appendingPathComponent("errors.jsonl"))
        return (documents, errors)
    }

    func sentences(_ document: [String: Any]?) -> [String] {
        guard let document, let text = document["text"] as? String, let spans = document["sentences"] as? [[Int]] else { return [] }
        let scalars = Array(text.unicodeScalars)
        return spans.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }
    }

    @Test func inlineNumberedListsSplitAtTheirMarkers() throws {
        let (documents, errors) = try run([
            "parens.txt": "1) the flour 2) the eggs 3) the milk.\n\nYou need 1) flour, 2) eggs and 3) milk.\n",
            "dots.txt": "1. The first item 2. The second item\n",
            "bullets.txt": "• 9. The first item • 10. The second item\n",
            "ranks.txt": "1. Jesper Ronnback (Sweden) 25.76 points\n",
        ])
        #expect(errors.isEmpty)
        #expect(sentences(documents["dots.txt"]) == ["1. The first item", "2. The second item"])
        #expect(sentences(documents["bullets.txt"]) == ["• 9. The first item", "• 10. The second item"])
        #expect(sentences(documents["ranks.txt"]) == ["1. Jesper Ronnback (Sweden) 25.76 points"])
        #expect(
            sentences(documents["parens.txt"]) == ["1) the flour", "2) the eggs", "3) the milk.", "You need 1) flour, 2) eggs and 3) milk."])
    }

    @Test func fragmentsAndBareDivsAreReadAsPages() throws {
        let (documents, errors) = try run([
            "fragment.html": "<p>Visit <b>Paris</b> today.</p>",
            "divs.html": "<div>Only text in a div.</div><div>And a second one.</div>",
            "prose-divs.html": "<div>Only divs on this page. The council met on Monday.</div><div>It approved the budget.</div>",
        ])
        #expect(errors.isEmpty)
        #expect(documents["fragment.html"]?["text"] as? String == "Visit Paris today.")
        let divs = documents["divs.html"]?["text"] as? String ?? ""
        #expect(divs.contains("Only text in a div.") && divs.contains("And a second one."))
        let proseDivs = documents["prose-divs.html"]?["text"] as? String ?? ""
        #expect(proseDivs.contains("council met") && proseDivs.contains("approved the budget"))
    }
}
