/// The Snowball Dutch stemmer (the original algorithm), written from its published description.
///
/// Works on a lower-cased word (Unicode scalars); diaereses and acute accents are removed first.
enum DutchStemmer {
    private static func isVowel(_ c: Unicode.Scalar) -> Bool { "aeiouyè".unicodeScalars.contains(c) }
    private static func isNonVowel(_ c: Unicode.Scalar?) -> Bool { c.map { !isVowel($0) } ?? false }

    private static let step1 = SnowballSuffixList("heden en ene s se")
    private static let step3b = SnowballSuffixList("end ing ig lijk baar bar")
    private static let accents: [Unicode.Scalar: Unicode.Scalar] = [
        "ä": "a", "ë": "e", "ï": "i", "ö": "o", "ü": "u", "á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u",
    ]

    static func stem(_ input: String) -> String {
        var word = SnowballWord(input)
        for index in word.letters.indices { if let plain = accents[word.letters[index]] { word.letters[index] = plain } }
        // Initial y, y after a vowel, and i between vowels are consonants.
        if word.letters.first == "y" { word.letters[0] = "Y" }
        if word.count >= 2 {
            for index in 1..<word.count where isVowel(word.letters[index - 1]) {
                if word.letters[index] == "y" {
                    word.letters[index] = "Y"
                } else if word.letters[index] == "i", index + 1 < word.count, isVowel(word.letters[index + 1]) {
                    word.letters[index] = "I"
                }
            }
        }
        word.markStandardRegions(isVowel: isVowel)
        word.r1 = max(word.r1, min(3, word.count))

        if let suffix = word.longestSuffix(in: step1) {
            switch suffix.text {
            case "heden":
                if word.inR1(5) { word.replace(5, with: "heid") }
            case "en", "ene":
                removeEnEnding(&word, suffix.count)
            default:  // s, se
                if word.inR1(suffix.count), let before = word[word.start(of: suffix.count) - 1], !isVowel(before),
                    before != "j"
                {
                    word.delete(suffix.count)
                }
            }
        }
        var eFound = removeEEnding(&word)
        if word.ends(with: "heid"), word.inR2(4), !word.precededBy("c", before: 4) {
            word.delete(4)
            if word.ends(with: "en") { removeEnEnding(&word, 2) }
        }
        if let suffix = word.longestSuffix(in: step3b), word.inR2(suffix.count) {
            switch suffix.text {
            case "end", "ing":
                word.delete(suffix.count)
                if word.ends(with: "ig"), word.inR2(2), !word.precededBy("e", before: 2) {
                    word.delete(2)
                } else {
                    undouble(&word)
                }
            case "ig":
                if !word.precededBy("e", before: 2) { word.delete(2) }
            case "lijk":
                word.delete(4)
                eFound = removeEEnding(&word)
            case "baar":
                word.delete(4)
            default:  // bar
                if eFound { word.delete(3) }
            }
        }
        // A double vowel before a final consonant is undoubled ("maan" → "man").
        let n = word.count
        if n >= 4, let last = word[n - 1], last != "I", isNonVowel(last), isNonVowel(word[n - 4]) {
            let vowel = word.letters[n - 2]
            if vowel == word.letters[n - 3], "aeou".unicodeScalars.contains(vowel) { word.letters.remove(at: n - 2) }
        }
        word.map("I", to: "i")
        word.map("Y", to: "y")
        return word.string
    }

    /// Deletes a final `en`/`ene` in R1 after a non-vowel that does not end "gem", then undoubles.
    private static func removeEnEnding(_ word: inout SnowballWord, _ length: Int) {
        guard word.inR1(length), isNonVowel(word[word.start(of: length) - 1]), !word.precededBy("gem", before: length)
        else { return }
        word.delete(length)
        undouble(&word)
    }

    /// Deletes a final `e` in R1 after a non-vowel, then undoubles; true when it did.
    private static func removeEEnding(_ word: inout SnowballWord) -> Bool {
        guard word.ends(with: "e"), word.inR1(1), isNonVowel(word[word.count - 2]) else { return false }
        word.delete(1)
        undouble(&word)
        return true
    }

    /// "kk", "dd", "tt" at the end lose their last letter.
    private static func undouble(_ word: inout SnowballWord) {
        if word.ends(with: "kk") || word.ends(with: "dd") || word.ends(with: "tt") { word.delete(1) }
    }
}
