import Foundation
import LectorCore
import LectorMarkup
import LectorStages
import Testing

/// The development pages of main-text extraction (`../shared/data/html/<set>`), skipped when absent.
enum ExtractionDevelopmentPages {
    static let root: URL = {
        if let data = ProcessInfo.processInfo.environment["LECTOR_DATA"] {
            return URL(fileURLWithPath: data).appendingPathComponent("html")
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/html")
    }()

    static let sets = ["cleaneval-dev", "trafilatura", "wcxb"]

    static var available: Bool {
        sets.contains { FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/gold.jsonl").path) }
    }

    /// Every page of every set present: (set/name, file). Pages are read as stored (`.gz` included:
    /// the reader opens gzip itself).
    static func pages() throws -> [(name: String, url: URL)] {
        var pages: [(String, URL)] = []
        for set in sets {
            let folder = root.appendingPathComponent(set)
            guard let gold = try? String(contentsOf: folder.appendingPathComponent("gold.jsonl"), encoding: .utf8) else {
                continue
            }
            for line in gold.split(separator: "\n") {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let path = object["html"] as? String
                else { continue }
                pages.append(("\(set)/\(path)", folder.appendingPathComponent(path)))
            }
        }
        return pages
    }
}

@Suite(.enabled(if: ExtractionDevelopmentPages.available, "development pages not found"))
struct CleanKeepsEveryWordTests {
    /// Letters and digits of `text` in order (after NFC), everything else dropped: two texts with the
    /// same words in the same order give the same string, whatever their spacing and punctuation.
    static func wordCharacters(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                result.append(scalar)
            default:
                continue
            }
        }
        return String(result)
    }

    @Test func everyWordOfTheExtractedBlocksSurvivesClean() throws {
        let reader = FormatReader()
        let clean = CleanStage()
        var checked = 0
        var unreadable: [String] = []
        var blank = 0
        var lost: [String] = []
        for page in try ExtractionDevelopmentPages.pages() {
            let outcome = reader.read(Source(url: page.url, id: page.name, displayPath: page.name)).first
            guard case .processed(var document) = outcome else {
                // Ten WCXB pages render their body by script and show no text at all (seven have an
                // empty gold text): nothing to check there. Any other failure is a reader bug.
                if case .failed(let failure) = outcome, failure.message == "no text found in document" {
                    blank += 1
                } else {
                    unreadable.append(page.name)
                }
                continue
            }
            let before = Self.wordCharacters(document.text)
            try clean.process(&document, context: StageContext())
            let after = Self.wordCharacters(document.text)
            if before != after { lost.append(page.name) }
            checked += 1
        }
        #expect(lost.count == 0, "words lost by clean on \(lost.count) pages: \(lost.prefix(5))")
        #expect(unreadable.count == 0, "no text from \(unreadable.count) pages: \(unreadable.prefix(5))")
        #expect(checked > 0)
        #expect(blank <= 10, "\(blank) pages show no text")
    }
}

/// List numbers, letters and bullets are content: the reader and `clean` keep them.
@Suite struct ListMarkersStayTests {
    @Test func listMarkersStayThroughTheReaderAndClean() throws {
        let text = "1. The first item 2. The second item\n\n• 9. The first item • 10. The second item\n\n1. Jesper Ronnback (Sweden) 25.76 points\n"
        guard case .processed(var document) = FormatReader().read(bytes: Array(text.utf8), id: "a", source: "a", formatHint: "txt").first
        else {
            Issue.record("the text was not read")
            return
        }
        try CleanStage().process(&document, context: StageContext())
        #expect(document.text == "1. The first item 2. The second item\n\n• 9. The first item • 10. The second item\n\n1. Jesper Ronnback (Sweden) 25.76 points")
    }
}
