import Foundation
import LectorCompression
import LectorCore

/// Reads HTML, XML (RSS, Atom, NITF, any XML) and plain-text files into documents.
///
/// The format comes from the file extension and from sniffing the content: an unknown extension is
/// sniffed; a text extension on binary content is an error. A reader never throws and never crashes
/// on bad input: binary, empty, oversized, unreadable or hostile files become `.failed` outcomes with
/// stage `read`. Thread-safe: one value is shared by all lanes.
///
/// Text contract of every document: blocks (paragraphs, headings, list items, quotes, cells,
/// preformatted runs, captions) are separated by exactly "\n\n"; no block is empty; inside a block
/// whitespace runs are one space and "\n" appears only for a line break (`<br>`, or a line of
/// preformatted text). The `.paragraph` layer holds one annotation per block (UTF-8 offsets) labelled
/// `p`, `heading`, `list-item`, `quote`, `cell`, `pre` or `caption`.
public struct FormatReader: DocumentReader {
    public let options: ReaderOptions

    public init(options: ReaderOptions = .init()) {
        self.options = options
    }

    /// Read the file of `source`; its size is checked against `maxBytes` before reading.
    public func read(_ source: Source) -> [DocumentOutcome] {
        if let content = source.content { return read(content, id: source.id, source: content.displaySource ?? source.displayPath) }
        let path = source.url.path
        func failure(_ message: String) -> [DocumentOutcome] {
            [.failed(DocumentFailure(id: source.id, source: source.displayPath, stage: "read", message: message))]
        }
        if source.url.pathExtension.lowercased() == "gz" {
            // Streamed through zlib: a decompression bomb stops at the same limit as a large file.
            let bytes: [UInt8]
            do {
                bytes = try GzipInput(FileInput(path: path)).readAll(limit: options.maxBytes)
            } catch {
                return failure("\(error)")
            }
            let inner = source.url.deletingPathExtension().pathExtension
            return read(bytes: bytes, id: source.id, source: source.displayPath, formatHint: inner.isEmpty ? nil : inner)
        }
        var info = stat()
        guard stat(path, &info) == 0 else { return failure("cannot read file: \(String(cString: strerror(errno)))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return failure("not a regular file") }
        guard Int(info.st_size) <= options.maxBytes else {
            return failure("file too large (\(info.st_size) bytes; the limit is \(options.maxBytes))")
        }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: source.url))
        } catch {
            return failure("cannot read file: \(error.localizedDescription)")
        }
        let ext = source.url.pathExtension
        return read(bytes: bytes, id: source.id, source: source.displayPath, formatHint: ext.isEmpty ? nil : ext)
    }

    /// Read documents from bytes already in memory.
    ///
    /// - Parameters:
    ///   - id: the document id (feeds append `#1`, `#2`, … for their items).
    ///   - source: the path shown to users.
    ///   - formatHint: a file extension (`html`, `xml`, `txt`, `md`…) or a format name (`html`, `xml`,
    ///     `rss`, `atom`, `nitf`, `text`, `markdown`); nil to decide by content alone.
    public func read(bytes: [UInt8], id: String, source: String, formatHint: String?, charset: String? = nil) -> [DocumentOutcome] {
        read(bytes: bytes, id: id, source: source, formatHint: formatHint, charset: charset, unicodeText: false)
    }

    /// - Parameter unicodeText: the bytes are valid UTF-8 made from characters (a JSON string), so a
    ///   charset the page declares does not apply.
    func read(bytes: [UInt8], id: String, source: String, formatHint: String?, charset: String?, unicodeText: Bool)
        -> [DocumentOutcome]
    {
        var context = ReadContext(id: id, source: source, options: options, byteCount: bytes.count)
        context.transportCharset = charset
        context.unicodeText = unicodeText
        if bytes.count > options.maxBytes {
            return [context.failure("document too large (\(bytes.count) bytes; the limit is \(options.maxBytes))")]
        }
        if bytes.allSatisfy({ $0 <= 0x20 }) { return [context.failure("empty document")] }
        let hint = formatHint.map { $0.lowercased().hasPrefix(".") ? String($0.lowercased().dropFirst()) : $0.lowercased() }
        let markupHint = ["html", "htm", "xhtml", "shtml", "xml", "rss", "atom", "nitf", "rdf"].contains(hint ?? "")
        if let reason = ContentSniffer.binaryReason(bytes, lenient: markupHint) {
            return [context.failure("not a text document (\(reason))")]
        }
        let sniffed = ContentSniffer.markupKind(bytes)
        switch hint {
        case "html", "htm", "xhtml", "shtml":
            return [HTMLPageReader.read(bytes, context: context)]
        case "xml", "rss", "atom", "nitf", "rdf":
            return ContentSniffer.opensAsHTML(bytes) ? [HTMLPageReader.read(bytes, context: context)] : XMLDocumentReader.read(bytes, context: context)
        case "txt", "text":
            return [PlainTextDocumentReader.read(bytes, context: context, markdown: false)]
        case "md", "markdown":
            return [PlainTextDocumentReader.read(bytes, context: context, markdown: true)]
        default:
            switch sniffed {
            case .html: return [HTMLPageReader.read(bytes, context: context)]
            case .xml: return XMLDocumentReader.read(bytes, context: context)
            default: return [PlainTextDocumentReader.read(bytes, context: context, markdown: false)]
            }
        }
    }

    /// Read a container's record: its bytes, then its URL, dates and title over the page's metadata.
    func read(_ content: EmbeddedContent, id: String, source: String, unicodeText: Bool = false) -> [DocumentOutcome] {
        if content.formatHint == JSONLinesReader.lineFormat {
            // A JSON Lines record: `id` is `FILE#LINE`; the id field, when present, replaces the line.
            let lineNumber = id.split(separator: "#").last.map(String.init) ?? id
            switch JSONLinesReader.content(of: content.bytes, fields: options.jsonLines) {
            case .failure(let error):
                return [.failed(DocumentFailure(id: id, source: source, stage: "read", message: "line \(lineNumber): \(error.message)"))]
            case .success(let (decoded, key)):
                var documentID = id
                if let key, let hash = id.lastIndex(of: "#") { documentID = String(id[..<hash]) + "#" + key }
                let file = source.lastIndex(of: "#").map { String(source[..<$0]) } ?? source
                return read(
                    decoded, id: documentID, source: decoded.displaySource ?? "\(file)#\(key ?? lineNumber)", unicodeText: true)
            }
        }
        var outcomes = read(
            bytes: content.bytes, id: id, source: source, formatHint: content.formatHint, charset: content.charset,
            unicodeText: unicodeText)
        for index in outcomes.indices {
            guard case .processed(var document) = outcomes[index] else { continue }
            for (key, value) in content.metadata {
                if key == "title" { document.title = value } else { document.metadata[key] = value }
            }
            for note in content.notes { document.diagnostics.append(Diagnostic(.warning, origin: "read", note)) }
            outcomes[index] = .processed(document)
        }
        return outcomes
    }
}

