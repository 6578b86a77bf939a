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

    /// Entities of a byline opening a sentence: `By Pieter Jansen, Lector Wire` — the name after `By`
    /// (two to four capitalised words) is PER, and the capitalised words after its comma are the
    /// agency, ORG, up to a word in capitals (a dateline's place, LOC, when a comma follows it).
    static func bylineSpans(_ words: [String]) -> [EntitySpan] {
        guard words.count >= 5, words[0] == "By" || words[0] == "by" else { return [] }
        var comma = 1
        while comma < min(words.count, 6) && isTitleWord(words[comma]) { comma += 1 }
        guard comma >= 3, comma < words.count, words[comma] == "," else { return [] }
        var end = comma + 1
        while end < min(words.count, comma + 6) && isTitleWord(words[end]) && !isCapitalWord(words[end]) { end += 1 }
        // An agency in capitals (`AP`, `AFP`) when no dateline place follows it.
        if end == comma + 1 && end < words.count && isCapitalWord(words[end])
            && (end + 1 == words.count || words[end + 1] != ",")
        {
            end += 1
        }
        guard end > comma + 1 else { return [] }
        var spans = [EntitySpan(start: 1, end: comma, label: "PER"), EntitySpan(start: comma + 1, end: end, label: "ORG")]
        var place = end
        while place < min(words.count, end + 4) && isCapitalWord(words[place]) { place += 1 }
        if place > end && place < words.count && words[place] == "," {
            spans.append(EntitySpan(start: end, end: place, label: "LOC"))
        } else if end < words.count && words[end] != "," && words[end] != "|" && words[end] != "—" {
            return []
        }
        return spans
    }

    /// A word starting with a capital letter.
    static func isTitleWord(_ word: String) -> Bool { word.unicodeScalars.first?.properties.isUppercase ?? false }

    /// Words that make a name a business or venue, not a person, when they open it ("Café Brüggemann",
    /// "Hotel Adlon"): a PER span opening with one becomes ORG.
    static let venueWords: Set<String> = [
        "café", "cafe", "caffè", "restaurant", "ristorante", "trattoria", "bistro", "brasserie", "bar", "pub",
        "hotel", "bakery", "boulangerie", "pâtisserie", "patisserie", "pizzeria", "brewery", "gallery", "studio",
        "clinic", "salon", "boutique", "atelier", "maison", "casa", "chez",
    ]

    /// Each sentence's spans with a PER span opened by a venue word made ORG, dateline and byline
    /// entities in place of every span they overlap, and every other span whose words are those of an
    /// agency found there made ORG (a wire's name in the text: "polled by Lector Wire").
    static func applyingDatelines(_ spans: [[EntitySpan]], words: [[String]]) -> [[EntitySpan]] {
        var result = spans
        for index in result.indices {
            for (position, span) in result[index].enumerated()
            where span.label == "PER" && span.end - span.start >= 2
                && venueWords.contains(words[index][span.start].lowercased())
            {
                result[index][position].label = "ORG"
            }
        }
        var agencies: Set<[String]> = []
        for index in spans.indices {
            let found = datelineSpans(words[index]) + bylineSpans(words[index])
            guard !found.isEmpty else { continue }
            let kept = spans[index].filter { span in !found.contains { $0.start < span.end && span.start < $0.end } }
            result[index] = (kept + found).sorted()
            for span in found where span.label == "ORG" { agencies.insert(Array(words[index][span.start..<span.end])) }
        }
        guard !agencies.isEmpty else { return result }
        for index in result.indices {
            for (position, span) in result[index].enumerated()
            where span.label != "ORG" && agencies.contains(Array(words[index][span.start..<span.end])) {
                result[index][position].label = "ORG"
            }
        }
        return result
    }
}
