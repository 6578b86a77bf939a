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

    /// Every page of every set present: (set/name, bytes). Pages are read as stored (`.gz` included:
    /// the reader opens gzip itself).
    static func pages() throws -> [(name: String, bytes: [UInt8])] {
        var pages: [(String, [UInt8])] = []
        for set in sets {
            let folder = root.appendingPathComponent(set)
            guard let gold = try? String(contentsOf: folder.appendingPathComponent("gold.jsonl"), encoding: .utf8) else {
                continue
            }
            for line in gold.split(separator: "\n") {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let path = object["html"] as? String
                else { continue }
                pages.append(("\(set)/\(path)", [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))))
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

    /// `<p>Probe text of a gzipped page.</p>`, gzipped.
    static let gzipProbe: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xB3, 0x29, 0xB0, 0x0B, 0x28, 0xCA, 0x4F, 0x4A,
        0x55, 0x28, 0x49, 0xAD, 0x28, 0x51, 0xC8, 0x4F, 0x53, 0x48, 0x54, 0x48, 0xAF, 0xCA, 0x2C, 0x28, 0x48, 0x4D,
        0x51, 0x28, 0x48, 0x4C, 0x4F, 0xD5, 0xB3, 0xD1, 0x2F, 0xB0, 0x03, 0x00, 0xAB, 0xF7, 0x69, 0xB6, 0x24, 0x00,
        0x00, 0x00,
    ]

    @Test func everyWordOfTheExtractedBlocksSurvivesClean() throws {
        let reader = FormatReader()
        // Gzipped pages (WCXB) are checked once the reader opens gzip itself.
        var readsGzip = false
        if case .processed(let probe) = reader.read(bytes: Self.gzipProbe, id: "probe", source: "probe", formatHint: "html").first {
            readsGzip = probe.text == "Probe text of a gzipped page."
        }
        let clean = CleanStage()
        var checked = 0
        var unreadable: [String] = []
        var lost: [String] = []
        for page in try ExtractionDevelopmentPages.pages() {
            if page.name.hasSuffix(".gz") && !readsGzip { continue }
            guard case .processed(var document) = reader.read(bytes: page.bytes, id: page.name, source: page.name, formatHint: "html").first
            else {
                unreadable.append(page.name)
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
