import LectorCore

/// Reads NITF news XML: the headline (`hl1`, else `head/title`) as title; `body.head` (headline,
/// byline, dateline) and `body.content` as blocks; `docdata` dates, keywords and ids into metadata.
enum NITFReader {
    static func read(_ tree: MarkupTree, root: Int, context: ReadContext, diagnostics: [Diagnostic]) -> DocumentOutcome {
        var metadata: [String: String] = [:]
        var title: String?
        if let headline = tree.firstElement(named: "hl1", in: root) {
            title = tree.collapsedText(of: headline)
        } else if let head = tree.child(of: root, named: "head"), let headTitle = tree.child(of: head, named: "title") {
            title = tree.collapsedText(of: headTitle)
        }
        if let title, !title.isEmpty { metadata["title"] = title }
        if let issue = tree.firstElement(named: "date.issue", in: root), let norm = tree.nodes[issue].attribute("norm") {
            metadata["date"] = DateNormalizer.normalize(norm) ?? norm
        }
        if let docId = tree.firstElement(named: "doc-id", in: root), let value = tree.nodes[docId].attribute("id-string") {
            metadata["doc_id"] = value
        }
        var keywords: [String] = []
        for index in root..<Int(tree.nodes[root].end) where tree.nodes[index].name == "keyword" {
            if let key = tree.nodes[index].attribute("key") { keywords.append(key) }
        }
        if !keywords.isEmpty { metadata["tags"] = keywords.joined(separator: "; ") }
        if let byline = tree.firstElement(named: "byline", in: root) {
            let text = tree.collapsedText(of: byline)
            if !text.isEmpty {
                metadata["author"] = text.hasPrefix("By ") ? String(text.dropFirst(3)) : text
            }
        }
        if let lang = tree.nodes[root].attribute("xml:lang") ?? tree.nodes[root].attribute("lang") { metadata["lang"] = lang }
        let body = tree.child(of: root, named: "body") ?? root
        let blocks = BlockTextBuilder().blocks(of: tree, root: body)
        return context.document(format: "nitf", title: title, blocks: blocks, metadata: metadata, diagnostics: diagnostics)
    }
}
