import LectorCore

/// Reads plain-text and Markdown files: decode (BOM, UTF-8, else Windows-1252 with a warning), then
/// split into blocks with `PlainTextReader`.
enum PlainTextDocumentReader {
    static func read(_ bytes: [UInt8], context: ReadContext, markdown: Bool) -> DocumentOutcome {
        let decoded = TextDecoder.decode(bytes, declared: context.transportCharset)
        var diagnostics: [Diagnostic] = []
        if decoded.isFallback {
            diagnostics.append(Diagnostic(.warning, origin: "read", "not valid UTF-8; decoded as Windows-1252"))
        }
        if decoded.text.unicodeScalars.contains("\u{0}") {
            return context.failure("not a text document (NUL characters)")
        }
        let blocks = PlainTextReader.blocks(of: decoded.text, markdown: markdown)
        var title: String?
        if let first = blocks.first, first.label == "heading" || (!markdown && looksLikeTitle(first)) {
            title = String(decoding: first.bytes, as: UTF8.self)
        }
        var metadata = ["encoding": decoded.encoding]
        if let title { metadata["title"] = title }
        if let language = LanguageGuesser.guess(decoded.text) {
            metadata["lang"] = language
            metadata["lang_detected"] = "true"
        }
        return context.document(
            format: "text", title: title, blocks: blocks, metadata: metadata, diagnostics: diagnostics)
    }

    /// A short first line without sentence-final punctuation, followed by more text, reads as a title.
    private static func looksLikeTitle(_ block: TextBlock) -> Bool {
        guard block.bytes.count <= 150, block.label == "p", !block.bytes.contains(0x0A),
            let last = block.bytes.last
        else { return false }
        return last != UInt8(ascii: ".") && last != UInt8(ascii: ",") && last != UInt8(ascii: ";")
            && last != UInt8(ascii: ":")
    }
}
