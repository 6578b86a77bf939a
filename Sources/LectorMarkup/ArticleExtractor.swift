/// Chooses the main content of an HTML page and drops the furniture around it.
///
/// Works on the full page's blocks (each knows its element and its link text) and the tree:
/// 1. Structured cue: an `itemprop="articleBody"` element with enough text is the region.
/// 2. Otherwise each paragraph-like block scores its container and, less, the container's ancestors
///    (1 + commas + length, a readability-style score); a candidate's score is scaled by its link
///    density and shifted by class/id/tag cues; the best candidate is the region, with siblings
///    whose score or prose quality is close enough.
/// 3. Inside the region, furniture subtrees (share bars, related links, hidden elements…) are
///    dropped, then link-heavy blocks and headings left without text after them.
/// 4. When that leaves too little, the page's best prose blocks are taken instead.
///
/// All walks are loops over the pre-order array: no recursion.
struct ArticleExtractor {
    var bias: ReaderOptions.ExtractionBias

    private var maxLinkDensity: Double {
        switch bias {
        case .precision: return 0.25
        case .balanced: return 0.33
        case .recall: return 0.5
        }
    }

    /// A candidate is replaced by its parent when it holds less than this share of the parent's prose.
    private var climbRatio: Double {
        switch bias {
        case .precision: return 0.6
        case .balanced: return 0.75
        case .recall: return 0.85
        }
    }

    private var siblingThreshold: Double {
        switch bias {
        case .precision: 0.3
        case .balanced: 0.2
        case .recall: 0.1
        }
    }

    func extract(tree: MarkupTree, blocks: [TextBlock]) -> [TextBlock] {
        let nodes = tree.nodes
        guard !blocks.isEmpty else { return [] }
        let region = chooseRegion(tree: tree, blocks: blocks)
        guard !region.isEmpty else {
            let alternative = fallback(tree: tree, blocks: blocks)
            return alternative.isEmpty ? blocks.filter { isProse($0, minimum: 40) } : alternative
        }

        // Elements inside the region that are furniture (checked once per element).
        var furnitureCache: [Int: Bool] = [:]
        func isFurniture(_ index: Int) -> Bool {
            if let known = furnitureCache[index] { return known }
            var value: Bool
            switch BoilerplateCues.verdict(nodes[index], strict: bias != .recall) {
            case .content: value = false
            case .furniture: value = true
            case .furnitureIfSmall: value = subtreeTextBytes(tree, index, limit: smallLimit) < smallLimit
            }
            furnitureCache[index] = value
            return value
        }
        var kept: [TextBlock] = []
        // Position in `blocks` of each kept block.
        var keptPositions: [Int] = []
        for (position, block) in blocks.enumerated() {
            guard block.node >= 0 else { continue }
            // Walk up to a region root, failing on furniture.
            var index = block.node
            var inside = false
            var dropped = false
            while index >= 0 {
                if region.contains(index) {
                    inside = true
                    break
                }
                if isFurniture(index) {
                    dropped = true
                    break
                }
                index = Int(nodes[index].parent)
            }
            guard inside && !dropped else { continue }
            let density = Double(block.linkBytes) / Double(max(block.bytes.count, 1))
            if density > maxLinkDensity {
                // A long, sentence-shaped block made of links is still prose (glossaries, link-rich
                // paragraphs); a list of headlines is not.
                let keep = bias != .precision && block.bytes.count >= 150 && endsSentence(block.bytes)
                if !keep { continue }
            }
            if block.label == "heading" && density > 0.3 { continue }
            if block.label == "caption" && bias != .recall { continue }
            if bias != .recall && CreditLine.isCredit(block.bytes) { continue }
            kept.append(block)
            keptPositions.append(position)
        }
        kept = dropLabelsOfDroppedContent(kept, positions: keptPositions, blocks: blocks)
        kept = dropOrphanHeadings(kept)
        kept = trimTail(kept)
        kept = dropCallsToAction(kept)
        kept = trimHead(kept)
        let keptBytes = kept.reduce(0) { $0 + $1.bytes.count }
        if keptBytes < 250 {
            let alternative = fallback(tree: tree, blocks: blocks)
            if alternative.reduce(0, { $0 + $1.bytes.count }) > keptBytes * 2 { kept = alternative }
        }
        if kept.isEmpty {
            // Better some prose than nothing: the page's prose blocks, else all of it.
            kept = blocks.filter { isProse($0, minimum: 40) }
            if kept.isEmpty { kept = blocks }
        }
        // A body the markup marks (`itemprop="articleBody"`) is the article whatever its share.
        if region.contains(where: { nodes[$0].attribute("itemprop")?.lowercased() == "articlebody" }) { return kept }
        return widenIfPartial(kept, tree: tree, blocks: blocks)
    }

