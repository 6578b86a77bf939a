import CLibXML2

/// The only place that touches libxml2: parses bytes and copies the tree into a `MarkupTree`.
///
/// One parser context and one document per call, both freed before returning; nothing crosses
/// threads. Parsing never uses the network, never loads a DTD or an external entity, and never
/// substitutes entities (entity references are skipped), so hostile XML cannot read local files or
/// expand a billion laughs.
enum MarkupParser {
    /// Elements nested deeper than this are flattened into their ancestor at this depth.
    static let maxDepth: Int32 = 2_000
    /// Nesting depth beyond which libxml2 itself drops content (its safe default).
    static let parserDepthLimit = 256

    /// A parse that produced no usable tree.
    struct Failure: Error, Sendable {
        var message: String
    }

    /// Attribute names kept for HTML elements (the rest are dropped to keep the copy small).
    static let htmlAttributes: Set<String> = [
        "id", "class", "itemprop", "itemtype", "itemscope", "href", "lang", "content", "name", "property",
        "rel", "type", "datetime", "charset", "http-equiv", "role", "hidden", "aria-hidden", "style",
        "title", "pubdate", "data-testid", "rev",
    ]

    /// Runs once, before the first parse on any thread: initialises libxml2 and refuses every
    /// external entity or DTD load process-wide (a second guard besides the parse options).
    private static let initialised: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    /// Parse HTML bytes (libxml2 detects the charset from a BOM or `<meta charset>` unless
    /// `encoding` is given).
    static func parseHTML(_ bytes: [UInt8], encoding: String?) -> Result<MarkupTree, Failure> {
        _ = initialised
        lector_silenceErrors()
        guard let context = htmlNewParserCtxt() else { return .failure(Failure(message: "out of memory")) }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    htmlCtxtReadMemory(context, pointer, Int32(clamping: buffer.count), nil, encoding, options)
                }
            }
        }
        guard let document else { return .failure(Failure(message: lastError(context) ?? "HTML parser gave no tree")) }
        defer { xmlFreeDoc(document) }
        var tree = copyTree(document, html: true)
        tree.depthCapped = tree.depthCapped || hitDepthLimit(context)
            || tree.nodes.contains { $0.depth >= Int32(parserDepthLimit - 2) }
        return .success(tree)
    }

    /// Parse XML bytes in recover mode. A fatal entity error (an entity loop or amplification) fails
    /// the parse instead of returning a partial tree.
    static func parseXML(_ bytes: [UInt8]) -> Result<MarkupTree, Failure> {
        parseXML(bytes, xpaths: []).map(\.tree)
    }

    /// Parse XML and evaluate `xpaths` on the parsed document; each expression's matches are
    /// returned in document order (an empty expression matches nothing).
    static func parseXML(_ bytes: [UInt8], xpaths: [String]) -> Result<(tree: MarkupTree, matches: [[XPathMatch]]), Failure> {
        parseXML(bytes, items: nil, xpaths: xpaths).map { ($0.tree, $0.items.first ?? xpaths.map { _ in [] }) }
    }

    /// Most items an `item` expression may select in one file; the rest are ignored.
    static let maxItems = 100_000

    /// Parse XML; when `items` is given, evaluate it and then `xpaths` relative to each element it
    /// selects (one entry per item, in document order); otherwise evaluate `xpaths` once, relative
    /// to the document (one entry).
    static func parseXML(
        _ bytes: [UInt8], items itemXPath: String?, xpaths: [String]
    ) -> Result<(tree: MarkupTree, items: [[[XPathMatch]]]), Failure> {
        _ = initialised
        lector_silenceErrors()
        guard let context = xmlNewParserCtxt() else { return .failure(Failure(message: "out of memory")) }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    xmlCtxtReadMemory(context, pointer, Int32(clamping: buffer.count), nil, nil, options)
                }
            }
        }
        if isEntityAttack(context.pointee.lastError.code) {
            if let document { xmlFreeDoc(document) }
            return .failure(Failure(message: "unsafe entity use rejected (\(lastError(context) ?? "entity error"))"))
        }
        guard let document else { return .failure(Failure(message: lastError(context) ?? "XML parser gave no tree")) }
        defer { xmlFreeDoc(document) }
        var positions: [UnsafeMutableRawPointer: Int] = [:]
        var tree: MarkupTree
        let evaluates = itemXPath != nil || xpaths.contains(where: { !$0.isEmpty })
        if evaluates {
            tree = withUnsafeMutablePointer(to: &positions) { copyTree(document, html: false, positions: $0) }
        } else {
            tree = copyTree(document, html: false)
        }
        tree.depthCapped = tree.depthCapped || hitDepthLimit(context)
            || tree.nodes.contains { $0.depth >= Int32(parserDepthLimit - 2) }
        guard evaluates, let xpathContext = xmlXPathNewContext(document) else {
            return .success((tree, [xpaths.map { _ in [] }]))
        }
        defer { xmlXPathFreeContext(xpathContext) }
        xpathContext.pointee.error = lector_ignoreStructuredError
        let documentNode = UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
        var contextNodes: [xmlNodePtr] = [documentNode]
        if let itemXPath {
            contextNodes = selectElements(itemXPath, context: xpathContext, positions: positions)
        }
        var items: [[[XPathMatch]]] = []
        items.reserveCapacity(contextNodes.count)
        for node in contextNodes {
            xpathContext.pointee.node = node
            items.append(xpaths.map { evaluate($0, context: xpathContext, document: document, positions: positions) })
        }
        return .success((tree, items))
    }

    /// Whether `xpath` compiles (used to reject a bad profile before any document is read).
    static func compiles(xpath: String) -> Bool {
        _ = initialised
        lector_silenceErrors()
        guard let compiled = xmlXPathCompile(xpath) else { return false }
        xmlXPathFreeCompExpr(compiled)
        return true
    }

    /// The copied elements `xpath` selects from the document, in document order (at most `maxItems`).
    private static func selectElements(
        _ xpath: String, context: xmlXPathContextPtr, positions: [UnsafeMutableRawPointer: Int]
    ) -> [xmlNodePtr] {
        guard !xpath.isEmpty, let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard result.pointee.type == XPATH_NODESET, let set = result.pointee.nodesetval, let table = set.pointee.nodeTab
        else { return [] }
        var nodes: [xmlNodePtr] = []
        for position in 0..<min(Int(max(set.pointee.nodeNr, 0)), maxItems) {
            guard let node = table[position], node.pointee.type == XML_ELEMENT_NODE,
                positions[UnsafeMutableRawPointer(node)] != nil
            else { continue }
            nodes.append(node)
        }
        return nodes
    }

    private static func evaluate(
        _ xpath: String, context: xmlXPathContextPtr, document: xmlDocPtr, positions: [UnsafeMutableRawPointer: Int]
    ) -> [XPathMatch] {
        guard !xpath.isEmpty, let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        switch result.pointee.type {
        case XPATH_NODESET:
            guard let set = result.pointee.nodesetval, let table = set.pointee.nodeTab else { return [] }
            var matches: [XPathMatch] = []
            for position in 0..<Int(max(set.pointee.nodeNr, 0)) {
                guard let node = table[position] else { continue }
                if let index = positions[UnsafeMutableRawPointer(node)] {
                    matches.append(.node(index))
                } else if node.pointee.type == XML_DOCUMENT_NODE {
                    // The document itself (`.` without items): its root element.
                    if let root = xmlDocGetRootElement(document), let index = positions[UnsafeMutableRawPointer(root)] {
                        matches.append(.node(index))
                    }
                } else if node.pointee.type == XML_ATTRIBUTE_NODE {
                    var value = ""
                    var child = node.pointee.children
                    while let text = child {
                        if text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content { value += String(cString: content) }
                        child = text.pointee.next
                    }
                    matches.append(.text(value))
                }
            }
            return matches
        case XPATH_STRING:
            return result.pointee.stringval.map { [.text(String(cString: $0))] } ?? []
        case XPATH_NUMBER:
            return [.text(String(result.pointee.floatval))]
        default:
            return []
        }
    }

    private static func isEntityAttack(_ code: Int32) -> Bool {
        code == Int32(XML_ERR_ENTITY_LOOP.rawValue) || code == Int32(XML_ERR_ENTITY_BOUNDARY.rawValue)
    }

    /// libxml2 stops descending at 256 levels (without the unsafe `HUGE` option) and drops what is deeper.
    private static func hitDepthLimit(_ context: xmlParserCtxtPtr) -> Bool {
        guard let error = xmlCtxtGetLastError(context), let message = error.pointee.message else { return false }
        return String(cString: message).contains("Excessive depth")
    }

    private static func lastError(_ context: xmlParserCtxtPtr) -> String? {
        guard let error = xmlCtxtGetLastError(context), let message = error.pointee.message else { return nil }
        let text = String(cString: message).trimmingSpaces()
        let line = error.pointee.line
        return line > 0 ? "line \(line): \(text)" : text
    }

    /// Copy the document's nodes into a `MarkupTree` with an iterative pre-order walk.
    private static func copyTree(
        _ document: xmlDocPtr, html: Bool, positions: UnsafeMutablePointer<[UnsafeMutableRawPointer: Int]>? = nil
    ) -> MarkupTree {
        var tree = MarkupTree()
        tree.nodes.reserveCapacity(1024)
        // Swift indices of the open (copied) elements; C depth may exceed it when capped.
        var open: [Int32] = []
        var depth: Int32 = 0
        var current: xmlNodePtr? = document.pointee.children
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                if depth < maxDepth {
                    let parent = open.last ?? -1
                    tree.nodes.append(
                        MarkupTree.Node(
                            kind: .element, name: name(node.pointee.name, lowercase: html),
                            prefix: node.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) } ?? "",
                            text: "", attributes: attributes(node, html: html), parent: parent, end: 0,
                            depth: Int32(open.count)))
                    open.append(Int32(tree.nodes.count - 1))
                    positions?.pointee[UnsafeMutableRawPointer(node)] = tree.nodes.count - 1
                } else {
                    tree.depthCapped = true
                }
                descend = node.pointee.children != nil
                if !descend, depth < maxDepth, let index = open.popLast() {
                    tree.nodes[Int(index)].end = Int32(tree.nodes.count)
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    tree.nodes.append(
                        MarkupTree.Node(
                            kind: .text, name: "", prefix: "", text: String(cString: content), attributes: [],
                            parent: open.last ?? -1, end: Int32(tree.nodes.count + 1), depth: Int32(open.count)))
                    positions?.pointee[UnsafeMutableRawPointer(node)] = tree.nodes.count - 1
                }
            default:
                // Comments, processing instructions, DTDs and entity references are skipped: entity
                // content is never expanded into the text.
                break
            }
            if descend {
                depth += 1
                current = node.pointee.children
                continue
            }
            // Move to the next sibling, closing finished elements on the way up.
            var cursor: xmlNodePtr? = node
            current = nil
            while let here = cursor {
                if let next = here.pointee.next {
                    current = next
                    break
                }
                guard let parent = here.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { break }
                if depth <= maxDepth, let index = open.popLast() {
                    tree.nodes[Int(index)].end = Int32(tree.nodes.count)
                }
                depth -= 1
                cursor = parent
            }
        }
        while let index = open.popLast() { tree.nodes[Int(index)].end = Int32(tree.nodes.count) }
        return tree
    }

    private static func name(_ pointer: UnsafePointer<xmlChar>?, lowercase: Bool) -> String {
        guard let pointer else { return "" }
        let value = String(cString: pointer)
        return lowercase ? value.lowercased() : value
    }

    private static func attributes(_ node: xmlNodePtr, html: Bool) -> [MarkupTree.Attribute] {
        var result: [MarkupTree.Attribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let key = name(current.pointee.name, lowercase: html)
            if html && !htmlAttributes.contains(key) { continue }
            var value = ""
            var child = current.pointee.children
            while let text = child {
                if text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content {
                    value += String(cString: content)
                }
                child = text.pointee.next
            }
            if !html, let prefix = current.pointee.ns?.pointee.prefix {
                result.append(MarkupTree.Attribute(name: String(cString: prefix) + ":" + key, value: value))
            } else {
                result.append(MarkupTree.Attribute(name: key, value: value))
            }
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace.
    func trimmingSpaces() -> String {
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] <= 0x20 { start += 1 }
        while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
        if start == 0 && end == bytes.count { return self }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
