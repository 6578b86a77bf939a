/// Splits text into tokens over UTF-8 bytes, following Universal Dependencies (English EWT) and
/// Penn Treebank conventions where they help analysis.
///
/// Conventions:
/// - Clitics are split, as in UD and PTB: `don't` → `do` `n't`, `can't` → `ca` `n't`, `I'm` → `I` `'m`,
///   `John's` → `John` `'s` (straight or curly apostrophe); `cannot` → `can` `not`; `gonna`, `wanna`,
///   `gotta` → `gon` `na`, `wan` `na`, `got` `ta`. Names such as `O'Brien` stay whole. Splitting keeps
///   one token per syntactic word, which is what taggers and parsers trained on UD expect.
/// - Hyphenated compounds are split (`long - term`) except after bound prefixes (`e-mail`, `non-profit`,
///   `re-elect`), as in UD English; `hyphens: keep` keeps every hyphenated word whole. Digit groups
///   joined by hyphens stay whole (`713-654-0365`, `2005-03-09`).
/// - Numbers keep their separators (`5,000`, `3.5`, `12:30`, `08/16/2000`); `%`, `$` and other symbols
///   are tokens of their own; `10am` → `10` `am`.
/// - Abbreviations keep their period (`U.S.`, `Mr.`, `e.g.`, `J.`), using the sentence model's list,
///   except at the end of a sentence, where the period is the sentence's own token (`U.S` `.`), as in
///   UD English. Apostrophe-less clitics of informal text split too (`dont` → `do` `nt`, `im` → `i` `m`).
/// - `#hashtags` and `@mentions` are one token each.
/// - URLs, e-mail addresses, domain and file names (`example.com`, `report.pdf`) are one token each,
///   trailing sentence punctuation excluded.
/// - Emoji sequences (with skin tones, ZWJ joins, flags) and emoticons (`:)`, `:-(`) are one token each;
///   runs of the same punctuation (`...`, `--`, `!!!`) are one token.
///
/// Immutable and `Sendable`.
public struct Tokenizer: Sendable {
    /// Token kinds: the labels of the `.token` layer.
    public enum Kind: String, Sendable, CaseIterable {
        case word, number, punct, symbol, url, email, emoji, emoticon, hashtag, mention
    }

    /// One token: a UTF-8 byte range and its kind.
    public struct Token: Sendable, Hashable {
        /// UTF-8 offsets into the tokenized text.
        public var range: Range<Int>
        /// What kind of token it is.
        public var kind: Kind

        public init(range: Range<Int>, kind: Kind) {
            self.range = range
            self.kind = kind
        }
    }

    /// What to do with hyphenated words.
    public enum Hyphens: String, Sendable, CaseIterable {
        /// Split at hyphens except after bound prefixes (UD English).
        case split
        /// Keep hyphenated words whole.
        case keep
    }

    /// Language-specific token conventions (UD's, for each language's treebanks).
    public enum Conventions: String, Sendable, CaseIterable {
        /// English: clitics split (`do` `n't`, `John` `'s`), fused forms split (`can` `not`), hyphens
        /// as the `hyphens` option says.
        case english
        /// French, Italian, Catalan: an elided article or pronoun keeps its apostrophe and ends the token
        /// (`l'` `homme`, `dell'` `Onu`, `qu'` `il`); hyphenated words stay whole.
        case elision
        /// German, Dutch, Spanish, Portuguese and others: no English clitics, hyphenated words stay
        /// whole (`EU-Staaten`), Dutch low quotes (`,,`) and doubled apostrophes (`''`) are one token.
        case plain

        /// The conventions for a document whose `lang` is `code` (nil or unknown: English).
        public static func forLanguage(_ code: String?) -> Conventions {
            guard let code, code.utf8.count >= 2 else { return .english }
            switch code.prefix(2).lowercased() {
            case "fr", "it", "ca": return .elision
            case "de", "nl", "es", "pt", "sv", "da", "no", "nb", "pl", "cs", "fi": return .plain
            default: return .english
            }
        }
    }