    /// Pages that are not one article (listings, collections, service and landing pages) spread their
    /// content over many containers; the article region then holds a small part of it. When the kept
    /// text is under `wideShare` of the text outside page furniture, that wider text is the content.
    private func widenIfPartial(_ kept: [TextBlock], tree: MarkupTree, blocks: [TextBlock]) -> [TextBlock] {
        let wide = wideBlocks(tree: tree, blocks: blocks)
        let keptBytes = kept.reduce(0) { $0 + $1.bytes.count }
        let wideBytes = wide.reduce(0) { $0 + $1.bytes.count }
        // A page this small (a fragment, a few bare <div>s) is all main text.
        let tiny = wideBytes <= tinyPageBytes && keptBytes < wideBytes
        guard Double(keptBytes) < wideShare * Double(wideBytes) || tiny else { return kept }
        return wide
    }

    /// Share of the wide text under which the article region is taken for a part of the content.
    /// Tuned on every development set at once (WCXB dev, CleanEval dev, trafilatura's pages): higher
    /// values help listings, collections and service pages and cost trafilatura's snippet set and
    /// product pages (see the README's extraction section).
    private var wideShare: Double { 0.5 }

    /// Pages whose text outside furniture is at most this many bytes keep all of it.
    private var tinyPageBytes: Int { 400 }

    /// The page's blocks outside furniture: navigation, asides, footers, menus, hidden elements,
    /// elements whose class or id names furniture, and a site header outside `<article>`/`<main>`.
    func wideBlocks(tree: MarkupTree, blocks: [TextBlock]) -> [TextBlock] {
        let nodes = tree.nodes
        // Per element: 0 unknown, 1 content, 2 inside furniture.
        var state = [UInt8](repeating: 0, count: nodes.count)
        var path: [Int] = []
        func insideFurniture(_ start: Int) -> Bool {
            var index = start
            path.removeAll(keepingCapacity: true)
            var verdict = false
            while index >= 0 {
                if state[index] != 0 {
                    verdict = state[index] == 2
                    break
                }
                path.append(index)
                index = Int(nodes[index].parent)
            }
            // Decide from the top down: an element inside furniture is furniture.
            var insideArticle = false
            for element in path.reversed() {
                let node = nodes[element]
                if node.name == "article" || node.name == "main" { insideArticle = true }
                if !verdict {
                    verdict = BoilerplateCues.isFurniture(node, strict: false)
                        || (node.name == "header" && !insideArticle && !hasArticleAncestor(element, nodes))
                }
                state[element] = verdict ? 2 : 1
            }
            return verdict
        }
        var result: [TextBlock] = []
        for block in blocks {
            if block.node >= 0 && insideFurniture(block.node) { continue }
            result.append(block)
        }
        return result
    }

    private func hasArticleAncestor(_ index: Int, _ nodes: [MarkupTree.Node]) -> Bool {
        var current = Int(nodes[index].parent)
        while current >= 0 {
            if nodes[current].name == "article" || nodes[current].name == "main" { return true }
            current = Int(nodes[current].parent)
        }
        return false
    }

