/// The Snowball French stemmer, written from the published description of the algorithm.
///
/// Works on a lower-cased word (Unicode scalars).
enum FrenchStemmer {
    private static func isVowel(_ c: Unicode.Scalar) -> Bool { "aeiouyâàëéêèïîôûù".unicodeScalars.contains(c) }
    private static func isVowel(_ c: Unicode.Scalar?) -> Bool { c.map(isVowel) ?? false }
    private static func isNonVowel(_ c: Unicode.Scalar?) -> Bool { c.map { !isVowel($0) } ?? false }

    private static let step1 = SnowballSuffixList(
        "ance iqUe isme able iste eux ances iqUes ismes ables istes atrice ateur ation atrices ateurs ations logie "
            + "logies usion ution usions utions ence ences ement ements ité ités if ive ifs ives eaux aux euse euses "
            + "issement issements amment emment ment ments")
    private static let step2a = SnowballSuffixList(
        "îmes ît îtes i ie ies ir ira irai iraIent irais irait iras irent irez iriez irions irons iront is issaIent "
            + "issais issait issant issante issantes issants isse issent isses issez issiez issions issons it")
    private static let step2bPlain = Set(
        "é ée ées és èrent er era erai eraIent erais erait eras erez eriez erions erons eront ez iez".split(separator: " ")
            .map(String.init))
    private static let step2b = SnowballSuffixList(
        "ions é ée ées és èrent er era erai eraIent erais erait eras erez eriez erions erons eront ez iez âmes ât âtes "
            + "a ai aIent ais ait ant ante antes ants as asse assent asses assiez assions")
    private static let step4 = SnowballSuffixList("ion ier ière Ier Ière e ë")

    static func stem(_ input: String) -> String {
        var word = SnowballWord(input)
        markConsonants(&word)
        markRegions(&word)
        let step1Result = standardSuffix(&word)
        var changed = false
        if step1Result == .removed {
            changed = true
        } else {
            // Step 2a when step 1 removed nothing or removed -ment; 2b when 2a removed nothing.
            if iVerbSuffix(&word) || verbSuffix(&word) { changed = true }
        }
        if changed {
            if word.letters.last == "Y" {
                word.replace(1, with: "i")
            } else if word.letters.last == "ç" {
                word.replace(1, with: "c")
            }
        } else {
            residualSuffix(&word)
        }
        // Undouble.
        if word.ends(with: "enn") || word.ends(with: "onn") || word.ends(with: "ett") || word.ends(with: "ell")
            || word.ends(with: "eill")
        {
            word.delete(1)
        }
        // Un-accent: é or è followed by at least one non-vowel at the end.
        var index = word.count - 1
        while index >= 0 && isNonVowel(word.letters[index]) { index -= 1 }
        if index >= 0, index < word.count - 1, word.letters[index] == "é" || word.letters[index] == "è" {
            word.letters[index] = "e"
        }
        for (from, to) in [("I", "i"), ("U", "u"), ("Y", "y")] as [(Unicode.Scalar, Unicode.Scalar)] {
            word.map(from, to: to)
        }
        return word.string
    }

    /// u and i between vowels, y before or after a vowel, and u after q are consonants (upper case).
    private static func markConsonants(_ word: inout SnowballWord) {
        var index = 0
        while index < word.count {
            let letter = word.letters[index]
            let previous = index > 0 ? word.letters[index - 1] : nil
            let next = word[index + 1]
            if (letter == "u" || letter == "i"), isVowel(previous), isVowel(next) {
                word.letters[index] = letter == "u" ? "U" : "I"
            } else if letter == "y", isVowel(previous) || isVowel(next) {
                word.letters[index] = "Y"
            } else if letter == "u", previous == "q" {
                word.letters[index] = "U"
            }
            index += 1
        }
    }

    private static func markRegions(_ word: inout SnowballWord) {
        let n = word.count
        if n >= 2, isVowel(word.letters[0]), isVowel(word.letters[1]) {
            word.rv = min(3, n)
        } else if word.string.hasPrefix("par") || word.string.hasPrefix("col") || word.string.hasPrefix("tap") {
            word.rv = 3
        } else {
            var index = 1
            while index < n && !isVowel(word.letters[index]) { index += 1 }
            word.rv = index < n ? index + 1 : n
        }
        word.markStandardRegions(isVowel: isVowel)
    }

    private enum Step1 { case removed, none, ment }

