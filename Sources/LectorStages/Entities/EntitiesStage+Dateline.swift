extension EntitiesStage {
    /// Dashes that end a dateline.
    static let datelineDashes: Set<String> = ["—", "–", "--", "-"]

    /// Entities of a dateline opening a sentence: `COLUMBUS, Ohio, Oct. 2 (Lector Wire) —`. The place
    /// in capitals at the start is LOC, and a name in parentheses before the dash is the agency, ORG.
    /// A dateline here is: one to four words in capitals, a comma, then only capitalised words,
    /// numbers, commas, periods and one parenthesised group, up to a dash within the first 16 words.
    /// Empty when the sentence does not open with one.
    static func datelineSpans(_ words: [String]) -> [EntitySpan] {
        var place = 0
        while place < min(words.count, 4) && isCapitalWord(words[place]) { place += 1 }
        guard place > 0, place < words.count, words[place] == "," else { return [] }
        var agency: Range<Int>?
        var open: Int?
        var index = place + 1
        while index < min(words.count, 16) {
            let word = words[index]
            if datelineDashes.contains(word) {
                guard open == nil, index > place + 1 else { return [] }
                var spans = [EntitySpan(start: 0, end: place, label: "LOC")]
                if let agency { spans.append(EntitySpan(start: agency.lowerBound, end: agency.upperBound, label: "ORG")) }
                return spans
            }
            switch word {
            case "(":
                guard open == nil, agency == nil else { return [] }
                open = index
            case ")":
                guard let start = open, index > start + 1 else { return [] }
                agency = (start + 1)..<index
                open = nil
            case ",", ".", "/":
                break
            default:
                guard let first = word.unicodeScalars.first,
                    first.properties.isUppercase || (first.value >= 0x30 && first.value <= 0x39)
                else { return [] }
            }
            index += 1
        }
        return []
    }

    /// A word of two or more letters, all capitals (dots, hyphens and apostrophes allowed: `ST.`).
    static func isCapitalWord(_ word: String) -> Bool {
        var letters = 0
        for scalar in word.unicodeScalars {
            if scalar.properties.isAlphabetic {
                guard scalar.properties.isUppercase else { return false }
                letters += 1
            } else if scalar != "." && scalar != "-" && scalar != "'" && scalar != "\u{2019}" {
                return false
            }
        }
        return letters >= 2
    }

    /// `spans` with the dateline's entities in place of every span they overlap.
    static func applyingDateline(_ spans: [EntitySpan], words: [String]) -> [EntitySpan] {
        let dateline = datelineSpans(words)
        guard !dateline.isEmpty else { return spans }
        let kept = spans.filter { span in
            !dateline.contains { $0.start < span.end && span.start < $0.end }
        }
        return (kept + dateline).sorted()
    }
}
