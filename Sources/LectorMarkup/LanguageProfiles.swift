/// Language evidence for `LanguageGuesser`: function words, letters and word endings per language.
///
/// Written for Lector from common knowledge of these languages (their most frequent articles,
/// prepositions, pronouns, conjunctions and auxiliaries); weights were set by hand and checked on
/// every development set (`lector eval languages --suite`).
enum LanguageProfiles {
    /// The languages, in score order.
    static let codes = ["en", "de", "fr", "es", "it", "pt", "nl", "pl"]

    /// Function words of each language (lower case).
    static let words: [String: [String]] = [
        "en": ["about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can",
            "could", "do", "first", "for", "from", "had", "has", "have", "he", "her", "his", "if", "in", "into",
            "is", "it", "its", "may", "more", "my", "new", "no", "not", "of", "on", "one", "only", "or", "other",
            "our", "out", "said", "she", "so", "some", "than", "that", "the", "their", "them", "there", "these",
            "they", "this", "to", "two", "up", "was", "we", "were", "what", "when", "which", "who", "will", "with",
            "would", "you", "your"],
        "de": ["aber", "als", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "daß", "dem", "den", "der",
            "des", "die", "diese", "dieser", "dieses", "durch", "ein", "eine", "einen", "einer", "eines", "er", "es",
            "für", "gegen", "haben", "hat", "ich", "ihr", "ihre", "im", "ist", "kann", "keine", "man", "mehr", "mit",
            "nach", "nicht", "noch", "nur", "oder", "schon", "sehr", "sein", "seine", "sich", "sie", "sind", "so",
            "um", "und", "unter", "von", "vor", "war", "wenn", "werden", "wie", "wieder", "wir", "wird", "wurde",
            "zu", "zum", "zur", "zwischen", "über"],
        "fr": ["après", "au", "aussi", "aux", "avait", "avant", "avec", "ce", "ces", "cette", "comme", "dans", "de",
            "depuis", "des", "deux", "dont", "du", "elle", "en", "entre", "est", "et", "fait", "il", "je", "la",
            "le", "les", "leur", "leurs", "lui", "mais", "ne", "nous", "on", "ont", "ou", "où", "par", "pas", "plus",
            "pour", "que", "qui", "sa", "sans", "se", "ses", "son", "sont", "sous", "sur", "tous", "tout", "très",
            "un", "une", "vous", "y", "à", "été", "être"],
        "es": ["a", "al", "como", "con", "cuando", "de", "del", "desde", "donde", "dos", "e", "el", "en", "entre",
            "era", "es", "esta", "estas", "este", "estos", "está", "están", "fue", "ha", "han", "hasta", "hay", "la",
            "las", "le", "les", "lo", "los", "mi", "muy", "más", "nos", "o", "otra", "otro", "para", "pero", "por",
            "porque", "que", "se", "ser", "sin", "sobre", "son", "su", "sus", "también", "todo", "todos", "un",
            "una", "y", "ya"],
        "it": ["a", "ai", "al", "alla", "alle", "anche", "ancora", "anni", "che", "come", "con", "da", "dal",
            "dalla", "degli", "dei", "del", "della", "delle", "di", "dopo", "e", "era", "essere", "fra", "gli", "ha",
            "hanno", "i", "il", "la", "le", "lo", "loro", "ma", "molto", "nel", "nella", "nelle", "non", "o", "per",
            "più", "quello", "questa", "questi", "questo", "se", "si", "solo", "sono", "stata", "stato", "sua",
            "sul", "sulla", "suo", "suoi", "tra", "un", "una", "è"],
        "pt": ["a", "ao", "as", "até", "com", "como", "da", "das", "de", "do", "dos", "e", "ela", "ele", "em",
            "entre", "esta", "este", "está", "foi", "isso", "já", "mais", "mas", "muito", "na", "no", "nos", "não",
            "o", "os", "para", "pela", "pelo", "por", "quando", "que", "se", "ser", "seu", "sobre", "sua", "são",
            "também", "um", "uma"],
        "nl": ["aan", "al", "als", "bij", "dan", "dat", "de", "deze", "die", "dit", "door", "een", "en", "er",
            "geen", "hebben", "heeft", "het", "hij", "in", "is", "kan", "maar", "meer", "met", "naar", "niet", "nog",
            "of", "om", "onder", "ook", "op", "over", "te", "toen", "tot", "uit", "van", "voor", "was", "we", "wel",
            "werd", "wij", "worden", "wordt", "zal", "ze", "zij", "zijn"],
        "pl": ["ale", "być", "był", "była", "było", "co", "czy", "dla", "do", "i", "ich", "jak", "jego", "jej",
            "jest", "już", "która", "które", "który", "lub", "na", "nie", "o", "od", "oraz", "po", "przez", "przy",
            "się", "są", "tak", "to", "tylko", "tym", "w", "z", "za", "że"],
    ]

