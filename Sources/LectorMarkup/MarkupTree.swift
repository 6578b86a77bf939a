/// A compact, pointer-free copy of a parsed HTML or XML tree, nodes in document (pre-)order.
///
/// Built by `MarkupParser` from libxml2's tree before the parser's memory is freed, so the rest of the
/// module works on Swift values only. Pre-order storage makes a subtree a contiguous index range
/// `index..<node.end`, so every walk is a loop (no recursion: 100,000-deep nesting is safe) and
/// bottom-up aggregation is a reverse loop over the array.
struct MarkupTree: Sendable {
    /// What a node is: an element (with name and attributes) or a run of character data.
    enum Kind: UInt8, Sendable {
        case element
        case text
    }

    /// One node. Indices are positions in `nodes`; -1 means none.
    struct Node: Sendable {
        var kind: Kind
        /// Element local name (lowercase for HTML); empty for text nodes.
        var name: String
        /// Namespace prefix of an XML element (`content` in `content:encoded`), else empty.
        var prefix: String
        /// Character data of a text node (entities decoded); empty for elements.
        var text: String
        /// Attributes kept from the source (all for XML, the ones the readers use for HTML).
        var attributes: [Attribute]
        var parent: Int32
        /// One past the last node of this node's subtree.
        var end: Int32
        var depth: Int32

        /// The value of attribute `name`, if present.
        func attribute(_ name: String) -> String? {
            for attribute in attributes where attribute.name == name { return attribute.value }
            return nil
        }
    }

    /// An attribute's local name (lowercase for HTML) and its decoded value.
    struct Attribute: Sendable {
        var name: String
        var value: String
    }

    var nodes: [Node] = []
    /// Whether content was nested too deep: dropped by libxml2 or flattened into an ancestor.
    var depthCapped = false

    /// Indices of the element children of `index`, in order.
    func elementChildren(of index: Int) -> [Int] {
        var children: [Int] = []
        var child = index + 1
        let end = Int(nodes[index].end)
        while child < end {
            if nodes[child].kind == .element { children.append(child) }
            child = Int(nodes[child].end)
        }
        return children
    }

    /// Index of the first element named `name` (and, when given, with `prefix`) in the subtree of
    /// `index` (`nil` for the whole tree), excluding the root itself.
    func firstElement(named name: String, prefix: String? = nil, in index: Int? = nil) -> Int? {
        let start = index.map { $0 + 1 } ?? 0
        let end = index.map { Int(nodes[$0].end) } ?? nodes.count
        var position = start
        while position < end {
            let node = nodes[position]
            if node.kind == .element, node.name == name, prefix == nil || node.prefix == prefix { return position }
            position += 1
        }
        return nil
    }

    /// Index of the first element child of `index` named `name` (any prefix unless given).
    func child(of index: Int, named name: String, prefix: String? = nil) -> Int? {
        var child = index + 1
        let end = Int(nodes[index].end)
        while child < end {
            let node = nodes[child]
            if node.kind == .element, node.name == name, prefix == nil || node.prefix == prefix { return child }
            child = Int(node.end)
        }
        return nil
    }

    /// All the character data under `index`, concatenated in order (no whitespace handling).
    func rawText(of index: Int) -> String {
        let node = nodes[index]
        if node.kind == .text { return node.text }
        var result = ""
        var position = index + 1
        while position < Int(node.end) {
            if nodes[position].kind == .text { result += nodes[position].text }
            position += 1
        }
        return result
    }

    /// The text under `index` with whitespace runs collapsed to one space and the ends trimmed.
    func collapsedText(of index: Int) -> String {
        WhitespaceCollapser.collapse(rawText(of: index))
    }
}

/// Collapses whitespace runs (ASCII whitespace, controls and no-break spaces) to one space and trims.
enum WhitespaceCollapser {
    static func collapse(_ text: String) -> String {
        var line = InlineTextBuffer()
        line.append(text)
        return String(decoding: line.bytes, as: UTF8.self)
    }
}
