/// How an entity name is compared across documents: its words, lower-cased, without titles,
/// possessives, a leading "the", or (for organisations) a company-form suffix.
///
/// "LEEDS" and "Leeds" → `leeds`; "President Putin" → `putin`; "the BBC" → `bbc`; "Barclays plc" →
/// `barclays`. Pure; runs once per distinct name of a document, not per token.
struct BatchEntityName: Hashable, Sendable {
    /// The label the name was found with.
    var label: String
    /// Lower-cased words of the name.
    var words: [String]

    /// The key under which case variants meet: label and words.
    var key: String { label + "\u{1F}" + words.joined(separator: " ") }

    static let leadingArticles: Set<String> = ["the"]
    static let companyForms: Set<String> = [
        "inc", "inc.", "ltd", "ltd.", "plc", "corp", "corp.", "co", "co.", "llc", "ag", "sa", "s.a.", "gmbh", "nv",
        "n.v.", "limited", "corporation", "incorporated",
    ]
    static let possessives: [String] = ["'s", "\u{2019}s", "'", "\u{2019}"]

    init(label: String, words: [String]) {
        self.label = label
        self.words = words
    }

    /// Normalises `name` found with `label`.
    init(name: String, label: String) {
        var words = name.split(whereSeparator: { $0.isWhitespace }).map { $0.lowercased() }
        if let last = words.last {
            for suffix in Self.possessives where last.hasSuffix(suffix) && last.count > suffix.count {
                words[words.count - 1] = String(last.dropLast(suffix.count))
                break
            }
            if Self.possessives.contains(last), words.count > 1 { words.removeLast() }
        }
        if label == "PER" {
            var start = 0
            while start < words.count - 1 && EntityLinker.titles.contains(words[start]) { start += 1 }
            words = Array(words[start...])
        } else {
            if words.count > 1, Self.leadingArticles.contains(words[0]) { words.removeFirst() }
            if label == "ORG", words.count > 1, let last = words.last,
                Self.companyForms.contains(last.trimmingCharacters(",."))
            {
                words.removeLast()
                if let comma = words.last, comma.hasSuffix(",") { words[words.count - 1] = String(comma.dropLast()) }
            }
        }
        self.init(label: label, words: words)
    }

    /// Whether the surface form is written in capitals only ("LEEDS", "U.S.").
    static func isCapitals(_ name: String) -> Bool {
        var letters = 0
        for scalar in name.unicodeScalars where scalar.properties.isAlphabetic {
            guard scalar.properties.isUppercase else { return false }
            letters += 1
        }
        return letters > 0
    }

    /// A one-word name of 2–6 capitals, with optional dots ("UN", "the U.S."), as its letters; else nil.
    static func acronym(_ name: String) -> String? {
        var name = Substring(name)
        for article in ["the ", "The ", "THE "] where name.hasPrefix(article) { name = name.dropFirst(article.count) }
        guard !name.contains(where: { $0.isWhitespace }) else { return nil }
        var letters = ""
        for scalar in name.unicodeScalars {
            if scalar == "." { continue }
            guard scalar.properties.isUppercase, scalar.properties.isAlphabetic else { return nil }
            letters.unicodeScalars.append(scalar)
        }
        return (2...6).contains(letters.count) ? letters : nil
    }

    /// The initials of the name's words, skipping connectives ("bank of england" → "BE").
    var initials: String {
        var letters = ""
        for word in words where !EntityLinker.connectives.contains(word) {
            guard let first = word.first, first.isLetter else { continue }
            letters += first.uppercased()
        }
        return letters
    }

    /// Collapses runs of white space to one space and trims the ends.
    static func collapseSpaces(_ text: String) -> String {
        if isCollapsed(text) { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether `text` is ASCII with single spaces between words and none at its ends (most names):
    /// then collapsing would give it back unchanged.
    private static func isCollapsed(_ text: String) -> Bool {
        var previousWasSpace = true
        for byte in text.utf8 {
            if byte >= 0x80 { return false }
            let isSpace = byte == 0x20
            if isSpace && previousWasSpace { return false }
            if !isSpace && (byte < 0x20 || byte == 0x7F) { return false }
            previousWasSpace = isSpace
        }
        return !previousWasSpace || text.isEmpty
    }

    /// A one-letter word, with or without a dot ("w", "w.").
    static func isInitial(_ word: String) -> Bool {
        let letters = word.filter { $0 != "." }
        return letters.count == 1 && letters.first?.isLetter == true
    }
}

extension String {
    /// The string without leading and trailing characters of `set`.
    fileprivate func trimmingCharacters(_ set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
