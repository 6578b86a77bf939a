import Testing

@testable import LectorStages

/// Hard cases for the sentence splitter, written for Lector and grouped by the trap they set.
/// Each case must split into exactly the listed sentences.
@Suite struct SentenceSplitterTests {
    static let abbreviations: [SplitCase] = [
        SplitCase("Mr. Smith went to Washington.", ["Mr. Smith went to Washington."]),
        SplitCase("Mrs. Okafor and Dr. Lee met Prof. Haas.", ["Mrs. Okafor and Dr. Lee met Prof. Haas."]),
        SplitCase(
            "Gov. Ruiz signed the bill. Sen. Patel objected.", ["Gov. Ruiz signed the bill.", "Sen. Patel objected."]),
        SplitCase("The U.S. economy grew. Exports rose.", ["The U.S. economy grew.", "Exports rose."]),
        SplitCase("She moved to the U.S. The move was hard.", ["She moved to the U.S.", "The move was hard."]),
        SplitCase("He works for Acme Inc. in Ohio.", ["He works for Acme Inc. in Ohio."]),
        SplitCase(
            "He works for Acme Inc. The company makes tools.", ["He works for Acme Inc.", "The company makes tools."]),
        SplitCase("Bring pens, paper, etc. to the exam.", ["Bring pens, paper, etc. to the exam."]),
        SplitCase("Bring pens, paper, etc. We start at nine.", ["Bring pens, paper, etc.", "We start at nine."]),
        SplitCase("Some fruits, e.g. apples, keep well.", ["Some fruits, e.g. apples, keep well."]),
        SplitCase("Use a solvent, i.e. Water, first.", ["Use a solvent, i.e. Water, first."]),
        SplitCase("It happened on Jan. 5 in Paris.", ["It happened on Jan. 5 in Paris."]),
        SplitCase("The talks began in Sept. 2019 and ended later.", ["The talks began in Sept. 2019 and ended later."]),
        SplitCase("They live at No. 10 Downing Street.", ["They live at No. 10 Downing Street."]),
        SplitCase("He said no. Then he left.", ["He said no.", "Then he left."]),
        SplitCase("See p. 42 for details.", ["See p. 42 for details."]),
        SplitCase("Smith vs. Jones was decided today.", ["Smith vs. Jones was decided today."]),
        SplitCase("Lt. Col. Adams commanded the unit.", ["Lt. Col. Adams commanded the unit."]),
        SplitCase("St. Louis is on the river.", ["St. Louis is on the river."]),
        SplitCase("Martin Luther King Jr. spoke first.", ["Martin Luther King Jr. spoke first."]),
        SplitCase("The firm, Baxter & Co. Ltd., was sold.", ["The firm, Baxter & Co. Ltd., was sold."]),
        SplitCase("She earned a Ph.D. in physics.", ["She earned a Ph.D. in physics."]),
        SplitCase(
            "Talks at the U.N. resumed. Delegates arrived.", ["Talks at the U.N. resumed.", "Delegates arrived."]),
        SplitCase("Capt. Reyes and Sgt. Moore testified.", ["Capt. Reyes and Sgt. Moore testified."]),
        SplitCase("Rev. Ellis led the service.", ["Rev. Ellis led the service."]),
    ]

    static let initials: [SplitCase] = [
        SplitCase("J. R. R. Tolkien wrote books.", ["J. R. R. Tolkien wrote books."]),
        SplitCase("The novel by J.R.R. Tolkien sold well.", ["The novel by J.R.R. Tolkien sold well."]),
        SplitCase("George W. Bush spoke on Tuesday.", ["George W. Bush spoke on Tuesday."]),
        SplitCase("Steffen W. Graae was replaced.", ["Steffen W. Graae was replaced."]),
        SplitCase("It was signed by E. B. White and others.", ["It was signed by E. B. White and others."]),
        SplitCase("They chose plan B. The rest failed.", ["They chose plan B.", "The rest failed."]),
        SplitCase("He needs vitamin C. It helps.", ["He needs vitamin C.", "It helps."]),
        SplitCase("After World War I. The map changed.", ["After World War I.", "The map changed."]),
    ]

