import Foundation
import LectorCore

/// The statistics the sentence splitter consults where rules run out: abbreviations, sentence
/// starters and orthographic evidence, learned Punkt-style from unlabelled text by
/// `lector train sentences` and shipped as the resources `Resources/sentences-XX.txt`, one per
/// language (`en`, `de`, `fr`, `es`, `nl`, `it`).
///
/// All words are stored lower-cased, abbreviations without their final period (`u.s`, `inc`).
/// Immutable and `Sendable`; `SentenceModel.english` is loaded once per process.
public struct SentenceModel: Sendable {
    /// Words that take a period without ending a sentence (learned plus hand-written).
    public var abbreviations: Set<String>
    /// Abbreviations that stand before a name and never end a sentence (`mr`, `dr`, `gov`).
    public var titles: Set<String>
    /// Abbreviations that introduce more text (`e.g`, `i.e`, `vs`): never a sentence end.
    public var connectives: Set<String>
    /// Words that often open a sentence (`the`, `but`, `he`).
    public var sentenceStarters: Set<String>
    /// Words seen in lower case mid-sentence and (almost) never capitalised there: a capitalised
    /// occurrence after an abbreviation or initial is evidence of a new sentence.
    public var lowercaseWords: Set<String>

    public init(
        abbreviations: Set<String>, titles: Set<String> = Self.builtinTitles,
        connectives: Set<String> = Self.builtinConnectives, sentenceStarters: Set<String>,
        lowercaseWords: Set<String>
    ) {
        self.abbreviations = abbreviations.union(titles).union(connectives)
        self.titles = titles
        self.connectives = connectives
        self.sentenceStarters = sentenceStarters
        self.lowercaseWords = lowercaseWords
    }

    /// Titles before names: hand-written because their evidence (always followed by a capital) is
    /// exactly what statistics cannot separate from sentence ends.
    public static let builtinTitles: Set<String> = [
        "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "gov", "sen", "rep", "reps", "gen", "lt", "col",
        "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "rev", "hon", "pres", "supt", "insp", "det",
        "fr", "sr", "st", "mt", "ft", "atty", "amb", "brig", "gens", "sens", "govs", "drs", "profs",
    ]

    /// Abbreviations after which the sentence always goes on.
    public static let builtinConnectives: Set<String> = [
        "e.g", "i.e", "cf", "vs", "viz", "approx", "incl", "esp", "resp", "ibid", "et",
    ]

    /// Abbreviations that are abbreviations only before a number (`No. 10`, `p. 5`, `Vol. 2`): the
    /// same words end sentences elsewhere (`he said no.`).
    public static let numberAbbreviations: Set<String> = [
        "no", "nos", "vol", "vols", "p", "pp", "art", "fig", "figs", "sec", "ch", "para", "eq", "ref",
        "tel", "ext", "op", "ca", "c", "nr", "num",
    ]

