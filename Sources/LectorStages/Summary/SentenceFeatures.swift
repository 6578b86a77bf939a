import LectorCore

/// The features the default summary method scores each candidate sentence by: its place in the
/// document and its paragraph, its length, how central it is, how much it shares with the title, and
/// what it holds (names, numbers, quotes, an opening pronoun).
///
/// One row per candidate, `SentenceFeatures.names.count` values each, all roughly in 0…1 so one
/// linear model serves documents of any length. Built once per document in linear time plus the
/// (capped) sentence graph the centrality comes from.
struct SentenceFeatures {
    /// Feature names, in row order; a model file names its weights with these.
    static let names = [
        "bias", "first", "second", "third", "position-inverse", "position-relative", "position-decay-long",
        "centrality", "centroid", "length", "short", "long", "title-overlap", "paragraph-first", "quote",
        "number-density", "name-density", "opening-reference", "centrality-short-document", "length-short-document",
    ]

    /// Row-major values: candidate `c` owns `values[c * width ..< (c + 1) * width]`.
    var values: [Float]
    var width: Int { Self.names.count }
    var count: Int { width > 0 ? values.count / width : 0 }

    func row(_ candidate: Int) -> ArraySlice<Float> { values[(candidate * width)..<((candidate + 1) * width)] }

    /// - Parameters:
    ///   - candidates: indices of the sentences that may be picked, in document order.
    ///   - centrality: one value per candidate (any scale; normalised here by the largest).
    ///   - title: the title's vector terms as (term id, count) pairs of `vectors`' ids, or empty.
    ///   - openingReferences: words that open a sentence which leans on an earlier one, in the
    ///     document's language ("He said…", "But…", "This…"); see `SummaryLanguage`.
    ///   - capitalsMarkNames: whether capitalised words inside a sentence count as names (not in German).
    init(
        vectors: SentenceVectors, words: [[WordScanner.Word]], ranges: [TextRange], candidates: [Int],
        centrality: [Float], paragraphStarts: Set<Int>, quoted: [Bool], titleCosine: [Float],
        openingReferences: Set<String> = SummaryLanguage.english.openingReferences, capitalsMarkNames: Bool = true
    ) {
        let n = candidates.count
        let width = Self.names.count
        var values = [Float](repeating: 0, count: n * width)
        let topCentrality = centrality.max() ?? 0
        let centroidNorm = vectors.centroidNorm
        var centroid = candidates.map { vectors.centroidCosine($0, centroidNorm: centroidNorm) }
        let topCentroid = centroid.max() ?? 0
        if topCentroid > 0 { centroid = centroid.map { $0 / topCentroid } }
        let longDocument = Float(min(n, 60)) / 60
        // 1 for a document of one candidate, 0 from 30 candidates on.
        let shortDocument = max(0, 1 - Float(n) / 30)
        for (c, sentence) in candidates.enumerated() {
            let base = c * width
            let sentenceWords = words[sentence]
            let length = Float(sentenceWords.count)
            var numbers: Float = 0
            var names: Float = 0
            for (position, word) in sentenceWords.enumerated() {
                if let first = word.key.utf8.first, first >= 0x30 && first <= 0x39 { numbers += 1 }
                if capitalsMarkNames && position > 0 && word.capitalized { names += 1 }
            }
            let decay = expf(-Float(c) / 3)
            values[base + 0] = 1
            values[base + 1] = c == 0 ? 1 : 0
            values[base + 2] = c == 1 ? 1 : 0
            values[base + 3] = c == 2 ? 1 : 0
            values[base + 4] = 1 / Float(c + 1)
            values[base + 5] = n > 1 ? Float(c) / Float(n - 1) : 0
            values[base + 6] = decay * longDocument
            values[base + 7] = topCentrality > 0 ? centrality[c] / topCentrality : 0
            values[base + 8] = centroid[c]
            values[base + 9] = min(length, 60) / 30
            values[base + 10] = length < 12 ? 1 : 0
            values[base + 11] = length > 40 ? 1 : 0
            values[base + 12] = titleCosine.isEmpty ? 0 : titleCosine[c]
            values[base + 13] = paragraphStarts.contains(sentence) ? 1 : 0
            values[base + 14] = quoted[c] ? 1 : 0
            values[base + 15] = length > 0 ? min(numbers / length * 5, 1) : 0
            values[base + 16] = length > 0 ? min(names / length * 3, 1) : 0
            values[base + 17] = sentenceWords.first.map { openingReferences.contains($0.key) ? 1 : 0 } ?? 0
            values[base + 18] = values[base + 7] * shortDocument
            values[base + 19] = values[base + 9] * shortDocument
        }
        self.values = values
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
