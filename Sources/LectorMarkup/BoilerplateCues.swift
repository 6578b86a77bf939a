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
            let found = cues(of: value, paragraph: node.name == "p")
            let negative = found.contains(.negative)
            if negative { weight -= 25 } else if found.contains(.weak) { weight -= 10 }
            if found.contains(.positive) && !negative { weight += 25 }
        }
        return weight
    }

    /// Words of a class value naming a panel shown on demand (tabs, accordions, collapsed sections).
    private static let disclosureWords: Set<String> = [
        "accordion", "collapse", "collapsible", "collapsed", "tab", "tabs", "tabpanel", "pane", "expandable", "expander",
        "spoiler", "disclosure",
    ]

    /// Whether an element is a panel that a tab, accordion or "more" button opens: hidden in the
    /// markup, shown on a click, its text is the page's.
    static func isDisclosure(_ node: MarkupTree.Node) -> Bool {
        if hasDisclosureRole(node) { return true }
        guard let value = node.attribute("class"), !value.isEmpty else { return false }
        return cues(of: value).contains(.disclosure)
    }

    /// `role="tabpanel"` or `role="region"` (an accordion's panel).
    private static func hasDisclosureRole(_ node: MarkupTree.Node) -> Bool {
        guard let role = node.attribute("role")?.lowercased() else { return false }
        return role == "tabpanel" || role == "region"
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
            if cues(of: value, paragraph: node.name == "p").contains(.weak) { return .furnitureIfSmall }
        }
        return .content
    }

    /// Whether an element is furniture by its tag or role alone (footer, navigation, dialog…), whatever
    /// its class words and visibility (scripts show hidden content).
    static func isStructuralFurniture(_ node: MarkupTree.Node) -> Bool {
        if furnitureTags.contains(node.name) && node.name != "form" { return true }
        if let role = node.attribute("role"), negativeRoles.contains(role.lowercased()) { return true }
        return false
    }

    /// Whether an element is furniture by strong cues (and, when `strict`, weak ones).
    static func isFurniture(_ node: MarkupTree.Node, strict: Bool) -> Bool {
        if node.name == "body" || node.name == "html" || node.name == "main" { return false }
        if isStructuralFurniture(node) { return true }
        // A tab, accordion or collapsed panel is hidden until a click shows it: its text is content.
        let hidden = node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true"
            || node.attribute("style").map(hidesByStyle) == true
        if hidden && !isDisclosure(node) { return true }
        if let prop = node.attribute("itemprop")?.lowercased(), prop == "articlebody" { return false }
        for name in ["class", "id"] {
            guard let value = node.attribute(name), !value.isEmpty else { continue }
            let found = cues(of: value, paragraph: node.name == "p")
            if name == "class" && found.contains(.hiding) && !found.contains(.disclosure) && !hasDisclosureRole(node) {
                return true
            }
            let negative = found.contains(.negative) || (strict && found.contains(.weak))
            if negative && node.name != "article" { return true }
        }
        return false
    }

    /// Class tokens that describe the page's state or taxonomy, not the element (`has-sidebar`,
    /// `category-social`, `tag-sharing`): skipped.
    private static let descriptivePrefixes: [[UInt8]] = [
        "has-", "has_", "with-", "no-", "is-", "show-", "enable-", "category-", "tag-", "tags-", "postid-", "page-id",
        "format-", "type-", "status-", "single-", "layout-", "theme-", "js-", "elementor", "et_pb", "wp-block-columns",
    ].map { Array($0.utf8) }

    /// What the words of a class or id value say.
    struct Cues: OptionSet {
        let rawValue: UInt8
        /// A furniture word (not a weak one) or a word holding a furniture stem.
        static let negative = Cues(rawValue: 1)
        /// A weak furniture word (`author`, `date`, `meta`…).
        static let weak = Cues(rawValue: 2)
        static let positive = Cues(rawValue: 4)
        /// A whole token that hides the element (`hidden`, `sr-only`…).
        static let hiding = Cues(rawValue: 8)
        /// A word naming a tab, accordion or collapsed panel.
        static let disclosure = Cues(rawValue: 16)
    }

    /// The cues of a class or id value, read from its bytes (ASCII case folded): tokens split at
    /// whitespace (a whole token may hide the element), tokens with a descriptive prefix skipped, the
    /// rest split into words at `-`, `_` and `:`, each word looked up.
    /// `paragraph`: the value is a `<p>`'s, which a "teaser" class makes a standfirst, not a teaser.
    static func cues(of value: String, paragraph: Bool = false) -> Cues {
        let lower = value.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        // "teaser-text", "lead teaser" name an article's standfirst, not a teaser for another page.
        let standfirst = paragraph || contains(lower[...], "text") || contains(lower[...], "lead") || contains(lower[...], "intro")
        var found: Cues = []
        var tokenStart = 0
        for end in 0...lower.count {
            guard end == lower.count || isSpace(lower[end]) else { continue }
            defer { tokenStart = end + 1 }
            guard end > tokenStart else { continue }
            let token = lower[tokenStart..<end]
            // A hiding token counts only between spaces, as extraction was tuned: a class value broken
            // over lines ("menu\r\n\thidden", often a collapsed answer shown on click) keeps its text.
            if (tokenStart == 0 || lower[tokenStart - 1] == 0x20) && (end == lower.count || lower[end] == 0x20),
                hidingTokens.contains(String(decoding: token, as: UTF8.self))
            {
                found.insert(.hiding)
            }
            if descriptivePrefixes.contains(where: { token.starts(with: $0) }) { continue }
            for part in token.split(whereSeparator: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") }) {
                if standfirst && contains(part, "teaser") { continue }
                let word = String(decoding: part, as: UTF8.self)
                if disclosureWords.contains(word) { found.insert(.disclosure) }
                if negativeWords.contains(word) {
                    found.insert(weakNegativeWords.contains(word) ? .weak : .negative)
                } else if hasNegativeStem(word) {
                    found.insert(.negative)
                }
                if positiveWords.contains(word) { found.insert(.positive) }
            }
        }
        return found
    }

    /// Whether an inline style hides the element (`display: none`, `visibility: hidden`).
    static func hidesByStyle(_ style: String) -> Bool {
        let compact = style.utf8.compactMap { $0 == 0x20 ? nil : ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) }
        return contains(compact[...], "display:none") || contains(compact[...], "visibility:hidden")
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func contains(_ bytes: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let first = needle.utf8Start[0]
        var index = bytes.startIndex
        while index + count <= bytes.endIndex {
            if bytes[index] == first {
                var offset = 1
                while offset < count && bytes[index + offset] == needle.utf8Start[offset] { offset += 1 }
                if offset == count { return true }
            }
            index += 1
        }
        return false
    }
}
