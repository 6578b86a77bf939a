import Foundation
import LectorCore
import Testing

@testable import LectorReport

@Suite struct ReportExportsTests {
    let report: URL

    init() throws {
        var options = ReportOptions()
        options.exports = ["conll", "brat"]
        report = try SampleCorpus.writeReport(
            to: SampleCorpus.temporaryDirectory().appendingPathComponent("r"), options: options)
    }

    @Test func conllHasOneTokenPerLineWithIOB2Tags() throws {
        let conll = try String(contentsOf: report.appendingPathComponent("tokens.conll"), encoding: .utf8)
        let blocks = conll.components(separatedBy: "# id = ")
        let feed = try #require(blocks.first { $0.hasPrefix("feeds/business.xml#1") })
        let lines = feed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // No token layer: whitespace tokens. Sentences are separated by one blank line.
        #expect(Array(lines[1...3]) == ["Basel\tO", "talks\tO", ""])
        #expect(Array(lines[4...7]) == ["Acme\tB-ORG", "Holdings\tI-ORG", "met\tO", "Zoë\tB-PER"])
        #expect(lines[8] == "Müller\tI-PER")
        #expect(lines.contains("Basel.\tB-LOC"))
    }

    @Test func bratAnnotationsUseScalarOffsetsIntoTheTextFile() throws {
        let stem = FileNaming.stem(for: "news/café-zoë.html")
        let text = try String(contentsOf: report.appendingPathComponent("brat/\(stem).txt"), encoding: .utf8)
        #expect(text == SampleCorpus.cafeText)
        let annotations = try String(contentsOf: report.appendingPathComponent("brat/\(stem).ann"), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        var checked = 0
        for line in annotations.split(separator: "\n") where line.hasPrefix("T") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let span = fields[1].split(separator: " ")
            let start = try #require(Int(span[1]))
            let end = try #require(Int(span[2]))
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            #expect(String(view) == String(fields[2]))
            checked += 1
        }
        #expect(checked == 11)
        #expect(annotations.contains("AnnotatorNotes T"))
        #expect(annotations.contains("\tAcme Holdings AG\n"))
    }
}
