/// The Snowball German stemmer, written from the published description of the algorithm.
///
/// Works on a lower-cased word (Unicode scalars): ß becomes ss, umlauts lose their dots at the end.
enum GermanStemmer {
    private static func isVowel(_ c: Unicode.Scalar) -> Bool { "aeiouyäöü".unicodeScalars.contains(c) }
    private static func isSEnding(_ c: Unicode.Scalar?) -> Bool { c.map { "bdfghklmnrt".unicodeScalars.contains($0) } ?? false }
    private static func isSTEnding(_ c: Unicode.Scalar?) -> Bool { c.map { "bdfghklmnt".unicodeScalars.contains($0) } ?? false }

    private static let step1 = SnowballSuffixList("em ern er e en es s")
    private static let step2 = SnowballSuffixList("en er est st")
    private static let step3 = SnowballSuffixList("end ung ig ik isch lich heit keit")

    static func stem(_ input: String) -> String {
        var word = SnowballWord(input.replacingOccurrences(of: "ß", with: "ss"))
        // u and y between vowels are consonants.
        word.markBetweenVowels(["u": "U", "y": "Y"], isVowel: isVowel)
        word.markStandardRegions(isVowel: isVowel)
        // At least three letters precede R1 (R2 is counted from the unadjusted R1).
        if word.count >= 3 { word.r1 = max(word.r1, 3) } else { word.r1 = word.count; word.r2 = word.count }

        if let suffix = word.longestSuffix(in: step1), word.inR1(suffix.count) {
            switch suffix.text {
            case "em", "ern", "er":
                word.delete(suffix.count)
            case "e", "en", "es":
                word.delete(suffix.count)
                if word.ends(with: "niss") { word.delete(1) }
            default:  // s
                if isSEnding(word[word.count - 2]) { word.delete(1) }
            }
        }
        if let suffix = word.longestSuffix(in: step2), word.inR1(suffix.count) {
            if suffix.text == "st" {
                if isSTEnding(word[word.count - 3]), word.count - 3 >= 3 { word.delete(2) }
            } else {
                word.delete(suffix.count)
            }
        }
        if let suffix = word.longestSuffix(in: step3), word.inR2(suffix.count) {
            switch suffix.text {
            case "end", "ung":
                word.delete(suffix.count)
                if word.ends(with: "ig"), word.inR2(2), !word.precededBy("e", before: 2) { word.delete(2) }
            case "ig", "ik", "isch":
                if !word.precededBy("e", before: suffix.count) { word.delete(suffix.count) }
            case "lich", "heit":
                word.delete(suffix.count)
                if (word.ends(with: "er") || word.ends(with: "en")) && word.inR1(2) { word.delete(2) }
            default:  // keit
                word.delete(suffix.count)
                if word.ends(with: "lich"), word.inR2(4) {
                    word.delete(4)
                } else if word.ends(with: "ig"), word.inR2(2) {
                    word.delete(2)
                }
            }
        }
        for (from, to) in [("U", "u"), ("Y", "y"), ("ä", "a"), ("ö", "o"), ("ü", "u")] as [(Unicode.Scalar, Unicode.Scalar)] {
            word.map(from, to: to)
        }
        return word.string
    }
}
