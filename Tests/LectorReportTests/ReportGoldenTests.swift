import Foundation
import LectorCore
import Testing

@testable import LectorReport

/// The whole report of the sample corpus, byte for byte, against `Golden/sample/`.
/// After an intended change, regenerate with `LECTOR_UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests`
/// and review the diff.
@Suite struct ReportGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden/sample")
    static let update = ProcessInfo.processInfo.environment["LECTOR_UPDATE_GOLDEN"] != nil

    @Test func sampleReportMatchesTheGoldenFiles() throws {
        var options = ReportOptions()
        options.exports = ["conll", "brat"]
        options.rowsPerDataFile = 2
        let report = try SampleCorpus.writeReport(
            to: SampleCorpus.temporaryDirectory().appendingPathComponent("r"), options: options)
        if Self.update {
            try? FileManager.default.removeItem(at: Self.golden)
            try FileManager.default.createDirectory(
                at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: report, to: Self.golden)
        }
        let files = SampleCorpus.files(in: report)
        #expect(files == SampleCorpus.files(in: Self.golden))
        for file in files {
            let written = try Data(contentsOf: report.appendingPathComponent(file))
            let expected = try? Data(contentsOf: Self.golden.appendingPathComponent(file))
            #expect(written == expected, "\(file) differs from the golden copy")
        }
    }
}
