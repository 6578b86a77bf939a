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
            if !TextDecoder.names1252(context.transportCharset) {
                diagnostics.append(Diagnostic(.warning, origin: "read", "not valid UTF-8; decoded as Windows-1252"))
            }
        }
        let tree: MarkupTree
        var items: [[[XPathMatch]]] = []
        let profile = context.options.xmlProfile
        switch MarkupParser.parseXML(input, items: profile?.item, xpaths: profile?.expressions ?? []) {
        case .success(let parsed):
            tree = parsed.tree
            items = parsed.items
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
            if let profile {
                return profileDocuments(tree, root: root, items: items, profile: profile, context: context, diagnostics: diagnostics)
            }
            return [genericDocument(tree, root: root, context: context, diagnostics: diagnostics)]
        }
    }

    /// XML read through a profile: one document per item (or for the file), failing when `item`
    /// selects nothing.
    static func profileDocuments(
        _ tree: MarkupTree, root: Int, items: [[[XPathMatch]]], profile: XMLProfile, context: ReadContext,
        diagnostics: [Diagnostic]
    ) -> [DocumentOutcome] {
        guard let item = profile.item else {
            guard let matches = items.first, matches.count == 4 else { return [context.failure("no text found in document")] }
            return [profileDocument(tree, root: root, matches: matches, context: context, diagnostics: diagnostics)]
        }
        guard !items.isEmpty else { return [context.failure("the XML profile's item expression '\(item)' selected no element")] }
        return items.enumerated().map { position, matches in
            // Bytes shared out so that the items add up to the file.
            let share = context.byteCount / items.count + (position == 0 ? context.byteCount % items.count : 0)
            guard matches.count == 4 else { return context.failure("no text found in item", id: "\(context.id)#\(position + 1)") }
            return profileDocument(
                tree, root: root, matches: matches, context: context, diagnostics: diagnostics,
                id: "\(context.id)#\(position + 1)", sourceBytes: share)
        }
    }

    /// One document through a profile: body blocks from the matched elements, metadata from the others.
    static func profileDocument(
        _ tree: MarkupTree, root: Int, matches: [[XPathMatch]], context: ReadContext, diagnostics: [Diagnostic],
        id: String? = nil, sourceBytes: Int? = nil
    ) -> DocumentOutcome {
        func text(_ match: XPathMatch) -> String {
            switch match {
            case .node(let index): tree.collapsedText(of: index)
            case .text(let value): WhitespaceCollapser.collapse(value)
            }
        }
        var blocks: [TextBlock] = []
        for match in matches[0] {
            switch match {
            case .node(let index):
                blocks += BlockTextBuilder(vocabulary: .generic).blocks(of: tree, root: index)
            case .text(let value):
                blocks += PlainTextReader.blocks(of: value, markdown: false)
            }
        }
        var metadata = ["root": tree.nodes[root].name]
        let title = matches[1].map(text).first { !$0.isEmpty }
        if let title { metadata["title"] = title }
        if let date = matches[2].map(text).first(where: { !$0.isEmpty }) {
            metadata["date"] = DateNormalizer.normalize(date) ?? date
        }
        let authors = matches[3].map(text).filter { !$0.isEmpty }
        if !authors.isEmpty { metadata["authors"] = authors.joined(separator: "; ") }
        return context.document(
            id: id, format: "xml", title: title, blocks: blocks, metadata: metadata, sourceBytes: sourceBytes,
            diagnostics: diagnostics)
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
