import LectorCore

/// One block of text: a paragraph, heading, list item, quote, cell, preformatted run or caption.
struct TextBlock: Sendable {
    /// UTF-8 text, whitespace collapsed, "\n" only from line breaks; never empty.
    var bytes: [UInt8]
    /// Paragraph-layer label: p, heading, list-item, quote, cell, pre or caption.
    var label: String
    /// Index of the innermost block element that holds the text (-1 for text outside any element).
    var node: Int
    /// How many of `bytes` came from inside links.
    var linkBytes: Int
}

/// Turns a `MarkupTree` (or a subtree of it) into blocks of text by the elements' block structure.
///
/// Iterative: the walk keeps a stack of open elements keyed by their subtree end, so nesting depth
/// costs heap, not call stack.
struct BlockTextBuilder {
    /// Which vocabulary decides block boundaries.
    enum Vocabulary: Sendable {
        /// HTML (and HTML-like news XML): `ElementRole` decides.
        case html
        /// Arbitrary XML: an element is a block unless its parent holds text of its own (mixed content).
        case generic
    }

    var vocabulary: Vocabulary = .html

    private struct OpenElement {
        var end: Int32
        var kind: Kind
        var label: String?
        var node: Int
    }

    private enum Kind {
        case block, link, preformatted
    }

    /// The blocks of the subtree at `root` (the whole tree when nil). `skip` is asked for each element
    /// and drops its subtree when it answers true.
    func blocks(of tree: MarkupTree, root: Int? = nil, skip: ((Int) -> Bool)? = nil) -> [TextBlock] {
        let nodes = tree.nodes
        let start = root ?? 0
        let end = root.map { Int(nodes[$0].end) } ?? nodes.count
        guard start < end else { return [] }
        let mixed = vocabulary == .generic ? mixedContentElements(tree) : []

        var blocks: [TextBlock] = []
        var buffer = InlineTextBuffer()
        var open: [OpenElement] = []
        var linkDepth = 0
        var preDepth = 0
        var linkBytes = 0

        func flush() {
            let bytes = buffer.finish()
            defer { linkBytes = 0 }
            guard !bytes.isEmpty else { return }
            var label: String?
            var node = -1
            // A paragraph or container inside a heading (an unclosed <h2> swallowing the article) is
            // text, not a heading.
            var insideContainer = false
            for element in open.reversed() where element.kind == .block {
                if node < 0 { node = element.node }
                if let found = element.label {
                    label = found == "heading" && insideContainer ? "p" : found
                    break
                }
                let name = nodes[element.node].name
                if name == "p" || name == "div" { insideContainer = true }
            }
            blocks.append(TextBlock(bytes: bytes, label: label ?? "p", node: node, linkBytes: min(linkBytes, bytes.count)))
        }

        var index = start
        while index < end {
            while let last = open.last, Int(last.end) <= index {
                // Flush while the element is still open, so the block gets its own label.
                switch last.kind {
                case .block: flush()
                case .link: linkDepth -= 1
                case .preformatted:
                    preDepth -= 1
                    flush()
                }
                open.removeLast()
            }
            let node = nodes[index]
            if node.kind == .text {
                let before = buffer.bytes.count
                if preDepth > 0 { buffer.appendPreformatted(node.text) } else { buffer.append(node.text) }
                if linkDepth > 0 { linkBytes += buffer.bytes.count - before }
                index += 1
                continue
            }
            if let skip, index != start, skip(index) {
                index = Int(node.end)
                continue
            }
            let role: ElementRole
            switch vocabulary {
            case .html: role = ElementRole.of(node.name)
            case .generic: role = node.parent >= 0 && mixed.contains(Int(node.parent)) ? .inline : .block(label: nil)
            }
            switch role {
            case .dropped:
                // A <noscript> holding real text is the page's content for readers without scripts
                // (or, unclosed, swallows the rest of the page in libxml2's tree): only small ones
                // (tracking pixels, "enable JavaScript") are dropped.
                if node.name != "noscript" || !Self.holdsText(tree, index, atLeast: 200) {
                    index = Int(node.end)
                    continue
                }
            case .lineBreak:
                if buffer.endsWithLineBreak {
                    flush()
                } else {
                    buffer.lineBreak()
                }
            case .block(let label):
                flush()
                if label == "pre" {
                    preDepth += 1
                    open.append(OpenElement(end: node.end, kind: .preformatted, label: label, node: index))
                    // Also a block, so the label search finds it.
                    open.append(OpenElement(end: node.end, kind: .block, label: label, node: index))
                } else {
                    open.append(OpenElement(end: node.end, kind: .block, label: label, node: index))
                }
            case .inline:
                if node.name == "a" && vocabulary == .html {
                    linkDepth += 1
                    open.append(OpenElement(end: node.end, kind: .link, label: nil, node: index))
                }
            }
            index += 1
        }
        while let last = open.last {
            if last.kind == .block || last.kind == .preformatted { flush() }
            open.removeLast()
        }
        flush()
        return blocks
    }

    /// Whether the subtree at `index` holds at least `bytes` bytes of character data.
    private static func holdsText(_ tree: MarkupTree, _ index: Int, atLeast bytes: Int) -> Bool {
        var total = 0
        var position = index + 1
        let end = Int(tree.nodes[index].end)
        while position < end {
            if tree.nodes[position].kind == .text {
                total += tree.nodes[position].text.utf8.count
                if total >= bytes { return true }
            }
            position += 1
        }
        return false
    }

    /// Elements with non-whitespace character data of their own.
    private func mixedContentElements(_ tree: MarkupTree) -> Set<Int> {
        var result = Set<Int>()
        for node in tree.nodes where node.kind == .text && node.parent >= 0 {
            if node.text.utf8.contains(where: { $0 > 0x20 }) { result.insert(Int(node.parent)) }
        }
        return result
    }

    /// Join blocks with "\n\n" and produce the matching paragraph annotations (UTF-8 offsets).
    static func assemble(_ blocks: [TextBlock]) -> (text: String, paragraphs: [Annotation]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(blocks.reduce(0) { $0 + $1.bytes.count + 2 })
        var paragraphs: [Annotation] = []
        paragraphs.reserveCapacity(blocks.count)
        for block in blocks where !block.bytes.isEmpty {
            if !bytes.isEmpty { bytes.append(contentsOf: [0x0A, 0x0A]) }
            let start = bytes.count
            bytes.append(contentsOf: block.bytes)
            paragraphs.append(Annotation(start, bytes.count, label: block.label))
        }
        return (String(decoding: bytes, as: UTF8.self), paragraphs)
    }
}
