/// How the block builder treats an element of HTML (and of news XML such as NITF, whose body uses
/// HTML-like names).
enum ElementRole: Sendable, Equatable {
    /// Skipped with its whole subtree (scripts, styles, form controls, ruby pronunciation guides…).
    case dropped
    /// Starts and ends a block; `label` is the paragraph-layer label, nil for generic containers.
    case block(label: String?)
    /// A forced line break inside a block.
    case lineBreak
    /// Text joins the surrounding block.
    case inline

    /// The role of an element by its (lowercase) local name.
    static func of(_ name: String) -> ElementRole { table[name] ?? .inline }

    private static let table: [String: ElementRole] = {
        var table: [String: ElementRole] = [:]
        for name in [
            "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "embed", "input", "select",
            "textarea", "button", "option", "math", "canvas", "audio", "video", "title", "meta", "link", "base",
            "datalist", "frameset", "frame", "applet", "map", "param", "source", "track", "rt", "rp",
        ] {
            table[name] = .dropped
        }
        for name in [
            "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "address", "hr", "ul",
            "ol", "dl", "menu", "table", "thead", "tbody", "tfoot", "tr", "figure", "form", "fieldset", "legend",
            "details", "summary", "center", "body", "html", "hgroup", "dialog", "search", "label", "block",
            "body.content", "body.head", "body.end",
        ] {
            table[name] = .block(label: nil)
        }
        for name in ["h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2"] { table[name] = .block(label: "heading") }
        for name in ["li", "dt", "dd"] { table[name] = .block(label: "list-item") }
        for name in ["blockquote", "bq"] { table[name] = .block(label: "quote") }
        for name in ["td", "th"] { table[name] = .block(label: "cell") }
        for name in ["pre", "listing", "plaintext", "xmp"] { table[name] = .block(label: "pre") }
        for name in ["figcaption", "caption", "media-caption"] { table[name] = .block(label: "caption") }
        table["br"] = .lineBreak
        return table
    }()
}
