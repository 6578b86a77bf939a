/// Rule layer for numeric and temporal expressions: DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL
/// and CARDINAL, matched over a sentence's tokens (one dictionary lookup of the lower-cased form per
/// token, byte tests for digits; no regular expressions).
///
/// Patterns, tried at each token in this order (the first that matches wins, longest form):
/// - MONEY: `$ 5`, `US$ 5 million`, `5 dollars`, `€5bn`, `5 million euros`
/// - PERCENT: `5 %`, `5 percent`, `5 per cent`, `5 pct`
/// - TIME: `10:30`, `10:30 a.m. GMT`, `10 pm`, `noon`, `midnight`
/// - DATE: `January 5, 2024`, `5 January 2024`, `Jan. 5`, `Monday`, `2024-03-05`, `03/05/2024`,
///   `yesterday`, `last week`, `next March`, a year `1996` standing alone (1800–2099)
/// - QUANTITY: a number followed by a unit (`5 km`, `3.5 million tonnes`, `20 degrees`)
/// - ORDINAL: `first`, `21st`, `3rd`
/// - CARDINAL: digits (`5,000`, `3.5`) or number words (`twenty`, `two million`)
///
/// Other languages (`init(language:)`: de, fr, es, nl, it) have their own words and forms instead of
/// the English ones: `3. Oktober 2024`, `1er janvier 2025`, `3 de mayo de 2024`, `1,5 Millionen Euro`,
/// `2,3 Mrd. Dollar`, `1,5 millones de euros`, `5 €`, `5 Prozent`, `5 pour cent`, `14.30 Uhr`,
/// `letzte Woche` (see `NumericEntityRules+Languages.swift`).
/// Immutable and `Sendable`.
public struct NumericEntityRules: Sendable {
    /// `10.30`, `9.05`: one or two digits of hour up to 12, a dot, two digits of minutes under 60.
    static func isDottedClock(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return false }
        return hour <= 12 && minute < 60
    }

    /// What a word can be, by its lower-cased form.
    enum WordClass: Sendable, Equatable {
        case month, weekday, relativeDay, relativeModifier, period, currencyBefore, currencyAfter, percent
        case perWord, centWord, timeSuffix, timeWord, timeZone, unit, scale, numberWord, ordinalWord
        /// "de", "d'", "di": between day, month and year, or between an amount and its currency.
        case connector
        /// "Uhr", "uur": after a 24-hour clock time.
        case clockWord
    }

    private let classes: WordClassTable
    /// The language's other forms (nil: English).
    private let language: LanguageRules?

    /// Rules for a language (ISO code, `de-AT` as `de`); English when it has no rules of its own.
    public init(language code: String) {
        let primary = String(code.prefix(2)).lowercased()
        guard let rules = Self.rules(language: primary) else {
            self.init()
            return
        }
        var classes: [String: WordClass] = [:]
        for (words, wordClass) in Self.sharedWords + rules.words {
            for word in words.split(separator: " ") { classes[String(word)] = wordClass }
        }
        self.init(classes: WordClassTable(classes), language: rules)
    }

    private init(classes: WordClassTable, language: LanguageRules) {
        self.classes = classes
        self.language = language
    }

    /// The English rules.
    public init() {
        language = nil
        var classes: [String: WordClass] = [:]
        func add(_ words: String, _ wordClass: WordClass) {
            for word in words.split(separator: " ") { classes[String(word)] = wordClass }
        }
        add(
            "january february march april june july august september october november december jan jan. feb feb. "
                + "mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.", .month)
        add(
            "monday tuesday wednesday thursday friday saturday sunday mon. tue. tues. wed. thu. thurs. fri. sat. sun.",
            .weekday)
        add("yesterday today tomorrow tonight", .relativeDay)
        add("last next this", .relativeModifier)
        add("week weekend month year quarter decade century season morning afternoon evening", .period)
        add("$ us$ c$ a$ hk$ € £ ¥ usd eur gbp jpy chf", .currencyBefore)
        add(
            "dollars dollar euros euro pounds pound sterling yen yuan francs franc marks mark rupees rupee roubles "
                + "rubles pesos cents pence usd eur gbp", .currencyAfter)
        add("% percent pct percentage", .percent)
        add("per", .perWord)
        add("cent", .centWord)
        add("a.m. p.m. am pm a.m p.m", .timeSuffix)
        add("noon midnight", .timeWord)
        add("gmt utc bst cet est edt pst pdt", .timeZone)
        add(
            "km kilometres kilometers kilometre kilometer miles mile metres meters metre meter m cm mm kg kilograms "
                + "kilogram grams gram g tonnes tonne tons ton lb lbs feet foot ft inches inch litres liters litre "
                + "liter gallons gallon barrels barrel acres acre hectares hectare degrees degree mph km/h "
                + "sq square cubic mw gw kw kwh bpd", .unit)
        add("hundred thousand million billion trillion bn mln m k", .scale)
        add(
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                + "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen", .numberWord
        )
        add(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                + "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth "
                + "fiftieth hundredth thousandth", .ordinalWord)
        self.classes = WordClassTable(classes)
    }

    /// Word classes by lower-cased form. An ASCII word is looked up by the FNV-1a hash of its bytes
    /// lower-cased on the fly (no string is built, no SipHash) and checked against the stored form;
    /// other words go through the dictionary (String equality, as before).
    struct WordClassTable: Sendable {
        private let byForm: [String: WordClass]
        private let asciiIndex: HashedKeyMap<Int32>
        private let asciiForms: [[UInt8]]
        private let asciiClasses: [WordClass]

        init(_ byForm: [String: WordClass]) {
            self.byForm = byForm
            var index = HashedKeyMap<Int32>(capacity: byForm.count)
            var forms: [[UInt8]] = []
            var classes: [WordClass] = []
            for (form, wordClass) in byForm.sorted(by: { $0.key < $1.key }) where form.utf8.allSatisfy({ $0 < 0x80 }) {
                index[FeatureHash.hash(form), default: 0] = Int32(forms.count)
                forms.append(Array(form.utf8))
                classes.append(wordClass)
            }
            asciiIndex = index
            asciiForms = forms
            asciiClasses = classes
        }

        /// The class of `word`'s lower-cased form, or nil.
        func lookup(_ word: String) -> WordClass? {
            var hash = FeatureHash.offsetBasis
            for byte in word.utf8 {
                guard byte < 0x80 else { return byForm[word.lowercased()] }
                hash = FeatureHash.step(hash, Self.lowered(byte))
            }
            guard let found = asciiIndex[hash] else { return nil }
            let form = asciiForms[Int(found)]
            guard form.count == word.utf8.count, zip(form, word.utf8).allSatisfy({ $0 == Self.lowered($1) }) else {
                return nil
            }
            return asciiClasses[Int(found)]
        }

        @inline(__always)
        private static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte }
    }

    /// A rule match over token indices `start..<end` of one sentence.
    public struct Match: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var label: String
    }

    /// Numeric and temporal expressions among `words` (one sentence's tokens), skipping tokens where
    /// `blocked` is true (already inside a named entity).
    public func matches(_ words: [String], blocked: [Bool]) -> [Match] {
        let wordClasses = words.map(classes.lookup)
        let suffixes = language?.ordinalSuffixes ?? []
        let numbers = words.map { Self.numberKind($0, ordinalSuffixes: suffixes) }
        var result: [Match] = []
        let context = Context(
            words: words, classes: wordClasses, numbers: numbers, blocked: blocked,
            language: language ?? LanguageRules(words: []), english: language == nil)
        var index = 0
        while index < words.count {
            // Every pattern opens with a classed word or a number: other tokens start nothing.
            if blocked[index] || (wordClasses[index] == nil && numbers[index] == .none) {
                index += 1
                continue
            }
            if let match = context.match(at: index) {
                result.append(match)
                index = max(match.end, index + 1)
            } else {
                index += 1
            }
        }
        return result
    }

    /// Kinds of numeric tokens, by bytes.
    enum NumberKind: Sendable, Equatable {
        case none, integer, decimal, year, time, date, ordinal
    }

    /// Classify a token by its bytes: digits with `,`/`.` separators, `10:30`, `2024-03-05`, `21st`
    /// (and the language's own ordinal endings, such as French `1er`).
    static func numberKind(_ word: String, ordinalSuffixes: Set<String> = []) -> NumberKind {
        let bytes = word.utf8
        guard let first = bytes.first, isDigit(first) else { return .none }
        var digits = 0
        var colons = 0
        var dashes = 0
        var slashes = 0
        var separators = 0
        var letters: [UInt8] = []
        for byte in bytes {
            if isDigit(byte) {
                guard letters.isEmpty else { return .none }
                digits += 1
            } else if byte == 0x3a {
                colons += 1
            } else if byte == 0x2d {
                dashes += 1
            } else if byte == 0x2f {
                slashes += 1
            } else if byte == 0x2c || byte == 0x2e {
                separators += 1
            } else if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a {
                letters.append(byte | 0x20)
            } else {
                return .none
            }
        }
        if !letters.isEmpty {
            let suffix = String(decoding: letters, as: UTF8.self)
            return (["st", "nd", "rd", "th"].contains(suffix) || ordinalSuffixes.contains(suffix))
                && colons + dashes + slashes + separators == 0
                ? .ordinal : .none
        }
        if colons == 1 && dashes + slashes + separators == 0 && digits >= 3 { return .time }
        if (dashes == 2 || slashes == 2) && colons == 0 { return .date }
        if colons + dashes + slashes > 0 { return .none }
        if separators == 0 && digits == 4, let year = Int(word), year >= 1800 && year <= 2099 { return .year }
        return separators > 0 ? .decimal : .integer
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The matching logic over one sentence.
    private struct Context {
        let words: [String]
        let classes: [WordClass?]
        let numbers: [NumberKind]
        let blocked: [Bool]
        let language: LanguageRules
        /// The English rules (whose forms stay exactly as they were before other languages came).
        let english: Bool

        func word(_ index: Int) -> String? { index < words.count ? words[index] : nil }

        func wordClass(_ index: Int) -> WordClass? {
            index < classes.count && !blocked[index] ? classes[index] : nil
        }

        func isNumber(_ index: Int) -> Bool {
            guard index < numbers.count, !blocked[index] else { return false }
            return numbers[index] == .integer || numbers[index] == .decimal || numbers[index] == .year
                || classes[index] == .numberWord
        }

        /// End of a number starting at `index` (digits or number words, then scale words), or nil.
        func numberEnd(_ index: Int) -> Int? {
            guard isNumber(index) else { return nil }
            var end = index + 1
            while end < words.count && (wordClass(end) == .numberWord || wordClass(end) == .scale) {
                if wordClass(end) == .scale && ["m", "k"].contains(words[end]) && wordClass(end + 1) != .currencyAfter {
                    break
                }
                end += 1
                // "2,3 Mrd. Dollar": an abbreviated scale's dot belongs to the amount.
                if !english && word(end) == "." && wordClass(end - 1) == .scale && words[end - 1].utf8.count <= 3 {
                    end += 1
                }
            }
            return end
        }

        func dayNumber(_ index: Int) -> Bool {
            guard index < numbers.count, !blocked[index] else { return false }
            if numbers[index] == .ordinal { return true }
            guard numbers[index] == .integer, let value = Int(words[index]) else { return false }
            return value >= 1 && value <= 31
        }

        func isYear(_ index: Int) -> Bool { index < numbers.count && !blocked[index] && numbers[index] == .year }

        func match(at index: Int) -> Match? {
            money(index) ?? percent(index) ?? time(index) ?? date(index) ?? quantity(index) ?? ordinal(index)
                ?? cardinal(index)
        }

        func money(_ index: Int) -> Match? {
            if wordClass(index) == .currencyBefore, let end = numberEnd(index + 1) {
                return Match(start: index, end: end, label: "MONEY")
            }
            if let end = numberEnd(index), wordClass(end) == .currencyAfter {
                return Match(start: index, end: end + 1, label: "MONEY")
            }
            guard !english, let end = numberEnd(index) else { return nil }
            // "5 €", "1,5 millones de euros", "1,5 million d'euros", "3 milioni di euro".
            if wordClass(end) == .currencyBefore, let sign = word(end), ["€", "$", "£", "¥"].contains(sign) {
                return Match(start: index, end: end + 1, label: "MONEY")
            }
            if end > index + 1, wordClass(end - 1) == .scale, wordClass(end) == .connector,
                wordClass(end + 1) == .currencyAfter
            {
                return Match(start: index, end: end + 2, label: "MONEY")
            }
            return nil
        }

        func percent(_ index: Int) -> Match? {
            guard let end = numberEnd(index) else { return nil }
            if wordClass(end) == .percent { return Match(start: index, end: end + 1, label: "PERCENT") }
            if wordClass(end) == .perWord && wordClass(end + 1) == .centWord {
                return Match(start: index, end: end + 2, label: "PERCENT")
            }
            return nil
        }

        func time(_ index: Int) -> Match? {
            if wordClass(index) == .timeWord { return Match(start: index, end: index + 1, label: "TIME") }
            let isClock = index < numbers.count && !blocked[index] && numbers[index] == .time
            let isHour =
                index < numbers.count && !blocked[index] && numbers[index] == .integer
                && (Int(words[index]) ?? 99) <= 12
            // British style `10.30 p.m.`: hours and minutes joined by a dot, only before a.m./p.m.
            let isDottedClock =
                index < numbers.count && !blocked[index] && numbers[index] == .decimal
                && wordClass(index + 1) == .timeSuffix && NumericEntityRules.isDottedClock(words[index])
            // "14.30 Uhr", "14 Uhr", "9:30 uur": a 24-hour time before the language's clock word.
            if !english, wordClass(index + 1) == .clockWord, index < numbers.count, !blocked[index] {
                let hour = Int(words[index].prefix { $0 != "." && $0 != ":" }) ?? 99
                if hour <= 24 && (numbers[index] == .integer || numbers[index] == .time || numbers[index] == .decimal) {
                    return Match(start: index, end: index + 2, label: "TIME")
                }
            }
            guard isClock || isDottedClock || (isHour && wordClass(index + 1) == .timeSuffix) else { return nil }
            var end = index + 1
            if wordClass(end) == .timeSuffix { end += 1 }
            if wordClass(end) == .timeZone { end += 1 }
            return Match(start: index, end: end, label: "TIME")
        }

        func date(_ index: Int) -> Match? {
            let here = wordClass(index)
            if index < numbers.count && !blocked[index] && numbers[index] == .date {
                return Match(start: index, end: index + 1, label: "DATE")
            }
            if here == .weekday || here == .relativeDay {
                return Match(start: index, end: index + 1, label: "DATE")
            }
            if here == .relativeModifier {
                let next = wordClass(index + 1)
                if next == .period || next == .weekday || next == .month {
                    return Match(start: index, end: index + 2, label: "DATE")
                }
                return nil
            }
            if !english, let match = dayFirstDate(index) { return match }
            if here == .month && !english && language.lowercaseMonths && words[index].first?.isUppercase != true {
                // "mayo de 2024", "janvier 2025": a month in lower case is a date with its year.
                if isYear(index + 1) { return Match(start: index, end: index + 2, label: "DATE") }
                if wordClass(index + 1) == .connector && isYear(index + 2) {
                    return Match(start: index, end: index + 3, label: "DATE")
                }
                return nil
            }
            if here == .month {
                // "May" and "March" are also ordinary words: need a number next to them or a capital.
                guard words[index].first?.isUppercase == true else { return nil }
                var end = index + 1
                if dayNumber(end) {
                    end += 1
                    if end < words.count && words[end] == "," && isYear(end + 1) {
                        end += 2
                    } else if isYear(end) {
                        end += 1
                    }
                } else if isYear(end) {
                    end += 1
                } else if ["may", "march"].contains(words[index].lowercased()) {
                    return nil
                }
                return Match(start: index, end: end, label: "DATE")
            }
            if dayNumber(index) && wordClass(index + 1) == .month {
                var end = index + 2
                if isYear(end) { end += 1 }
                return Match(start: index, end: end, label: "DATE")
            }
            if isYear(index)
                && !(wordClass(index + 1) == .unit || wordClass(index + 1) == .currencyAfter
                    || wordClass(index + 1) == .percent || wordClass(index + 1) == .scale)
            {
                return Match(start: index, end: index + 1, label: "DATE")
            }
            return nil
        }

        /// "3. Oktober 2024", "1er janvier 2025", "3 de mayo de 2024", "3 maggio": a day, then (after the
        /// language's dot or connector) a month, then maybe a year.
        func dayFirstDate(_ index: Int) -> Match? {
            guard dayNumber(index) else { return nil }
            var month = index + 1
            if language.dayDot && word(month) == "." {
                month += 1
            } else if wordClass(month) == .connector {
                month += 1
            }
            guard wordClass(month) == .month else { return nil }
            var end = month + 1
            if isYear(end) {
                end += 1
            } else if wordClass(end) == .connector && isYear(end + 1) {
                end += 2
            }
            return Match(start: index, end: end, label: "DATE")
        }

        func quantity(_ index: Int) -> Match? {
            guard let end = numberEnd(index), wordClass(end) == .unit else { return nil }
            // A lone "m" or "g" after a bare number is a unit; "sq"/"square"/"cubic" take the next unit too.
            var last = end + 1
            if ["sq", "square", "cubic"].contains(words[end].lowercased()) && wordClass(last) == .unit { last += 1 }
            return Match(start: index, end: last, label: "QUANTITY")
        }

        func ordinal(_ index: Int) -> Match? {
            if wordClass(index) == .ordinalWord
                || (index < numbers.count && !blocked[index] && numbers[index] == .ordinal)
            {
                return Match(start: index, end: index + 1, label: "ORDINAL")
            }
            return nil
        }

        func cardinal(_ index: Int) -> Match? {
            guard let end = numberEnd(index) else { return nil }
            return Match(start: index, end: end, label: "CARDINAL")
        }
    }
}
