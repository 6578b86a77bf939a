/// The Snowball Italian stemmer, written from the published description of the algorithm.
///
/// Works on a lower-cased word (Unicode scalars); acute accents become grave first.
enum ItalianStemmer {
    private static func isVowel(_ c: Unicode.Scalar) -> Bool { "aeiouàèìòù".unicodeScalars.contains(c) }

    private static let pronouns = SnowballSuffixList(
        "ci gli la le li lo mi ne si ti vi sene gliela gliele glieli glielo gliene mela mele meli melo mene tela tele "
            + "teli telo tene cela cele celi celo cene vela vele veli velo vene")
    private static let pronounHosts = SnowballSuffixList("ando endo ar er ir")
    private static let step1 = SnowballSuffixList(
        "anza anze ico ici ica ice iche ichi ismo ismi abile abili ibile ibili ista iste isti istà istè istì oso osi "
            + "osa ose mente atrice atrici ante anti azione azioni atore atori logia logie uzione uzioni usione "
            + "usioni enza enze amento amenti imento imenti amente ità ivo ivi iva ive")
    private static let step2 = SnowballSuffixList(
        "ammo ando ano are arono asse assero assi assimo ata ate ati ato ava avamo avano avate avi avo emmo enda "
            + "ende endi endo erà erai eranno ere erebbe erebbero erei eremmo eremo ereste eresti erete erò erono "
            + "essero ete eva evamo evano evate evi evo iamo immo irà irai iranno ire irebbe irebbero irei iremmo "
            + "iremo ireste iresti irete irò irono isca iscano isce isci isco iscono issero ita ite iti ito iva ivamo "
            + "ivano ivate ivi ivo ono uta ute uti uto ar ir")
    private static let graves: [Unicode.Scalar: Unicode.Scalar] = ["á": "à", "é": "è", "í": "ì", "ó": "ò", "ú": "ù"]

    static func stem(_ input: String) -> String {
        var word = SnowballWord(input)
        for index in word.letters.indices {
            if let grave = graves[word.letters[index]] { word.letters[index] = grave }
            if word.letters[index] == "u", index > 0, word.letters[index - 1] == "q" { word.letters[index] = "U" }
        }
        // u and i between vowels are consonants.
        word.markBetweenVowels(["u": "U", "i": "I"], isVowel: isVowel)
        word.markRomanceRV(isVowel: isVowel)
        word.markStandardRegions(isVowel: isVowel)
        attachedPronoun(&word)
        if !standardSuffix(&word), let suffix = word.longestSuffix(in: step2, within: word.rv) {
            word.delete(suffix.count)
        }
        // Step 3a: a final vowel in RV, and an i before it in RV.
        if let last = word.letters.last, "aeioàèìò".unicodeScalars.contains(last), word.inRV(1) {
            word.delete(1)
            if word.ends(with: "i"), word.inRV(1) { word.delete(1) }
        }
        // Step 3b: final ch / gh in RV become c / g.
        if word.ends(with: "ch") || word.ends(with: "gh"), word.inRV(2) { word.delete(1) }
        word.map("I", to: "i")
        word.map("U", to: "u")
        return word.string
    }

    /// Step 0: a pronoun attached to a gerund (deleted) or an infinitive (replaced by e) in RV.
    private static func attachedPronoun(_ word: inout SnowballWord) {
        guard let (found, host) = word.strippingPronoun(pronouns, hosts: pronounHosts) else { return }
        var stripped = found
        if host.text == "ar" || host.text == "er" || host.text == "ir" { stripped.letters.append("e") }
        word = stripped
    }

    /// Step 1; true when a suffix was removed.
    private static func standardSuffix(_ word: inout SnowballWord) -> Bool {
        guard let suffix = word.longestSuffix(in: step1) else { return false }
        let n = suffix.count
        switch suffix.text {
        case "amento", "amenti", "imento", "imenti":
            guard word.inRV(n) else { return false }
            word.delete(n)
        case "amente":
            return word.removeAmente(n, others: ["abil", "os", "ic"])
        case "azione", "azioni", "atore", "atori":
            guard word.inR2(n) else { return false }
            word.delete(n)
            if word.ends(with: "ic"), word.inR2(2) { word.delete(2) }
        case "logia", "logie":
            guard word.inR2(n) else { return false }
            word.replace(n, with: "log")
        case "uzione", "uzioni", "usione", "usioni":
            guard word.inR2(n) else { return false }
            word.replace(n, with: "u")
        case "enza", "enze":
            guard word.inR2(n) else { return false }
            word.replace(n, with: "ente")
        case "ità":
            guard word.inR2(n) else { return false }
            word.delete(n)
            word.deleteEndingInR2(among: ["abil", "ic", "iv"])
        case "ivo", "ivi", "iva", "ive":
            guard word.inR2(n) else { return false }
            word.delete(n)
            if word.ends(with: "at"), word.inR2(2) {
                word.delete(2)
                if word.ends(with: "ic"), word.inR2(2) { word.delete(2) }
            }
        default:
            guard word.inR2(n) else { return false }
            word.delete(n)
        }
        return true
    }
}
