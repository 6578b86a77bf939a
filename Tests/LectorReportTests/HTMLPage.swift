import CLibXML2
import Foundation

/// A generated page parsed by libxml2's HTML parser (test helper): the parse errors, and the
/// elements as Swift values. libxml2 2.9 predates HTML5, so "unknown tag" errors (for `main`,
/// `section`, `svg`…) are not counted; every other error is.
struct HTMLPage {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// Text directly and indirectly inside the element.
        var text: String
    }

    var errors: [String] = []
    var elements: [Element] = []

    /// Text of the whole body, for "shows as text" checks.
    var bodyText: String { elements.first { $0.name == "body" }?.text ?? "" }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    var ids: Set<String> { Set(elements.compactMap { $0.attributes["id"] }) }

    /// Unknown-tag errors (HTML5 elements that libxml2 2.9 does not know).
    private static let unknownTag: Int32 = 801

    init(_ url: URL) throws {
        let bytes = try [UInt8](Data(contentsOf: url))
        final class Collector { var messages: [String] = [] }
        let collector = Collector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSetStructuredErrorFunc(box.toOpaque()) { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            if error.pointee.code == HTMLPage.unknownTag { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "?"
            collector.messages.append(
                "line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        defer { lector_silenceErrors() }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), url.path, "UTF-8", options)
            }
        }
        guard let document else { throw CocoaError(.fileReadCorruptFile) }
        defer { xmlFreeDoc(document) }
        errors = collector.messages
        if let root = xmlDocGetRootElement(document) { collect(root) }
    }

    private mutating func collect(_ node: xmlNodePtr) {
        var current: xmlNodePtr? = node
        while let element = current {
            if element.pointee.type == XML_ELEMENT_NODE {
                let name = String(cString: element.pointee.name)
                var attributes: [String: String] = [:]
                var attribute = element.pointee.properties
                while let property = attribute {
                    let key = String(cString: property.pointee.name)
                    if let value = xmlNodeGetContent(UnsafeMutablePointer<xmlNode>(OpaquePointer(property))) {
                        attributes[key] = String(cString: value)
                        lector_xmlFree(value)
                    } else {
                        attributes[key] = ""
                    }
                    attribute = property.pointee.next
                }
                var text = ""
                if let content = xmlNodeGetContent(element) {
                    text = String(cString: content)
                    lector_xmlFree(content)
                }
                elements.append(Element(name: name, attributes: attributes, text: text))
                if let child = element.pointee.children { collect(child) }
            }
            current = element.pointee.next
        }
    }
}
