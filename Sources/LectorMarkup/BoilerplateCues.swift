/// Class, id, role and tag cues that say whether an element is article content or page furniture.
///
/// Class and id values are split into words at spaces, `-` and `_` and matched word by word, so
/// `article-share-bar` counts as "share" while `shadow` does not count as "ad".
enum BoilerplateCues {
    private static let negativeWords: Set<String> = [
        "comment", "comments", "share", "sharing", "social", "related", "recommended", "recommendations", "newsletter",
        "subscribe", "subscription", "ad", "ads", "advert", "advertisement", "adsense", "banner", "cookie", "cookies",
        "consent", "gdpr", "dsgvo", "rgpd", "popup", "modal", "promo", "sidebar", "breadcrumb", "breadcrumbs",
        "menu", "nav", "navbar", "navigation", "footer", "masthead", "tags", "tagcloud", "popular", "trending",
        "readmore", "pagination", "pager", "skip", "login", "signup", "outbrain", "taboola", "disqus", "sponsor",
        "sponsored", "teasers", "kommentare", "utility", "license", "textwidget",
        "popmake", "pum", "player", "imagedescription", "legend", "wpcaption", "relacionados", "correlati", "follow", "toolbar", "sronly", "offscreen", "relatedposts",
        "sharedaddy", "yarpp", "addthis", "shariff", "socials", "rating", "author", "bio", "meta",
        "byline", "dateline", "date", "caption", "credit", "copyright", "disclaimer", "partner", "aside", "rail",
        "recirc", "feedback", "alert", "jump", "mostread", "newsticker", "ticker", "cta", "donate",
    ]

    private static let positiveWords: Set<String> = [
        "article", "articlebody", "body", "content", "entry", "main", "post", "story", "text", "blog", "news", "prose",
        "richtext", "rte", "storybody", "postbody", "entrycontent", "articletext", "page", "single", "detail",
    ]

    /// Stems that mark furniture even inside compound words (`commentform`, `relatedposts`).
    private static let negativeStems: [String] = [
        "comment", "related", "share", "sharing", "social", "newsletter", "subscri", "promo", "sidebar", "kommentar", "teaser",
        "breadcrumb", "cookie", "advert", "sponsor", "recommend", "navigation", "footer", "metadata",
    ]

    private static func hasNegativeStem(_ word: String) -> Bool {
        guard word.utf8.count > 5 else { return false }
        for stem in negativeStems where word.containsBytes(stem) {
            if stem == "comment" && word.containsBytes("commentar") { continue }
            if stem == "promo" && word.hasPrefix("promoted") { continue }
            return true
        }
        return false
    }

    /// Words that, though negative elsewhere, are only weak signs (they name parts of an article).
    private static let weakNegativeWords: Set<String> = [
        "author", "meta", "byline", "dateline", "date", "rating", "ad", "ads",
    ]