    /// What to do with hyphenated words.
    public let hyphens: Hyphens
    /// Whether clitics (`n't`, `'s`, `'re`…) become tokens of their own.
    public let splitClitics: Bool
    /// The language conventions this tokenizer follows.
    public let conventions: Conventions
    private let abbreviations: Set<String>
    private let numberAbbreviations: Set<String>
    // Instance copies of the static tables: hot loops then skip the lazy-global check.
    private let fusedForms = Tokenizer.fusedFormTable
    private let boundPrefixes = Tokenizer.boundPrefixTable
    private let topLevelDomains = Tokenizer.topLevelDomainTable

    /// Abbreviations whose period stays on outside English: titles and a few Latin ones that every
    /// language of the news writes the same way (the English list holds words such as "sens" or "am").
    static let sharedAbbreviations: Set<String> = ["dr", "prof", "st", "mr", "mrs", "ms", "etc", "vs", "ca", "nr"]

    /// Bound prefixes that stay attached to what follows their hyphen.
    static let boundPrefixTable = PackedWordTable<Bool>(
        [
            "e", "non", "pre", "anti", "mid", "re", "post", "co", "over", "pro", "multi", "ex", "sub", "semi",
            "cross", "neo", "psycho", "socio", "counter", "intra", "vice", "micro", "un", "inter", "meta", "macro",
            "mega", "mini", "ultra", "bi", "tri", "de", "pseudo", "quasi", "trans", "extra", "infra", "hyper",
        ].map { ($0, true) })

    static let topLevelDomainTable = PackedWordTable<Bool>(
        [
            "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "uk", "us", "de", "fr", "ca",
            "au", "nz", "jp", "cn", "ru", "eu", "nl", "it", "es", "ch", "se", "no", "in", "tv", "me", "ly", "ai",
            "app", "dev", "news", "htm", "html", "php", "asp", "aspx", "pdf", "doc", "docx", "xls", "xlsx", "ppt",
            "txt", "jpg", "jpeg", "png", "gif", "zip", "csv", "xml", "json", "mp3", "mp4", "exe",
        ].map { ($0, true) })

    public init(
        model: SentenceModel = .english, hyphens: Hyphens = .split, splitClitics: Bool = true,
        conventions: Conventions = .english
    ) {
        self.conventions = conventions
        // Clitic and hyphen rules are UD English's; the other languages' treebanks keep hyphenated
        // words whole and have no English clitics.
        self.hyphens = conventions == .english ? hyphens : .keep
        self.splitClitics = conventions == .english && splitClitics
        self.abbreviations = conventions == .english ? model.abbreviations : Tokenizer.sharedAbbreviations
        self.numberAbbreviations = SentenceModel.numberAbbreviations
    }

    /// Tokens of `text` (UTF-8 offsets).
    public func tokenize(_ text: String) -> [Token] {
        var copy = text
        return copy.withUTF8 { bytes in
            var tokens: [Token] = []
            tokenize(bytes, range: 0..<bytes.count, into: &tokens)
            return tokens
        }
    }

