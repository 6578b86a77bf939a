import LectorStages
extension CoNLLCorpus {
    /// Posts as they were written: a lone `@` or `#` token is joined to the word after it (the Broad
    /// Twitter Corpus export splits `@name` into `@` and `name` and tags both as one-token entities;
    /// `#` `name` as one entity). Spans that land on the same tokens are kept once. With
    /// `dropMentions`, spans on a `@name` token are removed (Lector does not tag user names).
    public func joiningSigils(dropMentions: Bool) -> CoNLLCorpus {
        CoNLLCorpus(
            documents: documents.map { document in
                Document(
                    sentences: document.sentences.map { Self.joiningSigils($0, dropMentions: dropMentions) },
                    unannotatedTypes: document.unannotatedTypes, weight: document.weight)
            })
    }

    static func joiningSigils(_ sentence: Sentence, dropMentions: Bool) -> Sentence {
        var words: [String] = []
        var newIndex: [Int] = []
        var index = 0
        while index < sentence.words.count {
            let word = sentence.words[index]
            if (word == "@" || word == "#") && index + 1 < sentence.words.count {
                newIndex.append(words.count)
                newIndex.append(words.count)
                words.append(word + sentence.words[index + 1])
                index += 2
            } else {
                newIndex.append(words.count)
                words.append(word)
                index += 1
            }
        }
        var spans: [EntitySpan] = []
        for span in sentence.spans {
            let mapped = EntitySpan(start: newIndex[span.start], end: newIndex[span.end - 1] + 1, label: span.label)
            if dropMentions && (mapped.start..<mapped.end).contains(where: { isMention(words[$0]) }) { continue }
            // `@` B-PER `name` B-PER: both land on `@name`; keep one.
            if let last = spans.last, last.start == mapped.start || mapped.start < last.end { continue }
            spans.append(mapped)
        }
        return Sentence(words: words, spans: spans)
    }

    /// A user name: `@` followed by at least one character.
    public static func isMention(_ word: String) -> Bool { word.utf8.count > 1 && word.utf8.first == 0x40 }
}
