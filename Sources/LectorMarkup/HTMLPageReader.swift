import LectorCore

/// Reads an HTML page: charset decision, libxml2 parse, block text, metadata.
enum HTMLPageReader {
    static func read(_ bytes: [UInt8], context: ReadContext) -> DocumentOutcome {
        var diagnostics: [Diagnostic] = []
        let encoding = CharsetDecision.forHTML(
            bytes, transportCharset: context.transportCharset, unicodeText: context.unicodeText)
        if let note = encoding.note { diagnostics.append(Diagnostic(.warning, origin: "read", note)) }
        // Transcode the cases libxml2 handles badly ourselves: Windows-1252 (its converter stops at
        // the five undefined bytes) and UTF-8 with a few broken sequences (replaced by U+FFFD).
        // NUL bytes end libxml2's HTML parse early: they become spaces.
        var input = bytes
        var inputEncoding = encoding.name
        if encoding.name == "windows-1252" {
            input = Array(TextDecoder.windows1252(bytes[...]).utf8)
            inputEncoding = "UTF-8"
        } else if encoding.name == "UTF-8" && encoding.repair {
            input = Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        if inputEncoding == "UTF-8" && input.contains(0) {
            input = input.map { $0 == 0 ? 0x20 : $0 }
        }
        let tree: MarkupTree
        switch MarkupParser.parseHTML(input, encoding: inputEncoding) {
        case .success(let parsed): tree = parsed
        case .failure(let failure): return context.failure("HTML parse failed: \(failure.message)")
        }
        if tree.depthCapped {
            diagnostics.append(
                Diagnostic(.warning, origin: "read", "content nested deeper than \(MarkupParser.parserDepthLimit) elements was dropped or flattened"))
        }
        return document(from: tree, context: context, format: "html", diagnostics: diagnostics)
    }

    /// A document from an already parsed HTML (or XHTML) tree.
    static func document(
        from tree: MarkupTree, context: ReadContext, format: String, diagnostics: [Diagnostic]
    ) -> DocumentOutcome {
        let page = PageContent.extract(from: tree, options: context.options)
        var diagnostics = diagnostics
        diagnostics.append(contentsOf: page.diagnostics)
        return context.document(
            format: format, title: page.title, blocks: page.blocks, metadata: page.metadata, diagnostics: diagnostics)
    }
}

/// Which encoding to hand libxml2's HTML parser.
struct CharsetDecision: Sendable {
    /// The encoding name, or nil to let libxml2 detect it (BOM, `<meta charset>`).
    var name: String?
    /// A diagnostic to attach, when the decision was a guess.
    var note: String?
    /// UTF-8 with a few invalid sequences, to be replaced by U+FFFD before parsing.
    var repair = false

    /// - Parameter transportCharset: the HTTP header's charset; it counts only when the page declares
    ///   none (a page's own declaration is the one its author tested).
    /// - Parameter unicodeText: the bytes are valid UTF-8 made from characters (a JSON string): read
    ///   them as UTF-8 whatever the page declares.
    static func forHTML(_ bytes: [UInt8], transportCharset: String? = nil, unicodeText: Bool = false) -> CharsetDecision {
        if unicodeText { return CharsetDecision(name: "UTF-8", note: nil) }
        if TextDecoder.byteOrderMark(bytes) != nil { return CharsetDecision(name: nil, note: nil) }
        let own = declaredCharset(bytes)
        let declared = own ?? transportCharset
        let valid = TextDecoder.isValidUTF8(bytes)
        if !valid && mostlyUTF8(bytes) && (declared == nil || declared == "utf-8" || declared == "utf8") {
            return CharsetDecision(name: "UTF-8", note: "invalid UTF-8 sequences replaced by U+FFFD", repair: true)
        }
        guard let declared else {
            return valid ? CharsetDecision(name: "UTF-8", note: nil)
                : CharsetDecision(name: "windows-1252", note: "no charset declared and not valid UTF-8; decoded as Windows-1252")
        }
        let latin = TextDecoder.names1252(declared) || declared == "us-ascii" || declared == "ascii"
        if valid && latin && bytes.contains(where: { $0 >= 0x80 }) {
            return CharsetDecision(name: "UTF-8", note: "declared \(declared) but the bytes are UTF-8; read as UTF-8")
        }
        if declared == "utf-8" || declared == "utf8" {
            return valid ? CharsetDecision(name: "UTF-8", note: nil)
                : CharsetDecision(name: "windows-1252", note: "declared UTF-8 but not valid UTF-8; decoded as Windows-1252")
        }
        // Latin-1 labels mean Windows-1252 on the web (curly quotes in 0x80–0x9F).
        if latin { return CharsetDecision(name: "windows-1252", note: nil) }
        // A charset only the transport names is handed to libxml2 (which ignores a name it does not
        // know); the page's own declaration libxml2 finds itself.
        return CharsetDecision(name: own == nil ? declared : nil, note: nil)
    }

    /// Whether `bytes` is UTF-8 apart from a few broken sequences (at most 3, or 1 % of the non-ASCII
    /// characters, with ten good ones per broken one): a truncated character, not another encoding.
    static func mostlyUTF8(_ bytes: [UInt8]) -> Bool {
        var replaced = 0
        var nonASCII = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars where scalar.value >= 0x80 {
            nonASCII += 1
            if scalar == "\u{FFFD}" { replaced += 1 }
        }
        // Real UTF-8 evidence is needed too: ten good characters per broken one.
        return replaced <= max(3, nonASCII / 100) && nonASCII - replaced >= 10 * replaced
    }

    /// The charset named by `<meta charset>`, a content-type meta or an XML declaration in the first
    /// 4 KiB, lowercased. A `charset` attribute of another element (`<script charset>`) names that
    /// resource's encoding, not the page's.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4_096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for key in [Array("charset".utf8), Array("encoding".utf8)] {
            var start = 0
            while let found = firstIndex(of: key, in: head, from: start) {
                var index = found + key.count
                start = index
                guard insideTag(at: found, in: head, named: key[0] == UInt8(ascii: "c") ? "<meta" : "<?xml") else { continue }
                while index < head.count, head[index] == 0x20 { index += 1 }
                guard index < head.count, head[index] == UInt8(ascii: "=") else { continue }
                index += 1
                while index < head.count, head[index] == 0x20 || head[index] == 0x22 || head[index] == 0x27 { index += 1 }
                var name: [UInt8] = []
                while index < head.count, name.count < 40 {
                    let byte = head[index]
                    let allowed = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
                        || byte == 0x5F || byte == 0x2E || byte == 0x3A
                    guard allowed else { break }
                    name.append(byte)
                    index += 1
                }
                if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
            }
        }
        return nil
    }

    /// Whether `position` lies inside a tag that starts with `opening` (lowercase): the nearest `<`
    /// before it, with no `>` in between, opens that tag.
    private static func insideTag(at position: Int, in head: [UInt8], named opening: String) -> Bool {
        var index = position - 1
        while index >= 0 {
            let byte = head[index]
            if byte == UInt8(ascii: ">") { return false }
            if byte == UInt8(ascii: "<") { return head[index...].starts(with: opening.utf8) }
            index -= 1
        }
        return false
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let first = needle[0]
        while index <= haystack.count - needle.count {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
