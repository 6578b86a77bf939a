import Foundation
import LectorCore
import Testing

@testable import LectorReport

@Suite struct ReportOptionsTests {
    let location = ConfigLocation(file: "pipeline.yaml", line: 7)

    func node(_ entries: [(String, ConfigNode)]) -> ConfigNode {
        ConfigNode(
            .map(
                entries.enumerated().map { index, entry in
                    ConfigNode.Entry(
                        key: entry.0, keyLocation: ConfigLocation(file: "pipeline.yaml", line: 8 + index),
                        value: entry.1)
                }), at: location)
    }

    func scalar(_ text: String) -> ConfigNode { ConfigNode(.scalar(text, quoted: false), at: location) }

    @Test func emptySectionGivesTheDefaults() throws {
        let options = try ConfigDecoder().decode(ReportOptions.self, from: node([]), keyPath: "report")
        #expect(options.html)
        #expect(options.templates == nil)
        #expect(options.exports.isEmpty)
    }

    @Test func keysDecodeAndTemplatesResolveAgainstThePipelineDirectory() throws {
        let decoder = ConfigDecoder(baseDirectory: URL(fileURLWithPath: "/srv/pipelines", isDirectory: true))
        let options = try decoder.decode(
            ReportOptions.self,
            from: node([
                ("html", scalar("false")), ("templates", scalar("theme")),
                ("exports", ConfigNode(.list([scalar("conll"), scalar("brat")]), at: location)),
            ]), keyPath: "report")
        #expect(!options.html)
        #expect(options.templates?.path == "/srv/pipelines/theme")
        #expect(options.exports == ["conll", "brat"])
    }

    @Test func unknownKeyIsAnErrorWithItsLine() throws {
        let error = try #require(throws: ConfigError.self) {
            try ConfigDecoder().decode(
                ReportOptions.self, from: node([("html", scalar("true")), ("colour", scalar("red"))]), keyPath: "report"
            )
        }
        #expect(error.keyPath == "report.colour")
        #expect(error.location.line == 9)
        #expect(error.message.contains("allowed: exports, html, templates"))
    }

    @Test func unknownExportIsAnError() throws {
        let error = try #require(throws: ConfigError.self) {
            try ConfigDecoder().decode(ReportOptions.self, from: node([("exports", scalar("xlsx"))]), keyPath: "report")
        }
        #expect(error.message.contains("unknown export 'xlsx'; available: brat, conll"))
    }
}

@Test func entityPageFilesGrowWithTheCorpusUpTo1024() {
    #expect(ReportOptions.entityPageBuckets(forSources: 0) == 16)
    #expect(ReportOptions.entityPageBuckets(forSources: 22) == 16)
    #expect(ReportOptions.entityPageBuckets(forSources: 40) == 32)
    #expect(ReportOptions.entityPageBuckets(forSources: 2000) == 1024)
    #expect(ReportOptions.entityPageBuckets(forSources: 1_000_000) == 1024)
}