    /// A heading or a short label ending in ":" followed on the page by dropped links introduced them
    /// ("Related articles:", "More on this topic") and goes with them.
    private func dropLabelsOfDroppedContent(_ kept: [TextBlock], positions: [Int], blocks: [TextBlock]) -> [TextBlock] {
        var result: [TextBlock] = []
        result.reserveCapacity(kept.count)
        for (index, block) in kept.enumerated() {
            let position = positions[index]
            let nextKept = index + 1 < positions.count ? positions[index + 1] : blocks.count
            if position + 1 < nextKept, block.bytes.count <= labelLimit, isLabel(block) {
                var bytes = 0
                var links = 0
                for dropped in blocks[(position + 1)..<nextKept] {
                    bytes += dropped.bytes.count
                    links += dropped.linkBytes
                }
                if Double(links) >= droppedLinkShare * Double(bytes) { continue }
            }
            result.append(block)
        }
        return result
    }

    /// Share of link text in the dropped blocks after a label that makes it their label.
    private var droppedLinkShare: Double { 0.5 }

    /// Blocks up to this many bytes may be labels of the content after them.
    private var labelLimit: Int { 100 }

    /// A heading, or a line ending in ":" (a label for what follows).
    private func isLabel(_ block: TextBlock) -> Bool {
        if block.label == "heading" { return true }
        var end = block.bytes.count
        while end > 0, block.bytes[end - 1] == 0x20 { end -= 1 }
        return end > 0 && block.bytes[end - 1] == UInt8(ascii: ":")
    }

    /// Phrases of subscription pleas, social-media calls, copyright and advertising notices (lowercase).
    private static let callToActionCues: [String] = [
        "subscribe", "subscription", "newsletter", "follow us", "follow the", "on twitter", "on facebook", "instagram",
        "whatsapp", "telegram", "all rights reserved", "©", "copyright", "advertise", "sign up", "abonn", "suscr",
        "síguenos", "folgen sie", "werbung", "derechos reservados", "tous droits", "alle rechte", "hazte miembro",
        "newsletter", "podcast", "app store", "google play", "cookie",
    ]

    /// Short blocks in the last quarter that plead, advertise or claim copyright.
    private func dropCallsToAction(_ blocks: [TextBlock]) -> [TextBlock] {
        let start = blocks.count * 3 / 4
        var result: [TextBlock] = []
        result.reserveCapacity(blocks.count)
        for (position, block) in blocks.enumerated() {
            if position >= start || position >= blocks.count - 2, block.bytes.count < 400, block.label != "heading" {
                let lower = String(decoding: block.bytes, as: UTF8.self).lowercased()
                if Self.callToActionCues.contains(where: { lower.containsBytes($0) }) { continue }
            }
            result.append(block)
        }
        return result
    }