    /// Append the tokens of `bytes[range]` to `tokens` (an array of `Token`, or of `Annotation` labelled
    /// with the kind); no token crosses the range's ends.
    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into tokens: inout some TokenSink) {
        let limit = min(max(range.upperBound, 0), bytes.count)
        var index = min(max(range.lowerBound, 0), limit)
        let lower = index
        while index < limit {
            let byte = bytes[index]
            if UTF8Scanning.isSpace(byte) {
                index += 1
                continue
            }
            let start = index
            let glued = start > lower && !UTF8Scanning.isSpace(bytes[start - 1])
            let folded = byte | 0x20
            if folded == 0x68 || folded == 0x77 || folded == 0x66, let end = urlEnd(bytes, at: start, limit: limit) {
                tokens.add(start..<end, .url)
                index = end
            } else if splitClitics, glued, let end = cliticEnd(bytes, at: start, limit: limit) {
                tokens.add(start..<end, .word)
                index = end
            } else if byte < 0x80 ? UTF8Scanning.isAlphanumeric(byte) : startsWord(bytes, at: start, limit: limit) {
                index = scanWord(bytes, at: start, limit: limit, into: &tokens)
            } else if let end = emoticonEnd(bytes, at: start, limit: limit, glued: glued) {
                tokens.add(start..<end, .emoticon)
                index = end
            } else if byte < 0x80 {
                index = scanASCIIPunctuation(bytes, at: start, limit: limit, into: &tokens)
            } else {
                index = scanOther(bytes, at: start, limit: limit, into: &tokens)
            }
        }
    }

    // MARK: - Words and numbers

    private func startsWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
        let (scalar, _) = UTF8Scanning.scalar(in: bytes, at: index, limit: limit)
        return Self.isWordScalar(scalar)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }

    /// Whether a word character (ASCII alphanumeric or a non-ASCII letter, digit or mark) starts at `index`.
    @inline(__always)
    private func isWordByte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
        guard index < limit else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return UTF8Scanning.isAlphanumeric(byte) }
        return startsWord(bytes, at: index, limit: limit)
    }

    /// Scan one word-like run starting at `start`, append its token(s), return where scanning goes on.
    private func scanWord(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int, into tokens: inout some TokenSink
    ) -> Int {
        var index = start
        var letters = 0
        var digits = 0
        var segmentStart = start
        var dottedParts = 0
        var longestDottedPart = 0
        var email = false
        var domainLike = false
        var lastDot = -1
        scan: while index < limit {
            let byte = bytes[index]
            if byte < 0x80 {
                if UTF8Scanning.isLetter(byte) {
                    letters += 1
                    index += 1
                    continue
                }
                if UTF8Scanning.isDigit(byte) {
                    digits += 1
                    index += 1
                    continue
                }
            } else {
                let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: index, limit: limit)
                if Self.isWordScalar(scalar) {
                    letters += 1
                    index += length
                    continue
                }
                if scalar.value == 0x2019 {
                    switch apostrophe(bytes, at: index, length: length, start: start, limit: limit) {
                    case .continueAt(let next):
                        index = next
                        continue scan
                    case .endAt(let end):
                        index = end
                    }
                }
                break scan
            }
            let previous = index > start ? bytes[index - 1] : 0
            let nextIsWord = isWordByte(bytes, at: index + 1, limit: limit)
            switch byte {
            case 0x2E:  // .
                if !nextIsWord, !email {
                    // "franz371...@gmail.com": an address shortened by a mailing-list archive.
                    var cursor = index
                    while cursor < limit, bytes[cursor] == 0x2E { cursor += 1 }
                    guard cursor < limit, bytes[cursor] == 0x40, isWordByte(bytes, at: cursor + 1, limit: limit)
                    else { break scan }
                    index = cursor
                    continue scan
                }
                guard nextIsWord else { break scan }
                dottedParts += 1
                longestDottedPart = max(longestDottedPart, index - segmentStart)
                segmentStart = index + 1
                lastDot = index
                index += 1
            case 0x2C:  // , between digits: 5,000
                guard UTF8Scanning.isDigit(previous), index + 1 < limit, UTF8Scanning.isDigit(bytes[index + 1]) else {
                    break scan
                }
                index += 1
            case 0x3A:  // : between digits: 12:30
                guard UTF8Scanning.isDigit(previous), index + 1 < limit, UTF8Scanning.isDigit(bytes[index + 1]) else {
                    break scan
                }
                index += 1
            case 0x2F:  // / in dates (08/16/2000) and short letter pairs (b/c, w/o)
                guard nextIsWord else { break scan }
                if UTF8Scanning.isDigit(previous), UTF8Scanning.isDigit(bytes[index + 1]) {
                    index += 1
                } else if letters > 0, digits == 0, index - start <= 1 {
                    index += 1
                } else {
                    break scan
                }
            case 0x40:  // @ inside an address
                guard nextIsWord, !email else { break scan }
                email = true
                index += 1
            case 0x26:  // & in AT&T
                guard UTF8Scanning.isUpper(previous), index + 1 < limit, UTF8Scanning.isUpper(bytes[index + 1]),
                    index - start <= 3
                else { break scan }
                index += 1
            case 0x5F:  // _ inside identifiers and file names
                guard nextIsWord else { break scan }
                index += 1
            case 0x2D:  // -
                guard nextIsWord else {
                    // A cut-off word keeps its hyphen ("re- elected", "I kn- know").
                    if letters > 0, digits == 0, index + 1 == limit || UTF8Scanning.isSpace(bytes[index + 1]) {
                        index += 1
                    }
                    break scan
                }
                if email || dottedParts > 0 && letters > 0 {
                    index += 1
                } else if hyphens == .keep {
                    index += 1
                } else if digits > 0, letters == 0, index + 1 < limit, UTF8Scanning.isDigit(bytes[index + 1]) {
                    index += 1  // 713-654-0365, 2005-03-09
                } else {
                    guard letters > 0, boundPrefixes.contains(bytes, segmentStart..<index) else { break scan }
                    index += 1
                }
                segmentStart = index
            case 0x27:  // '
                switch apostrophe(bytes, at: index, length: 1, start: start, limit: limit) {
                case .continueAt(let next):
                    index = next
                case .endAt(let end):
                    index = end
                    break scan
                }
            default:
                break scan
            }
        }
        var end = index
        if dottedParts > 0, lastDot >= 0 {
            if email
                || (letters > 0 && end - start > 4 && longestDottedPart >= 2
                    && topLevelDomains.contains(bytes, (lastDot + 1)..<end))
            {
                domainLike = true
            }
        }
        let kind: Kind
        if email, dottedParts > 0 {
            kind = .email
        } else if domainLike {
            kind = .url
        } else if letters == 0 {
            kind = .number
        } else {
            kind = .word
        }
        // A trailing period belongs to abbreviations (U.S., Mr., e.g., J.).
        // At the end of a sentence the period is the sentence's own token (UD: `U.S` `.`).
        if kind == .word, end < limit, bytes[end] == 0x2E, !(end + 1 < limit && bytes[end + 1] == 0x2E),
            !Self.endsSpan(bytes, after: end + 1, limit: limit),
            keepsPeriod(bytes, start..<end, dottedParts: dottedParts, limit: limit)
        {
            end += 1
        }
        if kind == .word, digits > 0 {
            // 10am, 5pm: the number and the time marker are two tokens.
            var split = start
            while split < end, UTF8Scanning.isDigit(bytes[split]) { split += 1 }
            if split > start, split < end {
                let rest = UTF8Scanning.lowercased(bytes, split..<end)
                if rest == "am" || rest == "pm" || rest == "a.m." || rest == "p.m." {
                    tokens.add(start..<split, .number)
                    tokens.add(split..<end, .word)
                    return end
                }
            }
        }
        if kind == .word, splitClitics, digits == 0, end - start >= 2, end - start <= 8 {
            if let cut = fusedForms.value(bytes, start..<end) {
                tokens.add(start..<(start + cut), .word)
                tokens.add((start + cut)..<end, .word)
                return end
            }
        }
        tokens.add(start..<end, kind)
        return end
    }

    /// What an apostrophe inside a word means.
    private enum Apostrophe {
        /// Part of the word (`O'Brien`): go on at this offset.
        case continueAt(Int)
        /// The word ends at this offset: a clitic (`'s`, `n't`) or a plural possessive follows.
        case endAt(Int)
    }

    private func apostrophe(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int, start: Int, limit: Int)
        -> Apostrophe
    {
        let after = index + length
        if conventions == .elision, index - start <= 7, after < limit, isWordByte(bytes, at: after, limit: limit),
            !UTF8Scanning.isDigit(bytes[after]), !Self.keepsElision(bytes, start..<index)
        {
            return .endAt(after)  // l'|homme, dell'|Onu, jusqu'|alors, l'|île
        }
        var end = after
        while end < limit, UTF8Scanning.isLetter(bytes[end]) { end += 1 }
        if end == after { return .endAt(index) }  // trailing apostrophe: teachers'
        if end < limit, bytes[end] >= 0x80, startsWord(bytes, at: end, limit: limit) { return .continueAt(after) }
        if splitClitics {
            let rest = UTF8Scanning.lowercased(bytes, after..<end)
            switch rest {
            case "s", "re", "ve", "ll", "d", "m":
                return .endAt(index)
            case "t" where index - start >= 2 && (bytes[index - 1] | 0x20) == 0x6E:
                return .endAt(index - 1)  // do|n't, ca|n't
            default:
                break
            }
        }
        return .continueAt(after)
    }

    /// French words whose apostrophe is inside the word (`aujourd'hui`, `quelqu'un`, `presqu'île`).
    private static func keepsElision(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let word = UTF8Scanning.lowercased(bytes, range)
        return word == "aujourd" || word == "quelqu" || word == "presqu" || word == "prud"
    }

    /// Whether only closing quotes, brackets and spaces follow `index` up to `limit`.
    private static func endsSpan(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int, limit: Int) -> Bool {
        var cursor = index
        while cursor < limit {
            let length = UTF8Scanning.closerLength(in: bytes, at: cursor, limit: limit)
            if length > 0 {
                cursor += length
            } else if UTF8Scanning.isSpace(bytes[cursor]) {
                cursor += 1
            } else {
                return false
            }
        }
        return true
    }

    /// Fused forms split into their syntactic words, as UD English does: `cannot` → `can` `not`,
    /// `gonna` → `gon` `na`, and apostrophe-less clitics of informal text (`dont` → `do` `nt`,
    /// `im` → `i` `m`). Ambiguous spellings (`its`, `ill`, `wont`, `lets`, `id`) are left whole.
    static let fusedFormTable = PackedWordTable<Int>(
        [
            ("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3), ("outta", 3), ("alot", 1),
            ("dont", 2), ("cant", 2), ("didnt", 3), ("doesnt", 4), ("isnt", 2), ("wasnt", 3), ("havent", 4),
            ("hasnt", 3), ("hadnt", 3), ("couldnt", 5), ("wouldnt", 5), ("shouldnt", 6), ("arent", 3),
            ("werent", 4), ("aint", 2), ("im", 1), ("ive", 1), ("thats", 4), ("whats", 4), ("theyre", 4),
            ("youre", 3), ("youve", 3), ("theyve", 4), ("weve", 2), ("hes", 2), ("shes", 3), ("theres", 5),
            ("heres", 4), ("wheres", 5), ("whos", 3), ("youll", 3), ("theyll", 4), ("itll", 2),
        ])

    /// Whether the word in `range`, followed by a period, keeps that period.
    private func keepsPeriod(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, dottedParts: Int, limit: Int)
        -> Bool
    {
        if dottedParts > 0 { return range.count <= 8 }  // U.S, e.g, Ph.D, a.m
        if range.count == 1 { return UTF8Scanning.isUpper(bytes[range.lowerBound]) }  // initials
        let word = UTF8Scanning.lowercased(bytes, range)
        if numberAbbreviations.contains(word) {
            var next = range.upperBound + 1
            while next < limit, bytes[next] == 0x20 { next += 1 }
            return next < limit && UTF8Scanning.isDigit(bytes[next])
        }
        return abbreviations.contains(word)
    }

    /// The end of a clitic (`n't`, `'s`, `’re`…) starting at `start` right after a word, or nil.
    private func cliticEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> Int? {
        var index = start
        let byte = bytes[index]
        var expectsT = false
        // The previous byte ends a word: an ASCII letter or the last byte of a non-ASCII letter.
        let previous = index > 0 ? bytes[index - 1] : 0
        let afterWord = UTF8Scanning.isLetter(previous) || previous >= 0x80
        if byte == 0x6E || byte == 0x4E {  // n't
            guard afterWord else { return nil }
            expectsT = true
            index += 1
        } else if !afterWord {
            return nil
        }
        guard index < limit else { return nil }
        if bytes[index] == 0x27 {
            index += 1
        } else if index + 2 < limit, bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
            index += 3
        } else {
            return nil
        }
        var end = index
        while end < limit, UTF8Scanning.isLetter(bytes[end]) { end += 1 }
        if end < limit, isWordByte(bytes, at: end, limit: limit) { return nil }
        let rest = UTF8Scanning.lowercased(bytes, index..<end)
        if expectsT { return rest == "t" ? end : nil }
        switch rest {
        case "s", "re", "ve", "ll", "d", "m": return end
        default: return nil
        }
    }

    // MARK: - URLs

    /// The end of a URL starting at `start` (`http://`, `https://`, `ftp://`, `www.`), trailing
    /// sentence punctuation and unbalanced closing brackets left out.
    private func urlEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> Int? {
        let first = bytes[start] | 0x20
        guard first == 0x68 || first == 0x77 || first == 0x66, start + 4 < limit else { return nil }
        let second = bytes[start + 1] | 0x20
        guard second == (first == 0x77 ? 0x77 : 0x74) else { return nil }  // "ht", "ft", "ww"
        func hasPrefix(_ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard start + count <= limit else { return false }
            return prefix.withUTF8Buffer { buffer in
                for offset in 0..<count where bytes[start + offset] | 0x20 != buffer[offset] { return false }
                return true
            }
        }
        guard hasPrefix("http://") || hasPrefix("https://") || hasPrefix("ftp://") || hasPrefix("www.") else {
            return nil
        }
        var end = start
        var open = 0
        while end < limit, !UTF8Scanning.isSpace(bytes[end]) {
            if bytes[end] == 0x28 { open += 1 }
            if bytes[end] == 0x29 { open -= 1 }
            end += 1
        }
        while end > start {
            let last = bytes[end - 1]
            if last == 0x2E || last == 0x2C || last == 0x3B || last == 0x3A || last == 0x21 || last == 0x3F
                || last == 0x22 || last == 0x27 || last == 0x5D || last == 0x3E || (last == 0x29 && open < 0)
            {
                if last == 0x29 { open += 1 }
                end -= 1
            } else if last >= 0x80 && last & 0xC0 == 0x80 {
                // a trailing curly quote or other non-ASCII punctuation
                var lead = end - 1
                while lead > start, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                let (scalar, _) = UTF8Scanning.scalar(in: bytes, at: lead, limit: end)
                if Self.isWordScalar(scalar) { break }
                end = lead
            } else {
                break
            }
        }
        return end - start >= 5 ? end : nil
    }

    // MARK: - Punctuation, symbols, emoji

    private func emoticonEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int, glued: Bool) -> Int? {
        let first = bytes[start]
        guard first == 0x3A || first == 0x3B || first == 0x3D || first == 0x3C else { return nil }
        var index = start + 1
        if first == 0x3C {  // <3
            guard index < limit, bytes[index] == 0x33 else { return nil }
            index += 1
        } else {
            if index < limit, bytes[index] == 0x2D || bytes[index] == 0x27 { index += 1 }
            guard index < limit else { return nil }
            switch bytes[index] {
            case 0x29, 0x28, 0x44, 0x50, 0x70, 0x2F, 0x7C, 0x5D, 0x5B, 0x4F, 0x6F, 0x2A, 0x33, 0x53, 0x58:
                index += 1
            default:
                return nil
            }
        }
        if index < limit, isWordByte(bytes, at: index, limit: limit) { return nil }
        if glued, first == 0x3A, bytes[start + 1] != 0x2D, bytes[start + 1] != 0x29, bytes[start + 1] != 0x28 {
            return nil  // "Note:P" style runs are not faces
        }
        return index
    }

    private static func asciiKind(_ byte: UInt8) -> Kind {
        switch byte {
        case 0x24, 0x25, 0x23, 0x2B, 0x3D, 0x3C, 0x3E, 0x26, 0x2A, 0x5E, 0x7E, 0x7C, 0x5C, 0x40, 0x60:
            return .symbol
        default:
            return .punct
        }
    }

    private func scanASCIIPunctuation(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int, into tokens: inout some TokenSink
    ) -> Int {
        let byte = bytes[start]
        var end = start + 1
        if byte == 0x23 || byte == 0x40, isWordByte(bytes, at: end, limit: limit),
            start == 0 || UTF8Scanning.isSpace(bytes[start - 1])
        {
            // #hashtag, @mention
            while isWordByte(bytes, at: end, limit: limit) || end < limit && bytes[end] == 0x5F {
                end += bytes[end] < 0x80 ? 1 : UTF8Scanning.scalar(in: bytes, at: end, limit: limit).1
            }
            tokens.add(start..<end, byte == 0x23 ? .hashtag : .mention)
            return end
        }
        switch byte {
        case 0x27, 0x2C:
            // Dutch quotes: ,,zo'' (a low and a high double quote typed as two characters).
            if conventions == .plain, end < limit, bytes[end] == byte { end += 1 }
        case 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x22:
            break  // brackets and quotes are one token each (commas too, above)
        case 0x2D, 0x3D:
            // -- and rule lines such as ==----
            while end < limit, bytes[end] == 0x2D || bytes[end] == 0x3D { end += 1 }
            if byte == 0x2D || byte == 0x3D {  // mixed rule lines: ==----
                while end < limit, bytes[end] == 0x2D || bytes[end] == 0x3D { end += 1 }
            }
        case 0x21, 0x3F:  // !!! ?! ?!?
            while end < limit, bytes[end] == 0x21 || bytes[end] == 0x3F { end += 1 }
        default:
            while end < limit, bytes[end] == byte { end += 1 }  // ... ** __ ~~ << >> $$$
        }
        tokens.add(start..<end, Self.asciiKind(byte))
        return end
    }

    private func scanOther(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int, into tokens: inout some TokenSink
    ) -> Int {
        let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: start, limit: limit)
        if Self.isEmojiBase(scalar) {
            let end = emojiEnd(bytes, after: start + length, first: scalar, limit: limit)
            tokens.add(start..<end, .emoji)
            return end
        }
        let kind: Kind
        switch scalar.properties.generalCategory {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: kind = .symbol
        default: kind = .punct
        }
        var end = start + length
        if kind == .punct, scalar.value == 0x2014 || scalar.value == 0x2013 {  // runs of dashes
            while end + 2 < limit, bytes[end] == bytes[start], bytes[end + 1] == bytes[start + 1],
                bytes[end + 2] == bytes[start + 2]
            {
                end += 3
            }
        }
        tokens.add(start..<end, kind)
        return end
    }

    private static func isEmojiBase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1F000...0x1FAFF, 0x2600...0x27BF, 0x2B00...0x2BFF, 0x2300...0x23FF, 0x1F1E6...0x1F1FF:
            return true
        default:
            return false
        }
    }

    /// Extend an emoji over modifiers, variation selectors, keycaps, tags, ZWJ joins and flag pairs.
    private func emojiEnd(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int, first: Unicode.Scalar, limit: Int)
        -> Int
    {
        var end = index
        var joinPending = false
        var regionalCount = (0x1F1E6...0x1F1FF).contains(first.value) ? 1 : 0
        while end < limit {
            let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: end, limit: limit)
            switch scalar.value {
            case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0x20E3, 0xE0020...0xE007F:
                end += length
            case 0x200D:
                joinPending = true
                end += length
            case 0x1F1E6...0x1F1FF where regionalCount == 1:
                regionalCount = 2
                end += length
            default:
                if joinPending, Self.isEmojiBase(scalar) {
                    joinPending = false
                    end += length
                } else {
                    return end
                }
            }
        }
        return end
    }
}
