import Foundation
import LectorCore
import Testing

@testable import LectorReport

/// The report appears whole or not at all, and never replaces a folder that is not a report.
@Suite struct ReportWriterLifecycleTests {
    func hiddenEntries(_ parent: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".") }
    }

    @Test func nothingAppearsUntilFinish() throws {
        let parent = try SampleCorpus.temporaryDirectory()
        let target = parent.appendingPathComponent("report")
        let writer = try ReportWriter(directory: target, options: ReportOptions(), run: SampleCorpus.run)
        try writer.write(ReportWriter.render([.processed(SampleCorpus.cafe())], options: ReportOptions()))
        #expect(!FileManager.default.fileExists(atPath: target.path))
        try writer.finish(statistics: SampleCorpus.statistics)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("index.html").path))
        #expect(try hiddenEntries(parent).isEmpty)
    }

    @Test func finishedReportHoldsNoHiddenWorkFiles() throws {
        let target = try SampleCorpus.temporaryDirectory().appendingPathComponent("report")
        try SampleCorpus.writeReport(to: target)
        // The entity spill and the owner file are gone once the report is in place.
        #expect(try hiddenEntries(target).isEmpty)
    }

    @Test func stagingLeftByAKilledRunIsRemovedByTheNextRun() throws {
        let parent = try SampleCorpus.temporaryDirectory()
        let target = parent.appendingPathComponent("report")
        // A process that has ended stands for the killed run; a live owner (this process) is kept.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/sh")
        ended.arguments = ["-c", "exit 0"]
        try ended.run()
        ended.waitUntilExit()
        let abandoned = parent.appendingPathComponent(".report.lector-abandoned")
        let live = parent.appendingPathComponent(".report.lector-live")
        for (folder, pid) in [(abandoned, ended.processIdentifier), (live, getpid())] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("\(pid)\n".utf8).write(to: folder.appendingPathComponent(ReportWriter.ownerFile))
        }
        try SampleCorpus.writeReport(to: target)
        #expect(try hiddenEntries(parent) == [".report.lector-live"])
    }

    @Test func finishReplacesAnExistingReportWhole() throws {
        let parent = try SampleCorpus.temporaryDirectory()
        let target = parent.appendingPathComponent("report")
        try SampleCorpus.writeReport(to: target)
        try Data("old".utf8).write(to: target.appendingPathComponent("stale.txt"))
        let writer = try ReportWriter(directory: target, options: ReportOptions(), run: SampleCorpus.run)
        try writer.write(ReportWriter.render([.processed(SampleCorpus.feedItem())], options: ReportOptions()))
        // Until finish, the old report is intact.
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("stale.txt").path))
        try writer.finish(statistics: SampleCorpus.statistics)
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("stale.txt").path))
        let lines = try String(contentsOf: target.appendingPathComponent("documents.jsonl"), encoding: .utf8).split(
            separator: "\n")
        #expect(lines.count == 1)
        #expect(try hiddenEntries(parent).isEmpty)
    }

    @Test func abandonLeavesNoTraceAndKeepsTheOldReport() throws {
        let parent = try SampleCorpus.temporaryDirectory()
        let target = parent.appendingPathComponent("report")
        try SampleCorpus.writeReport(to: target)
        let before = SampleCorpus.files(in: target)
        let writer = try ReportWriter(directory: target, options: ReportOptions(), run: SampleCorpus.run)
        try writer.write(ReportWriter.render([.processed(SampleCorpus.feedItem())], options: ReportOptions()))
        writer.abandon()
        #expect(SampleCorpus.files(in: target) == before)
        #expect(try hiddenEntries(parent).isEmpty)
        #expect(throws: ReportError.self) { try writer.write(ReportWriter.render([], options: ReportOptions())) }
    }

    @Test func droppingAnUnfinishedWriterRemovesItsStagingDirectory() throws {
        let parent = try SampleCorpus.temporaryDirectory()
        do {
            let writer = try ReportWriter(
                directory: parent.appendingPathComponent("report"), options: ReportOptions(), run: SampleCorpus.run)
            try writer.write(ReportWriter.render([.processed(SampleCorpus.cafe())], options: ReportOptions()))
            #expect(try hiddenEntries(parent).count == 1)
        }
        #expect(try hiddenEntries(parent).isEmpty)
    }

    @Test func refusesToReplaceAFolderThatIsNotAReport() throws {
        let parent = try SampleCorpus.temporaryDirectory()
        let target = parent.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: target.appendingPathComponent("todo.txt"))
        #expect(throws: ReportError.self) {
            _ = try ReportWriter(directory: target, options: ReportOptions(), run: SampleCorpus.run)
        }
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("todo.txt").path))
        #expect(try hiddenEntries(parent).isEmpty)
    }

    @Test func renderingIsDeterministic() throws {
        let parent = try SampleCorpus.temporaryDirectory()
        let first = try SampleCorpus.writeReport(to: parent.appendingPathComponent("one"))
        let second = try SampleCorpus.writeReport(to: parent.appendingPathComponent("two"))
        let files = SampleCorpus.files(in: first)
        #expect(files == SampleCorpus.files(in: second))
        for file in files {
            #expect(
                try Data(contentsOf: first.appendingPathComponent(file))
                    == Data(contentsOf: second.appendingPathComponent(file)),
                "\(file)")
        }
    }

    @Test func withoutHTMLOnlyDataFilesAreWritten() throws {
        var options = ReportOptions()
        options.html = false
        let report = try SampleCorpus.writeReport(
            to: SampleCorpus.temporaryDirectory().appendingPathComponent("r"), options: options)
        #expect(
            SampleCorpus.files(in: report) == [
                "documents.jsonl", "entities.csv", "errors.jsonl", "run.json", "summaries.csv",
            ])
    }

    @Test func duplicateDocumentIdsGetDistinctPages() throws {
        let document = SampleCorpus.feedItem()
        let report = try SampleCorpus.writeReport(
            to: SampleCorpus.temporaryDirectory().appendingPathComponent("r"),
            sources: [[.processed(document)], [.processed(document)]])
        let pages = SampleCorpus.files(in: report).filter { $0.hasPrefix("documents/") }
        let stem = FileNaming.stem(for: document.id)
        #expect(pages == ["documents/\(stem)-2.html", "documents/\(stem).html"])
    }
}