/// What every reader needs to name and build its documents.
struct ReadContext: Sendable {
    var id: String
    var source: String
    var options: ReaderOptions
    var byteCount: Int
    /// The charset the transport declared (HTTP `Content-Type`), used when the content declares none.
    var transportCharset: String?
    /// The bytes are valid UTF-8 made from characters (a JSON string): the page's own charset
    /// declaration names the bytes it was fetched as, not these.
    var unicodeText = false

    func failure(_ message: String, id: String? = nil) -> DocumentOutcome {
        .failed(DocumentFailure(id: id ?? self.id, source: source, stage: "read", message: message))
    }

    /// A document from blocks, or a failure when there is no text.
    func document(
        id: String? = nil, format: String, title: String?, blocks: [TextBlock], metadata: [String: String],
        sourceBytes: Int? = nil, diagnostics: [Diagnostic] = []
    ) -> DocumentOutcome {
        guard !blocks.isEmpty else { return failure("no text found in document", id: id) }
        let (text, paragraphs) = BlockTextBuilder.assemble(blocks)
        var document = Document(
            id: id ?? self.id, source: source, format: format, title: title, text: text, metadata: metadata,
            sourceBytes: sourceBytes ?? byteCount)
        document.set(paragraphs, for: .paragraph)
        document.diagnostics = diagnostics
        return .processed(document)
    }
}
