import Foundation
import LectorCore
import Testing

@testable import LectorReport

/// Writes a demo report (the sample corpus plus generated news-like documents) to the directory in
/// `LECTOR_DEMO_REPORT`, for looking at in a browser. Skipped unless the variable is set.
@Suite struct DemoReportTests {
    static let target = ProcessInfo.processInfo.environment["LECTOR_DEMO_REPORT"]

    static func generated(_ count: Int) -> [[DocumentOutcome]] {
        let people = ["Ada Brennan", "Tomás Okafor", "Mei Lindqvist", "Jonas Weber", "Priya Raman", "Lucía Ferreira"]
        let organisations = ["Northwind Rail", "Harbor Bank", "City Council", "Greenfield Energy", "Acme Holdings"]
        let places = ["Lisbon", "Oslo", "Nairobi", "Montréal", "Kraków", "Osaka"]
        var sources: [[DocumentOutcome]] = []
        for number in 0..<count {
            let person = people[number % people.count]
            let organisation = organisations[(number * 7) % organisations.count]
            let place = places[(number * 5) % places.count]
            let other = places[(number * 3 + 1) % places.count]
            let text = """
                \(organisation) expands in \(place)

                \(person) announced on Tuesday that \(organisation) will open a new office in \(place). \
                The company expects revenue to grow by \(number % 9 + 2)% next year. \
                Officials in \(other) welcomed the plan.

                \(person) said the move would create \(number % 40 + 10) jobs. Analysts at Harbor Bank were cautious.
                """
            var document = Document(
                id: "generated/article-\(number).html", source: "corpus/generated/article-\(number).html",
                format: number % 4 == 0 ? "rss" : "html", title: "\(organisation) expands in \(place)", text: text,
                metadata: [
                    "published": PublicationDate(year: 2024, month: number % 12 + 1, day: (number * 11) % 28 + 1)?.iso
                        ?? "",
                    "author": person,
                ])
            SampleCorpus.structure(&document)
            var entities = [
                SampleCorpus.annotation(organisation, in: text, label: "ORG"),
                SampleCorpus.annotation(place, in: text, label: "LOC"),
                SampleCorpus.annotation(person, in: text, label: "PER"),
                SampleCorpus.annotation("Tuesday", in: text, label: "DATE"),
                SampleCorpus.annotation(
                    other, in: text, label: "LOC", occurrence: text.components(separatedBy: other).count - 1),
                SampleCorpus.annotation(person, in: text, label: "PER", occurrence: 2),
                SampleCorpus.annotation("\(number % 9 + 2)%", in: text, label: "PERCENT"),
            ]
            if organisation != "Harbor Bank" {
                entities.append(SampleCorpus.annotation("Harbor Bank", in: text, label: "ORG"))
            }
            document.set(
                entities.filter { entity in
                    !entities.contains {
                        $0 != entity && $0.range.overlaps(entity.range) && $0.range.length > entity.range.length
                    }
                }, for: .entity)
            let sentences = document.annotations(.sentence)
            document.set(
                [Annotation(range: sentences[1].range, score: 0.9), Annotation(range: sentences[4].range, score: 0.6)],
                for: .summary)
            document.set(
                [Annotation(range: SampleCorpus.range(of: "new office", in: text), label: "new office", score: 0.8)],
                for: .keyphrase)
            sources.append([.processed(document)])
        }
        return sources
    }

    @Test(.enabled(if: target != nil)) func writeDemoReport() throws {
        let directory = URL(fileURLWithPath: try #require(Self.target))
        var options = ReportOptions()
        options.rowsPerDataFile = 40
        try SampleCorpus.writeReport(
            to: directory, options: options, sources: SampleCorpus.sources() + Self.generated(150))
    }
}
