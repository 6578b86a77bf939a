import LectorCore

/// Reads XML: RSS 2.0 / RSS 1.0 and Atom feeds (one document per item), NITF news, XHTML, and any
/// other XML by its element structure.
enum XMLDocumentReader {
    static func read(_ bytes: [UInt8], context: ReadContext) -> [DocumentOutcome] {
        var diagnostics: [Diagnostic] = []
        var input = bytes
        // libxml2 assumes UTF-8 without a BOM or declaration and stops at the first bad byte.
        if TextDecoder.byteOrderMark(bytes) == nil, !hasEncodingDeclaration(bytes), !TextDecoder.isValidUTF8(bytes) {
            input = Array(TextDecoder.windows1252(bytes[...]).utf8)
            diagnostics.append(Diagnostic(.warning, origin: "read", "not valid UTF-8; decoded as Windows-1252"))
        }
        let tree: MarkupTree
        switch MarkupParser.parseXML(input) {
        case .success(let parsed): tree = parsed
        case .failure(let failure): return [context.failure("XML parse failed: \(failure.message)")]
        }
        if tree.depthCapped {
            diagnostics.append(
                Diagnostic(.warning, origin: "read", "content nested deeper than \(MarkupParser.parserDepthLimit) elements was dropped or flattened"))
        }
        guard let root = tree.nodes.firstIndex(where: { $0.kind == .element }) else {
            return [context.failure("no text found in document")]
        }
        switch tree.nodes[root].name.lowercased() {
        case "rss", "rdf":
            return FeedReader.readRSS(tree, root: root, context: context, diagnostics: diagnostics)
        case "feed":
            return FeedReader.readAtom(tree, root: root, context: context, diagnostics: diagnostics)
        case "nitf":
            return [NITFReader.read(tree, root: root, context: context, diagnostics: diagnostics)]
        case "html":
            return [HTMLPageReader.document(from: tree, context: context, format: "html", diagnostics: diagnostics)]
        default:
            return [genericDocument(tree, root: root, context: context, diagnostics: diagnostics)]
        }
    }

    private static func hasEncodingDeclaration(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return false }
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        guard let close = head.range(of: "?>") else { return false }
        return head[..<close.lowerBound].contains("encoding")
    }

    /// Any XML: blocks by element structure; title from the first `title`/`headline` element.
    static func genericDocument(
        _ tree: MarkupTree, root: Int, context: ReadContext, diagnostics: [Diagnostic]
    ) -> DocumentOutcome {
        let blocks = BlockTextBuilder(vocabulary: .generic).blocks(of: tree, root: root)
        var metadata = ["root": tree.nodes[root].name]
        var title: String?
        for name in ["title", "headline", "hl1", "dc:title"] {
            if let index = tree.firstElement(named: name, in: root) {
                let text = tree.collapsedText(of: index)
                if !text.isEmpty && text.utf8.count <= 300 {
                    title = text
                    metadata["title"] = text
                    break
                }
            }
        }
        if let lang = tree.nodes[root].attribute("xml:lang") ?? tree.nodes[root].attribute("lang") { metadata["lang"] = lang }
        return context.document(format: "xml", title: title, blocks: blocks, metadata: metadata, diagnostics: diagnostics)
    }
}
