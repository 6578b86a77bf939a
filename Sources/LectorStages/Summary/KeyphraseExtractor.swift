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
            var wordScore = 0.0
            for (word, stem) in zip(candidate.words, candidate.stems) {
                let tf = Double(termFrequency[stem] ?? 1)
                wordScore += (1 + log(tf)) * weighting.idf(word)
            }
            wordScore /= Double(candidate.words.count)
            let length = Double(candidate.words.count)
            // A single word must recur to be a key phrase; longer phrases are rarer, so each occurrence counts more.
            if candidate.words.count == 1 && candidate.occurrences < 2 { continue }
            if candidate.words.count > 1 && candidate.occurrences < 2 && candidate.capitalizedOccurrences == 0 {
                continue
            }
            let frequency = 1 + log(Double(candidate.occurrences))
            let position = 1 + 0.5 / (1 + Double(candidate.firstWord) / max(total * 0.1, 1))
            let named = candidate.capitalizedOccurrences * 2 > candidate.occurrences ? 1.2 : 1.0
            scored.append((key, wordScore * frequency * position * named * (1 + 0.35 * (length - 1))))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }

        var chosen: [Phrase] = []
        var chosenStems: [Set<String>] = []
        let best = scored.first?.score ?? 1
        for (key, score) in scored {
            guard chosen.count < count, let candidate = candidates[key] else { break }
            let stems = Set(candidate.stems)
            // Near-duplicate: most of its stems already belong to a chosen phrase.
            let duplicate = chosenStems.contains { other in
                let shared = other.intersection(stems).count
                return shared * 2 >= stems.count + (stems.count > 1 ? 1 : 0) || (shared > 0 && other.isSuperset(of: stems))
            }
            if duplicate { continue }
            chosenStems.append(stems)
            chosen.append(
                Phrase(
                    range: candidate.firstRange, label: key, text: document.text(in: candidate.firstRange),
                    score: (score / best * 10_000).rounded() / 10_000))
        }
        return chosen
    }

    private func isContent(_ key: String) -> Bool {
        guard key.utf8.count >= 2, !StopWords.english.contains(key) else { return false }
        // Bare numbers are not key phrases.
        return key.utf8.contains { $0 < 0x30 || $0 > 0x39 }
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
