import LectorCore

/// What the summariser and the key-phrase finder know about a document's language: its stop words,
/// its stemmer, the words that open a sentence leaning on an earlier one, and whether capitals mark
/// names. Chosen from the document's `lang` metadata; English when it is missing or not one of the
/// six languages covered.
struct SummaryLanguage: Sendable {
    /// ISO 639-1 code.
    let code: String
    /// Function words, left out of sentence vectors.
    let function: Set<String>
    /// Words that never make a key phrase.
    let keyPhraseStopWords: Set<String>
    /// Words that open a sentence which leans on an earlier one ("He said…", "Mais…").
    let openingReferences: Set<String>
    let stemmer: WordStemmer
    /// Whether a capital inside a sentence marks a name (not in German, where every noun has one).
    let capitalsMarkNames: Bool
    /// Whether English verb and adverb endings (-ing, -ed, -ly) keep a lone word out of key phrases.
    let englishWordEndings: Bool

    /// The language for `document` (its `lang` metadata).
    static func of(_ document: Document) -> SummaryLanguage { forCode(document.metadata["lang"]) }

    /// The language for an ISO code such as `de`, `de-AT` or `fr_CA` (English when unknown).
    static func forCode(_ code: String?) -> SummaryLanguage {
        guard let code, code.utf8.count >= 2 else { return english }
        return byCode[code.prefix(2).lowercased()] ?? english
    }

    private static let byCode = Dictionary(uniqueKeysWithValues: [german, french, spanish, dutch, italian].map { ($0.code, $0) })

    static let english = SummaryLanguage(
        code: "en", function: StopWords.function, keyPhraseStopWords: StopWords.english,
        openingReferences: [
            "he", "she", "it", "they", "his", "her", "their", "its", "this", "that", "these", "those", "but",
            "however", "and", "so", "also", "yet", "then", "meanwhile", "instead", "still", "there",
        ], stemmer: .porter, capitalsMarkNames: true, englishWordEndings: true)

    static let german = SummaryLanguage(
        code: "de", function: StopWords.germanFunction, keyPhraseStopWords: StopWords.germanKeyPhrase,
        openingReferences: [
            "er", "sie", "es", "sein", "seine", "ihr", "ihre", "dies", "diese", "dieser", "dieses", "aber", "doch",
            "jedoch", "und", "auch", "dann", "dort", "deshalb", "daher", "trotzdem", "dabei", "damit", "dazu",
        ], stemmer: .german, capitalsMarkNames: false, englishWordEndings: false)

    static let french = SummaryLanguage(
        code: "fr", function: StopWords.frenchFunction, keyPhraseStopWords: StopWords.frenchKeyPhrase,
        openingReferences: [
            "il", "elle", "ils", "elles", "son", "sa", "ses", "leur", "leurs", "ce", "cette", "ces", "cela", "ceci",
            "mais", "et", "donc", "aussi", "pourtant", "cependant", "toutefois", "puis", "ensuite", "alors", "là",
        ], stemmer: .french, capitalsMarkNames: true, englishWordEndings: false)

    static let spanish = SummaryLanguage(
        code: "es", function: StopWords.spanishFunction, keyPhraseStopWords: StopWords.spanishKeyPhrase,
        openingReferences: [
            "él", "ella", "ellos", "ellas", "su", "sus", "este", "esta", "estos", "estas", "eso", "esto", "pero",
            "y", "también", "sin", "embargo", "además", "entonces", "luego", "allí", "así",
        ], stemmer: .spanish, capitalsMarkNames: true, englishWordEndings: false)

    static let dutch = SummaryLanguage(
        code: "nl", function: StopWords.dutchFunction, keyPhraseStopWords: StopWords.dutchKeyPhrase,
        openingReferences: [
            "hij", "zij", "ze", "haar", "hun", "dit", "dat", "deze", "die", "maar", "en", "ook",
            "toch", "echter", "daarom", "dan", "daar", "bovendien",
        ], stemmer: .dutch, capitalsMarkNames: true, englishWordEndings: false)

    static let italian = SummaryLanguage(
        code: "it", function: StopWords.italianFunction, keyPhraseStopWords: StopWords.italianKeyPhrase,
        openingReferences: [
            "lui", "lei", "loro", "suo", "sua", "suoi", "sue", "questo", "questa", "questi", "queste", "ciò", "ma",
            "e", "anche", "però", "tuttavia", "quindi", "poi", "allora", "lì",
        ], stemmer: .italian, capitalsMarkNames: true, englishWordEndings: false)
}
