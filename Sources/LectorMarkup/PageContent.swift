import LectorCore

/// What a reader takes from an HTML page: title, blocks of text and metadata.
struct PageContent: Sendable {
    var title: String?
    var blocks: [TextBlock]
    var metadata: [String: String]
    var diagnostics: [Diagnostic] = []

    /// The page's content in the given mode.
    static func extract(from tree: MarkupTree, options: ReaderOptions) -> PageContent {
        let metadata = HTMLMetadataCollector.collect(tree)
        var blocks = BlockTextBuilder().blocks(of: tree)
        if options.htmlMode == .article {
            blocks = ArticleExtractor(bias: options.bias).extract(tree: tree, blocks: blocks)
        }
        let title = metadata["og:title"] ?? metadata["title"]
        return PageContent(title: title, blocks: blocks, metadata: metadata)
    }
}
