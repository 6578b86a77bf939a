/// Guesses a text's language from its most frequent function words (a few European languages),
/// for pages that do not declare one. Returns an ISO 639-1 code, or nil when unsure.
enum LanguageGuesser {
    private static let profiles: [(code: String, words: Set<String>)] = [
        ("en", ["the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "are", "it", "as", "this"]),
        ("de", ["der", "die", "und", "das", "ist", "nicht", "mit", "den", "sich", "auf", "ein", "eine", "zu", "auch", "von"]),
        ("fr", ["le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "pas", "qui", "sur", "du", "au"]),
        ("es", ["el", "la", "los", "las", "y", "que", "del", "en", "por", "para", "una", "con", "es", "se", "como"]),
        ("it", ["il", "che", "di", "della", "per", "una", "sono", "non", "con", "del", "gli", "alla", "anche", "nel", "è"]),
        ("pt", ["o", "que", "não", "uma", "com", "para", "os", "do", "da", "em", "dos", "das", "ao", "se", "mais"]),
        ("nl", ["de", "het", "een", "van", "en", "is", "dat", "niet", "met", "voor", "op", "zijn", "ook", "maar", "bij"]),
        ("pl", ["i", "w", "na", "nie", "się", "z", "do", "jest", "że", "to", "o", "jak", "od", "po", "ale"]),
    ]

    static func guess(_ text: String) -> String? {
        var counts = [Int](repeating: 0, count: profiles.count)
        var words = 0
        for word in text.prefix(20_000).lowercased().split(whereSeparator: { !$0.isLetter }) {
            words += 1
            let key = String(word)
            for (position, profile) in profiles.enumerated() where profile.words.contains(key) { counts[position] += 1 }
            if words >= 3_000 { break }
        }
        guard words >= 20, let best = counts.indices.max(by: { counts[$0] < counts[$1] }) else { return nil }
        let sorted = counts.sorted(by: >)
        guard counts[best] * 10 >= words, sorted.count < 2 || counts[best] >= sorted[1] * 3 / 2 else { return nil }
        return profiles[best].code
    }
}