    /// Abbreviations every English text needs even when the training data is thin.
    public static let builtinAbbreviations: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "tue", "tues", "thu", "thur", "thurs",
        "inc", "corp", "co", "ltd", "llc", "plc", "bros", "dept", "univ", "assn", "ave", "blvd", "rd",
        "etc", "al", "a.m", "p.m", "u.s", "u.k", "u.n", "u.s.a", "d.c", "ph.d", "b.a", "m.a", "b.sc",
        "jr", "esq", "hr", "hrs", "mins", "secs", "lb", "lbs", "oz", "yd", "mi", "km", "kg", "cm", "mm", "mg",
        "ml", "misc", "govt", "intl", "natl", "ala", "ariz", "calif", "colo", "conn", "fla", "kan", "ky",
        "mich", "minn", "mont", "neb", "nev", "okla", "tenn", "tex", "vt", "wis", "wyo", "n.y", "n.j", "n.c",
        "s.c", "n.h", "n.m",
    ]

    /// The model shipped with Lector, loaded once; the built-in lists alone when the resource is missing
    /// (`shipped` says why; the `sentences` stage refuses to start then).
    public static let english: SentenceModel = (try? shipped.get())
        ?? SentenceModel(abbreviations: builtinAbbreviations, sentenceStarters: [], lowercaseWords: [])

    /// The shipped English model, or why it could not be read.
    public static let shipped: Result<SentenceModel, ResourceMissing> = load(language: "en")

    // One `static let` per language: each file is read the first time a document in that language
    // needs it, once per process, and never for languages a run does not meet.
    private static let german = try? load(language: "de").get()
    private static let french = try? load(language: "fr").get()
    private static let spanish = try? load(language: "es").get()
    private static let dutch = try? load(language: "nl").get()
    private static let italian = try? load(language: "it").get()

    /// The shipped model for a document whose `lang` is `code` (`de`, `de-AT`…); nil for English,
    /// unknown languages and languages without a shipped model, which use `english`.
    public static func shipped(forLanguage code: String?) -> SentenceModel? {
        guard let code, code.utf8.count >= 2 else { return nil }
        switch code.prefix(2).lowercased() {
        case "de": return german
        case "fr": return french
        case "es": return spanish
        case "nl": return dutch
        case "it": return italian
        default: return nil
        }
    }

    /// Reads `Resources/sentences-LANG.txt`.
    static func load(language: String) -> Result<SentenceModel, ResourceMissing> {
        let path = "Resources/sentences-\(language).txt"
        do {
            let url = try ResourceLocator.url(path, target: "LectorStages")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                return .failure(ResourceMissing(path: path, searched: [url.path]))
            }
            return .success(SentenceModel(parsing: text, language: language))
        } catch let error as ResourceMissing {
            return .failure(error)
        } catch {
            return .failure(ResourceMissing(path: path, searched: []))
        }
    }

    /// Abbreviations every text in a language needs even when the training data is thin (English:
    /// `builtinAbbreviations`).
    public static func builtinAbbreviations(language: String) -> Set<String> {
        switch language.prefix(2).lowercased() {
        case "de":
            return [
                "nr", "bzw", "z.b", "u.a", "usw", "ca", "vgl", "str", "jh", "jhd", "mio", "mrd", "tsd", "abs", "bsp",
                "evtl", "ggf", "inkl", "sog", "d.h", "o.ä", "u.ä", "z.t", "s.o", "s.u", "v.a", "hrsg", "geb", "gest",
                "dr", "prof", "hr", "fr", "st", "jan", "feb", "apr", "aug", "sept", "okt", "nov", "dez", "tel",
            ]
        case "fr":
            return [
                "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "av", "bd", "env", "etc", "cf", "ex",
                "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "tél", "hab", "art",
            ]
        case "es":
            return [
                "sr", "sra", "srta", "dr", "dra", "dña", "ud", "uds", "av", "avda", "etc", "pág", "núm", "art", "ej",
                "aprox", "ene", "feb", "abr", "ago", "sept", "oct", "nov", "dic", "tel", "s.a", "ee.uu",
            ]
        case "nl":
            return [
                "dhr", "mevr", "mw", "dr", "drs", "ir", "prof", "mr", "ing", "bijv", "b.v", "n.v", "o.a", "m.a.w",
                "i.p.v", "t.o.v", "d.w.z", "enz", "etc", "nr", "blz", "ca", "jan", "feb", "apr", "aug", "sept", "okt",
                "nov", "dec", "st", "tel",
            ]
        case "it":
            return [
                "sig", "sigg", "sig.ra", "dott", "dott.ssa", "prof", "ing", "avv", "on", "sen", "geom", "rag", "ecc",
                "pag", "art", "gen", "feb", "apr", "giu", "lug", "ago", "sett", "ott", "nov", "dic", "tel", "s.p.a",
                "p.es",
            ]
        default:
            return builtinAbbreviations
        }
    }

    /// Parse the resource format: `[section]` headers, one lower-cased word per line, `#` comments.
    /// `language` chooses the built-in abbreviations added to the learned ones.
    public init(parsing text: String, language: String = "en") {
        var sections: [String: Set<String>] = [:]
        var current = ""
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast())
                continue
            }
            sections[current, default: []].insert(line)
        }
        self.init(
            abbreviations: Self.builtinAbbreviations(language: language).union(sections["abbreviations"] ?? []),
            sentenceStarters: sections["sentence-starters"] ?? [],
            lowercaseWords: sections["lowercase-words"] ?? [])
    }

    /// The resource text for this model (sections sorted, so rebuilding is deterministic).
    public func serialized(header: [String]) -> String {
        var lines = header.map { "# \($0)" }
        func section(_ name: String, _ words: Set<String>) {
            lines.append("[\(name)]")
            lines.append(contentsOf: words.sorted())
        }
        section("abbreviations", abbreviations.subtracting(titles).subtracting(connectives))
        section("sentence-starters", sentenceStarters)
        section("lowercase-words", lowercaseWords)
        return lines.joined(separator: "\n") + "\n"
    }
}
