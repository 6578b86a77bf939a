import Foundation
import LectorCore
import Testing

@testable import LectorReport

@Suite struct ReportTemplatesTests {
    @Test func overrideDirectoryReplacesOnlyTheTemplatesItHolds() throws {
        let theme = try SampleCorpus.temporaryDirectory()
        try Data(
            "<!DOCTYPE html><html><head><title>{{title}}</title></head><body><p>custom {{title}}</p></body></html>\n".utf8
        )
        .write(to: theme.appendingPathComponent("entity.mustache"))
        var options = ReportOptions()
        options.templates = ConfigPath(theme)
        let report = try SampleCorpus.writeReport(
            to: SampleCorpus.temporaryDirectory().appendingPathComponent("r"), options: options)
        let entity = try String(
            contentsOf: report.appendingPathComponent("entities/\(EntityKey(label: "LOC", name: "Basel", buckets: 1024).page).html"),
            encoding: .utf8)
        #expect(entity.contains("<p>custom Basel</p>"))
        let hostile = EntityKey(label: "ORG", name: "</script><b>x</b>", buckets: 1024).page
        let escaped = try String(contentsOf: report.appendingPathComponent("entities/\(hostile).html"), encoding: .utf8)
        #expect(escaped.contains("<p>custom &lt;/script&gt;&lt;b&gt;x&lt;/b&gt;</p>"))
        let document = try String(
            contentsOf: report.appendingPathComponent("documents/\(FileNaming.stem(for: "feeds/business.xml#1")).html"),
            encoding: .utf8)
        #expect(document.contains("class=\"legend\""))
    }

    @Test func brokenOverrideTemplateFailsBeforeAnythingIsWritten() throws {
        let theme = try SampleCorpus.temporaryDirectory()
        try Data("{{#unclosed}}".utf8).write(to: theme.appendingPathComponent("index.mustache"))
        var options = ReportOptions()
        options.templates = ConfigPath(theme)
        let parent = try SampleCorpus.temporaryDirectory()
        #expect(throws: ReportError.self) {
            _ = try ReportWriter(directory: parent.appendingPathComponent("r"), options: options, run: SampleCorpus.run)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }

    @Test func missingOverrideDirectoryIsAnError() throws {
        var options = ReportOptions()
        options.templates = ConfigPath(URL(fileURLWithPath: "/nonexistent/lector-theme"))
        let error = try #require(throws: ReportError.self) {
            _ = try ReportWriter(
                directory: SampleCorpus.temporaryDirectory().appendingPathComponent("r"), options: options,
                run: SampleCorpus.run)
        }
        #expect("\(error)".contains("/nonexistent/lector-theme is not a directory"))
    }
}
