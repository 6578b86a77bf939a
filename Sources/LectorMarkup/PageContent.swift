import LectorCore

/// What a reader takes from an HTML page: title, blocks of text and metadata.
struct PageContent: Sendable {
    var title: String?
    var blocks: [TextBlock]
    var metadata: [String: String]
    var diagnostics: [Diagnostic] = []

    /// The page's content in the given mode.
    static func extract(from tree: MarkupTree, options: ReaderOptions) -> PageContent {
        let raw = HTMLMetadataCollector.collect(tree)
        let structured = PageMetadataExtractor.structuredData(tree)
        let fullBlocks = BlockTextBuilder().blocks(of: tree)
        var blocks = fullBlocks
        var diagnostics: [Diagnostic] = []
        if options.htmlMode == .article {
            blocks = ArticleExtractor(bias: options.bias).extract(tree: tree, blocks: fullBlocks)
            // Structured data carries the body when the markup hides it (script-rendered pages) or the
            // extraction found less than half of it.
            let extracted = blocks.reduce(0) { $0 + $1.bytes.count }
            if let body = structured.articleBody, body.utf8.count > max(extracted * 2, 200) {
                blocks = PlainTextReader.blocks(of: body, markdown: false)
            }
            // A page too small or too plain to hold an article region (a fragment, one paragraph) is
            // its own main text: keep what is visible rather than fail the document.
            if blocks.isEmpty && !fullBlocks.isEmpty {
                blocks = fullBlocks
                diagnostics.append(
                    Diagnostic(.info, origin: "read", "no main-content region found; kept the page's visible text"))
            }
        }
        let sample = blocks.prefix(40).map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: " ")
        let metadata = PageMetadataExtractor.normalize(raw, tree: tree, structured: structured, text: sample)
        return PageContent(title: metadata["title"], blocks: blocks, metadata: metadata, diagnostics: diagnostics)
    }
}