    static let numbers: [SplitCase] = [
        SplitCase("The rate rose to 3.5 percent.", ["The rate rose to 3.5 percent."]),
        SplitCase("Shares fell 2.75% to $13.40 each.", ["Shares fell 2.75% to $13.40 each."]),
        SplitCase("The meeting is at 10.30 a.m. tomorrow.", ["The meeting is at 10.30 a.m. tomorrow."]),
        SplitCase("It ends at 5 p.m. The doors close early.", ["It ends at 5 p.m.", "The doors close early."]),
        SplitCase("The vote is at 5 p.m. Friday in the hall.", ["The vote is at 5 p.m. Friday in the hall."]),
        SplitCase("It opened in 1998. Sales grew.", ["It opened in 1998.", "Sales grew."]),
        SplitCase("Version 2.0.1 fixed the bug.", ["Version 2.0.1 fixed the bug."]),
        SplitCase("He scored 21. His team lost.", ["He scored 21.", "His team lost."]),
        SplitCase("The budget is 1,250,000.00 euros.", ["The budget is 1,250,000.00 euros."]),
        SplitCase("Temperatures hit -3.2 degrees. Roads froze.", ["Temperatures hit -3.2 degrees.", "Roads froze."]),
        SplitCase("Call 555.123.4567 today.", ["Call 555.123.4567 today."]),
    ]

    static let ellipses: [SplitCase] = [
        SplitCase("I wonder... maybe not.", ["I wonder... maybe not."]),
        SplitCase("I waited... Nobody came.", ["I waited...", "Nobody came."]),
        SplitCase("She paused … and went on.", ["She paused … and went on."]),
        SplitCase("It was over… Then the lights came on.", ["It was over…", "Then the lights came on."]),
        SplitCase("He said . . . nothing at all.", ["He said . . . nothing at all."]),
        SplitCase("Wait for it . . . Now!", ["Wait for it . . .", "Now!"]),
    ]

    static let quotes: [SplitCase] = [
        SplitCase("“We will win,” she said. “Count on it.”", ["“We will win,” she said.", "“Count on it.”"]),
        SplitCase("He called it “a disaster.” Others agreed.", ["He called it “a disaster.”", "Others agreed."]),
        SplitCase("\"Stop!\" he shouted. Nobody moved.", ["\"Stop!\" he shouted.", "Nobody moved."]),
        SplitCase("\"Why?\" she asked.", ["\"Why?\" she asked."]),
        SplitCase("“Why?” she asked.", ["“Why?” she asked."]),
        SplitCase("She wrote: 'It is done.' Then she slept.", ["She wrote: 'It is done.'", "Then she slept."]),
        SplitCase("The sign read “Closed.” We left.", ["The sign read “Closed.”", "We left."]),
        SplitCase("He replied, \"Fine.\" Then he left.", ["He replied, \"Fine.\"", "Then he left."]),
        SplitCase("It was ‘unacceptable.’ The board met.", ["It was ‘unacceptable.’", "The board met."]),
        SplitCase("«Bonjour.» He smiled.", ["«Bonjour.»", "He smiled."]),
        SplitCase(
            "The minister said the plan was “fully funded.” Critics disagreed.",
            ["The minister said the plan was “fully funded.”", "Critics disagreed."]),
        SplitCase("She asked, “Is it safe?” and waited.", ["She asked, “Is it safe?” and waited."]),
    ]

    static let brackets: [SplitCase] = [
        SplitCase("He left (as planned.) The rest stayed.", ["He left (as planned.)", "The rest stayed."]),
        SplitCase("The study (see Fig. 2) shows growth.", ["The study (see Fig. 2) shows growth."]),
        SplitCase(
            "Profits rose. (Analysts were surprised.) Shares jumped.",
            ["Profits rose.", "(Analysts were surprised.)", "Shares jumped."]),
        SplitCase(
            "He was born in Lima (Peru). He moved in 1990.", ["He was born in Lima (Peru).", "He moved in 1990."]),
        SplitCase(
            "The result was clear. [12] Further work followed.",
            ["The result was clear. [12]", "Further work followed."]),
        SplitCase(
            "It rained [citation needed]. Then it stopped.", ["It rained [citation needed].", "Then it stopped."]),
    ]

