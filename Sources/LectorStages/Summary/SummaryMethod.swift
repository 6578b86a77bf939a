/// How `summarize` ranks sentences.
public enum SummaryMethod: String, Sendable, CaseIterable, Decodable {
    /// A learned sentence scorer (`SummaryModel`: position in document and paragraph, length,
    /// centrality, title overlap, names, numbers, quotes), then redundancy removal (MMR).
    case `default`
    /// Position-aware centrality: weighted degree in a graph of TF-IDF word overlaps (PacSum-like,
    /// with a partial self-loop that favours sentences carrying much content), plus a weak prior for
    /// the opening sentences, then MMR. Favours long central sentences: best where references are
    /// long extracts (BBC-style), behind the lead on wire copy with short highlights.
    case central
    /// The first sentences, in order.
    case lead
    /// TextRank: PageRank over word-overlap similarity normalised by log sentence lengths.
    case textrank
    /// LexRank: PageRank over TF-IDF cosine similarity above a threshold.
    case lexrank
    /// Cosine similarity to the document's TF-IDF centroid.
    case centroid
}
