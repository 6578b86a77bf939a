/// How `summarize` ranks sentences.
public enum SummaryMethod: String, Sendable, CaseIterable, Decodable {
    /// Position-aware centrality over TF-IDF (PacSum-like, directed toward later sentences), a
    /// position prior, and redundancy removal (MMR).
    case `default`
    /// The first sentences, in order.
    case lead
    /// TextRank: PageRank over word-overlap similarity normalised by log sentence lengths.
    case textrank
    /// LexRank: PageRank over TF-IDF cosine similarity above a threshold.
    case lexrank
    /// Cosine similarity to the document's TF-IDF centroid.
    case centroid
}