    /// Each function word with the languages it votes for and its share of a vote (1 / languages).
    static let functionWords: [String: [(Int, Double)]] = {
        var languagesOf: [String: [Int]] = [:]
        for (position, code) in codes.enumerated() {
            for word in words[code] ?? [] { languagesOf[word, default: []].append(position) }
        }
        return languagesOf.mapValues { languages in languages.map { ($0, 1.0 / Double(languages.count)) } }
    }()

    /// Votes per letter (the second byte of a two-byte UTF-8 letter, after lower-casing), 0.3 a letter:
    /// each letter is weak alone and adds up over a paragraph.
    static func letterCue(_ lead: UInt8, _ second: UInt8) -> [(Int, Double)]? {
        switch (lead, second) {
        case (0xC3, _): return latin1Cues[Int(second & 0x3F)]
        case (0xC4, 0x85), (0xC4, 0x99), (0xC4, 0x87), (0xC5, 0x82), (0xC5, 0x9B), (0xC5, 0xBC), (0xC5, 0xBA),
            (0xC5, 0x84):
            return polishLetter  // ą ę ć ł ś ż ź ń
        default: return nil
        }
    }

    private static let polishLetter: [(Int, Double)] = [(index("pl"), 0.9)]

    /// Cues for U+00C0–U+00FF by the low six bits of the second UTF-8 byte (lower-case letters).
    private static let latin1Cues: [[(Int, Double)]?] = {
        var table = [[(Int, Double)]?](repeating: nil, count: 64)
        let cues: [(Character, [(String, Double)])] = [
            ("ß", [("de", 3)]), ("ä", [("de", 1.5)]), ("ö", [("de", 1)]), ("ü", [("de", 1.5)]),
            ("ñ", [("es", 3)]), ("ç", [("fr", 1.5), ("pt", 1.5)]), ("ã", [("pt", 3)]), ("õ", [("pt", 3)]),
            ("è", [("it", 1), ("fr", 1)]), ("ò", [("it", 2)]), ("ù", [("it", 1), ("fr", 0.5)]), ("ì", [("it", 2)]),
            ("à", [("it", 1), ("fr", 1), ("pt", 0.5)]), ("ê", [("fr", 1.5), ("pt", 1)]), ("â", [("fr", 1), ("pt", 1)]),
            ("ô", [("fr", 1), ("pt", 1)]), ("î", [("fr", 1.5)]), ("û", [("fr", 1.5)]), ("ë", [("nl", 1), ("fr", 0.5)]),
            ("ï", [("fr", 1), ("nl", 1)]), ("á", [("es", 1), ("pt", 1)]), ("í", [("es", 1), ("pt", 0.7)]),
            ("ó", [("es", 1), ("pt", 0.7), ("pl", 0.5)]), ("ú", [("es", 1), ("pt", 0.7)]),
        ]
        for (letter, votes) in cues {
            let second = Array(String(letter).utf8)[1]
            table[Int(second & 0x3F)] = votes.map { (index($0.0), $0.1 * 0.3) }
        }
        return table
    }()

    /// Votes of a word's ending (for words that are not function words), half a weight each.
    static func endingVotes(_ word: [UInt8]) -> [(Int, Double)]? {
        var votes: [(Int, Double)] = []
        for (ending, languages) in endings where word.count > ending.count && word.ends(with: ending) {
            votes.append(contentsOf: languages)
        }
        if word.count > 2, word.containsPair(0x69, 0x6A) { votes.append((index("nl"), 0.5)) }  // "ij"
        return votes.isEmpty ? nil : votes
    }

    private static let endings: [([UInt8], [(Int, Double)])] = [
        ("zione", [("it", 2)]), ("zioni", [("it", 2)]), ("ción", [("es", 2)]), ("ciones", [("es", 2)]),
        ("ção", [("pt", 3)]), ("ções", [("pt", 3)]), ("ung", [("de", 1)]), ("keit", [("de", 2)]), ("heit", [("de", 1.5)]),
        ("lijk", [("nl", 2)]), ("heid", [("nl", 2)]), ("ijk", [("nl", 1)]), ("tion", [("en", 0.7), ("fr", 0.7)]),
        ("ment", [("fr", 0.5), ("en", 0.3)]), ("ing", [("en", 1)]), ("ed", [("en", 0.3)]),
        ("mente", [("es", 1), ("it", 1), ("pt", 1)]), ("eux", [("fr", 1.5)]), ("aux", [("fr", 1)]), ("tà", [("it", 2)]),
        ("dad", [("es", 2)]),
    ].map { ending, votes in (Array(ending.utf8), votes.map { (index($0.0), $0.1 * 0.5) }) }

    private static func index(_ code: String) -> Int { codes.firstIndex(of: code)! }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }

    fileprivate func containsPair(_ first: UInt8, _ second: UInt8) -> Bool {
        guard count >= 2 else { return false }
        for position in 0..<(count - 1) where self[position] == first && self[position + 1] == second { return true }
        return false
    }
}
