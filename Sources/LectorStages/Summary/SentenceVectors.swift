import LectorCore

/// TF-IDF bag-of-words vectors of a document's sentences, the input of every ranking method.
///
/// Terms are lower-cased words (not stemmed: on news, stemming merged too much for too little gain);
/// function words and one-letter words are left out of the vectors but counted in `wordCounts`.
/// Term ids are local to the document. Built once per document.
struct SentenceVectors {

    /// How rare words are: the built-in table, or the batch's statistics.
    enum Weighting: Sendable {
        case table(IDFTable)
        case corpus(CorpusStatistics)
        case uniform
        /// Every word equally rare: a language the built-in table does not cover gets the IDF of a word
        /// the table never saw, so thresholds set for the table still hold.
        case constant(Double)

        /// The weighting for one document: the batch's counts when asked for and present, else the
        /// table for English, else (another language) every word as rare as one the table never saw.
        static func choose(
            _ source: SummarizeStage.IDFSource, corpus: CorpusStatistics?, table: IDFTable?, language: SummaryLanguage
        ) -> Weighting {
            if source == .batch, let corpus { return .corpus(corpus) }
            guard let table else { return .uniform }
            return language.code == "en" ? .table(table) : .constant(table.unseenIDF)
        }

        func idf(_ word: String) -> Double {
            switch self {
            case .table(let table): table.idf(word)
            case .corpus(let corpus): corpus.idf(word)
            case .uniform: 1
            case .constant(let value): value
            }
        }

        /// `idf(word)` for a word whose `FeatureHash.hash` (`WordScanner.Word.hash`) is known.
        func idf(_ word: String, hash: UInt64) -> Double {
            if case .table(let table) = self { return table.idf(hash: hash) }
            return idf(word)
        }

        /// The stem of a lower-cased word whose `FeatureHash.hash` is `hash` (Porter stems from the table
        /// when it knows the word).
        func stem(_ word: String, hash: UInt64, stemmer: WordStemmer) -> String {
            if stemmer == .porter, case .table(let table) = self, let stem = table.knownStem(hash: hash) { return stem }
            return stemmer.stem(word)
        }
    }

    /// All sentences' terms, flat: sentence `i` owns `termIds[offsets[i]..<offsets[i + 1]]` (ids sorted
    /// ascending) and the matching `termCounts`. Flat arrays keep the pairwise loops free of
    /// reference counting.
    var termIds: [Int32]
    var termCounts: [Float]
    var offsets: [Int]
    /// Words per sentence, stop words included.
    var wordCounts: [Int]
    /// Terms per sentence (occurrences of non-function words).
    var contentCounts: [Int]
    /// IDF of each term id.
    var idf: [Float]
    /// Occurrences of each term id in the whole document.
    var documentCounts: [Float]
    /// Euclidean norm of each sentence's TF-IDF vector.
    var norms: [Float]

