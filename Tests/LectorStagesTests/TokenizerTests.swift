import Testing

@testable import LectorStages

/// Hard cases for the tokenizer, written for Lector and grouped by convention. Each text must split
/// into exactly the listed tokens.
@Suite struct TokenizerTests {
    static let clitics: [SplitCase] = [
        SplitCase("don't", ["do", "n't"]),
        SplitCase("can't", ["ca", "n't"]),
        SplitCase("won’t", ["wo", "n’t"]),
        SplitCase("I'm here", ["I", "'m", "here"]),
        SplitCase("they’re late", ["they", "’re", "late"]),
        SplitCase("we've gone", ["we", "'ve", "gone"]),
        SplitCase("she'll see", ["she", "'ll", "see"]),
        SplitCase("he'd known", ["he", "'d", "known"]),
        SplitCase("John's car", ["John", "'s", "car"]),
        SplitCase("the company’s profits", ["the", "company", "’s", "profits"]),
        SplitCase("the teachers' room", ["the", "teachers", "'", "room"]),
        SplitCase("O'Brien left", ["O'Brien", "left"]),
        SplitCase("rock'n'roll", ["rock'n'roll"]),
        SplitCase("cannot", ["can", "not"]),
        SplitCase("gonna go", ["gon", "na", "go"]),
        SplitCase("dont know", ["do", "nt", "know"]),
        SplitCase("ISN'T IT", ["IS", "N'T", "IT"]),
        SplitCase("its color", ["its", "color"]),
    ]

    static let hyphensAndSlashes: [SplitCase] = [
        SplitCase("a long-term plan", ["a", "long", "-", "term", "plan"]),
        SplitCase("send an e-mail", ["send", "an", "e-mail"]),
        SplitCase("a non-profit group", ["a", "non-profit", "group"]),
        SplitCase("re-elected", ["re-elected"]),
        SplitCase("call 713-654-0365", ["call", "713-654-0365"]),
        SplitCase("on 2005-03-09", ["on", "2005-03-09"]),
        SplitCase("and/or", ["and", "/", "or"]),
        SplitCase("w/o sugar", ["w/o", "sugar"]),
        SplitCase("wait -- what", ["wait", "--", "what"]),
        SplitCase("pre- and post-war", ["pre-", "and", "post-war"]),
    ]

    static let numbers: [SplitCase] = [
        SplitCase("3.5 percent", ["3.5", "percent"]),
        SplitCase("5,000 people", ["5,000", "people"]),
        SplitCase("at 12:30", ["at", "12:30"]),
        SplitCase("on 08/16/2000", ["on", "08/16/2000"]),
        SplitCase("$13.40", ["$", "13.40"]),
        SplitCase("rose 2.75%", ["rose", "2.75", "%"]),
        SplitCase("£600m", ["£", "600m"]),
        SplitCase("at 10am", ["at", "10", "am"]),
        SplitCase("the 1990s", ["the", "1990s"]),
        SplitCase("the 20th century", ["the", "20th", "century"]),
        SplitCase("€1,250.50", ["€", "1,250.50"]),
    ]

    static let abbreviationsAndPunctuation: [SplitCase] = [
        SplitCase("the U.S. economy", ["the", "U.S.", "economy"]),
        SplitCase("Mr. Smith", ["Mr.", "Smith"]),
        SplitCase("e.g. this", ["e.g.", "this"]),
        SplitCase("J. R. R. Tolkien", ["J.", "R.", "R.", "Tolkien"]),
        SplitCase("Acme Inc. said", ["Acme", "Inc.", "said"]),
        SplitCase("moved to the U.S.", ["moved", "to", "the", "U.S", "."]),
        SplitCase("It ended.", ["It", "ended", "."]),
        SplitCase("Wait...", ["Wait", "..."]),
        SplitCase("Really?!", ["Really", "?!"]),
        SplitCase("(see above)", ["(", "see", "above", ")"]),
        SplitCase("“Yes,” she said.", ["“", "Yes", ",", "”", "she", "said", "."]),
        SplitCase("\"No\"", ["\"", "No", "\""]),
        SplitCase("No. 10", ["No.", "10"]),
        SplitCase("said no.", ["said", "no", "."]),
        SplitCase("It is—was—fine", ["It", "is", "—", "was", "—", "fine"]),
        SplitCase("a, b; c: d", ["a", ",", "b", ";", "c", ":", "d"]),
    ]

    static let addresses: [SplitCase] = [
        SplitCase("see https://example.com/a?b=c.", ["see", "https://example.com/a?b=c", "."]),
        SplitCase("(www.example.org)", ["(", "www.example.org", ")"]),
        SplitCase("mail jane.doe@example.com now", ["mail", "jane.doe@example.com", "now"]),
        SplitCase("visit example.com today", ["visit", "example.com", "today"]),
        SplitCase("open report.pdf", ["open", "report.pdf"]),
        SplitCase("franz371...@gmail.com", ["franz371...@gmail.com"]),
        SplitCase("AT&T", ["AT&T"]),
        SplitCase("#news and @lector", ["#news", "and", "@lector"]),
    ]

