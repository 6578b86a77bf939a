import Testing

@testable import LectorReport

@Suite struct PublicationDateTests {
    @Test(arguments: [
        ("2024-03-05", "2024-03-05"), ("2024-03-05T10:00:00Z", "2024-03-05"),
        ("2024-03-05T10:00:00+02:00", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"), ("5 March 2024", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
    ])
    func readsCommonDateForms(_ written: String, _ expected: String) {
        #expect(PublicationDate(written)?.iso == expected)
    }

    @Test(arguments: ["", "yesterday", "2024-13-01", "<b>2024</b>", "2024", "99 Foo 2024"])
    func rejectsWhatIsNotADate(_ written: String) {
        #expect(PublicationDate(written) == nil)
    }

    @Test func metadataKeysAreTriedInOrder() {
        let date = PublicationDate(metadata: [
            "date": "2023-01-02", "published": "not a date", "article:published_time": "2022-05-06",
        ])
        #expect(date?.iso == "2022-05-06")
    }

    @Test func dayNumbersRoundTrip() {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "1899-07-04"] {
            let date = PublicationDate(text)!
            #expect(ReportWriter.dateLabel(day: ReportWriter.dayNumber(date)) == text)
        }
        #expect(ReportWriter.dayNumber(PublicationDate("1970-01-02")!) == 1)
    }
}

@Suite struct ReportFiguresTests {
    @Test(arguments: [
        (0, "0"), (999, "999"), (1000, "1,000"), (100_000, "100,000"), (3_200_000, "3,200,000"), (-1234, "-1,234"),
    ])
    func countsAreGroupedByThousands(_ value: Int, _ expected: String) {
        #expect(ReportWriter.count(value) == expected)
    }

    @Test(arguments: [(12.34, "12.3 s"), (1.234, "1.23 s"), (0.25, "250 ms"), (0.0015, "1.5 ms")])
    func durationsPickTheirUnit(_ seconds: Double, _ expected: String) {
        #expect(ReportWriter.seconds(seconds) == expected)
    }
}
