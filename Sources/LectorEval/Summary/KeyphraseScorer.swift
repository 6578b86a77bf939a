import LectorStages

/// Scores ranked key phrases against gold phrases as the key-phrase literature does (evaluation
/// only): each phrase is lower-cased, cut into words (letters and digits, with inner `-` and `'`
/// kept) and every word Porter-stemmed; duplicates after this normalisation are dropped; the first
/// `k` predictions are matched exactly against the whole gold set.
struct KeyphraseScorer {
    private let stemmer = PorterStemmer()

    /// Precision, recall and F1 of one document at one cut-off.
    struct Score {
        var precision: Double
        var recall: Double
        var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    }

    /// The normalised form of a phrase (stemmed words joined by one space; empty if it has no word).
    func normalize(_ phrase: String) -> String {
        var words: [String] = []
        var current: [UInt8] = []
        let bytes = Array(phrase.utf8)
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
                || byte >= 0x80
        }
        func flush() {
            while let last = current.last, last == 0x2D || last == 0x27 { current.removeLast() }
            if !current.isEmpty { words.append(stemmer.stem(String(decoding: current, as: UTF8.self).lowercased())) }
            current.removeAll()
        }
        for (index, byte) in bytes.enumerated() {
            if isWordByte(byte) {
                current.append(byte)
            } else if (byte == 0x2D || byte == 0x27), !current.isEmpty, index + 1 < bytes.count,
                isWordByte(bytes[index + 1])
            {
                current.append(byte)
            } else {
                flush()
            }
        }
        flush()
        return words.joined(separator: " ")
    }

    /// Normalised, de-duplicated phrases, order kept.
    func normalized(_ phrases: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for phrase in phrases {
            let form = normalize(phrase)
            if !form.isEmpty && seen.insert(form).inserted { result.append(form) }
        }
        return result
    }

    /// Score `predicted` (best first) against `gold` at cut-off `k`.
    func score(predicted: [String], gold: [String], k: Int) -> Score {
        let goldSet = Set(normalized(gold))
        let top = normalized(predicted).prefix(k)
        let matches = top.filter(goldSet.contains).count
        return Score(
            precision: top.isEmpty ? 0 : Double(matches) / Double(top.count),
            recall: goldSet.isEmpty ? 0 : Double(matches) / Double(goldSet.count))
    }
}
