/// Links mentions of the same entity inside one document and gives each a `canonical` form.
///
/// Rules, applied to PER, ORG, LOC and MISC mentions (each a list of words):
/// - Leading titles (`President`, `Mr.`, `Prime Minister`…) are not part of the name.
/// - A person mention whose words all occur, in order, in a longer person mention ("Putin",
///   "President Putin" → "Vladimir Putin"; "Xi" → "Xi Jinping") takes the longer one's form; the
///   longest such mention wins, the first in the document on a tie.
/// - An organisation or place written as capitals with optional dots (`U.S.`, `UN`) links to a mention
///   whose capitalised words' initials spell it ("United States", "United Nations"), and a one-word
///   mention that is the first word of a longer mention of the same type links to it.
/// - A small built-in alias table covers a few abbreviations whose long form may be absent from the
///   document (`U.S.` → "United States").
/// Otherwise a mention is its own canonical form (titles removed). Immutable and `Sendable`.
public struct EntityLinker: Sendable {
    /// One mention: its words, label, and what separates its words in the text (`separators[i]` lies
    /// between `words[i]` and `words[i + 1]`; a single space when not given).
    public struct Mention: Sendable, Hashable {
        public var words: [String]
        public var label: String
        public var separators: [String]
        public init(words: [String], label: String, separators: [String]? = nil) {
            self.words = words
            self.label = label
            self.separators = separators ?? Array(repeating: " ", count: max(0, words.count - 1))
        }

        /// Words `range` as written: joined by their separators, a line break or run of white space
        /// written as one space.
        func text(_ range: Range<Int>) -> String {
            var result = ""
            for index in range {
                if index > range.lowerBound {
                    let separator = index - 1 < separators.count ? separators[index - 1] : " "
                    result += separator.allSatisfy(\.isWhitespace) && !separator.isEmpty ? " " : separator
                }
                result += words[index]
            }
            return result
        }
    }

    static let titles: Set<String> = [
        "president", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "sir",
        "dame", "lord", "lady", "king", "queen", "prince", "princess", "pope", "minister", "prime", "chancellor",
        "senator", "sen.", "gov.", "governor", "rep.", "representative", "general", "gen.", "colonel", "col.",
        "captain", "capt.", "judge", "justice", "mayor", "secretary", "premier", "vice", "chairman", "chief",
        "executive", "ceo", "coach", "manager", "st.", "saint",
    ]

    static let connectives: Set<String> = ["of", "the", "and", "for", "&", "de", "du", "la", "der"]

    /// Abbreviations and their long forms, written for Lector.
    static let aliases: [String: String] = [
        "US": "United States", "USA": "United States", "UK": "United Kingdom", "UN": "United Nations",
        "EU": "European Union", "UAE": "United Arab Emirates", "NYC": "New York City",
    ]

    public init() {}

