import LectorCore

/// Reads RSS (2.0 and 1.0/RDF) and Atom feeds: one document per item or entry, ids `base#1`, `base#2`…
///
/// Each item's title, link, date (ISO 8601 when parseable, else as written), author and categories go
/// to `metadata`; its HTML (`content:encoded`, else `description`; Atom `content`, else `summary`) is
/// parsed as HTML into blocks, after a heading block holding the title.
enum FeedReader {
    static func readRSS(
        _ tree: MarkupTree, root: Int, context: ReadContext, diagnostics: [Diagnostic]
    ) -> [DocumentOutcome] {
        let channel = tree.child(of: root, named: "channel")
        // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
        var items = channel.map { tree.elementChildren(of: $0).filter { tree.nodes[$0].name == "item" } } ?? []
        if items.isEmpty { items = tree.elementChildren(of: root).filter { tree.nodes[$0].name == "item" } }
        let feedTitle = channel.flatMap { tree.child(of: $0, named: "title") }.map { tree.collapsedText(of: $0) }
        guard !items.isEmpty else { return [context.failure("feed has no items")] }
        var outcomes: [DocumentOutcome] = []
        for (position, item) in items.enumerated() {
            var fields: [String: String] = [:]
            var categories: [String] = []
            var html: String?
            var plainDescription: String?
            for child in tree.elementChildren(of: item) {
                let node = tree.nodes[child]
                switch (node.prefix, node.name) {
                case ("", "title"): fields["title"] = tree.collapsedText(of: child)
                case ("", "link"): fields["link"] = tree.collapsedText(of: child)
                case ("", "guid"): fields["guid"] = tree.collapsedText(of: child)
                case ("", "pubDate"), ("dc", "date"): fields["date"] = tree.collapsedText(of: child)
                case ("", "author"), ("dc", "creator"): fields["author"] = tree.collapsedText(of: child)
                case ("", "category"), ("dc", "subject"): categories.append(tree.collapsedText(of: child))
                case ("content", "encoded"): html = tree.rawText(of: child)
                case ("", "description"): plainDescription = tree.rawText(of: child)
                default: continue
                }
            }
            if !categories.isEmpty { fields["tags"] = categories.filter { !$0.isEmpty }.joined(separator: "; ") }
            if let feedTitle, !feedTitle.isEmpty { fields["feed_title"] = feedTitle }
            if let description = plainDescription {
                let collapsed = WhitespaceCollapser.collapse(description)
                if html == nil { html = description } else if !collapsed.isEmpty { fields["description"] = collapsed }
            }
            outcomes.append(
                itemDocument(
                    fields: fields, html: html, position: position, count: items.count, format: "rss",
                    context: context, diagnostics: diagnostics))
        }
        return outcomes
    }

