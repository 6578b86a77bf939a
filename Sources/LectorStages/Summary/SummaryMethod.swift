/// How `summarize` ranks sentences.
public enum SummaryMethod: String, Sendable, CaseIterable, Decodable {
    /// Position-aware centrality: weighted degree in a graph of TF-IDF word overlaps (PacSum-like,
    /// with a partial self-loop that favours sentences carrying much content), plus a prior for the
    /// opening sentences, then redundancy removal (MMR).
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
