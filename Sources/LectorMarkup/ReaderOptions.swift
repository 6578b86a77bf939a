/// Settings of `FormatReader`, fixed for a run and shared by all lanes.
public struct ReaderOptions: Sendable, Hashable {
    /// What HTML pages keep.
    public enum HTMLMode: String, Sendable, Hashable, Codable, CaseIterable {
        /// The main content only: boilerplate (navigation, teasers, comments, footers) removed.
        case article
        /// Every visible block of the page.
        case full
    }

    /// Which error article extraction prefers to avoid.
    public enum ExtractionBias: String, Sendable, Hashable, Codable, CaseIterable {
        /// Drop doubtful blocks (less boilerplate, may lose some article text).
        case precision
        /// The default trade-off.
        case balanced
        /// Keep doubtful blocks (more article text, may keep some boilerplate).
        case recall
    }

    /// Largest file read, in bytes (checked before reading); larger files fail as documents.
    public var maxBytes: Int
    /// What HTML pages keep; feeds' item HTML is always read in full.
    public var htmlMode: HTMLMode
    /// Precision/recall trade-off of article extraction.
    public var bias: ExtractionBias
    /// XPath locations of body, title, date and author for XML that is not a feed or NITF (nil: the
    /// generic element-structure reading).
    public var xmlProfile: XMLProfile?
    /// Which fields of JSON Lines records hold the document.
    public var jsonLines: JSONLinesFields

    public init(
        maxBytes: Int = 64 << 20, htmlMode: HTMLMode = .article, bias: ExtractionBias = .balanced,
        xmlProfile: XMLProfile? = nil, jsonLines: JSONLinesFields = JSONLinesFields()
    ) {
        self.jsonLines = jsonLines
        self.maxBytes = maxBytes
        self.htmlMode = htmlMode
        self.bias = bias
        self.xmlProfile = xmlProfile
    }
}