    /// Commas, including the ideographic "、" and full-width "，" (CJK prose has no ASCII commas).
    static func commaCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") {
                count += 1
            } else if index + 2 < bytes.count
                && ((byte == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x8C)
                    || (byte == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x81))
            {
                count += 1
                index += 2
            }
            index += 1
        }
        return count
    }

    /// Elements with weak furniture cues (byline, date, meta) are dropped only below this many bytes.
    private var smallLimit: Int { 500 }

    /// Bytes of character data under `index`, counting stops at `limit`.
    private func subtreeTextBytes(_ tree: MarkupTree, _ index: Int, limit: Int) -> Int {
        var total = 0
        var position = index + 1
        let end = Int(tree.nodes[index].end)
        while position < end && total < limit {
            if tree.nodes[position].kind == .text { total += tree.nodes[position].text.utf8.count }
            position += 1
        }
        return total
    }

    /// Short lines after the last paragraph of prose are sign-offs, calls to action and labels.
    private func trimTail(_ blocks: [TextBlock]) -> [TextBlock] {
        var end = blocks.count
        while end > 1 {
            let block = blocks[end - 1]
            guard block.bytes.count < tailLimit, !endsSentence(block.bytes) else { break }
            end -= 1
        }
        return Array(blocks[..<end])
    }

    /// Short label lines (dates, categories, bylines) before the first paragraph of prose.
    private func trimHead(_ blocks: [TextBlock]) -> [TextBlock] {
        guard let firstProse = blocks.firstIndex(where: { isProse($0, minimum: 100) }) else { return blocks }
        var result: [TextBlock] = []
        for (position, block) in blocks.enumerated() {
            if position < firstProse && block.label != "heading" && block.bytes.count < headLimit && !endsSentence(block.bytes) {
                continue
            }
            result.append(block)
        }
        return result
    }

    /// Label lines before the first paragraph are dropped below this many bytes.
    private var headLimit: Int { 80 }

    /// Lines after the last sentence-shaped block are dropped below this many bytes.
    private var tailLimit: Int { 40 }

    /// Whether text ends like a sentence (. ! ? … or a closing quote after one).
    private func endsSentence(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        // Skip closing quotes and brackets: " ' ) ” ’ » (the last two are multi-byte).
        while end > 0 {
            let byte = bytes[end - 1]
            if byte == 0x22 || byte == 0x27 || byte == 0x29 { end -= 1; continue }
            if end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && (byte == 0x9D || byte == 0x99) { end -= 3; continue }
            if end >= 2 && bytes[end - 2] == 0xC2 && byte == 0xBB { end -= 2; continue }
            break
        }
        guard end > 0 else { return false }
        let last = bytes[end - 1]
        if last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") { return true }
        // … (E2 80 A6) and CJK full stop (E3 80 82)
        if end >= 3 && ((bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && last == 0xA6)
            || (bytes[end - 3] == 0xE3 && bytes[end - 2] == 0x80 && last == 0x82)) { return true }
        return false
    }

    /// A heading followed by another heading of the same or higher rank, or by nothing, is a section
    /// title whose content was removed ("Related articles").
    private func dropOrphanHeadings(_ blocks: [TextBlock]) -> [TextBlock] {
        var result: [TextBlock] = []
        result.reserveCapacity(blocks.count)
        for (position, block) in blocks.enumerated() {
            if block.label == "heading" {
                let next = position + 1 < blocks.count ? blocks[position + 1] : nil
                if next == nil || next?.label == "heading" { continue }
            }
            result.append(block)
        }
        return result
    }

    /// Whether a block reads as prose: long enough, not mostly links.
    private func isProse(_ block: TextBlock, minimum: Int) -> Bool {
        guard block.label != "heading", block.bytes.count >= minimum else { return false }
        return Double(block.linkBytes) / Double(max(block.bytes.count, 1)) < 0.3
    }

    /// The region roots (element indices) holding the article, or empty when nothing qualifies.
    func chooseRegion(tree: MarkupTree, blocks: [TextBlock]) -> Set<Int> {
        let nodes = tree.nodes
        // Per element: text, prose and link bytes of its blocks, and the readability-style score.
        var textBytes = [Int: Int]()
        var linkBytes = [Int: Int]()
        var scores = [Int: Double]()
        var proseBytes = [Int: Int]()
        for block in blocks where block.node >= 0 {
            var index = block.node
            let prose = isProse(block, minimum: 25)
            var blockScore = 0.0
            if prose {
                let commas = Self.commaCount(block.bytes)
                blockScore = 1 + Double(commas) + min(Double(block.bytes.count) / 100, 3)
            }
            // The block's own element counts as its container when it is a generic block (div with
            // text); a paragraph's container is its parent.
            let name = nodes[index].name
            let isParagraph = name == "p" || name == "li" || name == "blockquote" || name == "pre" || name.first == "h"
                || name == "td" || name == "dd" || name == "dt"
            var scoreLevel = isParagraph ? -1 : 0
            while index >= 0 {
                textBytes[index, default: 0] += block.bytes.count
                if prose { proseBytes[index, default: 0] += block.bytes.count }
                linkBytes[index, default: 0] += block.linkBytes
                if prose && scoreLevel >= 0 && scoreLevel <= 2 {
                    let divisor = scoreLevel == 0 ? 1.0 : scoreLevel == 1 ? 2.0 : Double(scoreLevel * 3)
                    scores[index, default: 0] += blockScore / divisor
                }
                scoreLevel += 1
                index = Int(nodes[index].parent)
            }
        }
        // 1. itemprop=articleBody with real text.
        for (index, bytes) in textBytes where bytes >= 250 {
            if nodes[index].attribute("itemprop")?.lowercased() == "articlebody" {
                // The largest such element wins (pages sometimes mark each paragraph).
                let best = textBytes.filter { nodes[$0.key].attribute("itemprop")?.lowercased() == "articlebody" }
                    .max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
                let body = best?.key ?? index
                var region: Set<Int> = [body]
                // Only standfirst-sized neighbours join a marked body: the markup already says where
                // the article is.
                extend(&region, from: body, levels: structuredExtendLevels, nodes: nodes, tree: tree,
                    textBytes: textBytes, linkBytes: linkBytes, proseBytes: proseBytes,
                    maxBytes: max(standfirstLimit, (textBytes[body] ?? 0) / 2))
                return region
            }
        }
        // 2. Score candidates, inside the page's main <article> (or <main>) when it holds a fair share
        // of the prose: teaser lists and comment threads outside it then cannot win.
        let totalProse = blocks.reduce(0) { $0 + (isProse($1, minimum: 25) ? $1.bytes.count : 0) }
        var scope = 0..<nodes.count
        for name in ["article", "main"] {
            let best = proseBytes.filter { nodes[$0.key].name == name }
                .max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
            if let best, Double(best.value) >= scopeShare * Double(totalProse) {
                scope = best.key..<Int(nodes[best.key].end)
                break
            }
        }
        var best = -1
        var bestScore = -Double.infinity
        var finalScores = [Int: Double]()
        for (index, score) in scores {
            let node = nodes[index]
            if node.name == "body" || node.name == "html" || !scope.contains(index) { continue }
            let density = Double(linkBytes[index] ?? 0) / Double(max(textBytes[index] ?? 0, 1))
            let final = score * (1 - density) + Double(BoilerplateCues.weight(of: node))
            finalScores[index] = final
            if final > bestScore || (final == bestScore && index < best) {
                bestScore = final
                best = index
            }
        }
        // A candidate inside a footer, navigation, aside or dialog outside the page's <main> is not the
        // page's content (a privacy policy in the footer's dialog): the next best one is.
        var skipped = 0
        while best >= 0, skipped < maxSkippedCandidates, insideStructuralFurniture(best, nodes) {
            finalScores[best] = nil
            skipped += 1
            best = -1
            bestScore = -Double.infinity
            for (index, final) in finalScores where final > bestScore || (final == bestScore && index < best) {
                bestScore = final
                best = index
            }
        }
        guard best >= 0, bestScore > 0 else { return [] }
        // Climb while the parent holds clearly more prose (content split over sibling containers).
        while true {
            let parent = Int(nodes[best].parent)
            guard parent >= 0, nodes[parent].name != "body", nodes[parent].name != "html",
                BoilerplateCues.weight(of: nodes[parent]) >= 0
            else { break }
            let own = Double(proseBytes[best] ?? 0)
            let parentProse = Double(proseBytes[parent] ?? 0)
            guard own < climbRatio * parentProse else { break }
            best = parent
            bestScore = finalScores[parent] ?? bestScore
        }
        // Prefer an ancestor when the candidate holds only a small part of the ancestor's prose and
        // the ancestor is not furniture (content split over several sibling containers).
        var region: Set<Int> = [best]
        let parent = Int(nodes[best].parent)
        if parent >= 0 {
            let threshold = max(10, bestScore * siblingThreshold)
            for sibling in tree.elementChildren(of: parent) where sibling != best {
                if let score = finalScores[sibling], score >= threshold {
                    region.insert(sibling)
                    continue
                }
                // A plain paragraph beside the content.
                let bytes = textBytes[sibling] ?? 0
                let density = Double(linkBytes[sibling] ?? 0) / Double(max(bytes, 1))
                if nodes[sibling].name == "p" && BoilerplateCues.weight(of: nodes[sibling]) >= 0 {
                    if bytes > 80 && density < 0.25 { region.insert(sibling) }
                }
            }
        }
        extend(&region, from: best, levels: extendLevels, nodes: nodes, tree: tree,
            textBytes: textBytes, linkBytes: linkBytes, proseBytes: proseBytes)
        return region
    }

    /// Whether an element sits in a footer, navigation, aside or dialog (by tag or role) that is not itself
    /// inside the page's `<main>` or an `<article>`.
    private func insideStructuralFurniture(_ start: Int, _ nodes: [MarkupTree.Node]) -> Bool {
        var furniture = false
        var index = Int(nodes[start].parent)
        while index >= 0 {
            let node = nodes[index]
            // A dialog or aside inside the page's main content is a sheet of that content.
            if node.name == "main" || node.name == "article" || node.attribute("role") == "main" { return false }
            if !furniture && BoilerplateCues.isStructuralFurniture(node) { furniture = true }
            index = Int(node.parent)
        }
        return furniture
    }

    /// Lead paragraphs, standfirsts and headlines often sit in containers just before the body: take
    /// preceding (and, more strictly, following) siblings of `anchor` and its ancestors, `levels`
    /// levels up, until furniture or links.
    private func extend(
        _ region: inout Set<Int>, from anchor: Int, levels: Int, nodes: [MarkupTree.Node], tree: MarkupTree,
        textBytes: [Int: Int], linkBytes: [Int: Int], proseBytes: [Int: Int], maxBytes: Int = .max
    ) {
        var anchor = anchor
        for _ in 0..<levels {
            let parentIndex = Int(nodes[anchor].parent)
            guard parentIndex >= 0 else { break }
            let siblings = tree.elementChildren(of: parentIndex)
            guard let position = siblings.firstIndex(of: anchor) else { break }
            for sibling in siblings[..<position].reversed() {
                guard accepts(sibling, maxDensity: 0.35, nodes: nodes, textBytes: textBytes, linkBytes: linkBytes),
                    (textBytes[sibling] ?? 0) <= maxBytes
                else {
                    continue
                }
                region.insert(sibling)
            }
            // Following siblings: prose-bearing, link-poor containers, up to the first furniture.
            for sibling in siblings[(position + 1)...] {
                if BoilerplateCues.isFurniture(nodes[sibling], strict: false) { break }
                let accepted = accepts(sibling, maxDensity: 0.2, nodes: nodes, textBytes: textBytes, linkBytes: linkBytes)
                let bytes = textBytes[sibling] ?? 0
                if accepted && bytes > 80 && bytes <= maxBytes { region.insert(sibling) }
            }
            anchor = parentIndex
            if nodes[anchor].name == "body" { break }
        }
    }

    /// Largest neighbour (text bytes) an `itemprop="articleBody"` region takes in, unless half the
    /// body is more: a standfirst, a headline, a dateline.
    private var standfirstLimit: Int { 1000 }

    /// How many ancestor levels an `itemprop="articleBody"` region grows by neighbouring siblings.
    private var structuredExtendLevels: Int { 4 }

    /// How many best candidates inside footers, navigation or dialogs are passed over for the next.
    private var maxSkippedCandidates: Int { 20 }

    /// Share of the page's prose an `<article>`/`<main>` must hold to confine the candidates.
    private var scopeShare: Double { 0.3 }

    /// How many ancestor levels the region grows by neighbouring siblings.
    private var extendLevels: Int { 9 }

    /// Whether a neighbour of the region joins it: not furniture, not link-heavy.
    private func accepts(
        _ index: Int, maxDensity: Double, nodes: [MarkupTree.Node], textBytes: [Int: Int], linkBytes: [Int: Int]
    ) -> Bool {
        let node = nodes[index]
        if BoilerplateCues.isFurniture(node, strict: false) || BoilerplateCues.weight(of: node) < 0 { return false }
        let bytes = textBytes[index] ?? 0
        if bytes == 0 { return true }
        return Double(linkBytes[index] ?? 0) / Double(bytes) <= maxDensity
    }

    /// The page's prose blocks outside furniture, for pages without a clear region.
    private func fallback(tree: MarkupTree, blocks: [TextBlock]) -> [TextBlock] {
        let nodes = tree.nodes
        var result: [TextBlock] = []
        for block in blocks where isProse(block, minimum: 60) || (block.label == "heading" && block.linkBytes == 0) {
            var index = block.node
            var furniture = false
            while index >= 0 {
                if BoilerplateCues.isFurniture(nodes[index], strict: false) {
                    furniture = true
                    break
                }
                index = Int(nodes[index].parent)
            }
            if !furniture { result.append(block) }
        }
        return dropOrphanHeadings(result)
    }
}