    /// The canonical form of each mention, in the same order.
    ///
    /// A mention written in capitals (a dateline's `MILLBROOK`) that links to nothing else takes the
    /// document's own mixed-case spelling: another mention with the same words, else `spelling` of each
    /// word (how the document writes it elsewhere, nil if never in mixed case).
    public func canonicalForms(_ mentions: [Mention], spelling: (String) -> String? = { _ in nil }) -> [String] {
        let ranges = mentions.map { Self.nameRange($0.words) }
        let names = zip(mentions, ranges).map { Array($0.words[$1]) }
        // Computed once per mention, not once per pair: documents with hundreds of mentions made this
        // the linker's largest cost.
        var initialsOf: [String]?
        // Likewise each name's capitals test and lower-cased words, asked for by every mention in capitals.
        var capitalsOf: [Bool]?
        var loweredOf: [[String]?] = []
        var result: [String] = []
        result.reserveCapacity(mentions.count)
        for (index, mention) in mentions.enumerated() {
            let words = names[index]
            var best: [String]?
            var bestIndex: Int?
            switch mention.label {
            case "PER":
                for (other, candidate) in names.enumerated()
                where other != index && mentions[other].label == "PER" && candidate.count > words.count
                    && Self.isOrderedSubset(words, of: candidate)
                {
                    if best == nil || candidate.count > best?.count ?? 0 {
                        best = candidate
                        bestIndex = other
                    }
                }
            case "ORG", "LOC", "MISC":
                let letters = Self.acronymLetters(words)
                if let letters, letters.count >= 2, initialsOf == nil { initialsOf = names.map(Self.initials) }
                for (other, candidate) in names.enumerated() where other != index && candidate.count > words.count {
                    let sameType = mentions[other].label == mention.label
                    let acronymMatch = letters.map { $0.count >= 2 && $0 == initialsOf?[other] } ?? false
                    let prefixMatch = sameType && words.count == 1 && candidate.first == words.first
                    if (acronymMatch && mentions[other].label != "PER") || prefixMatch {
                        if best == nil || candidate.count > best?.count ?? 0 {
                            best = candidate
                            bestIndex = other
                        }
                    }
                }
                if best == nil, let letters, let alias = Self.aliases[letters] { best = [alias] }
                if best == nil && Self.isCapitals(words) && words.joined().unicodeScalars.count > 3 {
                    let lowered = words.map { $0.lowercased() }
                    if capitalsOf == nil {
                        capitalsOf = names.map(Self.isCapitals)
                        loweredOf = Array(repeating: nil, count: names.count)
                    }
                    var found: Int?
                    for other in names.indices where other != index && capitalsOf?[other] == false
                        && names[other].count == lowered.count
                    {
                        let otherLowered = loweredOf[other] ?? names[other].map { $0.lowercased() }
                        loweredOf[other] = otherLowered
                        if otherLowered == lowered {
                            found = other
                            break
                        }
                    }
                    if let other = found {
                        best = names[other]
                        bestIndex = other
                    } else {
                        let spelled = words.map { spelling($0.lowercased()) }
                        if spelled.allSatisfy({ $0 != nil }) { best = spelled.compactMap { $0 } }
                    }
                }
            default:
                break
            }
            if let bestIndex {
                result.append(mentions[bestIndex].text(ranges[bestIndex]))
            } else if let best {
                result.append(best.joined(separator: " "))
            } else {
                result.append(mention.text(ranges[index]))
            }
        }
        return result
    }

    /// The words of a mention without leading titles and trailing possessives.
    static func nameRange(_ words: [String]) -> Range<Int> {
        var start = 0
        while start < words.count - 1 && titles.contains(words[start].lowercased()) { start += 1 }
        var end = words.count
        while end > start + 1 && ["'s", "\u{2019}s", "'", "\u{2019}"].contains(words[end - 1]) { end -= 1 }
        return start..<end
    }

    static func isOrderedSubset(_ words: [String], of candidate: [String]) -> Bool {
        guard !words.isEmpty else { return false }
        var position = candidate.startIndex
        for word in words {
            guard let found = candidate[position...].firstIndex(of: word) else { return false }
            position = found + 1
        }
        return true
    }

    /// Whether every letter of the words is a capital (and there is one).
    static func isCapitals(_ words: [String]) -> Bool {
        var letters = 0
        for word in words {
            for scalar in word.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    // ASCII without property lookups: the letters are A–Z and a–z.
                    if value >= 0x61 && value <= 0x7a { return false }
                    if value >= 0x41 && value <= 0x5a { letters += 1 }
                } else if scalar.properties.isAlphabetic {
                    guard scalar.properties.isUppercase else { return false }
                    letters += 1
                }
            }
        }
        return letters > 0
    }

    /// `U.S.` → "US", `UN` → "UN"; nil unless the mention is one word of capitals and dots.
    static func acronymLetters(_ words: [String]) -> String? {
        guard words.count == 1, let word = words.first else { return nil }
        var letters = ""
        for scalar in word.unicodeScalars {
            if scalar == "." { continue }
            guard scalar.properties.isUppercase else { return nil }
            letters.unicodeScalars.append(scalar)
        }
        return letters.isEmpty ? nil : letters
    }

    /// Initials of the capitalised words, skipping connectives ("Bank of England" → "BE").
    static func initials(_ words: [String]) -> String {
        var letters = ""
        for word in words {
            let first: Character
            let utf8 = word.utf8
            if let byte = utf8.first, byte < 0x80,
                utf8.count == 1 || utf8[utf8.index(after: utf8.startIndex)] < 0x80
            {
                // An ASCII character followed by another (or nothing) is a character of its own.
                guard byte >= 0x41 && byte <= 0x5a else { continue }
                first = Character(Unicode.Scalar(byte))
            } else {
                guard let character = word.first, character.isUppercase else { continue }
                first = character
            }
            guard !connectives.contains(word.lowercased()) else { continue }
            letters.append(first)
        }
        return letters
    }
}
