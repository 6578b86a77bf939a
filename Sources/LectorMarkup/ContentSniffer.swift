/// Guesses what a file holds from its first bytes: binary (with a reason), HTML, XML or text.
enum ContentSniffer {
    enum Kind: Equatable, Sendable {
        case html, xml, text
        case binary(String)
    }

    /// How many leading bytes the sniffer looks at.
    static let window = 8_192

    private static let magicNumbers: [(bytes: [UInt8], name: String)] = [
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"), ([0xFF, 0xD8, 0xFF], "JPEG image"), ([0x47, 0x49, 0x46, 0x38], "GIF image"),
        ([0x25, 0x50, 0x44, 0x46], "PDF file"), ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"), ([0x1F, 0x8B], "gzip data"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"), ([0x42, 0x5A, 0x68], "bzip2 data"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A], "xz data"), ([0x28, 0xB5, 0x2F, 0xFD], "zstd data"),
        ([0x52, 0x49, 0x46, 0x46], "RIFF media"), ([0xD0, 0xCF, 0x11, 0xE0], "OLE document"),
        ([0x00, 0x61, 0x73, 0x6D], "WebAssembly"), ([0x4F, 0x67, 0x67, 0x53], "Ogg media"),
    ]

    /// Why `bytes` is not text, or nil when it looks like text.
    /// `lenient` (for files named as HTML/XML) tolerates stray NUL bytes and judges by the ratio alone.
    static func binaryReason(_ bytes: [UInt8], lenient: Bool = false) -> String? {
        for magic in magicNumbers where bytes.starts(with: magic.bytes) { return magic.name }
        let bom = TextDecoder.byteOrderMark(bytes)
        if let bom, bom.encoding != "utf-8" { return nil }  // UTF-16/32 text holds NUL bytes by nature
        let sample = bytes.prefix(window)
        var controls = 0
        for byte in sample {
            if byte == 0 && !lenient { return "binary data: NUL bytes" }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
                controls += 1
            }
        }
        if sample.count > 0 && controls * 20 > sample.count { return "binary data: \(controls) control bytes in \(sample.count)" }
        return nil
    }

    /// Whether the bytes open like an HTML document (doctype or `<html>` root), for XML-named files.
    static func opensAsHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(1_024).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        guard let open = head.range(of: "<html") ?? head.range(of: "<!doctype html") else { return false }
        for marker in ["<rss", "<feed", "<rdf:rdf", "<nitf"] {
            if let other = head.range(of: marker), other.lowerBound < open.lowerBound { return false }
        }
        return true
    }

    /// Markup kind of text bytes: html, xml, or text when it does not look like markup.
    static func markupKind(_ bytes: [UInt8]) -> Kind {
        var head = Array(bytes.prefix(2_048))
        var start = 0
        if let bom = TextDecoder.byteOrderMark(head) {
            if bom.encoding != "utf-8" {
                // Keep the ASCII bytes of UTF-16/32 text for sniffing.
                head = head.filter { $0 != 0 && $0 != 0xFE && $0 != 0xFF }
            } else {
                start = 3
            }
        }
        while start < head.count, head[start] <= 0x20 { start += 1 }
        guard start < head.count, head[start] == UInt8(ascii: "<") else { return .text }
        let lower = String(decoding: head[start...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        for marker in ["<rss", "<feed", "<rdf:rdf", "<nitf"] where lower.containsBytes(marker) { return .xml }
        if lower.containsBytes("<!doctype html") || lower.containsBytes("<html") { return .html }
        if lower.hasPrefix("<?xml") { return .xml }
        for marker in ["<head", "<body", "<div", "<p>", "<p ", "<meta", "<title", "<table", "<article", "<h1"]
        where lower.containsBytes(marker) {
            return .html
        }
        return .xml
    }
}
