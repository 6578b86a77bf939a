/// A stemmer for one language: Porter's for English (the variant `rouge-score` uses), the Snowball
/// algorithms for German, French, Spanish, Dutch and Italian.
///
/// Takes a lower-cased word. Stateless and `Sendable`.
package enum WordStemmer: Sendable, Equatable {
    case porter
    case german
    case french
    case spanish
    case dutch
    case italian

    /// The stem of a lower-cased word (words of three letters or fewer are left alone).
    package func stem(_ word: String) -> String {
        if self == .porter { return word.utf8.count > 3 ? PorterStemmer().stem(word) : word }
        guard word.unicodeScalars.count > 3 else { return word }
        switch self {
        case .porter: return word
        case .german: return GermanStemmer.stem(word)
        case .french: return FrenchStemmer.stem(word)
        case .spanish: return SpanishStemmer.stem(word)
        case .dutch: return DutchStemmer.stem(word)
        case .italian: return ItalianStemmer.stem(word)
        }
    }
}
