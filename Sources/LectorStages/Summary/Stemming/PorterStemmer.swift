/// The Porter stemmer in the variant NLTK calls `NLTK_EXTENSIONS` (its default), which is the one
/// Google's `rouge-score` uses: ROUGE figures only match that scorer when the stems match too.
///
/// Works on lower-case ASCII bytes (`a`–`z`, digits count as consonants); other bytes are left alone.
/// Stateless and `Sendable`: one value may be shared by every lane.
public struct PorterStemmer: Sendable {
    public init() {}

    /// The stem of a lower-case word.
    public func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        let stemmed = stem(bytes)
        return stemmed == bytes ? word : String(decoding: stemmed, as: UTF8.self)
    }

    /// The stem of a lower-case word given as UTF-8 bytes.
    public func stem(_ word: [UInt8]) -> [UInt8] {
        if let irregular = Self.irregular[word] { return irregular }
        if word.count <= 2 { return word }
        var w = word
        step1a(&w)
        step1b(&w)
        step1c(&w)
        step2(&w)
        step3(&w)
        step4(&w)
        step5a(&w)
        step5b(&w)
        return w
    }

    // MARK: - Letters and measure

    private static let irregular: [[UInt8]: [UInt8]] = {
        let forms: [String: [String]] = [
            "sky": ["sky", "skies"], "die": ["dying"], "lie": ["lying"], "tie": ["tying"], "news": ["news"],
            "inning": ["innings", "inning"], "outing": ["outings", "outing"], "canning": ["cannings", "canning"],
            "howe": ["howe"], "proceed": ["proceed"], "exceed": ["exceed"], "succeed": ["succeed"],
        ]
        var table: [[UInt8]: [UInt8]] = [:]
        for (key, values) in forms {
            for value in values { table[Array(value.utf8)] = Array(key.utf8) }
        }
        return table
    }()

    private static func isVowelLetter(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75
    }

    /// Porter's consonant: not a vowel, and `y` only when it follows a vowel or starts the word.
    private func isConsonant(_ w: ArraySlice<UInt8>, _ i: Int) -> Bool {
        var index = i
        var flip = false
        // `y` after a consonant is a vowel; after a vowel it is a consonant: walk back over runs of y.
        while true {
            let byte = w[index]
            if Self.isVowelLetter(byte) { return flip }
            if byte != 0x79 || index == w.startIndex { return !flip }
            flip.toggle()
            index -= 1
        }
    }

    /// m in [C](VC)^m[V].
    private func measure(_ w: ArraySlice<UInt8>) -> Int {
        var count = 0
        var previousVowel = false
        for i in w.indices {
            let consonant = isConsonant(w, i)
            if consonant && previousVowel { count += 1 }
            previousVowel = !consonant
        }
        return count
    }

    private func containsVowel(_ w: ArraySlice<UInt8>) -> Bool {
        w.indices.contains { !isConsonant(w, $0) }
    }

    private func endsDoubleConsonant(_ w: ArraySlice<UInt8>) -> Bool {
        guard w.count >= 2 else { return false }
        let last = w.endIndex - 1
        return w[last] == w[last - 1] && isConsonant(w, last)
    }

    private func endsCVC(_ w: ArraySlice<UInt8>) -> Bool {
        let n = w.count
        let s = w.startIndex
        if n >= 3 {
            let last = w[s + n - 1]
            if isConsonant(w, s + n - 3) && !isConsonant(w, s + n - 2) && isConsonant(w, s + n - 1)
                && last != 0x77 && last != 0x78 && last != 0x79
            {
                return true
            }
        }
        return n == 2 && !isConsonant(w, s) && isConsonant(w, s + 1)
    }

    private func ends(_ w: [UInt8], _ suffix: [UInt8]) -> Bool {
        w.count >= suffix.count && w[(w.count - suffix.count)...].elementsEqual(suffix)
    }

    /// The word without `length` final bytes.
    private func head(_ w: [UInt8], dropping length: Int) -> ArraySlice<UInt8> { w[0..<(w.count - length)] }

    private enum Condition {
        case none
        case positiveMeasure
        case measureAbove1
        case measureAbove1EndingST
        /// `logi`: the measure of the word without its last three letters.
        case logi
        /// `ll`: the measure of the word without its last letter.
        case doubleL
    }

    private struct Rule {
        var suffix: [UInt8]
        var replacement: [UInt8]
        var condition: Condition
        init(_ suffix: String, _ replacement: String, _ condition: Condition) {
            self.suffix = Array(suffix.utf8)
            self.replacement = Array(replacement.utf8)
            self.condition = condition
        }
    }

    private func holds(_ condition: Condition, stem: ArraySlice<UInt8>, word: [UInt8]) -> Bool {
        switch condition {
        case .none: return true
        case .positiveMeasure: return measure(stem) > 0
        case .measureAbove1: return measure(stem) > 1
        case .measureAbove1EndingST:
            guard let last = stem.last else { return false }
            return measure(stem) > 1 && (last == 0x73 || last == 0x74)
        case .logi: return word.count >= 3 && measure(word[0..<(word.count - 3)]) > 0
        case .doubleL: return measure(word[0..<(word.count - 1)]) > 1
        }
    }

    /// The first rule whose suffix matches decides: applied if its condition holds, else the word stays.
    private func apply(_ rules: [Rule], to w: inout [UInt8]) {
        for rule in rules where ends(w, rule.suffix) {
            let stem = head(w, dropping: rule.suffix.count)
            if holds(rule.condition, stem: stem, word: w) { w = Array(stem) + rule.replacement }
            return
        }
    }

    // MARK: - Steps

    private static let step1aRules = [
        Rule("sses", "ss", .none), Rule("ies", "i", .none), Rule("ss", "ss", .none), Rule("s", "", .none),
    ]

    private func step1a(_ w: inout [UInt8]) {
        if w.count == 4 && ends(w, Array("ies".utf8)) {
            w = Array(head(w, dropping: 3)) + Array("ie".utf8)
            return
        }
        apply(Self.step1aRules, to: &w)
    }

    private func step1b(_ w: inout [UInt8]) {
        if ends(w, Array("ied".utf8)) {
            w = Array(head(w, dropping: 3)) + Array((w.count == 4 ? "ie" : "i").utf8)
            return
        }
        if ends(w, Array("eed".utf8)) {
            let stem = head(w, dropping: 3)
            if measure(stem) > 0 { w = Array(stem) + Array("ee".utf8) }
            return
        }
        var intermediate: [UInt8]?
        for suffix in ["ed", "ing"] where ends(w, Array(suffix.utf8)) {
            let stem = head(w, dropping: suffix.utf8.count)
            if containsVowel(stem) {
                intermediate = Array(stem)
                break
            }
        }
        guard var stem = intermediate else { return }
        defer { w = stem }
        if ends(stem, Array("at".utf8)) || ends(stem, Array("bl".utf8)) || ends(stem, Array("iz".utf8)) {
            stem.append(0x65)
            return
        }
        if endsDoubleConsonant(stem[...]) {
            let last = stem[stem.count - 1]
            if last != 0x6C && last != 0x73 && last != 0x7A { stem.removeLast() }
            return
        }
        if measure(stem[...]) == 1 && endsCVC(stem[...]) { stem.append(0x65) }
    }

    private func step1c(_ w: inout [UInt8]) {
        guard w.last == 0x79 else { return }
        let stem = head(w, dropping: 1)
        if stem.count > 1 && isConsonant(stem, stem.endIndex - 1) { w[w.count - 1] = 0x69 }
    }

    private static let step2Rules: [Rule] = [
        Rule("ational", "ate", .positiveMeasure), Rule("tional", "tion", .positiveMeasure),
        Rule("enci", "ence", .positiveMeasure), Rule("anci", "ance", .positiveMeasure),
        Rule("izer", "ize", .positiveMeasure), Rule("bli", "ble", .positiveMeasure),
        Rule("alli", "al", .positiveMeasure), Rule("entli", "ent", .positiveMeasure),
        Rule("eli", "e", .positiveMeasure), Rule("ousli", "ous", .positiveMeasure),
        Rule("ization", "ize", .positiveMeasure), Rule("ation", "ate", .positiveMeasure),
        Rule("ator", "ate", .positiveMeasure), Rule("alism", "al", .positiveMeasure),
        Rule("iveness", "ive", .positiveMeasure), Rule("fulness", "ful", .positiveMeasure),
        Rule("ousness", "ous", .positiveMeasure), Rule("aliti", "al", .positiveMeasure),
        Rule("iviti", "ive", .positiveMeasure), Rule("biliti", "ble", .positiveMeasure),
        Rule("fulli", "ful", .positiveMeasure), Rule("logi", "log", .logi),
    ]

    private func step2(_ w: inout [UInt8]) {
        // NLTK applies ALLI -> AL first and, when it fires, runs step 2 again on the result.
        if ends(w, Array("alli".utf8)) && measure(head(w, dropping: 4)) > 0 {
            w = Array(head(w, dropping: 4)) + Array("al".utf8)
            step2(&w)
            return
        }
        apply(Self.step2Rules, to: &w)
    }

    private static let step3Rules: [Rule] = [
        Rule("icate", "ic", .positiveMeasure), Rule("ative", "", .positiveMeasure),
        Rule("alize", "al", .positiveMeasure), Rule("iciti", "ic", .positiveMeasure),
        Rule("ical", "ic", .positiveMeasure), Rule("ful", "", .positiveMeasure), Rule("ness", "", .positiveMeasure),
    ]

    private func step3(_ w: inout [UInt8]) { apply(Self.step3Rules, to: &w) }

    private static let step4Rules: [Rule] = [
        Rule("al", "", .measureAbove1), Rule("ance", "", .measureAbove1), Rule("ence", "", .measureAbove1),
        Rule("er", "", .measureAbove1), Rule("ic", "", .measureAbove1), Rule("able", "", .measureAbove1),
        Rule("ible", "", .measureAbove1), Rule("ant", "", .measureAbove1), Rule("ement", "", .measureAbove1),
        Rule("ment", "", .measureAbove1), Rule("ent", "", .measureAbove1), Rule("ion", "", .measureAbove1EndingST),
        Rule("ou", "", .measureAbove1), Rule("ism", "", .measureAbove1), Rule("ate", "", .measureAbove1),
        Rule("iti", "", .measureAbove1), Rule("ous", "", .measureAbove1), Rule("ive", "", .measureAbove1),
        Rule("ize", "", .measureAbove1),
    ]

    private func step4(_ w: inout [UInt8]) { apply(Self.step4Rules, to: &w) }

    private func step5a(_ w: inout [UInt8]) {
        guard w.last == 0x65 else { return }
        let stem = head(w, dropping: 1)
        let m = measure(stem)
        if m > 1 || (m == 1 && !endsCVC(stem)) { w.removeLast() }
    }

    private static let step5bRules = [Rule("ll", "l", .doubleL)]

    private func step5b(_ w: inout [UInt8]) { apply(Self.step5bRules, to: &w) }
}
