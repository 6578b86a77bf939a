import LectorCore

/// Finds a document's key phrases: runs of up to `maxWords` content words (no stop words, no bare
/// numbers, never across punctuation), scored from the TF-IDF of their words, how often the phrase
/// occurs and how early it first appears; near-duplicates (phrases sharing most stems with a better
/// one) are dropped.
///
/// Scores are relative (the best phrase has 1). Linear in the document's length.
struct KeyphraseExtractor: Sendable {
    var count: Int
    var maxWords: Int

    /// One chosen phrase.
    struct Phrase {
        var range: TextRange
        var label: String
        var text: String
        var score: Double
    }

    private struct Candidate {
        var firstRange: TextRange
        var firstWord: Int
        var words: [String]
        var stems: [String]
        var occurrences: Int
        var capitalizedOccurrences: Int
    }

    func extract(_ document: Document, weighting: SentenceVectors.Weighting) -> [Phrase] {
        let sentences = document.annotations(.sentence)
        let ranges = sentences.isEmpty ? [TextRange(start: 0, end: document.text.utf8.count)] : sentences.map(\.range)
        let sentenceWords = WordScanner.words(in: ranges, of: document)
        let stemmer = PorterStemmer()
        var stemOf: [String: String] = [:]
        var termFrequency: [String: Int] = [:]
        var totalWords = 0
        for words in sentenceWords {
            for word in words where isContent(word.key) {
                let stem: String
                if let known = stemOf[word.key] {
                    stem = known
                } else {
                    stem = weighting.stem(word.key, stemmer: stemmer)
                    stemOf[word.key] = stem
                }
                termFrequency[stem, default: 0] += 1
            }
            totalWords += words.count
        }
        guard totalWords > 0 else { return [] }

        var candidates: [String: Candidate] = [:]
        var order: [String] = []
        var text = document.text
        text.withUTF8 { bytes in
            var wordIndex = 0
            for words in sentenceWords {
                var run: [WordScanner.Word] = []
                func flushRun() {
                    guard !run.isEmpty else { return }
                    for length in 1...min(maxWords, run.count) {
                        for start in 0...(run.count - length) {
                            let slice = run[start..<(start + length)]
                            let keys = slice.map(\.key)
                            let key = keys.joined(separator: " ")
                            let capitalized = slice.allSatisfy(\.capitalized)
                            if var existing = candidates[key] {
                                existing.occurrences += 1
                                if capitalized { existing.capitalizedOccurrences += 1 }
                                candidates[key] = existing
                            } else {
                                let first = slice[slice.startIndex]
                                let last = slice[slice.endIndex - 1]
                                candidates[key] = Candidate(
                                    firstRange: TextRange(start: first.start, end: last.end),
                                    firstWord: wordIndex, words: keys,
                                    stems: keys.map { stemOf[$0] ?? $0 }, occurrences: 1,
                                    capitalizedOccurrences: capitalized ? 1 : 0)
                                order.append(key)
                            }
                        }
                    }
                    run.removeAll(keepingCapacity: true)
                }
                var previousEnd = -1
                for word in words {
                    // Punctuation other than a hyphen or an apostrophe between two words breaks a phrase.
                    if previousEnd >= 0 && !Self.joins(bytes, from: previousEnd, to: word.start) { flushRun() }
                    if isContent(word.key) {
                        run.append(word)
                    } else {
                        flushRun()
                    }
                    previousEnd = word.end
                    wordIndex += 1
                }
                flushRun()
            }
        }

        let total = Double(totalWords)
        var scored: [(key: String, score: Double)] = []
        scored.reserveCapacity(order.count)
        for key in order {
            guard let candidate = candidates[key] else { continue }
            let length = candidate.words.count
            let named = candidate.capitalizedOccurrences * 2 > candidate.occurrences
            // A single word must recur; a longer phrase must recur or be a name.
            if candidate.occurrences < 2 && (length == 1 || !named) { continue }
            var wordScore = 0.0
            var rarest = 0.0
            for (word, stem) in zip(candidate.words, candidate.stems) {
                let tf = Double(termFrequency[stem] ?? 1)
                let idf = weighting.idf(word)
                rarest = max(rarest, idf)
                wordScore += (1 + log(tf)) * idf * idf
            }
            // Common words (in more than about one document in ten) do not make a phrase on their own.
            if rarest < Self.minimumRarestIDF + (length == 1 && !named ? 0.7 : 0) { continue }
            wordScore /= Double(length)
            let frequency = 1 + log(Double(candidate.occurrences))
            let position = 1 + 0.5 / (1 + Double(candidate.firstWord) / max(total * 0.1, 1))
            let nameBoost = named ? 1.2 : 1.0
            scored.append((key, wordScore * frequency * position * nameBoost * (1 + 0.5 * Double(length - 1))))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }

        var chosen: [Phrase] = []
        var chosenStems: [[String]] = []
        let best = scored.first?.score ?? 1
        for (key, score) in scored {
            guard chosen.count < count, let candidate = candidates[key] else { break }
            if chosenStems.contains(where: { Self.overlaps($0, candidate.stems) }) { continue }
            chosenStems.append(candidate.stems)
            chosen.append(
                Phrase(
                    range: candidate.firstRange, label: key, text: document.text(in: candidate.firstRange),
                    score: (score / best * 10_000).rounded() / 10_000))
        }
        return chosen
    }

    /// With the built-in table (IDF = ln((N+1)/(df+1)) + 1), 3.3 is a word in about a tenth of documents.
    static let minimumRarestIDF = 3.3

    /// Near-duplicates: one phrase inside the other, or sharing at least half of the shorter one's stems.
    static func overlaps(_ a: [String], _ b: [String]) -> Bool {
        let shared = Set(a).intersection(b).count
        return shared > 0 && shared * 2 >= min(a.count, b.count)
    }

    private func isContent(_ key: String) -> Bool {
        guard key.utf8.count >= 2, !StopWords.english.contains(key) else { return false }
        // Numbers and amounts ("2005", "3bn") are not key phrases.
        guard let first = key.utf8.first else { return false }
        return first < 0x30 || first > 0x39
    }

    /// Whether the bytes between two words keep them in one phrase: spaces, at most one hyphen or apostrophe.
    private static func joins(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var index = max(from, 0)
        let end = min(to, bytes.count)
        var marks = 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x20 {
                index += 1
                continue
            }
            if byte == 0x2D || byte == 0x27 {
                marks += 1
                index += 1
                continue
            }
            return false
        }
        return marks <= 1
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
