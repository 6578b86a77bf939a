/// Collects page metadata from an HTML tree: `<title>`, `<html lang>`, `<meta>` and canonical links.
///
/// Keys are lowercase: `title`, `lang`, `canonical`, and each kept meta tag by its `name`, `property`
/// or `itemprop` (`description`, `author`, `keywords`, `og:title`, `article:published_time`, …).
/// Repeated keys are joined with "; ". Values are whitespace-collapsed and capped in length.
enum HTMLMetadataCollector {
    static let maxValueBytes = 2_000

    private static let keptNames: Set<String> = [
        "description", "author", "keywords", "news_keywords", "date", "pubdate", "publishdate", "publish-date",
        "publication_date", "published", "dc.date", "dc.date.issued", "dc.title", "dc.creator", "dc.language",
        "dc.description", "dc.subject", "dcterms.created", "dcterms.modified", "dcterms.title", "section",
        "byl", "byline", "sailthru.author", "sailthru.date", "sailthru.tags", "parsely-title", "parsely-author",
        "parsely-pub-date", "parsely-section", "parsely-tags", "datepublished", "datemodified", "headline",
        "language", "content-language", "copyright", "application-name", "lang", "created", "modified",
        "last-modified", "tags", "category", "citation_title", "citation_author", "citation_date",
        "citation_publication_date", "twitter:title", "twitter:description", "twitter:creator", "twitter:site",
        "twitter:image", "originalsource", "thumbnail", "articleid",
    ]

    private static func keeps(_ key: String) -> Bool {
        keptNames.contains(key) || key.hasPrefix("og:") || key.hasPrefix("article:")
    }

    /// Metadata of the page held in `tree`.
    static func collect(_ tree: MarkupTree) -> [String: String] {
        var metadata: [String: String] = [:]
        func add(_ key: String, _ raw: String) {
            var value = WhitespaceCollapser.collapse(raw)
            guard !value.isEmpty else { return }
            if value.utf8.count > maxValueBytes { value = String(value.prefix(maxValueBytes / 2)) }
            if let existing = metadata[key] {
                let parts = existing.split(separator: ";").map { String($0).trimmingSpaces() }
                if !parts.contains(value) { metadata[key] = existing + "; " + value }
            } else {
                metadata[key] = value
            }
        }
        var insideSVG = -1
        for (index, node) in tree.nodes.enumerated() where node.kind == .element {
            if insideSVG > index { continue }
            switch node.name {
            case "svg", "math":
                insideSVG = Int(node.end)
            case "html":
                if metadata["lang"] == nil, let lang = node.attribute("lang") ?? node.attribute("xml:lang") {
                    add("lang", lang)
                }
            case "title":
                if metadata["title"] == nil { add("title", tree.rawText(of: index)) }
            case "meta":
                guard let content = node.attribute("content") else {
                    if let charset = node.attribute("charset"), metadata["charset"] == nil { add("charset", charset) }
                    continue
                }
                if let equiv = node.attribute("http-equiv")?.lowercased() {
                    if equiv == "content-language" { add("content-language", content) }
                    continue
                }
                for attribute in ["property", "name", "itemprop"] {
                    if let raw = node.attribute(attribute) {
                        // `property` may hold several space-separated names (RDFa).
                        for key in raw.lowercased().split(separator: " ") where keeps(String(key)) {
                            add(String(key), content)
                        }
                        break
                    }
                }
            case "link":
                guard let rel = node.attribute("rel")?.lowercased(), let href = node.attribute("href") else { continue }
                if rel.split(separator: " ").contains("canonical") && metadata["canonical"] == nil {
                    add("canonical", href)
                }
            default:
                continue
            }
        }
        return metadata
    }
}
