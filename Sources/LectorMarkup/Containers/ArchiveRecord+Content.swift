import LectorCore

/// What becomes of one archive record.
enum RecordDisposition {
    /// A document to read.
    case document(EmbeddedContent, notes: [String])
    /// Not a document (a request, a redirect, an image…); the reason is what `run.json` counts.
    case skipped(String)
    /// A record that should have been a document but cannot be read.
    case failed(String)
}

extension ArchiveRecord {
    /// Decide what the record is: HTTP `response` and `resource` records with an HTML, XML or text
    /// payload are documents; other record types, redirects, error statuses and other media are skipped.
    func disposition(maxBytes: Int) -> RecordDisposition {
        guard type == "response" || type == "resource" else { return .skipped(type.isEmpty ? "untyped" : type) }
        guard let block else { return .failed("record block of \(blockLength) bytes is larger than the limit (\(maxBytes))") }
        var payload = block
        var mediaType = contentType.map(HTTPResponse.mediaType(of:))
        var charset = contentType.flatMap(HTTPResponse.charset(of:))
        var notes: [String] = []
        if let truncatedAt { notes.append("record truncated: \(truncatedAt) of \(blockLength) bytes present") }
        if type == "resource", let targetURI, targetURI.hasPrefix("metadata:") || targetURI.hasPrefix("dns:") {
            // Crawler logs and settings stored as resources (wget, Heritrix), not pages.
            return .skipped("crawler-metadata")
        }
        let isHTTP = mediaType?.hasPrefix("application/http") == true || block.starts(with: Array("HTTP/".utf8))
        if type == "response" && isHTTP {
            let response: HTTPResponse
            do {
                response = try HTTPResponse(parsing: block, maxBytes: maxBytes)
            } catch {
                return .failed("\(error)")
            }
            if (300..<400).contains(response.status) { return .skipped("redirect") }
            guard (200..<300).contains(response.status) else { return .skipped("http-error") }
            payload = response.body
            mediaType = response.mediaType
            charset = response.charset
            notes += response.notes
        } else if isHTTP {
            return .skipped("http-message")
        }
        guard payload.count <= maxBytes else {
            return .failed("payload of \(payload.count) bytes is larger than the limit (\(maxBytes))")
        }
        guard payload.contains(where: { $0 > 0x20 }) else { return .skipped("empty") }
        guard let format = Self.format(mediaType: mediaType, payload: payload) else { return .skipped("non-text") }
        var metadata: [String: String] = [:]
        if let targetURI, !targetURI.isEmpty { metadata["url"] = targetURI }
        if let date, !date.isEmpty { metadata["fetched"] = date }
        return .document(
            EmbeddedContent(bytes: payload, formatHint: format, charset: charset, displaySource: targetURI, metadata: metadata),
            notes: notes)
    }

    /// The reader format for a media type: `html`, `xml`, `txt`, or nil for media that are not text.
    /// Without a media type (or with a generic one) the payload is sniffed.
    static func format(mediaType: String?, payload: [UInt8]) -> String? {
        switch mediaType ?? "" {
        case "text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml": return "html"
        case "text/xml", "application/xml", "application/rss+xml", "application/atom+xml", "application/rdf+xml": return "xml"
        case "text/plain": return "txt"
        case let type where type.hasSuffix("+xml"): return "xml"
        case "", "application/octet-stream", "unknown", "no-type":
            if ContentSniffer.binaryReason(payload, lenient: false) != nil { return nil }
            switch ContentSniffer.markupKind(payload) {
            case .html: return "html"
            case .xml: return "xml"
            default: return nil
            }
        default: return nil
        }
    }
}
