import Testing

@testable import LectorStages

/// Expected stems are NLTK's `PorterStemmer()` (NLTK_EXTENSIONS mode), the stemmer `rouge-score` uses.
struct SummaryStemmerTests {
    let stemmer = PorterStemmer()

    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("agreed", "agre"), ("hopping", "hop"),
        ("happy", "happi"), ("relational", "relat"), ("generously", "gener"), ("controll", "control"),
        ("archaeology", "archaeolog"), ("geology", "geolog"), ("probate", "probat"), ("cease", "ceas"),
        ("sensibiliti", "sensibl"), ("feudalism", "feudal"), ("formaliti", "formal"), ("triplicate", "triplic"),
        ("adjustable", "adjust"), ("replacement", "replac"), ("adoption", "adopt"), ("communism", "commun"),
        ("fully", "fulli"), ("running", "run"), ("abilities", "abil"), ("flies", "fli"), ("analysis", "analysi"),
        ("universities", "univers"), ("happiness", "happi"), ("organizations", "organ"), ("cried", "cri"),
    ])
    func regularWordsStemLikeNLTK(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test(arguments: [("dying", "die"), ("skies", "sky"), ("news", "news"), ("innings", "inning"), ("dies", "die")])
    func irregularFormsUseNLTKTable(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test func wordsOfTwoLettersStayAsTheyAre() {
        #expect(stemmer.stem("is") == "is")
        #expect(stemmer.stem("as") == "as")
    }

    @Test func digitsAndOddInputNeverCrash() {
        #expect(stemmer.stem("2005s") == "2005")
        #expect(stemmer.stem("yyyy") == "yyyi")
        #expect(stemmer.stem("") == "")
    }
}
