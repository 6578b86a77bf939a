import LectorCore

/// Decides which sentences may appear in a summary: never headings, captions, preformatted blocks or
/// table cells; never page furniture such as bylines ("By Jane Doe"), datelines ("Updated 5 May
/// 2024"), photo credits ("Photo: Reuters") or calls to action ("Read more", "Sign up").
///
/// Works on the lower-cased words of each sentence, so it costs a few comparisons per sentence.
struct SentenceScreen: Sendable {
    var minimumWords: Int

    /// Paragraph labels whose sentences are never picked.
    static let excludedBlocks: Set<String> = ["heading", "caption", "pre", "cell"]

    private static let calls: [[String]] = [
        ["read", "more"], ["read", "the", "full"], ["click", "here"], ["sign", "up"], ["subscribe"],
        ["follow", "us"], ["share", "this"], ["continue", "reading"], ["related"], ["advertisement"],
        ["all", "rights", "reserved"], ["see", "also"], ["watch", "video"], ["listen", "to"], ["more", "on", "this"],
        ["copyright"], ["image", "copyright"], ["image", "caption"], ["media", "caption"], ["skip", "to"],
    ]
    private static let creditWords: Set<String> = [
        "photo", "photograph", "picture", "image", "credit", "pictures", "photos",
    ]
    private static let creditSources: Set<String> = [
        "getty", "reuters", "afp", "ap", "epa", "pa", "shutterstock", "images",
    ]
    private static let dateWords: Set<String> = [
        "updated", "published", "posted", "last", "modified", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "gmt", "bst", "utc", "am", "pm", "et", "edt", "est", "pst",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "min", "mins", "read", "ago",
        "hours", "hour", "minutes",
    ]

    /// Why a sentence is excluded, or nil when it may be picked.
    func exclusion(words: [WordScanner.Word], text: UnsafeBufferPointer<UInt8>, range: TextRange) -> String? {
        if words.count < minimumWords { return "short" }
        let keys = words.map(\.key)
        // Calls to action are short lines; a long sentence that happens to start "Listen to…" is text.
        for call in Self.calls where keys.starts(with: call) && words.count <= (call.count > 1 ? 15 : 8) {
            return "furniture"
        }
        if keys.last == "more", words.count <= 10, keys.contains("read") { return "furniture" }
        if isByline(words) { return "byline" }
        if words.count <= 12 && keys.contains(where: Self.creditWords.contains)
            && (keys.contains(where: Self.creditSources.contains) || containsColonOrSlash(text, range))
        {
            return "photo credit"
        }
        if isDateline(keys) { return "dateline" }
        return nil
    }

    /// "By Jane Doe", "By Jane Doe and John Roe, BBC News", "Written by …", "Reporting by …".
    private func isByline(_ words: [WordScanner.Word]) -> Bool {
        guard words.count <= 10, let first = words.first else { return false }
        var rest = words.dropFirst()
        if first.key == "written" || first.key == "reporting" || first.key == "reported" || first.key == "posted"
            || first.key == "edited"
        {
            guard rest.first?.key == "by" else { return false }
            rest = rest.dropFirst()
        } else if first.key != "by" {
            return false
        }
        guard let name = rest.first, name.capitalized else { return false }
        // A byline is mostly capitalised names, "and", and the outlet.
        let lowerCase = rest.filter { !$0.capitalized && $0.key != "and" && $0.key != "in" }.count
        return lowerCase <= 1
    }

    /// A line made only of a date, a time, "Updated"/"Published" and small numbers.
    private func isDateline(_ keys: [String]) -> Bool {
        guard keys.count <= 12 else { return false }
        var dated = false
        var ambiguous = false
        var numbered = false
        for key in keys {
            if Self.dateWords.contains(key) {
                // "May", "last" and "read" are also ordinary words: they date a line only beside a number.
                if key == "may" || key == "last" || key == "read" { ambiguous = true } else { dated = true }
                continue
            }
            if let first = key.utf8.first, first >= 0x30 && first <= 0x39 {
                numbered = true
                continue
            }
            return false
        }
        return dated || (ambiguous && numbered)
    }

    private func containsColonOrSlash(_ text: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> Bool {
        let end = min(range.end, text.count)
        var index = max(range.start, 0)
        while index < end {
            if text[index] == 0x3A || text[index] == 0x2F || text[index] == 0xA9 { return true }
            index += 1
        }
        return false
    }
}
