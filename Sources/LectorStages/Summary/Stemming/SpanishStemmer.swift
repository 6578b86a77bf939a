/// The Snowball Spanish stemmer, written from the published description of the algorithm.
///
/// Works on a lower-cased word (Unicode scalars); acute accents are removed at the end. As in NLTK's
/// version, "-acion" and "-ucion" written without their accent count as "-ación" and "-ución".
enum SpanishStemmer {
    private static func isVowel(_ c: Unicode.Scalar) -> Bool { "aeiouáéíóúü".unicodeScalars.contains(c) }

    private static let pronouns = SnowballSuffixList("me se sela selo selas selos la le lo las les los nos")
    private static let pronounHosts = SnowballSuffixList("iéndo ándo ár ér ír ando iendo ar er ir yendo")
    private static let step1 = SnowballSuffixList(
        "anza anzas ico ica icos icas ismo ismos able ables ible ibles ista istas oso osa osos osas amiento amientos "
            + "imiento imientos adora ador ación acion adoras adores aciones ante antes ancia ancias logía logías "
            + "ución ucion uciones encia encias amente mente idad idades iva ivo ivas ivos")
    private static let step2a = SnowballSuffixList("ya ye yan yen yeron yendo yo yó yas yes yais yamos")
    private static let step2b = SnowballSuffixList(
        "en es éis emos arían arías arán arás aríais aría aréis aríamos aremos ará aré erían erías erán erás eríais "
            + "ería eréis eríamos eremos erá eré irían irías irán irás iríais iría iréis iríamos iremos irá iré aba "
            + "ada ida ía ara iera ad ed id ase iese aste iste an aban ían aran ieran asen iesen aron ieron ado ido "
            + "ando iendo ió ar er ir as abas adas idas ías aras ieras ases ieses ís áis abais íais arais ierais "
            + "aseis ieseis asteis isteis ados idos amos ábamos íamos imos áramos iéramos iésemos ásemos")
    private static let step3 = SnowballSuffixList("os a o á í ó e é")
    private static let unaccented: [Unicode.Scalar: Unicode.Scalar] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u"]

    static func stem(_ input: String) -> String {
        var word = SnowballWord(input)
        word.markRomanceRV(isVowel: isVowel)
        word.markStandardRegions(isVowel: isVowel)
        attachedPronoun(&word)
        if !standardSuffix(&word) && !yVerbSuffix(&word) { verbSuffix(&word) }
        if let suffix = word.longestSuffix(in: step3), word.inRV(suffix.count) {
            word.delete(suffix.count)
            if suffix.text == "e" || suffix.text == "é", word.ends(with: "u"), word.inRV(1),
                word.precededBy("g", before: 1)
            {
                word.delete(1)
            }
        }
        for index in word.letters.indices { if let plain = unaccented[word.letters[index]] { word.letters[index] = plain } }
        return word.string
    }

    /// Step 0: an object pronoun attached to an infinitive or gerund in RV ("dándole" → "dando").
    private static func attachedPronoun(_ word: inout SnowballWord) {
        guard let (found, host) = word.strippingPronoun(pronouns, hosts: pronounHosts) else { return }
        var stripped = found
        switch host.text {
        case "iéndo": stripped.replace(host.count, with: "iendo")
        case "ándo": stripped.replace(host.count, with: "ando")
        case "ár": stripped.replace(host.count, with: "ar")
        case "ér": stripped.replace(host.count, with: "er")
        case "ír": stripped.replace(host.count, with: "ir")
        case "yendo": guard stripped.precededBy("u", before: host.count) else { return }
        default: break
        }
        word = stripped
    }

    /// Step 1; true when a suffix was removed.
    private static func standardSuffix(_ word: inout SnowballWord) -> Bool {
        guard let suffix = word.longestSuffix(in: step1) else { return false }
        let n = suffix.count
        switch suffix.text {
        case "amente":
            return word.removeAmente(n, others: ["os", "ic", "ad"])
        default:
            break
        }
        guard word.inR2(n) else { return false }
        switch suffix.text {
        case "adora", "ador", "ación", "acion", "adoras", "adores", "aciones", "ante", "antes", "ancia", "ancias":
            word.delete(n)
            if word.ends(with: "ic"), word.inR2(2) { word.delete(2) }
        case "logía", "logías":
            word.replace(n, with: "log")
        case "ución", "ucion", "uciones":
            word.replace(n, with: "u")
        case "encia", "encias":
            word.replace(n, with: "ente")
        case "mente":
            word.delete(n)
            word.deleteEndingInR2(among: ["ante", "able", "ible"])
        case "idad", "idades":
            word.delete(n)
            word.deleteEndingInR2(among: ["abil", "ic", "iv"])
        case "iva", "ivo", "ivas", "ivos":
            word.delete(n)
            if word.ends(with: "at"), word.inR2(2) { word.delete(2) }
        default:
            word.delete(n)
        }
        return true
    }

    /// Step 2a: verb endings beginning with y, in RV, after u.
    private static func yVerbSuffix(_ word: inout SnowballWord) -> Bool {
        guard let suffix = word.longestSuffix(in: step2a, within: word.rv),
            word.precededBy("u", before: suffix.count)
        else { return false }
        word.delete(suffix.count)
        return true
    }

    /// Step 2b: other verb endings, in RV.
    private static func verbSuffix(_ word: inout SnowballWord) {
        guard let suffix = word.longestSuffix(in: step2b, within: word.rv) else { return }
        word.delete(suffix.count)
        if ["en", "es", "éis", "emos"].contains(suffix.text), word.ends(with: "gu") { word.delete(1) }
    }
}
