import Foundation
import LectorCore
import LectorMarkup
import Testing

@testable import LectorCLI

/// The reader settings a pipeline file carries: `clean`'s `extract`/`bias` options and the `xml:` profile.
@Suite struct ReaderSettingsTests {
    /// The setup of a pipeline text with the built-in stages, and its temporary path.
    static func setup(_ yaml: String) throws -> (PipelineSetup, String) {
        let file = try pipelineFile(yaml)
        return (try PipelineSetup(path: file), file)
    }

    /// The error a pipeline text gives with the built-in stages, without the temporary path.
    static func error(_ yaml: String) throws -> String? {
        let file = try pipelineFile(yaml)
        defer { try? FileManager.default.removeItem(atPath: file) }
        do {
            _ = try PipelineSetup(path: file)
            return nil
        } catch let error as ConfigError {
            return String(error.description.dropFirst(file.count))
        }
    }

    /// Run `pipeline` over `input` and return the documents of `documents.jsonl`.
    static func documents(pipeline yaml: String, input: String) throws -> [[String: Any]] {
        let out = try temporaryDirectory("reader")
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("pipeline.yaml")
        try Data(yaml.utf8).write(to: file)
        let report = out.appendingPathComponent("report")
        let code = LectorMain.run(arguments: ["run", file.path, input, "--report", report.path, "--quiet", "--no-cache"])
        #expect(code == 0)
        return try jsonLines(report.appendingPathComponent("documents.jsonl"))
    }

    @Test func defaultsAreArticleAndBalanced() throws {
        let (setup, file) = try Self.setup("stages:\n  - clean\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(setup.reader == ReaderSettings())
        let options = setup.reader.readerOptions(maxBytes: 1_000)
        #expect(options.htmlMode == .article && options.bias == .balanced && options.xmlProfile == nil)
        #expect(setup.resolvedConfig.contains(#""reader":{"bias":"balanced","extract":"article","xml":null}"#))
    }

    @Test func cleanOptionsBecomeReaderOptions() throws {
        let (setup, file) = try Self.setup("""
            stages:
              - stage: clean
                options: { extract: full, bias: recall }
            """)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let options = setup.reader.readerOptions(maxBytes: 1_000)
        #expect(options.htmlMode == .full && options.bias == .recall && options.maxBytes == 1_000)
    }

    @Test func unknownExtractValueNamesLineAndChoices() throws {
        let message = try Self.error("""
            name: demo
            stages:
              - stage: clean
                options:
                  extract: summary
            """)
        #expect(message == ":5: stages[0].options.extract: expected one of article, full, found 'summary'")
    }

    @Test func unknownBiasValueNamesLineAndChoices() throws {
        let message = try Self.error("""
            stages:
              - stage: clean
                options: { bias: greedy }
            """)
        #expect(message == ":3: stages[0].options.bias: expected one of precision, balanced, recall, found 'greedy'")
    }

    @Test func unknownCleanOptionIsRejected() throws {
        let message = try Self.error("""
            stages:
              - stage: clean
                options: { mode: full }
            """)
        #expect(message == ":3: stages[0].options.mode: unknown key 'mode'; allowed: bias, extract")
    }

    @Test func xpathThatDoesNotCompileNamesLineAndKey() throws {
        let message = try Self.error("""
            stages:
              - clean
            xml:
              item: //story
              body: ./content[
            """)
        #expect(message == ":5: xml.body: expected an XPath 1.0 expression, found './content[', which does not compile")
    }

    @Test func unknownXMLKeyIsRejected() throws {
        let message = try Self.error("""
            stages:
              - clean
            xml:
              headline: //title
            """)
        #expect(message == ":4: xml.headline: unknown key 'headline'; allowed: author, body, date, item, title")
    }

    @Test func xmlSectionMustBeAMapping() throws {
        let message = try Self.error("stages:\n  - clean\nxml: //story\n")
        #expect(message?.hasPrefix(":3: xml: expected a mapping of XPath expressions") == true)
    }

    @Test func validateExitsWithConfigErrorCode() throws {
        let file = try pipelineFile("stages:\n  - stage: clean\n    options: { extract: most }\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(LectorMain.run(arguments: ["validate", file]) == 2)
    }

    @Test func readerSettingsChangeTheCacheFingerprint() throws {
        let (article, first) = try Self.setup("stages:\n  - clean\n")
        let (full, second) = try Self.setup("stages:\n  - stage: clean\n    options: { extract: full }\n")
        let (profiled, third) = try Self.setup("stages:\n  - clean\nxml: { body: //text }\n")
        defer { for file in [first, second, third] { try? FileManager.default.removeItem(atPath: file) } }
        #expect(Set([article.fingerprint, full.fingerprint, profiled.fingerprint]).count == 3)
        #expect(profiled.resolvedConfig.contains(#""xml":{"body":"//text"}"#))
    }

    @Test func shippedFullTextPipelineReadsWholePages() throws {
        let setup = try PipelineSetup(path: path("pipelines/full-text.yaml"))
        #expect(setup.reader.readerOptions(maxBytes: 1).htmlMode == .full)
    }

    @Test func fullKeepsWhatArticleDrops() throws {
        let page = path("examples/news/baltic-bank-cuts-rate.html")
        let article = try Self.documents(pipeline: "stages:\n  - clean\n", input: page)
        let full = try Self.documents(pipeline: "stages:\n  - stage: clean\n    options: { extract: full }\n", input: page)
        let articleText = try #require(article.first?["text"] as? String)
        let fullText = try #require(full.first?["text"] as? String)
        #expect(fullText.contains("Related stories"))
        #expect(!articleText.contains("Related stories"))
        #expect(fullText.utf8.count > articleText.utf8.count)
    }

    @Test func xmlProfileReadsItemsEndToEnd() throws {
        let folder = try temporaryDirectory("xml-profile")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <archive>
              <menu>Home | Archive | Contact</menu>
              <story published="2024-03-05T09:30:00Z">
                <headline>Harbour reopens after repairs</headline>
                <byline>Ines Marlow</byline>
                <text><para>The harbour reopened on Tuesday.</para><para>Ferries resume on Friday.</para></text>
              </story>
              <story published="2024-03-06">
                <headline>Library keeps its Sunday hours</headline>
                <text><para>The council voted to keep the library open.</para></text>
              </story>
            </archive>
            """.utf8).write(to: folder.appendingPathComponent("archive.xml"))
        let documents = try Self.documents(
            pipeline: """
                stages:
                  - clean
                xml:
                  item: //story
                  body: ./text
                  title: ./headline
                  date: ./@published
                  author: ./byline
                """, input: folder.path)
        #expect(documents.compactMap { $0["id"] as? String } == ["archive.xml#1", "archive.xml#2"])
        #expect(documents.first?["text"] as? String == "The harbour reopened on Tuesday.\n\nFerries resume on Friday.")
        #expect(documents.first?["title"] as? String == "Harbour reopens after repairs")
        let metadata = try #require(documents.first?["metadata"] as? [String: Any])
        #expect(metadata["authors"] as? String == "Ines Marlow")
        #expect((metadata["date"] as? String)?.hasPrefix("2024-03-05") == true)
        #expect(documents.last?["text"] as? String == "The council voted to keep the library open.")
        #expect(!(documents.map { $0["text"] as? String ?? "" }.joined().contains("Contact")))
    }
}
