import Testing

@testable import LectorCLI

@Suite struct ProgressLineTests {
    @Test(arguments: [
        // A feed of 5 items among 6 sources: the estimate grows, and never falls below what is done.
        (0, 0, 6, "0/6+ documents"),
        (1, 1, 6, "1/6+ documents"),
        (6, 2, 6, "6/10+ documents"),
        (7, 3, 6, "7/10+ documents"),
        (10, 6, 6, "10 documents"),
        (3, 3, nil, "3 documents"),
    ] as [(Int, Int, Int?, String)])
    func countsDocumentsAgainstAGrowingTotal(documents: Int, sourcesDone: Int, totalSources: Int?, expected: String) {
        #expect(ProgressLine.count(documents: documents, sourcesDone: sourcesDone, totalSources: totalSources) == expected)
    }

    @Test func documentsNeverExceedTheShownTotal() {
        // Whatever a source holds, the shown total is at least the documents counted so far.
        var documents = 0
        for (index, items) in [1, 30, 1, 1, 7, 1].enumerated() {
            documents += items
            let line = ProgressLine.count(documents: documents, sourcesDone: index + 1, totalSources: 6)
            let numbers = line.split(separator: " ")[0].split(separator: "/")
            if numbers.count == 2 {
                #expect(Int(numbers[0])! <= Int(numbers[1].dropLast())!, "\(line)")
            }
        }
    }
}
