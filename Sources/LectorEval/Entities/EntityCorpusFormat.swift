import Foundation
import LectorStages

/// How to read one gold entity corpus so that its spans use Lector's types (PER, ORG, LOC, MISC).
///
/// - `conll`: CoNLL columns with Lector's types (CoNLL-2003, wikigold).
/// - `wnut`: WNUT-17 (person, location, corporation/group, product/creative-work → PER, LOC, ORG, MISC);
///   every post its own document; MISC covers only products and works there, so other MISC is
///   unannotated.
/// - `btc`: the Broad Twitter Corpus (PER, ORG, LOC; no MISC); every tweet is a document; `@` and `#`
///   are joined to the following word as posted.
/// - `gum`: GUM CoNLL-U; named person, place and organization mentions (no MISC).
/// - `plo`: CoNLL columns annotating PER, ORG and LOC only (Europeana newspapers, KIND, WikiANN): MISC is
///   unannotated there.
/// - `germeval`: GermEval 2014 outer spans: PER, ORG, LOC kept, OTH read as MISC, every `deriv` and
///   `part` type (`LOCderiv` for "deutsche", `ORGpart` for "EU-Staaten") dropped.
///
/// User names (`@name`) are not entities for Lector: `dropMentions` removes their gold spans (for
/// training and for the "no mentions" score).
public enum EntityCorpusFormat: String, CaseIterable, Sendable {
    case conll, wnut, btc, gum, plo, germeval

    /// The types a corpus of this format annotates.
    public var labels: Set<String> {
        switch self {
        case .conll, .wnut, .germeval: ["PER", "ORG", "LOC", "MISC"]
        case .btc, .gum, .plo: ["PER", "ORG", "LOC"]
        }
    }

    /// Read `url` in this format.
    public func read(_ url: URL, dropMentions: Bool) throws -> CoNLLCorpus {
        switch self {
        case .conll:
            return try CoNLLCorpus(contentsOf: url)
        case .wnut:
            return try CoNLLCorpus(contentsOf: url, labelMap: CoNLLCorpus.wnutLabelMap).sentencesAsDocuments
                .joiningSigils(dropMentions: dropMentions).withUnannotatedTypes(["MISC"])
        case .btc:
            return try CoNLLCorpus(contentsOf: url).joiningSigils(dropMentions: dropMentions)
                .withUnannotatedTypes(["MISC"])
        case .plo:
            return try CoNLLCorpus(contentsOf: url, labelMap: ["MISC": ""]).withUnannotatedTypes(["MISC"])
        case .germeval:
            return try CoNLLCorpus(contentsOf: url, labelMap: CoNLLCorpus.germevalLabelMap)
        case .gum:
            let data = try Data(contentsOf: url)
            return CoNLLCorpus(gumText: String(decoding: data, as: UTF8.self)).withUnannotatedTypes(["MISC"])
        }
    }

    /// `path` or `path:format` (a known format name after the last colon); the format defaults to
    /// `conll`, or `gum` for `.conllu` files.
    public static func parse(_ argument: String) -> (path: String, format: EntityCorpusFormat) {
        if let colon = argument.lastIndex(of: ":"),
            let format = EntityCorpusFormat(rawValue: String(argument[argument.index(after: colon)...]))
        {
            return (String(argument[..<colon]), format)
        }
        return (argument, argument.hasSuffix(".conllu") ? .gum : .conll)
    }
}
