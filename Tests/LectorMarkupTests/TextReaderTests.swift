import Foundation
import LectorCore
import Testing

@testable import LectorMarkup

@Suite struct TextReaderTests {
    @Test func utf8ParagraphsJoinSingleNewlines() throws {
        let document = try #require(readDocument("First line\ncontinues here.\n\n\nSecond paragraph.\r\n", hint: "txt"))
        #expect(document.text == "First line continues here.\n\nSecond paragraph.")
        #expect(document.format == "text")
        #expect(document.diagnostics.isEmpty)
    }

    @Test func listLinesStayBlocksWithTheirMarkers() throws {
        let document = try #require(readDocument("Shopping:\n- eggs\n- milk\n1. first\n• 9. ninth\n", hint: "txt"))
        #expect(blocks(document) == ["Shopping:", "• eggs", "• milk", "1. first", "• 9. ninth"])
        #expect(document.annotations(.paragraph).map(\.label) == ["p", "list-item", "list-item", "list-item", "list-item"])
    }

    @Test func utf16WithBOMIsDecoded() throws {
        var le: [UInt8] = [0xFF, 0xFE]
        for unit in "Zoë’s café".utf16 { le += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(readDocument(le, hint: "txt")?.text == "Zoë’s café")
        var be: [UInt8] = [0xFE, 0xFF]
        for unit in "Zoë".utf16 { be += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(readDocument(be, hint: "txt")?.text == "Zoë")
    }

    @Test func utf32WithBOMIsDecoded() throws {
        var bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x00]
        for scalar in "Ωmega".unicodeScalars {
            let value = scalar.value
            bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), 0]
        }
        #expect(readDocument(bytes, hint: "txt")?.text == "Ωmega")
    }

    @Test func utf8BOMIsRemoved() throws {
        #expect(readDocument([0xEF, 0xBB, 0xBF] + Array("Hello".utf8), hint: "txt")?.text == "Hello")
    }

    @Test func windows1252FallbackWithWarning() throws {
        let bytes: [UInt8] = Array("It".utf8) + [0x92] + Array("s ".utf8) + [0x93] + Array("fine".utf8) + [0x94, 0x20, 0x80, 0x35]
        let document = try #require(readDocument(bytes, hint: "txt"))
        #expect(document.text == "It’s “fine” €5")
        #expect(document.diagnostics.contains { $0.message == "not valid UTF-8; decoded as Windows-1252" && $0.severity == .warning })
    }

    @Test func markdownMarkersAreStripped() throws {
        let markdown = "# Ferry *returns*\n\nRead [the notice](https://example.org) and **act** now.\n\n* one\n* two\n"
        let document = try #require(readDocument(markdown, hint: "md"))
        #expect(blocks(document) == ["Ferry returns", "Read the notice and act now.", "• one", "• two"])
        #expect(document.title == "Ferry returns")
    }

    @Test func binaryTextFileFails() throws {
        let url = repositoryRoot.appendingPathComponent("examples/broken/image.txt")
        let bytes = [UInt8](try Data(contentsOf: url))
        let message = try #require(failureMessage(readOutcomes(bytes, hint: "txt")))
        #expect(message.hasPrefix("not a text document ("))
    }

    @Test func nulBytesAreBinary() throws {
        let message = try #require(failureMessage(readOutcomes(Array("abc".utf8) + [0, 1, 2] + Array("def".utf8), hint: nil)))
        #expect(message.hasPrefix("not a text document"))
    }

    @Test func emptyFileFails() {
        #expect(failureMessage(readOutcomes([], hint: "txt")) == "empty document")
        #expect(failureMessage(readOutcomes(Array("  \n\n ".utf8), hint: "html")) == "empty document")
    }

    @Test func oversizedFileFailsBeforeReading() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lector-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big.txt")
        try Data(repeating: 0x61, count: 2_000).write(to: file)
        let reader = FormatReader(options: ReaderOptions(maxBytes: 1_000))
        let outcomes = reader.read(Source(url: file, id: "big.txt", displayPath: file.path))
        let message = try #require(failureMessage(outcomes))
        #expect(message.contains("too large"))
    }

    @Test func missingFileFailsAsDocument() throws {
        let file = URL(fileURLWithPath: "/nonexistent/lector/missing.txt")
        let outcomes = FormatReader().read(Source(url: file, id: "missing.txt", displayPath: file.path))
        let message = try #require(failureMessage(outcomes))
        #expect(message.hasPrefix("cannot read file"))
    }

    @Test func brokenExamplesAreReadOrFailCleanly() throws {
        let directory = repositoryRoot.appendingPathComponent("examples/broken")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names.count >= 5)
        for name in names {
            let url = directory.appendingPathComponent(name)
            let outcomes = FormatReader().read(Source(url: url, id: name, displayPath: name))
            #expect(!outcomes.isEmpty)
            if name == "malformed.html" {
                guard case .processed(let document) = outcomes.first else {
                    Issue.record("malformed.html not processed")
                    continue
                }
                #expect(document.text.contains("Captain Ines Marlow"))
            }
        }
    }
}

@Suite struct DateNormalizerTests {
    @Test(arguments: [
        ("Tue, 05 Mar 2024 10:20:30 GMT", "2024-03-05T10:20:30Z"),
        ("2024-03-05T10:20:30+02:00", "2024-03-05T08:20:30Z"),
        ("2024-03-05", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("05.03.2024", "2024-03-05"),
        ("20240305T102030Z", "2024-03-05T10:20:30Z"),
        ("Mon, 31 Dec 2023 23:30:00 -0100", "2024-01-01T00:30:00Z"),
    ])
    func normalizesCommonFormats(input: String, expected: String) {
        #expect(DateNormalizer.normalize(input) == expected)
    }

    @Test func rejectsNonDates() {
        #expect(DateNormalizer.normalize("yesterday afternoon") == nil)
        #expect(DateNormalizer.normalize("2024-13-45") == nil)
    }
}
