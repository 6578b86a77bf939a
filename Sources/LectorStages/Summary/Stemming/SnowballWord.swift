/// A word being stemmed by one of the Snowball algorithms: its letters as Unicode scalars and the
/// regions (R1, R2, RV) the algorithms test suffixes against.
///
/// Regions are start positions in `letters`: a suffix is "in R1" when it starts at or after `r1`.
/// The algorithms only ever change the end of the word, so the positions stay valid as it shrinks.
/// Upper-case letters mark vowels treated as consonants (`U`, `I`, `Y`), as the Snowball
/// descriptions do; words arrive lower-cased, so no real letter is upper-case.
struct SnowballWord {
    var letters: [Unicode.Scalar]
    var r1: Int
    var r2: Int
    var rv: Int

    init(_ word: String) {
        letters = Array(word.unicodeScalars)
        r1 = letters.count
        r2 = letters.count
        rv = letters.count
    }

    var count: Int { letters.count }
    var string: String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: letters)
        return String(result)
    }

    subscript(index: Int) -> Unicode.Scalar? { index >= 0 && index < letters.count ? letters[index] : nil }

    /// Whether the word ends with `suffix`.
    func ends(with suffix: SnowballSuffix) -> Bool {
        suffix.letters.count <= letters.count && letters[(letters.count - suffix.letters.count)...].elementsEqual(suffix.letters)
    }

    func ends(with suffix: String) -> Bool { ends(with: SnowballSuffix(suffix)) }

    /// Whether the text just before the last `length` letters ends with `preceding`.
    func precededBy(_ preceding: String, before length: Int) -> Bool {
        let end = letters.count - length
        let scalars = Array(preceding.unicodeScalars)
        guard end - scalars.count >= 0 else { return false }
        return letters[(end - scalars.count)..<end].elementsEqual(scalars)
    }

    /// The longest suffix of the word among `list` (Snowball's `among`), or nil.
    func longestSuffix(in list: SnowballSuffixList) -> SnowballSuffix? {
        list.suffixes.first { ends(with: $0) }
    }

    /// The longest suffix among `list` that starts at or after `limit` (Snowball's `among` inside
    /// `setlimit`: a longer ending reaching before the region is not seen, so a shorter one may match).
    func longestSuffix(in list: SnowballSuffixList, within limit: Int) -> SnowballSuffix? {
        list.suffixes.first { $0.count <= letters.count - limit && ends(with: $0) }
    }

    /// Start position of a suffix of `length` letters.
    func start(of length: Int) -> Int { letters.count - length }

    /// Whether a suffix of `length` letters lies in R1 / R2 / RV.
    func inR1(_ length: Int) -> Bool { start(of: length) >= r1 }
    func inR2(_ length: Int) -> Bool { start(of: length) >= r2 }
    func inRV(_ length: Int) -> Bool { start(of: length) >= rv }

    mutating func delete(_ length: Int) { letters.removeLast(min(length, letters.count)) }

    mutating func replace(_ length: Int, with replacement: String) {
        delete(length)
        letters.append(contentsOf: replacement.unicodeScalars)
    }

    /// Sets R1 and R2 the standard way: R1 is the region after the first non-vowel that follows a
    /// vowel, R2 the same region within R1.
    mutating func markStandardRegions(isVowel: (Unicode.Scalar) -> Bool) {
        r1 = regionStart(from: 0, isVowel: isVowel)
        r2 = regionStart(from: r1, isVowel: isVowel)
    }

    /// The position after the first non-vowel that follows a vowel, searching from `from`.
    func regionStart(from: Int, isVowel: (Unicode.Scalar) -> Bool) -> Int {
        var index = from
        while index < letters.count && !isVowel(letters[index]) { index += 1 }
        while index < letters.count && isVowel(letters[index]) { index += 1 }
        return index < letters.count ? index + 1 : letters.count
    }

    /// RV as the Spanish, Italian and Portuguese descriptions define it: after the next vowel when the
    /// second letter is a consonant; after the next consonant when the first two letters are vowels;
    /// after the third letter otherwise (consonant then vowel); the end of the word if none is found.
    mutating func markRomanceRV(isVowel: (Unicode.Scalar) -> Bool) {
        rv = letters.count
        guard letters.count >= 2 else { return }
        let firstVowel = isVowel(letters[0])
        let secondVowel = isVowel(letters[1])
        if !secondVowel {
            var index = 2
            while index < letters.count && !isVowel(letters[index]) { index += 1 }
            if index < letters.count { rv = index + 1 }
        } else if firstVowel {
            var index = 2
            while index < letters.count && isVowel(letters[index]) { index += 1 }
            if index < letters.count { rv = index + 1 }
        } else {
            rv = min(3, letters.count)
        }
    }

    /// Marks as consonants (upper case) the letters in `which` that stand between two vowels
    /// (German u and y; Italian and French u and i).
    mutating func markBetweenVowels(_ which: [Unicode.Scalar: Unicode.Scalar], isVowel: (Unicode.Scalar) -> Bool) {
        guard letters.count >= 3 else { return }
        for index in 1..<(letters.count - 1) {
            guard let upper = which[letters[index]], isVowel(letters[index - 1]), isVowel(letters[index + 1])
            else { continue }
            letters[index] = upper
        }
    }

    /// Deletes the first of `endings` the word ends with, if it lies in R2 (Snowball's
    /// `[substring] among(...) (R2 delete)` after a removed suffix). Nothing happens when the word ends
    /// with none of them, or the one it ends with is not in R2.
    mutating func deleteEndingInR2(among endings: [String]) {
        guard let ending = endings.first(where: { ends(with: $0) }) else { return }
        let length = ending.unicodeScalars.count
        if inR2(length) { delete(length) }
    }

    /// Spanish and Italian "-amente" (`length` letters): deleted when in R1, then a preceding "iv" in R2
    /// (and an "at" before it in R2), else the first of `others` in R2. False when not in R1.
    mutating func removeAmente(_ length: Int, others: [String]) -> Bool {
        guard inR1(length) else { return false }
        delete(length)
        if ends(with: "iv") {
            if inR2(2) {
                delete(2)
                if ends(with: "at"), inR2(2) { delete(2) }
            }
        } else {
            deleteEndingInR2(among: others)
        }
        return true
    }

    /// The word without an attached pronoun (Spanish, Italian) when the pronoun follows one of
    /// `hosts` lying in RV; with the host found. Nil when there is none.
    func strippingPronoun(_ pronouns: SnowballSuffixList, hosts: SnowballSuffixList) -> (SnowballWord, SnowballSuffix)? {
        guard let pronoun = longestSuffix(in: pronouns) else { return nil }
        var stripped = self
        stripped.delete(pronoun.count)
        guard let host = stripped.longestSuffix(in: hosts), stripped.inRV(host.count) else { return nil }
        return (stripped, host)
    }

    /// Replaces every `from` letter by `to`.
    mutating func map(_ from: Unicode.Scalar, to: Unicode.Scalar) {
        for index in letters.indices where letters[index] == from { letters[index] = to }
    }
}

/// One suffix of a Snowball `among` list, as scalars.
struct SnowballSuffix: Equatable, Sendable {
    let text: String
    let letters: [Unicode.Scalar]
    init(_ text: String) {
        self.text = text
        letters = Array(text.unicodeScalars)
    }
    var count: Int { letters.count }
}

/// A Snowball `among` list: suffixes sorted longest first, so the first match is the longest.
struct SnowballSuffixList: Sendable {
    let suffixes: [SnowballSuffix]
    init(_ words: [String]) {
        suffixes = words.map(SnowballSuffix.init).sorted { $0.count > $1.count }
    }
    init(_ text: String) { self.init(text.split(separator: " ").map(String.init)) }
}
