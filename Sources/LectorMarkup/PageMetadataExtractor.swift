import Foundation

/// Normalised page metadata from structured data and markup, added to the raw `<meta>` values.
///
/// Keys written: `title` (headline without the site suffix), `authors` ("; "-joined), `date`
/// (publication, ISO 8601), `date_modified`, `site_name`, `url` (canonical), `lang` (markup, else
/// guessed from the text), `description`, `tags`, `section`; the raw `<title>` stays as `html_title`.
/// Sources in order of trust: JSON-LD (`NewsArticle`, `Article`, `BlogPosting`…), Open Graph and
/// other meta tags, microdata (`itemprop`), `<h1>`, `<time>`, the URL, and the text itself.
enum PageMetadataExtractor {
    /// Values read from JSON-LD article objects.
    struct StructuredData {
        var headline: String?
        var datePublished: String?
        var dateModified: String?
        var authors: [String] = []
        var publisher: String?
        var description: String?
        var keywords: [String] = []
        var section: String?
        var language: String?
        var url: String?
        var articleBody: String?
    }

    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "techarticle", "report", "posting",
        "socialmediaposting", "liveblogposting", "webpage", "recipe", "howto", "review",
    ]

    /// Read JSON-LD blocks of the page.
    static func structuredData(_ tree: MarkupTree) -> StructuredData {
        var data = StructuredData()
        var bestRank = Int.max
        for (index, node) in tree.nodes.enumerated() where node.kind == .element && node.name == "script" {
            guard node.attribute("type")?.lowercased().containsBytes("ld+json") == true else { continue }
            let raw = tree.rawText(of: index)
            guard raw.utf8.count < 2_000_000,
                let json = try? JSONSerialization.jsonObject(with: Data(raw.utf8), options: [.fragmentsAllowed])
            else { continue }
            // Breadth-first over objects, arrays and @graph, bounded in size.
            var queue: [Any] = [json]
            var visited = 0
            while !queue.isEmpty && visited < 500 {
                let item = queue.removeFirst()
                visited += 1
                if let array = item as? [Any] {
                    queue.append(contentsOf: array.prefix(100))
                    continue
                }
                guard let object = item as? [String: Any] else { continue }
                if let graph = object["@graph"] { queue.append(graph) }
                let types = strings(object["@type"]).map { $0.lowercased() }
                guard let rank = types.compactMap({ articleTypeRank($0) }).min(), rank < bestRank else {
                    if let main = object["mainEntity"] { queue.append(main) }
                    continue
                }
                bestRank = rank
                var found = StructuredData()
                found.headline = strings(object["headline"]).first ?? strings(object["name"]).first
                found.datePublished = strings(object["datePublished"]).first ?? strings(object["dateCreated"]).first
                found.dateModified = strings(object["dateModified"]).first
                found.authors = names(object["author"]) + names(object["creator"])
                found.publisher = names(object["publisher"]).first
                found.description = strings(object["description"]).first
                found.keywords = strings(object["keywords"]).flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces() } }
                found.section = strings(object["articleSection"]).first
                found.language = strings(object["inLanguage"]).first
                found.url = strings(object["url"]).first ?? names(object["mainEntityOfPage"]).first
                found.articleBody = strings(object["articleBody"]).first
                data = found
            }
        }
        return data
    }

    private static func articleTypeRank(_ type: String) -> Int? {
        guard articleTypes.contains(type) else { return nil }
        // News and article types beat generic pages.
        switch type {
        case "webpage": return 3
        case "recipe", "howto", "review": return 2
        case "newsarticle", "reportagenewsarticle", "article", "blogposting": return 0
        default: return 1
        }
    }

    private static func strings(_ value: Any?) -> [String] {
        switch value {
        case let text as String: return text.isEmpty ? [] : [WhitespaceCollapser.collapse(text)]
        case let number as NSNumber: return [number.stringValue]
        case let array as [Any]: return array.flatMap { strings($0) }
        default: return []
        }
    }

    /// Names of persons or organisations: strings, or objects with `name` (or `@id` URLs skipped).
    private static func names(_ value: Any?) -> [String] {
        switch value {
        case let text as String:
            let clean = WhitespaceCollapser.collapse(text)
            return clean.isEmpty || clean.hasPrefix("http") ? [] : [clean]
        case let object as [String: Any]:
            if let name = object["name"] { return strings(name) }
            if let id = object["@id"] as? String, !id.hasPrefix("http"), !id.hasPrefix("#") { return [id] }
            return []
        case let array as [Any]:
            return array.flatMap { names($0) }
        default:
            return []
        }
    }

    /// Adds the normalised keys to `metadata` (raw meta values from `HTMLMetadataCollector`).
    static func normalize(
        _ metadata: [String: String], tree: MarkupTree, structured: StructuredData, text: String
    ) -> [String: String] {
        var result = metadata
        if let htmlTitle = metadata["title"] { result["html_title"] = htmlTitle }

        // Site name first: it helps strip the title suffix.
        let siteName = metadata["og:site_name"] ?? structured.publisher ?? metadata["application-name"]
            ?? metadata["twitter:site"].map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }

        var title = metadata["og:title"] ?? structured.headline ?? metadata["twitter:title"] ?? microdata(tree, "headline")
            ?? firstH1(tree) ?? metadata["title"]
        if let current = title { title = stripSiteSuffix(current, siteName: siteName) }
        if let title, !title.isEmpty { result["title"] = title } else { result["title"] = nil }
        if let siteName, !siteName.isEmpty {
            result["site_name"] = siteName
        } else if let raw = metadata["title"], let suffix = siteSuffix(raw) {
            result["site_name"] = suffix
        }

        var authors = structured.authors
        if authors.isEmpty {
            for key in ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "twitter:creator"] {
                if let value = metadata[key], !value.hasPrefix("http") {
                    authors = value.split(separator: ";").map { String($0).trimmingSpaces() }
                    break
                }
            }
        }
        if authors.isEmpty, let name = microdata(tree, "author") { authors = [name] }
        authors = authors.map { $0.hasPrefix("By ") || $0.hasPrefix("by ") ? String($0.dropFirst(3)) : $0 }
        var seen = Set<String>()
        authors = authors.filter { !$0.isEmpty && $0.utf8.count < 100 && seen.insert($0.lowercased()).inserted }
        if !authors.isEmpty { result["authors"] = authors.joined(separator: "; ") }

        let dateCandidates: [String?] = [
            structured.datePublished, metadata["article:published_time"], metadata["og:published_time"],
            metadata["datepublished"], metadata["date"], metadata["pubdate"], metadata["publishdate"],
            metadata["publish-date"], metadata["parsely-pub-date"], metadata["sailthru.date"], metadata["dc.date"],
            metadata["dc.date.issued"], metadata["dcterms.created"], metadata["citation_publication_date"],
            metadata["citation_date"], microdata(tree, "datePublished"), firstTime(tree),
        ]
        if let date = dateCandidates.compactMap({ $0.flatMap(DateNormalizer.normalize) }).first {
            result["date"] = date
        }
        let url = metadata["canonical"] ?? metadata["og:url"] ?? structured.url
        if result["date"] == nil, let url, let date = dateFromURL(url) { result["date"] = date }
        let modified = [structured.dateModified, metadata["article:modified_time"], metadata["dcterms.modified"]]
        if let date = modified.compactMap({ $0.flatMap(DateNormalizer.normalize) }).first { result["date_modified"] = date }
        if let url { result["url"] = url }

        if let description = metadata["description"] ?? metadata["og:description"] ?? structured.description {
            result["description"] = description
        }
        var tags: [String] = []
        for key in ["article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags"] {
            if let value = metadata[key] {
                tags = value.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmingSpaces() }
                break
            }
        }
        if tags.isEmpty { tags = structured.keywords }
        var seenTags = Set<String>()
        tags = tags.filter { !$0.isEmpty && seenTags.insert($0.lowercased()).inserted }
        if !tags.isEmpty { result["tags"] = tags.prefix(50).joined(separator: "; ") }
        if let section = metadata["article:section"] ?? structured.section ?? metadata["parsely-section"] ?? metadata["section"] {
            result["section"] = section
        }

        let declared = metadata["lang"] ?? metadata["content-language"] ?? structured.language ?? metadata["og:locale"]
        if let declared, let code = languageCode(declared) {
            result["lang"] = code
        } else if let guessed = LanguageGuesser.guess(text) {
            result["lang"] = guessed
            result["lang_detected"] = "true"
        }
        return result
    }

    /// `en` from `en-GB`, `en_US`, `EN`; nil for empty or odd values.
    static func languageCode(_ raw: String) -> String? {
        let primary = raw.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "," || $0 == ";" || $0 == " " }).first
            .map { $0.lowercased() }
        guard let primary, (2...3).contains(primary.count), primary.allSatisfy({ $0.isLetter }) else { return nil }
        return primary
    }

    private static func microdata(_ tree: MarkupTree, _ property: String) -> String? {
        for (index, node) in tree.nodes.enumerated() where node.kind == .element && node.attribute("itemprop") == property {
            if let value = node.attribute("content") ?? node.attribute("datetime") { return WhitespaceCollapser.collapse(value) }
            if let name = tree.elementChildren(of: index).first(where: { tree.nodes[$0].attribute("itemprop") == "name" }) {
                let text = tree.collapsedText(of: name)
                if !text.isEmpty { return text }
            }
            let text = tree.collapsedText(of: index)
            if !text.isEmpty && text.utf8.count < 300 { return text }
        }
        return nil
    }

    private static func firstH1(_ tree: MarkupTree) -> String? {
        guard let index = tree.firstElement(named: "h1") else { return nil }
        let text = tree.collapsedText(of: index)
        return text.isEmpty || text.utf8.count > 400 ? nil : text
    }

    private static func firstTime(_ tree: MarkupTree) -> String? {
        for node in tree.nodes where node.kind == .element && node.name == "time" {
            if let value = node.attribute("datetime"), !value.isEmpty { return value }
        }
        return nil
    }

    /// A date in a URL path: `/2024/03/05/`, `/2024-03-05`, `/20240305`.
    static func dateFromURL(_ url: String) -> String? {
        let digits = url.split(whereSeparator: { !$0.isNumber })
        for (position, part) in digits.enumerated() {
            if part.count == 4, let year = Int(part), (1990...2100).contains(year), position + 2 < digits.count,
                let month = Int(digits[position + 1]), digits[position + 1].count <= 2, (1...12).contains(month),
                let day = Int(digits[position + 2]), digits[position + 2].count <= 2, (1...31).contains(day)
            {
                return DateNormalizer.normalize("\(part)-\(digits[position + 1])-\(digits[position + 2])")
            }
            if part.count == 8, let value = Int(part), (19_900_101...21_001_231).contains(value) {
                if let date = DateNormalizer.normalize(String(part)) { return date }
            }
        }
        return nil
    }

    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " • ", " / "]

    /// The title without a trailing (or leading) site name.
    static func stripSiteSuffix(_ title: String, siteName: String?) -> String {
        for separator in separators where title.contains(separator) {
            let parts = title.components(separatedBy: separator).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            guard parts.count >= 2 else { continue }
            if let siteName {
                let site = siteName.lowercased()
                let kept = parts.filter { $0.lowercased() != site && !site.contains($0.lowercased()) }
                if !kept.isEmpty && kept.count < parts.count { return kept.joined(separator: separator) }
            }
            // Without a known site name, drop a short last part ("Title | Gazette").
            if let last = parts.last, last.utf8.count <= 40, parts.dropLast().joined(separator: separator).utf8.count > last.utf8.count {
                return parts.dropLast().joined(separator: separator)
            }
        }
        return title
    }

    private static func siteSuffix(_ title: String) -> String? {
        for separator in separators where title.contains(separator) {
            if let last = title.components(separatedBy: separator).last?.trimmingSpaces(), !last.isEmpty, last.utf8.count <= 40 {
                return last
            }
        }
        return nil
    }
}
