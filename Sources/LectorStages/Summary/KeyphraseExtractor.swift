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
    /// Stop words, stemmer and capitalisation rules of the document's language.
    var language: SummaryLanguage = .english

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
        /// Word ids of the phrase, packed.
        var gram: Gram
        /// Number of words.
        var length: Int
        var occurrences: Int
        var capitalizedOccurrences: Int

        /// Word ids of the phrase, in order.
        var words: [Int32] { (0..<length).map { gram.id(at: $0) } }
    }

    /// Up to six word ids of 21 bits packed into two integers: a hashable n-gram key without allocation.
    private struct Gram: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init(_ ids: ArraySlice<Int32>) {
            for (position, id) in ids.enumerated() {
                // Ids are below `limit` (checked when interned): id + 1 fits 21 bits, 0 means "no word".
                let value = UInt64(UInt32(bitPattern: id)) + 1
                if position < 3 {
                    low |= value << (21 * UInt64(position))
                } else {
                    high |= value << (21 * UInt64(position - 3))
                }
            }
        }

        /// Word ids must stay below this to be packed.
        static let limit: UInt32 = (1 << 21) - 1

        /// The word id at `position` (0…5) of the phrase.
        @inline(__always)
        func id(at position: Int) -> Int32 {
            let field = position < 3 ? low >> (21 * UInt64(position)) : high >> (21 * UInt64(position - 3))
            return Int32(truncatingIfNeeded: field & UInt64(Self.limit)) - 1
        }

        /// A 64-bit key for `HashedKeyMap`: the packed ids themselves for up to three words (no two
        /// phrases share one), mixed with the rest for longer phrases.
        var key: UInt64 { high == 0 ? low : FeatureHash.mix(low, high) }
    }

    /// Per-document word table: ids for lower-cased words, with their stems, rarity and kind.
    private struct Vocabulary {
        var ids = HashedKeyMap<Int32>(capacity: 512)
        var keys: [String] = []
        var stems: [Int32] = []
        var idf: [Double] = []
        var content: [Bool] = []
        /// Whether the word is a determiner (a noun follows it).
        var determiner: [Bool] = []
        /// Stem ids by the FNV hash of the stem.
        var stemIds = HashedKeyMap<Int32>(capacity: 512)
        var stemFrequency: [Int] = []

        /// The id of a word not seen before in the document (`ids` has no entry for `hash`).
        mutating func add(
            _ key: String, hash: UInt64, isContent: Bool, weighting: SentenceVectors.Weighting, stemmer: WordStemmer
        ) -> Int32 {
            let id = Int32(keys.count)
            ids[hash, default: 0] = id
            keys.append(key)
            determiner.append(KeyphraseExtractor.determiners.contains(key))
            // Past the packable range a word can no longer start or extend a phrase.
            let usable = UInt32(id) < Gram.limit && isContent
            content.append(usable)
            idf.append(usable ? weighting.idf(key, hash: hash) : 0)
            if usable {
                let stemHash = FeatureHash.hash(weighting.stem(key, hash: hash, stemmer: stemmer))
                if let known = stemIds[stemHash] {
                    stems.append(known)
                } else {
                    let stemId = Int32(stemFrequency.count)
                    stemIds[stemHash, default: 0] = stemId
                    stemFrequency.append(0)
                    stems.append(stemId)
                }
            } else {
                stems.append(-1)
            }
            return id
        }
    }

    func extract(_ document: Document, weighting: SentenceVectors.Weighting) -> [Phrase] {
        let sentences = document.annotations(.sentence)
        let ranges = sentences.isEmpty ? [TextRange(start: 0, end: document.text.utf8.count)] : sentences.map(\.range)
        let sentenceWords = WordScanner.words(in: ranges, of: document)
        let stemmer = language.stemmer
        let floors = Self.rarityFloors(weighting)
        var vocabulary = Vocabulary()
        var sentenceIds: [[Int32]] = []
        sentenceIds.reserveCapacity(sentenceWords.count)
        var totalWords = 0
        for words in sentenceWords {
            var ids: [Int32] = []
            ids.reserveCapacity(words.count)
            for word in words {
                let id =
                    vocabulary.ids[word.hash]
                    ?? vocabulary.add(
                        word.key, hash: word.hash, isContent: isContent(word.key), weighting: weighting,
                        stemmer: stemmer)
                let stem = vocabulary.stems[Int(id)]
                if stem >= 0 { vocabulary.stemFrequency[Int(stem)] += 1 }
                ids.append(id)
            }
            sentenceIds.append(ids)
            totalWords += words.count
        }
        guard totalWords > 0 else { return [] }

        // Candidates in order of first occurrence, found by their gram's key.
        var candidates: [Candidate] = []
        var candidateIndex = HashedKeyMap<Int32>(capacity: 2048)
        // Words seen right after a determiner ("the bombing"): nouns, even when they end like verbs.
        var afterDeterminer = [Bool](repeating: false, count: vocabulary.keys.count)
        var text = document.text
        text.withUTF8 { bytes in
            var wordIndex = 0
            var run: [Int32] = []
            var runWords: [WordScanner.Word] = []
            var runPositions: [Int] = []
            for (words, ids) in zip(sentenceWords, sentenceIds) {
                func flushRun() {
                    guard !run.isEmpty else { return }
                    for length in 1...min(maxWords, run.count) {
                        for start in 0...(run.count - length) {
                            let slice = run[start..<(start + length)]
                            let gram = Gram(slice)
                            // Where capitals do not mark names (German nouns), no phrase counts as one.
                            var capitalized = language.capitalsMarkNames
                            for position in start..<(start + length) where !runWords[position].capitalized {
                                capitalized = false
                                break
                            }
                            let key = gram.key
                            if let index = candidateIndex[key] {
                                // One lookup per occurrence: counts change in place.
                                candidates[Int(index)].occurrences += 1
                                if capitalized { candidates[Int(index)].capitalizedOccurrences += 1 }
                            } else {
                                candidateIndex[key, default: 0] = Int32(candidates.count)
                                candidates.append(
                                    Candidate(
                                        firstRange: TextRange(
                                            start: runWords[start].start, end: runWords[start + length - 1].end),
                                        firstWord: runPositions[start], gram: gram, length: length, occurrences: 1,
                                        capitalizedOccurrences: capitalized ? 1 : 0))
                            }
                        }
                    }
                    run.removeAll(keepingCapacity: true)
                    runWords.removeAll(keepingCapacity: true)
                    runPositions.removeAll(keepingCapacity: true)
                }
                var previousEnd = -1
                var previousDeterminer = false
                for (word, id) in zip(words, ids) {
                    if previousDeterminer { afterDeterminer[Int(id)] = true }
                    previousDeterminer = vocabulary.determiner[Int(id)]
                    // Punctuation other than a hyphen or an apostrophe between two words breaks a phrase.
                    if previousEnd >= 0 && !Self.joins(bytes, from: previousEnd, to: word.start) { flushRun() }
                    if vocabulary.content[Int(id)] {
                        run.append(id)
                        runWords.append(word)
                        runPositions.append(wordIndex)
                    } else {
                        flushRun()
                    }
                    previousEnd = word.end
                    wordIndex += 1
                }
                flushRun()
            }
        }

        // A shorter phrase that mostly occurs inside a longer candidate ("xi" in "xi jinping", a first
        // name in a full name) gives way to it: the longer phrase is kept whole.
        var absorbed = [Bool](repeating: false, count: candidates.count)
        for long in candidates where long.length >= 2 {
            let named = long.capitalizedOccurrences * 2 > long.occurrences
            guard long.occurrences >= 2 || named else { continue }
            let words = long.words
            for length in 1..<long.length {
                for start in 0...(long.length - length) {
                    let sub = Gram(words[start..<(start + length)])
                    if let index = candidateIndex[sub.key], long.occurrences * 2 > candidates[Int(index)].occurrences {
                        absorbed[Int(index)] = true
                    }
                }
            }
        }

        let total = Double(totalWords)
        var scored: [(candidate: Candidate, score: Double)] = []
        // Phrases seen once (not names): listed only when the recurring ones do not fill the list.
        var reserve: [(candidate: Candidate, score: Double)] = []
        scored.reserveCapacity(candidates.count)
        for (index, candidate) in candidates.enumerated() where !absorbed[index] {
            let length = candidate.length
            let named = candidate.capitalizedOccurrences * 2 > candidate.occurrences
            // A single word must recur; a longer phrase must recur or be a name.
            let once = candidate.occurrences < 2 && (length == 1 || !named)
            // A lone word that reads as a verb or an adverb ("bolstering", "agreed", "quickly") is not a
            // key phrase, unless a determiner ever precedes it ("the bombing").
            if language.englishWordEndings && length == 1 && !named {
                let only = Int(candidate.gram.id(at: 0))
                if Self.looksVerbal(vocabulary.keys[only]) && !afterDeterminer[only] { continue }
            }
            var wordScore = 0.0
            var rarest = 0.0
            for position in 0..<length {
                let index = Int(candidate.gram.id(at: position))
                let tf = Double(vocabulary.stemFrequency[Int(vocabulary.stems[index])])
                let idf = vocabulary.idf[index]
                rarest = max(rarest, idf)
                wordScore += (1 + log(tf)) * idf * idf
            }
            // Common words (in more than about one document in ten) do not make a phrase on their own.
            if rarest < (length == 1 && !named ? floors.word : floors.phrase) { continue }
            wordScore /= Double(length)
            let frequency = 1 + log(Double(candidate.occurrences))
            let position = 1 + 0.5 / (1 + Double(candidate.firstWord) / max(total * 0.1, 1))
            let nameBoost = named ? 1.2 : 1.0
            let score = wordScore * frequency * position * nameBoost * (1 + 0.5 * Double(length - 1))
            if once { reserve.append((candidate, score)) } else { scored.append((candidate, score)) }
        }
        // Ties by first occurrence, so the order never depends on hashing.
        func ranked(_ list: [(candidate: Candidate, score: Double)]) -> [(candidate: Candidate, score: Double)] {
            list.sorted {
                $0.score != $1.score
                    ? $0.score > $1.score
                    : $0.candidate.firstWord < $1.candidate.firstWord
                        || ($0.candidate.firstWord == $1.candidate.firstWord
                            && $0.candidate.length < $1.candidate.length)
            }
        }
        scored = ranked(scored)
        // Reserve phrases come after every recurring one, their scores capped to keep the list descending.
        var cap = (scored.last?.score ?? .infinity) * 0.99
        for (candidate, score) in ranked(reserve) {
            cap = min(cap, score)
            scored.append((candidate, cap))
            cap *= 0.99
        }

        var chosen: [Phrase] = []
        var chosenStems: [[Int32]] = []
        let best = scored.first?.score ?? 1
        for (candidate, score) in scored {
            guard chosen.count < count else { break }
            let stems = candidate.words.map { vocabulary.stems[Int($0)] }
            if chosenStems.contains(where: { Self.overlaps($0, stems) }) { continue }
            chosenStems.append(stems)
            let label = candidate.words.map { vocabulary.keys[Int($0)] }.joined(separator: " ")
            chosen.append(
                Phrase(
                    range: candidate.firstRange, label: label, text: document.text(in: candidate.firstRange),
                    score: (score / best * 10_000).rounded() / 10_000))
        }
        return chosen
    }

    /// Words after which a noun follows.
    static let determiners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    ]

    /// Endings of verb forms and adverbs ("-ing", "-ed", "-ly") on a word long enough to carry one.
    static func looksVerbal(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard bytes.count >= 5 else { return false }
        let last = bytes[bytes.count - 1]
        let second = bytes[bytes.count - 2]
        if second == 0x65 && last == 0x64 { return true }  // -ed
        if second == 0x6C && last == 0x79 { return true }  // -ly
        return bytes[bytes.count - 3] == 0x69 && second == 0x6E && last == 0x67  // -ing
    }

    /// With the built-in table (IDF = ln((N+1)/(df+1)) + 1), 3.3 is a word in about a tenth of documents.
    static let minimumRarestIDF = 3.3

    /// The least IDF of a phrase's rarest word, and of a lone word that is not a name: with the built-in
    /// table the fixed figures (a word in about a tenth, a lone word in about a twentieth of
    /// documents); with a batch's own counts the same shares of the batch, at least one document, so
    /// a small batch still has key phrases (a word in one document of six qualifies).
    static func rarityFloors(_ weighting: SentenceVectors.Weighting) -> (phrase: Double, word: Double) {
        guard case .corpus(let corpus) = weighting else { return (minimumRarestIDF, minimumRarestIDF + 0.7) }
        let count = Double(max(corpus.documentCount, 1))
        func floor(share: Double) -> Double { log((count + 1) / (max(1, (count * share).rounded(.down)) + 1)) + 1 }
        return (floor(share: 0.1), floor(share: 0.05))
    }

    /// Near-duplicates: one phrase inside the other, or sharing at least half of the shorter one's stems.
    static func overlaps(_ a: [Int32], _ b: [Int32]) -> Bool {
        let shared = Set(a).intersection(b).count
        return shared > 0 && shared * 2 >= min(a.count, b.count)
    }

    private func isContent(_ key: String) -> Bool {
        guard key.utf8.count >= 2, !language.keyPhraseStopWords.contains(key) else { return false }
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