    static let questionsAndExclamations: [SplitCase] = [
        SplitCase("Is it true? Yes. It is!", ["Is it true?", "Yes.", "It is!"]),
        SplitCase("What?! No way!", ["What?!", "No way!"]),
        SplitCase("Really??? I doubt it.", ["Really???", "I doubt it."]),
        SplitCase("Where did you grow up? india? nice.", ["Where did you grow up?", "india?", "nice."]),
        SplitCase("Help! Help! Somebody!", ["Help!", "Help!", "Somebody!"]),
    ]

    static let lists: [SplitCase] = [
        SplitCase("1. Preheat the oven.", ["1. Preheat the oven."]),
        SplitCase("2. Mix the flour and sugar.", ["2. Mix the flour and sugar."]),
        SplitCase("A. Introduction", ["A. Introduction"]),
        SplitCase(
            "Steps:\n1. Open the box.\n2. Remove the tray.", ["Steps:", "1. Open the box.", "2. Remove the tray."]),
        SplitCase("- first item\n- second item", ["- first item", "- second item"]),
        SplitCase("• Apples\n• Pears", ["• Apples", "• Pears"]),
        SplitCase("a) one thing b) another", ["a) one thing", "b) another"]),
        SplitCase("Pick a) one thing or c) another", ["Pick a) one thing or c) another"]),
    ]

    static let headlinesAndDatelines: [SplitCase] = [
        SplitCase(
            "Markets rally as rates fall\n\nStocks rose on Monday.",
            ["Markets rally as rates fall", "Stocks rose on Monday."]),
        SplitCase(
            "LONDON (Reuters) - Shares rose on Monday. Banks led.",
            ["LONDON (Reuters) - Shares rose on Monday.", "Banks led."]),
        SplitCase(
            "BERLIN, March 3 — The parliament voted. It passed.",
            ["BERLIN, March 3 — The parliament voted.", "It passed."]),
        SplitCase(
            "Storm hits coast\n\nWinds reached 120 km/h.\n\nPower failed.",
            ["Storm hits coast", "Winds reached 120 km/h.", "Power failed."]),
        SplitCase("By Jane Doe\n\nThe council met.", ["By Jane Doe", "The council met."]),
    ]

    static let urlsAndEmails: [SplitCase] = [
        SplitCase("Visit www.example.com for more. It is free.", ["Visit www.example.com for more.", "It is free."]),
        SplitCase("See https://example.org/a.b?c=d. Then reply.", ["See https://example.org/a.b?c=d.", "Then reply."]),
        SplitCase(
            "Write to jane.doe@example.com. She answers fast.", ["Write to jane.doe@example.com.", "She answers fast."]),
        SplitCase("The file report.final.pdf is attached.", ["The file report.final.pdf is attached."]),
        SplitCase("Go to example.com/news.html today.", ["Go to example.com/news.html today."]),
    ]

    static let paragraphsAndLines: [SplitCase] = [
        SplitCase("First paragraph without a stop\n\nSecond one", ["First paragraph without a stop", "Second one"]),
        SplitCase("Name: Ada\nRole: Engineer", ["Name: Ada", "Role: Engineer"]),
        SplitCase("  Leading and trailing spaces.   ", ["Leading and trailing spaces."]),
        SplitCase("Mr.\n\nSmith", ["Mr.", "Smith"]),
        SplitCase("", []),
        SplitCase("   \n\n  ", []),
        SplitCase("No terminal punctuation at all", ["No terminal punctuation at all"]),
        SplitCase("A line that continues\nin lower case here.", ["A line that continues\nin lower case here."]),
    ]

    static let informalAndEmail: [SplitCase] = [
        SplitCase(
            "max and jen are looking for you. call them later.",
            ["max and jen are looking for you.", "call them later."]),
        SplitCase("Great service! :) Will come back.", ["Great service! :)", "Will come back."]),
        SplitCase(
            "Sean Boyle 08/17/2000 11:21 AM I spoke to Bruce.",
            ["Sean Boyle", "08/17/2000 11:21 AM", "I spoke to Bruce."]),
        SplitCase("Sent on 08/16/2000 03:14 PM to all staff.", ["Sent on 08/16/2000 03:14 PM to all staff."]),
        SplitCase(
            "Thanks for the help. ===== Next section starts.",
            ["Thanks for the help.", "=====", "Next section starts."]),
        SplitCase("Meeting moved to 3 PM tomorrow.", ["Meeting moved to 3 PM tomorrow."]),
        SplitCase("Thanks, Brenda", ["Thanks,", "Brenda"]),
        SplitCase("Best regards, Tom Hale", ["Best regards,", "Tom Hale"]),
        SplitCase("Thanks, but no thanks.", ["Thanks, but no thanks."]),
        SplitCase("We won :) See you soon.", ["We won :)", "See you soon."]),
        SplitCase("officials say... http://example.com/story", ["officials say...", "http://example.com/story"]),
        SplitCase(
            "Read http://a.example/x?y=1 Then reply at http://b.example/z.",
            ["Read http://a.example/x?y=1", "Then reply at http://b.example/z."]),
        SplitCase(
            "Sources: http://a.example/1 http://b.example/2", ["Sources: http://a.example/1", "http://b.example/2"]),
    ]