    static let emojiAndSymbols: [SplitCase] = [
        SplitCase("great 👍", ["great", "👍"]),
        SplitCase("wave 👋🏽 hi", ["wave", "👋🏽", "hi"]),
        SplitCase("family 👨‍👩‍👧 time", ["family", "👨‍👩‍👧", "time"]),
        SplitCase("flag 🇫🇷!", ["flag", "🇫🇷", "!"]),
        SplitCase("fun :) really", ["fun", ":)", "really"]),
        SplitCase("sad :-( today", ["sad", ":-(", "today"]),
        SplitCase("a + b = c", ["a", "+", "b", "=", "c"]),
        SplitCase("<< File >>", ["<<", "File", ">>"]),
        SplitCase("30°C", ["30", "°", "C"]),
    ]

    static let unicodeWords: [SplitCase] = [
        SplitCase("Zoë's café", ["Zoë", "'s", "café"]),
        SplitCase("naïve résumé", ["naïve", "résumé"]),
        SplitCase("Москва сегодня", ["Москва", "сегодня"]),
        SplitCase("東京 は", ["東京", "は"]),
    ]

    @Test(arguments: clitics) func cliticsSplitAsInUniversalDependencies(_ item: SplitCase) {
        #expect(Segmentation.tokens(item.text) == item.expected)
    }

    @Test(arguments: hyphensAndSlashes) func hyphensSplitExceptAfterBoundPrefixes(_ item: SplitCase) {
        #expect(Segmentation.tokens(item.text) == item.expected)
    }

    @Test(arguments: numbers) func numbersKeepTheirSeparators(_ item: SplitCase) {
        #expect(Segmentation.tokens(item.text) == item.expected)
    }

    @Test(arguments: abbreviationsAndPunctuation) func abbreviationsKeepPeriodsAndPunctuationSplits(_ item: SplitCase) {
        #expect(Segmentation.tokens(item.text) == item.expected)
    }

    @Test(arguments: addresses) func urlsAndAddressesAreOneToken(_ item: SplitCase) {
        #expect(Segmentation.tokens(item.text) == item.expected)
    }

    @Test(arguments: emojiAndSymbols) func emojiAndSymbolsAreTheirOwnTokens(_ item: SplitCase) {
        #expect(Segmentation.tokens(item.text) == item.expected)
    }

    @Test(arguments: unicodeWords) func nonASCIILettersFormWords(_ item: SplitCase) {
        #expect(Segmentation.tokens(item.text) == item.expected)
    }

    @Test func hyphensKeepOptionKeepsCompoundsWhole() {
        let tokenizer = Tokenizer(hyphens: .keep)
        #expect(Segmentation.tokens("a long-term plan", using: tokenizer) == ["a", "long-term", "plan"])
    }

    @Test func cliticSplittingCanBeTurnedOff() {
        let tokenizer = Tokenizer(splitClitics: false)
        #expect(Segmentation.tokens("don't stop John's car", using: tokenizer) == ["don't", "stop", "John's", "car"])
    }

    @Test func tokenKindsAreLabelled() {
        let text = "Pay $5 at https://example.com or mail a@b.com 👍 :) #tag ."
        let kinds = Tokenizer().tokenize(text).map(\.kind)
        #expect(
            kinds == [.word, .symbol, .number, .word, .url, .word, .word, .email, .emoji, .emoticon, .hashtag, .punct])
    }

    @Test func tokensCoverNoWhitespaceAndStayInOrder() {
        let text = "  Mr. O'Neil's \"re-think\" (2.5%)… isn't   it?\n"
        let tokens = Tokenizer().tokenize(text)
        let bytes = Array(text.utf8)
        for (index, token) in tokens.enumerated() {
            #expect(!token.range.isEmpty)
            #expect(!bytes[token.range].contains(0x20))
            if index > 0 { #expect(tokens[index - 1].range.upperBound <= token.range.lowerBound) }
        }
    }

    @Test func hostileInputDoesNotCrash() {
        let inputs = [
            String(repeating: "'", count: 5_000), String(repeating: "a-", count: 5_000), "n't", "'s", "@", "#",
            "http://", "www.", "\u{200D}\u{200D}", "🇫", String(repeating: "👍🏽", count: 1_000), "....@", ":",
            "\u{FFFD}\u{0}", "a\u{301}",
        ]
        for input in inputs {
            let tokens = Tokenizer().tokenize(input)
            #expect(tokens.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= input.utf8.count })
        }
    }

    @Test func tokensNeverCrossTheGivenRange() {
        var text = "alpha beta-gamma delta"
        let tokens = text.withUTF8 { bytes in
            var out: [Tokenizer.Token] = []
            Tokenizer(hyphens: .keep).tokenize(bytes, range: 8..<13, into: &out)
            return out
        }
        #expect(tokens.map(\.range) == [8..<13])
    }
}