    /// - Parameter function: the language's function words, left out of the vectors.
    init(words: [[WordScanner.Word]], weighting: Weighting, function: Set<String> = StopWords.function) {
        var surfaceIds = HashedKeyMap<Int32>(capacity: 512)
        var idf: [Float] = []
        var documentCounts: [Float] = []
        var termIds: [Int32] = []
        var termCounts: [Float] = []
        var offsets: [Int] = [0]
        var wordCounts: [Int] = []
        offsets.reserveCapacity(words.count + 1)
        var scratch: [Int32] = []
        for sentence in words {
            scratch.removeAll(keepingCapacity: true)
            for word in sentence {
                let id: Int32
                if let known = surfaceIds[word.hash] {
                    id = known
                } else {
                    if word.key.utf8.count < 2 || function.contains(word.key) {
                        id = -1
                    } else {
                        id = Int32(idf.count)
                        idf.append(Float(weighting.idf(word.key, hash: word.hash)))
                        documentCounts.append(0)
                    }
                    surfaceIds[word.hash, default: 0] = id
                }
                if id >= 0 {
                    scratch.append(id)
                    documentCounts[Int(id)] += 1
                }
            }
            scratch.sort()
            let first = termIds.count
            for id in scratch {
                if termIds.count > first, let last = termIds.last, last == id {
                    termCounts[termCounts.count - 1] += 1
                } else {
                    termIds.append(id)
                    termCounts.append(1)
                }
            }
            offsets.append(termIds.count)
            wordCounts.append(sentence.count)
        }
        var contentCounts: [Int] = []
        var norms: [Float] = []
        contentCounts.reserveCapacity(wordCounts.count)
        norms.reserveCapacity(wordCounts.count)
        for sentence in wordCounts.indices {
            var total: Float = 0
            var squares: Float = 0
            for k in offsets[sentence]..<offsets[sentence + 1] {
                let count = termCounts[k]
                let weight = count * idf[Int(termIds[k])]
                total += count
                squares += weight * weight
            }
            contentCounts.append(Int(total))
            norms.append(squares.squareRoot())
        }
        self.termIds = termIds
        self.termCounts = termCounts
        self.offsets = offsets
        self.wordCounts = wordCounts
        self.contentCounts = contentCounts
        self.idf = idf
        self.documentCounts = documentCounts
        self.norms = norms
    }

    var count: Int { wordCounts.count }

    /// Cosine of the TF-IDF vectors of sentences `a` and `b` (0 when either is empty).
    func cosine(_ a: Int, _ b: Int) -> Float {
        let denominator = norms[a] * norms[b]
        guard denominator > 0 else { return 0 }
        return merge(a, b) { ca, cb, w in ca * cb * w * w } / denominator
    }

    /// TextRank's overlap: for each occurrence of a term in `a`, its occurrences in `b` (the sum over
    /// shared terms of the product of counts).
    func countOverlap(_ a: Int, _ b: Int) -> Float { merge(a, b) { ca, cb, _ in ca * cb } }

    /// The same overlap with each term weighted by the square root of its IDF (rare words count more,
    /// without letting one rare name decide).
    func weightedOverlap(_ a: Int, _ b: Int) -> Float { merge(a, b) { ca, cb, w in ca * cb * w.squareRoot() } }

    @inline(__always)
    private func merge(_ a: Int, _ b: Int, _ combine: (Float, Float, Float) -> Float) -> Float {
        var i = offsets[a]
        let iEnd = offsets[a + 1]
        var j = offsets[b]
        let jEnd = offsets[b + 1]
        var sum: Float = 0
        while i < iEnd && j < jEnd {
            let left = termIds[i]
            let right = termIds[j]
            if left == right {
                sum += combine(termCounts[i], termCounts[j], idf[Int(left)])
                i += 1
                j += 1
            } else if left < right {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// Sum over the sentence's terms of count × √IDF × the term's occurrences elsewhere in the
    /// document: a linear-time stand-in for degree centrality (used to cap the graph).
    func centroidScore(_ sentence: Int) -> Float {
        var sum: Float = 0
        for k in offsets[sentence]..<offsets[sentence + 1] {
            let index = Int(termIds[k])
            let count = termCounts[k]
            sum += count * idf[index].squareRoot() * (documentCounts[index] - count)
        }
        return sum
    }

    /// Cosine between the sentence and the document's centroid (sum of all sentence vectors).
    func centroidCosine(_ sentence: Int, centroidNorm: Float) -> Float {
        guard norms[sentence] > 0, centroidNorm > 0 else { return 0 }
        var dot: Float = 0
        for k in offsets[sentence]..<offsets[sentence + 1] {
            let index = Int(termIds[k])
            let w = idf[index]
            dot += termCounts[k] * w * documentCounts[index] * w
        }
        return dot / (norms[sentence] * centroidNorm)
    }

    /// Norm of the document's centroid vector.
    var centroidNorm: Float {
        var sum: Float = 0
        for (count, w) in zip(documentCounts, idf) { sum += (count * w) * (count * w) }
        return sum.squareRoot()
    }
}