    static func readAtom(
        _ tree: MarkupTree, root: Int, context: ReadContext, diagnostics: [Diagnostic]
    ) -> [DocumentOutcome] {
        let entries = tree.elementChildren(of: root).filter { tree.nodes[$0].name == "entry" }
        let feedTitle = tree.child(of: root, named: "title").map { tree.collapsedText(of: $0) }
        guard !entries.isEmpty else { return [context.failure("feed has no entries")] }
        var outcomes: [DocumentOutcome] = []
        for (position, entry) in entries.enumerated() {
            var fields: [String: String] = [:]
            var categories: [String] = []
            var content: (index: Int, type: String)?
            var summary: (index: Int, type: String)?
            var published: String?
            var updated: String?
            for child in tree.elementChildren(of: entry) {
                let node = tree.nodes[child]
                switch node.name {
                case "title": fields["title"] = tree.collapsedText(of: child)
                case "id": fields["guid"] = tree.collapsedText(of: child)
                case "link":
                    let rel = node.attribute("rel") ?? "alternate"
                    if rel == "alternate", fields["link"] == nil, let href = node.attribute("href") { fields["link"] = href }
                case "published": published = tree.collapsedText(of: child)
                case "updated": updated = tree.collapsedText(of: child)
                case "author":
                    if let name = tree.child(of: child, named: "name") {
                        let author = tree.collapsedText(of: name)
                        fields["author"] = fields["author"].map { $0 + "; " + author } ?? author
                    }
                case "category":
                    if let term = node.attribute("label") ?? node.attribute("term") { categories.append(term) }
                case "content": content = (child, node.attribute("type") ?? "text")
                case "summary": summary = (child, node.attribute("type") ?? "text")
                default: continue
                }
            }
            if let date = published ?? updated { fields["date"] = date }
            if let updated { fields["updated"] = DateNormalizer.normalize(updated) ?? updated }
            if !categories.isEmpty { fields["tags"] = categories.joined(separator: "; ") }
            if let feedTitle, !feedTitle.isEmpty { fields["feed_title"] = feedTitle }
            let id = "\(context.id)#\(position + 1)"
            var blocks: [TextBlock] = []
            if let body = content ?? summary {
                switch body.type {
                case "xhtml":
                    blocks = BlockTextBuilder().blocks(of: tree, root: body.index)
                case "html", "text/html":
                    blocks = htmlBlocks(tree.rawText(of: body.index))
                default:
                    blocks = PlainTextReader.blocks(of: tree.rawText(of: body.index), markdown: false)
                }
            }
            if content != nil, let summary {
                let text = tree.collapsedText(of: summary.index)
                if !text.isEmpty { fields["description"] = text }
            }
            outcomes.append(
                document(
                    id: id, fields: fields, blocks: blocks, position: position, count: entries.count, format: "atom",
                    context: context, diagnostics: diagnostics))
        }
        return outcomes
    }

    private static func itemDocument(
        fields: [String: String], html: String?, position: Int, count: Int, format: String, context: ReadContext,
        diagnostics: [Diagnostic]
    ) -> DocumentOutcome {
        let blocks = html.map(htmlBlocks) ?? []
        return document(
            id: "\(context.id)#\(position + 1)", fields: fields, blocks: blocks, position: position, count: count,
            format: format, context: context, diagnostics: diagnostics)
    }

    private static func document(
        id: String, fields: [String: String], blocks: [TextBlock], position: Int, count: Int, format: String,
        context: ReadContext, diagnostics: [Diagnostic]
    ) -> DocumentOutcome {
        var metadata = fields.filter { !$0.value.isEmpty }
        if let date = metadata["date"] { metadata["date"] = DateNormalizer.normalize(date) ?? date }
        let title = metadata["title"]
        var allBlocks = blocks
        if let title, !title.isEmpty {
            let titleBytes = Array(title.utf8)
            if allBlocks.first?.bytes != titleBytes {
                allBlocks.insert(TextBlock(bytes: titleBytes, label: "heading", node: -1, linkBytes: 0), at: 0)
            }
        }
        // Share the feed's bytes among its items so throughput adds up to the file size.
        let share = context.byteCount / max(count, 1) + (position == 0 ? context.byteCount % max(count, 1) : 0)
        return context.document(
            id: id, format: format, title: title, blocks: allBlocks, metadata: metadata, sourceBytes: share,
            diagnostics: diagnostics)
    }

    /// Blocks of an HTML fragment (item content), read in full.
    static func htmlBlocks(_ html: String) -> [TextBlock] {
        guard html.utf8.contains(where: { $0 > 0x20 }) else { return [] }
        // Plain text in a description stays plain text (no markup to parse).
        guard html.utf8.contains(UInt8(ascii: "<")) || html.utf8.contains(UInt8(ascii: "&")) else {
            return PlainTextReader.blocks(of: html, markdown: false)
        }
        switch MarkupParser.parseHTML(Array(html.utf8), encoding: "UTF-8") {
        case .success(let tree): return BlockTextBuilder().blocks(of: tree)
        case .failure: return PlainTextReader.blocks(of: html, markdown: false)
        }
    }
}
