import LectorCore
import LectorStages

/// Named-entity gold data derived from GUM's CoNLL-U files (Georgetown University Multilayer corpus:
/// wiki, news, interviews, fiction, academic writing, how-to guides and more), whose `Entity=` MISC
/// annotations mark every mention with its type. This gives the recogniser a check on other domains.
///
/// GUM marks all mentions, common nouns included, with the whole noun phrase. To approximate CoNLL's
/// named spans, a mention of type `person`, `place` or `organization` becomes PER, LOC or ORG when it
/// holds a proper noun (UPOS `PROPN`); its span starts at the first proper noun (or the capitalised
/// adjectives, nouns, verbs and numbers just before it) and runs over the following proper nouns and the joining words between them (`of`, `the`, `and`, `for`, `de`, `&`,
/// `van`, `von`, `der`). Overlapping candidates keep the longest. GUM has no MISC counterpart, so
/// scores on it cover PER, LOC and ORG only. The conversion is approximate (titles tagged `PROPN`
/// stay in a span, for one), so the figures are for comparing models, not for comparing with CoNLL.
extension CoNLLCorpus {
    /// The GUM mention types kept, with their CoNLL labels.
    public static let gumLabelMap = ["person": "PER", "place": "LOC", "organization": "ORG"]

    /// Parse GUM CoNLL-U text (`# newdoc` lines separate documents).
    public init(gumText text: String) {
        var documents: [Document] = []
        var sentences: [Sentence] = []
        var tokens: [(form: String, upos: Substring, entity: Substring)] = []
        func endSentence() {
            if !tokens.isEmpty { sentences.append(Self.gumSentence(tokens)) }
            tokens = []
        }
        func endDocument() {
            endSentence()
            if !sentences.isEmpty { documents.append(Document(sentences: sentences)) }
            sentences = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# newdoc") {
                endDocument()
                continue
            }
            if line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 10 else {
                endSentence()
                continue
            }
            // Multiword ranges (`3-4`) and empty nodes (`5.1`) are not surface tokens.
            if columns[0].contains("-") || columns[0].contains(".") { continue }
            let entity = columns[9].split(separator: "|").first { $0.hasPrefix("Entity=") }?.dropFirst(7) ?? ""
            tokens.append((String(columns[1]), columns[3], entity))
        }
        endDocument()
        self.init(documents: documents)
    }

    /// Parts of speech that a capitalised word before a proper noun may have and still be in the name.
    private static let nameParts: Set<Substring> = ["ADJ", "NOUN", "VERB", "NUM"]

    private static let joiningWords: Set<String> = ["of", "the", "and", "for", "de", "&", "van", "von", "der"]

    /// One sentence's named spans from its tokens' `Entity=` values.
    private static func gumSentence(_ tokens: [(form: String, upos: Substring, entity: Substring)]) -> Sentence {
        var open: [(id: Substring, start: Int, type: Substring)] = []
        var mentions: [(start: Int, end: Int, type: Substring)] = []
        for (index, token) in tokens.enumerated() {
            var rest = token.entity[...]
            while let first = rest.first {
                if first == "(" {
                    // `(id-type-…` opens a mention; `(id-type-…)` is a one-token mention.
                    let body = rest.dropFirst().prefix { $0 != "(" && $0 != ")" }
                    let fields = body.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
                    let type = fields.count > 1 ? fields[1] : ""
                    rest = rest.dropFirst(1 + body.count)
                    if rest.first == ")" {
                        mentions.append((index, index + 1, type))
                        rest = rest.dropFirst()
                    } else {
                        open.append((fields.first ?? "", index, type))
                    }
                } else if first.isNumber {
                    // `id)` closes the innermost open mention with that id.
                    let id = rest.prefix { $0.isNumber }
                    rest = rest.dropFirst(id.count + 1)
                    if let at = open.lastIndex(where: { $0.id == id }) {
                        let mention = open.remove(at: at)
                        mentions.append((mention.start, index + 1, mention.type))
                    }
                } else {
                    rest = rest.dropFirst()
                }
            }
        }
        var candidates: [EntitySpan] = []
        for mention in mentions {
            guard let label = gumLabelMap[String(mention.type)],
                var start = (mention.start..<mention.end).first(where: { tokens[$0].upos == "PROPN" })
            else { continue }
            // Capitalised content words just before it belong to the name ("United" in "the United
            // States" is not always tagged PROPN); determiners and prepositions do not.
            while start > mention.start, tokens[start - 1].form.first?.isUppercase == true,
                Self.nameParts.contains(tokens[start - 1].upos)
            {
                start -= 1
            }
            var end = start + 1
            var next = start + 1
            while next < mention.end {
                if tokens[next].upos == "PROPN" {
                    end = next + 1
                } else if !joiningWords.contains(tokens[next].form) {
                    break
                }
                next += 1
            }
            candidates.append(EntitySpan(start: start, end: end, label: label))
        }
        var taken = [Bool](repeating: false, count: tokens.count)
        var spans: [EntitySpan] = []
        for span in candidates.sorted(by: { ($0.end - $0.start, $1.start) > ($1.end - $1.start, $0.start) }) {
            guard !taken[span.start..<span.end].contains(true) else { continue }
            for index in span.start..<span.end { taken[index] = true }
            spans.append(span)
        }
        return Sentence(words: tokens.map(\.form), spans: spans.sorted())
    }
}