    private static let negativeRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
    ]

    private static let furnitureTags: Set<String> = ["nav", "aside", "footer", "menu", "dialog", "form"]

    /// How an element's markup leans: positive for content cues, negative for furniture cues.
    static func weight(of node: MarkupTree.Node) -> Int {
        var weight = 0
        if furnitureTags.contains(node.name) { weight -= 25 }
        if node.name == "article" || node.name == "main" { weight += 15 }
        if let role = node.attribute("role"), negativeRoles.contains(role.lowercased()) { weight -= 25 }
        if let prop = node.attribute("itemprop")?.lowercased(), prop == "articlebody" || prop == "text" { weight += 50 }
        for name in ["class", "id"] {
            guard let value = node.attribute(name), !value.isEmpty else { continue }
            var negative = false
            var weak = false
            var positive = false
            for word in words(value, paragraph: node.name == "p") {
                if negativeWords.contains(word) {
                    if weakNegativeWords.contains(word) { weak = true } else { negative = true }
                } else if hasNegativeStem(word) {
                    negative = true
                }
                if positiveWords.contains(word) { positive = true }
            }
            if negative { weight -= 25 } else if weak { weight -= 10 }
            if positive && !negative { weight += 25 }
        }
        return weight
    }

    /// Whole class tokens that hide an element.
    private static let hidingTokens: Set<String> = [
        "hidden", "d-none", "hide", "visually-hidden", "sr-only", "screen-reader-text", "screenreader", "invisible",
    ]

    /// Verdict on an element inside the article region.
    enum Verdict {
        case content
        case furniture
        /// Furniture only when small (bylines, dates, meta lines): weak cues on a big container mean
        /// nothing.
        case furnitureIfSmall
    }

    /// Whether an element inside the article region is furniture to drop with its subtree; weak
    /// cues only in `strict` mode and only for small elements (the caller checks the size).
    static func verdict(_ node: MarkupTree.Node, strict: Bool) -> Verdict {
        if isFurniture(node, strict: false) { return .furniture }
        guard strict, node.name != "article" else { return .content }
        for name in ["class", "id"] {
            guard let value = node.attribute(name), !value.isEmpty else { continue }
            if words(value, paragraph: node.name == "p").contains(where: { weakNegativeWords.contains($0) }) { return .furnitureIfSmall }
        }
        return .content
    }

    /// Whether an element is furniture by strong cues (and, when `strict`, weak ones).
    static func isFurniture(_ node: MarkupTree.Node, strict: Bool) -> Bool {
        if node.name == "body" || node.name == "html" || node.name == "main" { return false }
        if furnitureTags.contains(node.name) && node.name != "form" { return true }
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden") == "true" { return true }
        if let style = node.attribute("style") {
            let compact = style.lowercased().filter { $0 != " " }
            if compact.containsBytes("display:none") || compact.containsBytes("visibility:hidden") { return true }
        }
        if let role = node.attribute("role"), negativeRoles.contains(role.lowercased()) { return true }
        if let prop = node.attribute("itemprop")?.lowercased(), prop == "articlebody" { return false }
        if let classes = node.attribute("class"),
            classes.lowercased().split(separator: " ").contains(where: { hidingTokens.contains(String($0)) })
        {
            return true
        }
        for name in ["class", "id"] {
            guard let value = node.attribute(name), !value.isEmpty else { continue }
            var negative = false
            for word in words(value, paragraph: node.name == "p") {
                if negativeWords.contains(word) && (strict || !weakNegativeWords.contains(word)) { negative = true }
                if !negative && hasNegativeStem(word) { negative = true }
            }
            if negative && node.name != "article" { return true }
        }
        return false
    }

    /// Class tokens that describe the page's state or taxonomy, not the element (`has-sidebar`,
    /// `category-social`, `tag-sharing`): skipped.
    private static let descriptivePrefixes = [
        "has-", "has_", "with-", "no-", "is-", "show-", "enable-", "category-", "tag-", "tags-", "postid-", "page-id",
        "format-", "type-", "status-", "single-", "layout-", "theme-", "js-", "elementor", "et_pb", "wp-block-columns",
    ]

    /// Lowercase words of a class or id value: tokens split at whitespace, then at `-`, `_` and `:`.
    /// `paragraph`: the value is a `<p>`'s, which a "teaser" class makes a standfirst, not a teaser.
    static func words(_ value: String, paragraph: Bool = false) -> [String] {
        var result: [String] = []
        // "teaser-text", "lead teaser" name an article's standfirst, not a teaser for another page.
        let lower = value.lowercased()
        let standfirst = paragraph || lower.containsBytes("text") || lower.containsBytes("lead") || lower.containsBytes("intro")
        for token in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let lower = token.lowercased()
            if descriptivePrefixes.contains(where: { lower.hasPrefix($0) }) { continue }
            for word in lower.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == ":" }) {
                if standfirst && String(word).containsBytes("teaser") { continue }
                result.append(String(word))
            }
        }
        return result
    }
}