    private static func standardSuffix(_ word: inout SnowballWord) -> Step1 {
        guard let suffix = word.longestSuffix(in: step1) else { return .none }
        let n = suffix.count
        switch suffix.text {
        case "ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes":
            guard word.inR2(n) else { return .none }
            word.delete(n)
        case "atrice", "ateur", "ation", "atrices", "ateurs", "ations":
            guard word.inR2(n) else { return .none }
            word.delete(n)
            if word.ends(with: "ic") { deleteInR2(&word, 2, else: "iqU") }
        case "logie", "logies":
            guard word.inR2(n) else { return .none }
            word.replace(n, with: "log")
        case "usion", "ution", "usions", "utions":
            guard word.inR2(n) else { return .none }
            word.replace(n, with: "u")
        case "ence", "ences":
            guard word.inR2(n) else { return .none }
            word.replace(n, with: "ent")
        case "ement", "ements":
            guard word.inRV(n) else { return .none }
            word.delete(n)
            if word.ends(with: "iv") {
                if word.inR2(2) {
                    word.delete(2)
                    if word.ends(with: "at"), word.inR2(2) { word.delete(2) }
                }
            } else if word.ends(with: "eus") {
                if word.inR2(3) { word.delete(3) } else if word.inR1(3) { word.replace(3, with: "eux") }
            } else if word.ends(with: "abl") || word.ends(with: "iqU") {
                if word.inR2(3) { word.delete(3) }
            } else if word.ends(with: "ièr") || word.ends(with: "Ièr") {
                if word.inRV(3) { word.replace(3, with: "i") }
            }
        case "ité", "ités":
            guard word.inR2(n) else { return .none }
            word.delete(n)
            if word.ends(with: "abil") {
                deleteInR2(&word, 4, else: "abl")
            } else if word.ends(with: "ic") {
                deleteInR2(&word, 2, else: "iqU")
            } else if word.ends(with: "iv") {
                if word.inR2(2) { word.delete(2) }
            }
        case "if", "ive", "ifs", "ives":
            guard word.inR2(n) else { return .none }
            word.delete(n)
            if word.ends(with: "at"), word.inR2(2) {
                word.delete(2)
                if word.ends(with: "ic") { deleteInR2(&word, 2, else: "iqU") }
            }
        case "eaux":
            word.replace(n, with: "eau")
        case "aux":
            guard word.inR1(n) else { return .none }
            word.replace(n, with: "al")
        case "euse", "euses":
            if word.inR2(n) {
                word.delete(n)
            } else if word.inR1(n) {
                word.replace(n, with: "eux")
            } else {
                return .none
            }
        case "issement", "issements":
            guard word.inR1(n), isNonVowel(word[word.start(of: n) - 1]) else { return .none }
            word.delete(n)
        case "amment":
            if word.inRV(n) { word.replace(n, with: "ant") }
            return .ment
        case "emment":
            if word.inRV(n) { word.replace(n, with: "ent") }
            return .ment
        default:  // ment, ments
            let vowel = word.start(of: n) - 1
            if vowel >= word.rv, isVowel(word[vowel]) { word.delete(n) }
            return .ment
        }
        return .removed
    }

    /// Deletes the last `length` letters when they lie in R2, else replaces them by `replacement`.
    private static func deleteInR2(_ word: inout SnowballWord, _ length: Int, else replacement: String) {
        if word.inR2(length) { word.delete(length) } else { word.replace(length, with: replacement) }
    }

    /// Step 2a: verb endings beginning with i, in RV, after a non-vowel that is in RV too.
    private static func iVerbSuffix(_ word: inout SnowballWord) -> Bool {
        guard let suffix = word.longestSuffix(in: step2a, within: word.rv) else { return false }
        let before = word.start(of: suffix.count) - 1
        guard before >= word.rv, isNonVowel(word[before]) else { return false }
        word.delete(suffix.count)
        return true
    }

    /// Step 2b: other verb endings, in RV.
    private static func verbSuffix(_ word: inout SnowballWord) -> Bool {
        guard let suffix = word.longestSuffix(in: step2b, within: word.rv) else { return false }
        if suffix.text == "ions" {
            guard word.inR2(suffix.count) else { return false }
            word.delete(suffix.count)
        } else if step2bPlain.contains(suffix.text) {
            word.delete(suffix.count)
        } else {
            word.delete(suffix.count)
            if word.ends(with: "e"), word.inRV(1) { word.delete(1) }
        }
        return true
    }

    /// Step 4: a final s (not after a, i, o, u, è or s), then residual endings in RV.
    private static func residualSuffix(_ word: inout SnowballWord) {
        if word.ends(with: "s"), let before = word[word.count - 2], !"aiouès".unicodeScalars.contains(before) {
            word.delete(1)
        }
        guard let suffix = word.longestSuffix(in: step4, within: word.rv) else { return }
        switch suffix.text {
        case "ion":
            let before = word.start(of: 3) - 1
            if word.inR2(3), before >= word.rv, word[before] == "s" || word[before] == "t" { word.delete(3) }
        case "ier", "ière", "Ier", "Ière":
            word.replace(suffix.count, with: "i")
        case "e":
            word.delete(1)
        default:  // ë
            if word.precededBy("gu", before: 1), word.start(of: 3) >= word.rv { word.delete(1) }
        }
    }
}
