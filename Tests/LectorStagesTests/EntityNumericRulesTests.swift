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

    /// Sentences as the tokenizer cuts them (language, tokens separated by spaces, expected matches).
    static let otherLanguages: [(String, String, [String])] = [
        ("de", "am 3 . Oktober 2024 begann es", ["DATE:3 . Oktober 2024"]),
        ("de", "rund 1,5 Millionen Euro und 2,3 Mrd . Dollar", ["MONEY:1,5 Millionen Euro", "MONEY:2,3 Mrd . Dollar"]),
        ("de", "5 Prozent mehr als letzte Woche", ["PERCENT:5 Prozent", "DATE:letzte Woche"]),
        ("de", "um 14.30 Uhr am Montag", ["TIME:14.30 Uhr", "DATE:Montag"]),
        ("de", "die 3 Kinder", ["CARDINAL:3"]),
        ("fr", "le 1er janvier 2025 , 1,5 million d' euros", ["DATE:1er janvier 2025", "MONEY:1,5 million d' euros"]),
        ("fr", "soit 5 pour cent de plus en mars 2024", ["PERCENT:5 pour cent", "DATE:mars 2024"]),
        ("fr", "il marche sur mars", []),
        ("es", "el 3 de mayo de 2024 gastó 1,5 millones de euros", ["DATE:3 de mayo de 2024", "MONEY:1,5 millones de euros"]),
        ("es", "un 5 por ciento más en mayo de 2023", ["PERCENT:5 por ciento", "DATE:mayo de 2023"]),
        ("nl", "op 3 oktober 2024 kostte het 20 €", ["DATE:3 oktober 2024", "MONEY:20 €"]),
        ("nl", "5 procent minder dan vorige week", ["PERCENT:5 procent", "DATE:vorige week"]),
        ("it", "il 3 maggio 2024 spese 3 milioni di euro", ["DATE:3 maggio 2024", "MONEY:3 milioni di euro"]),
        ("it", "il 5 per cento in più la prossima settimana", ["PERCENT:5 per cento", "DATE:prossima settimana"]),
    ]

    @Test("Each language has its own forms", arguments: otherLanguages)
    func languagePatterns(language: String, sentence: String, expected: [String]) {
        let words = sentence.split(separator: " ").map(String.init)
        let rules = NumericEntityRules(language: language)
        let matches = rules.matches(words, blocked: [Bool](repeating: false, count: words.count))
        let found = matches.map { "\($0.label):" + words[$0.start..<$0.end].joined(separator: " ") }
        #expect(found == expected)
    }

    @Test("English keeps its own words: German rules do not read English, nor English rules German")
    func languagesStayApart() {
        let english = ["on", "Tuesday", "5", "Prozent"]
        let german = NumericEntityRules(language: "de").matches(english, blocked: [false, false, false, false])
        #expect(german.map(\.label) == ["PERCENT"])
        #expect(NumericEntityRules(language: "pt").matches(english, blocked: [false, false, false, false]).map(\.label)
            == ["DATE", "CARDINAL"])
    }

    @Test("Tokens inside named entities are never matched")
    func blockedTokensAreSkipped() {
        let words = ["Apollo", "11", "landed"]
        let matches = NumericEntityRules().matches(words, blocked: [true, true, false])
        #expect(matches.isEmpty)
    }
}
