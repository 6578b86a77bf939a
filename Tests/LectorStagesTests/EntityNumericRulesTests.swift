import Testing

@testable import LectorStages

@Suite("Numeric and temporal entity rules")
struct EntityNumericRulesTests {
    static let cases: [(String, [String])] = [
        ("It cost $ 5 million", ["MONEY:$ 5 million"]),
        ("about 20 euros each", ["MONEY:20 euros"]),
        ("up 3.5 % on the day", ["PERCENT:3.5 %"]),
        ("rose 4 per cent", ["PERCENT:4 per cent"]),
        ("at 10:30 a.m. GMT", ["TIME:10:30 a.m. GMT"]),
        ("until 10.30 p.m. on", ["TIME:10.30 p.m."]),
        ("grew 10.75 percent", ["PERCENT:10.75 percent"]),
        ("a 12.75 p.m. start", ["CARDINAL:12.75"]),
        ("on January 5 , 2024 .", ["DATE:January 5 , 2024"]),
        ("on 5 March 2024", ["DATE:5 March 2024"]),
        ("last week and on Monday", ["DATE:last week", "DATE:Monday"]),
        ("founded in 1996", ["DATE:1996"]),
        ("on 1996-08-22", ["DATE:1996-08-22"]),
        ("ran 42 km", ["QUANTITY:42 km"]),
        ("the 21st time and the first", ["ORDINAL:21st", "ORDINAL:first"]),
        ("5,000 people and two million more", ["CARDINAL:5,000", "CARDINAL:two million"]),
        ("you may go", []),
    ]

    @Test("Patterns find the expected expressions", arguments: cases)
    func patterns(sentence: String, expected: [String]) {
        let words = sentence.split(separator: " ").map(String.init)
        let matches = NumericEntityRules().matches(words, blocked: [Bool](repeating: false, count: words.count))
        let found = matches.map { "\($0.label):" + words[$0.start..<$0.end].joined(separator: " ") }
        #expect(found == expected)
    }

    @Test("Tokens inside named entities are never matched")
    func blockedTokensAreSkipped() {
        let words = ["Apollo", "11", "landed"]
        let matches = NumericEntityRules().matches(words, blocked: [true, true, false])
        #expect(matches.isEmpty)
    }
}
