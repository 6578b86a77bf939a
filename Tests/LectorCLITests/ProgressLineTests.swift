import Testing

@testable import LectorCLI

@Suite struct ProgressLineTests {
    /// Feed lane results (documents, listing position of their file) to a counter of `files` files.
    private func counter(_ results: [(documents: Int, origin: Int)], files: Int?) -> ProgressLine.Counter {
        var counter = ProgressLine.Counter()
        counter.totalFiles = files
        for result in results { counter.add(documents: result.documents, failed: 0, bytes: 0, origin: result.origin) }
        return counter
    }

    @Test func filesOfOneDocumentOrAFeedCountAgainstAGrowingTotal() {
        // A feed of 5 items among 6 files: the estimate grows, and never falls below what is done.
        #expect(counter([], files: 6).summary(final: false) == "0/6+ documents")
        #expect(counter([(1, 0)], files: 6).summary(final: false) == "1/6+ documents")
        #expect(counter([(1, 0), (5, 1)], files: 6).summary(final: false) == "6/10+ documents")
        #expect(counter([(1, 0), (5, 1), (1, 2)], files: 6).summary(final: false) == "7/10+ documents")
        let all = counter([(1, 0), (5, 1), (1, 2), (1, 3), (1, 4), (1, 5)], files: 6)
        #expect(all.summary(final: false) == "10 documents" && all.summary(final: true) == "10 documents")
        #expect(counter([(1, 0), (1, 1), (1, 2)], files: nil).summary(final: false) == "3 documents")
        #expect(counter([(1, 0)], files: 1).summary(final: true) == "1 document")
    }

    @Test func containerRecordsCountDocumentsAndNameTheFileBeingRead() {
        // One JSON Lines file of 299 records: never "299/1".
        let records = Array(repeating: (documents: 1, origin: 0), count: 299)
        let one = counter(records, files: 1)
        #expect(one.summary(final: false) == "299 documents, reading file 1 of 1")
        #expect(one.summary(final: true) == "299 documents (1 of 1 files read)")
        #expect(one.filesDone == 0)
        // A WARC between two pages: the estimate gives way once records show up.
        let mixed = counter([(1, 0), (1, 1), (1, 1), (1, 1)], files: 3)
        #expect(mixed.summary(final: false) == "4 documents, reading file 2 of 3")
        #expect(mixed.filesDone == 1)
        #expect(counter([(1, 0), (1, 1), (1, 1), (1, 2)], files: 3).summary(final: true) == "4 documents (3 of 3 files read)")
    }

    @Test func withoutOriginsEachResultIsAFile() {
        var counter = ProgressLine.Counter()
        counter.totalFiles = 4
        for documents in [1, 3] { counter.add(documents: documents, failed: 0, bytes: 0, origin: nil) }
        #expect(counter.summary(final: false) == "4/6+ documents" && counter.filesDone == 1)
    }

    @Test func documentsNeverExceedTheShownTotal() {
        // Whatever a file holds, the shown total is at least the documents counted so far.
        var counter = ProgressLine.Counter()
        counter.totalFiles = 6
        for (index, items) in [1, 30, 1, 1, 7, 1].enumerated() {
            counter.add(documents: items, failed: 0, bytes: 0, origin: index)
            let numbers = counter.summary(final: false).split(separator: " ")[0].split(separator: "/")
            if numbers.count == 2 {
                #expect(Int(numbers[0])! <= Int(numbers[1].dropLast())!, "\(counter.summary(final: false))")
            }
        }
    }
}