    static let unicode: [SplitCase] = [
        SplitCase("Él llegó tarde. Ella no.", ["Él llegó tarde.", "Ella no."]),
        SplitCase("Zoë Müller won. Ödön came second.", ["Zoë Müller won.", "Ödön came second."]),
        SplitCase("The café opened. Crowds came. 🎉 Fun.", ["The café opened.", "Crowds came.", "🎉 Fun."]),
        SplitCase("Über alles. Ärger folgt.", ["Über alles.", "Ärger folgt."]),
    ]

    @Test(arguments: abbreviations) func abbreviationsDoNotEndSentencesUnlessEvidenceSaysSo(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test(arguments: initials) func initialsStayInsideNames(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test(arguments: numbers) func decimalsAndTimesAreNotBoundaries(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test(arguments: ellipses) func ellipsesEndSentencesOnlyBeforeCapitals(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test(arguments: quotes) func closingQuotesStayWithTheirSentence(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test(arguments: brackets) func bracketsAndFootnotesStayWithTheirSentence(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test(arguments: questionsAndExclamations) func questionAndExclamationMarksEndSentences(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test(arguments: lists) func numberedPointsAndBulletsAreKept(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test(arguments: headlinesAndDatelines) func headlinesAndDatelinesAreHandled(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test(arguments: urlsAndEmails) func addressesDoNotSplit(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test(arguments: paragraphsAndLines) func paragraphsAndLineBreaksAreBoundaries(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test(arguments: informalAndEmail) func informalAndEmailLayoutIsSplit(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test(arguments: unicode) func nonASCIITextSplitsLikeASCII(_ item: SplitCase) {
        #expect(Segmentation.sentences(item.text) == item.expected)
    }

    @Test func hardWrappedProseIgnoresLineBreaks() {
        let text = """
            The committee met on Tuesday to discuss the budget for the coming year and
            agreed that spending on roads would rise while other budgets stay where they
            are for now. A vote follows next week.
            """
        #expect(Segmentation.sentences(text).count == 2)
    }

    @Test func lineBreaksOptionSpaceNeverSplitsAtNewlines() {
        let splitter = SentenceSplitter(lineBreaks: .space)
        let text = "Name: Ada\nRole: Engineer"
        #expect(splitter.split(text) == [0..<text.utf8.count])
    }

    @Test func sentencesNeverCrossTheGivenParagraph() {
        let text = "One. Two. Three. Four."
        var copy = text
        let ranges = copy.withUTF8 { bytes in
            var out: [Range<Int>] = []
            SentenceSplitter().split(bytes, paragraph: 5..<16, into: &out)
            return out
        }
        #expect(Segmentation.slices(text, ranges) == ["Two.", "Three."])
    }

    @Test func hostileInputDoesNotCrash() {
        let inputs = [
            String(repeating: ".", count: 10_000), String(repeating: "Mr. ", count: 2_000), "\u{FFFD}.\u{0}. A",
            "“", "”.", ". . . .", String(repeating: "a.", count: 5_000), "[1", "12:0", "0/0/0 0:00",
        ]
        for input in inputs {
            let ranges = SentenceSplitter().split(input)
            #expect(ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= input.utf8.count })
        }
    }

    @Test func outOfRangeParagraphsAreClamped() {
        var text = "Short text."
        let ranges = text.withUTF8 { bytes in
            var out: [Range<Int>] = []
            SentenceSplitter().split(bytes, paragraph: 3..<500, into: &out)
            return out
        }
        #expect(ranges == [3..<11])
    }
}
