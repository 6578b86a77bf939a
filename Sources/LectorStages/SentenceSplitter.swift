/// Splits paragraphs into sentences by rules over UTF-8 bytes, consulting a `SentenceModel` where
/// rules run out (abbreviations, initials, sentence starters, orthographic evidence).
///
/// A candidate end is a run of `.` `!` `?` `…` followed by closing quotes or brackets (and an optional
/// footnote marker such as ` [12]`) and then whitespace. Whether it ends the sentence depends on the
/// word before it and the word after it. Line breaks inside a paragraph end sentences unless the
/// paragraph looks like hard-wrapped prose (see `LineBreaks`). Sentences never cross a paragraph.
///
/// Immutable and `Sendable`; `split` allocates only its output.
public struct SentenceSplitter: Sendable {
    /// What a line break inside a paragraph means.
    public enum LineBreaks: String, Sendable, CaseIterable {
        /// A boundary, unless the paragraph looks hard-wrapped or the next line starts in lower case.
        case auto
        /// Always a boundary.
        case boundary
        /// Never a boundary by itself (plain whitespace).
        case space
    }

    /// Learned statistics consulted at abbreviations and initials.
    public let model: SentenceModel
    /// What a line break inside a paragraph means.
    public let lineBreaks: LineBreaks

    public init(model: SentenceModel = .english, lineBreaks: LineBreaks = .auto) {
        self.model = model
        self.lineBreaks = lineBreaks
    }

    /// Sentences of `text`, treating blank lines as paragraph breaks (UTF-8 offsets, end exclusive).
    public func split(_ text: String) -> [Range<Int>] {
        var copy = text
        return copy.withUTF8 { bytes in
            var sentences: [Range<Int>] = []
            var blockStart = 0
            var index = 0
            let count = bytes.count
            while index < count {
                if bytes[index] == 0x0A, index + 1 < count, bytes[index + 1] == 0x0A {
                    split(bytes, paragraph: blockStart..<index, into: &sentences)
                    index += 2
                    blockStart = index
                } else {
                    index += 1
                }
            }
            split(bytes, paragraph: blockStart..<count, into: &sentences)
            return sentences
        }
    }

    /// Whether a block with this `.paragraph` label is a short unit (heading, list item, table cell,
    /// caption) that stays one sentence unless it clearly holds several.
    public static func isShortBlock(label: String) -> Bool {
        switch label {
        case "heading", "list-item", "cell", "caption": return true
        default: return false
        }
    }

    /// Append the sentences of `bytes[paragraph]` to `sentences`; leading and trailing whitespace is
    /// left out of every sentence and empty sentences are skipped. With `shortBlock`, only clear
    /// sentence ends split (terminal punctuation before a capital): no lower-case starts, no layout
    /// rules.
    public func split(
        _ bytes: UnsafeBufferPointer<UInt8>, paragraph: Range<Int>, shortBlock: Bool = false,
        into sentences: inout [Range<Int>]
    ) {
        let limit = min(max(paragraph.upperBound, 0), bytes.count)
        let lower = min(max(paragraph.lowerBound, 0), limit)
        var start = skipSpaces(bytes, from: lower, limit: limit)
        // Decided at the first line break: most paragraphs have none.
        var newlineEnds: Bool?
        // An inline list ("1) flour 2) eggs", "a. red b. blue") breaks before its next marker.
        var listBreak = nextListMarker(bytes, sentenceStart: start, limit: limit)
        func begin(_ next: Int) {
            start = next
            listBreak = nextListMarker(bytes, sentenceStart: next, limit: limit)
        }
        var index = start
        while index < limit {
            if index >= listBreak {
                if listBreak > start {
                    emit(bytes, start..<listBreak, into: &sentences)
                    begin(listBreak)
                } else {
                    listBreak = Int.max
                }
                continue
            }
            let byte = bytes[index]
            if !Self.mayMatter(byte) {
                index += 1
                continue
            }
            if byte == 0x2E || byte == 0x21 || byte == 0x3F
                || (byte == 0xE2 && UTF8Scanning.isEllipsis(bytes, at: index, limit: limit))
            {
                let candidate = examine(bytes, at: index, sentenceStart: start, limit: limit, strict: shortBlock)
                if let end = candidate.end {
                    emit(bytes, start..<end, into: &sentences)
                    begin(candidate.resume)
                }
                index = max(candidate.resume, index + 1)
            } else if byte == 0x0A {
                let next = skipSpaces(bytes, from: index + 1, limit: limit)
                if newlineEnds == nil {
                    switch lineBreaks {
                    case .boundary: newlineEnds = true
                    case .space: newlineEnds = false
                    case .auto: newlineEnds = !looksHardWrapped(bytes, lower..<limit)
                    }
                }
                if newlineEnds == true, next < limit, !startsLowercase(bytes, at: next, limit: limit) {
                    emit(bytes, start..<index, into: &sentences)
                    begin(next)
                }
                index = max(next, index + 1)
            } else if !shortBlock, byte == 0x4D || byte == 0x2F || Self.isRuleByte(byte) {
                // Web and e-mail layout: "08/16/2000 12:05 PM", "=====", "*****".
                if let layout = layoutBoundary(bytes, at: index, sentenceStart: start, limit: limit) {
                    emit(bytes, start..<layout.end, into: &sentences)
                    begin(layout.resume)
                    index = max(layout.resume, index + 1)
                } else {
                    index += 1
                }
            } else if byte == 0x3A, index + 2 < limit, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F {
                // A URL: skip its insides ("?", "." are not ends there); before a capital or another
                // URL it ends the sentence.
                var end = index
                while end < limit, !UTF8Scanning.isSpace(bytes[end]) { end += 1 }
                let next = skipSpaces(bytes, from: end, limit: limit)
                if !shortBlock, next < limit, next > end, NextWord(bytes, at: next, limit: limit).shape == .upper {
                    emit(bytes, start..<end, into: &sentences)
                    begin(next)
                }
                index = max(next, index + 1)
            } else if !shortBlock, byte == 0x2C || byte == 0x3A || byte == 0x3B,
                let informal = informalBoundary(bytes, at: index, sentenceStart: start, limit: limit)
            {
                // "Thanks, Brenda", "Great :) See you": e-mail and chat conventions.
                emit(bytes, start..<informal.end, into: &sentences)
                begin(informal.resume)
                index = max(informal.resume, index + 1)
            } else if byte == 0xE2, index > start, UTF8Scanning.isSpace(bytes[index - 1]),
                Self.isBullet(bytes, at: index, limit: limit)
            {
                // "• first item • second item": each bullet opens an item.
                emit(bytes, start..<index, into: &sentences)
                begin(index)
                index += 3
            } else {
                index += 1
            }
        }
        emit(bytes, start..<limit, into: &sentences)
    }

    /// Whether a rule may start at `byte`: `. ! ? \n : , ; / M * = _ ~ # -` and the lead byte of
    /// `…` and bullets. Two bit masks, so the scan skips ordinary text at one test per byte.
    @inline(__always)
    private static func mayMatter(_ byte: UInt8) -> Bool {
        // Bits for 0x0A, 0x21, 0x23, 0x2A, 0x2C, 0x2D, 0x2E, 0x2F, 0x3A, 0x3B, 0x3D, 0x3F.
        let low: UInt64 =
            1 << 0x0A | 1 << 0x21 | 1 << 0x23 | 1 << 0x2A | 1 << 0x2C | 1 << 0x2D | 1 << 0x2E
            | 1 << 0x2F | 1 << 0x3A | 1 << 0x3B | 1 << 0x3D | 1 << 0x3F
        // Bits for M (0x4D), _ (0x5F), ~ (0x7E), relative to 0x40.
        let high: UInt64 = 1 << (0x4D - 0x40) | 1 << (0x5F - 0x40) | 1 << (0x7E - 0x40)
        if byte < 0x40 { return low >> UInt64(byte) & 1 == 1 }
        if byte < 0x80 { return high >> UInt64(byte - 0x40) & 1 == 1 }
        return byte == 0xE2
    }

    // MARK: - Lists

    /// `•` `◦` `▪` `⁃` (three-byte bullets).
    private static func isBullet(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
        guard index + 2 < limit, bytes[index] == 0xE2 else { return false }
        switch (bytes[index + 1], bytes[index + 2]) {
        case (0x80, 0xA2), (0x97, 0xA6), (0x96, 0xAA), (0x81, 0x83): return true
        default: return false
        }
    }

    /// A list marker at `index`: one or two digits or one lower-case letter, then `.`, `)` or `.)`,
    /// then a space. Returns its value (letters count from 1) and the bytes of its punctuation.
    private func listMarker(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int)
        -> (value: Int, isLetter: Bool, style: (UInt8, UInt8))?
    {
        var cursor = index
        var value = 0
        var isLetter = false
        if cursor < limit, UTF8Scanning.isLower(bytes[cursor]) {
            value = Int(bytes[cursor] - 0x60)
            isLetter = true
            cursor += 1
        } else {
            while cursor < limit, cursor - index < 2, UTF8Scanning.isDigit(bytes[cursor]) {
                value = value * 10 + Int(bytes[cursor] - 0x30)
                cursor += 1
            }
            guard cursor > index, cursor == limit || !UTF8Scanning.isDigit(bytes[cursor]) else { return nil }
        }
        guard cursor < limit else { return nil }
        var style: (UInt8, UInt8) = (0, 0)
        if bytes[cursor] == 0x2E, cursor + 1 < limit, bytes[cursor + 1] == 0x29 {
            style = (0x2E, 0x29)
            cursor += 2
        } else if bytes[cursor] == 0x2E || bytes[cursor] == 0x29 {
            style = (bytes[cursor], 0)
            cursor += 1
        } else {
            return nil
        }
        guard cursor < limit, bytes[cursor] == 0x20 else { return nil }
        return (value, isLetter, style)
    }

    /// Where the next marker of a list opened at `sentenceStart` begins (`Int.max` when none): the
    /// successor in the same style, after a space, within the next 1,000 bytes.
    private func nextListMarker(_ bytes: UnsafeBufferPointer<UInt8>, sentenceStart: Int, limit: Int) -> Int {
        var markerStart = sentenceStart
        // "• 9. first item": a bullet may come before the marker.
        if Self.isBullet(bytes, at: markerStart, limit: limit) {
            markerStart = skipSpaces(bytes, from: markerStart + 3, limit: limit)
        }
        guard let marker = listMarker(bytes, at: markerStart, limit: limit) else { return Int.max }
        let window = min(limit, sentenceStart + 1_000)
        var index = markerStart + 2
        while index < window {
            if bytes[index] == 0x20, let next = listMarker(bytes, at: index + 1, limit: limit),
                next.value == marker.value + 1, next.isLetter == marker.isLetter, next.style == marker.style
            {
                return index + 1
            }
            index += 1
        }
        return Int.max
    }

    // MARK: - Layout boundaries

    @inline(__always)
    private static func isRuleByte(_ byte: UInt8) -> Bool {
        byte == 0x2A || byte == 0x3D || byte == 0x5F || byte == 0x7E || byte == 0x23 || byte == 0x2D
    }

    /// Boundaries that text layout marks without punctuation: after a clock time with AM/PM, before a
    /// date followed by a time (e-mail headers), and around rule lines of four or more `*=_~#-`.
    private func layoutBoundary(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, sentenceStart: Int, limit: Int)
        -> (end: Int, resume: Int)?
    {
        let byte = bytes[index]
        if byte == 0x4D {
            // "12:05 PM Next": M of AM/PM after a clock time, then more text.
            guard index >= 4, bytes[index - 1] == 0x41 || bytes[index - 1] == 0x50,
                index + 1 < limit, UTF8Scanning.isSpace(bytes[index + 1])
            else { return nil }
            var cursor = index - 2
            if bytes[cursor] == 0x20 { cursor -= 1 }
            guard cursor >= 2, UTF8Scanning.isDigit(bytes[cursor]), UTF8Scanning.isDigit(bytes[cursor - 1]),
                bytes[cursor - 2] == 0x3A
            else { return nil }
            let next = skipSpaces(bytes, from: index + 1, limit: limit)
            guard next < limit else { return nil }
            // Before lower case only when the sentence is the header line itself ("08/16/2000 12:05 PM").
            let word = NextWord(bytes, at: next, limit: limit)
            guard word.shape != .lower || UTF8Scanning.isDigit(bytes[sentenceStart]) else { return nil }
            return (index + 1, next)
        }
        if byte == 0x2F {
            // " 08/16/2000 12:05": a boundary before the date.
            var dateStart = index
            while dateStart > sentenceStart, index - dateStart < 2, UTF8Scanning.isDigit(bytes[dateStart - 1]) {
                dateStart -= 1
            }
            guard dateStart < index, dateStart - 1 > sentenceStart, bytes[dateStart - 1] == 0x20,
                matchesDateTime(bytes, from: dateStart, limit: limit)
            else { return nil }
            // "sent on 08/16/2000 12:05": a lower-case word before the date carries the sentence on.
            var wordStart = dateStart - 1
            while wordStart > sentenceStart, UTF8Scanning.isLetter(bytes[wordStart - 1]) { wordStart -= 1 }
            if wordStart < dateStart - 1, UTF8Scanning.isLower(bytes[wordStart]),
                wordStart == sentenceStart || UTF8Scanning.isSpace(bytes[wordStart - 1])
            {
                return nil
            }
            return (dateStart - 1, dateStart)
        }
        // A rule line: four or more of the same character, standing alone.
        guard index == 0 || bytes[index - 1] != byte else { return nil }
        var end = index
        while end < limit, bytes[end] == byte { end += 1 }
        guard end - index >= 4, index == 0 || UTF8Scanning.isSpace(bytes[index - 1]),
            end == limit || UTF8Scanning.isSpace(bytes[end])
        else { return nil }
        if index > sentenceStart {
            return (index, index)
        }
        let next = skipSpaces(bytes, from: end, limit: limit)
        guard next < limit else { return nil }
        return (end, next)
    }

    /// Closing formulas that end a sentence at their comma when a capitalised word (a name) follows.
    /// Month names that follow a day written as an ordinal ("3. Oktober"): German, Dutch, French,
    /// Spanish, Italian, Portuguese and English, lower case.
    static let months: Set<String> = [
        "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
        "november", "dezember", "januari", "februari", "maart", "mei", "augustus", "december", "janvier", "février",
        "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "enero",
        "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
        "diciembre", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
        "dicembre", "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro",
        "dezembro", "january", "february", "march", "june", "july", "october",
    ]

    /// German and Dutch words after which "N." is an ordinal ("der 2. Weltkrieg", "het 3. deel"). A few
    /// are English words too ("am", "die"), but an English sentence rarely ends on "am 3." before a
    /// capital; the development sets of every language agree (`lector eval sentences`).
    static let ordinalOpeners: Set<String> = [
        "der", "die", "das", "dem", "den", "des", "im", "am", "vom", "zum", "zur", "beim", "seit", "bis", "ab",
        "ihr", "ihre", "ihrem", "ihren", "sein", "seine", "seinem", "seinen", "het",
    ]

    private static let closings: Set<String> = [
        "thanks", "thank you", "regards", "kind regards", "best regards", "warm regards", "sincerely", "cheers",
        "best", "best wishes", "many thanks", "yours", "yours truly", "love", "respectfully",
    ]

    /// A boundary after a closing formula's comma ("Thanks, Brenda") or after an emoticon set off by
    /// spaces before a capital ("Great :) See you").
    private func informalBoundary(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, sentenceStart: Int, limit: Int
    ) -> (end: Int, resume: Int)? {
        if bytes[index] == 0x2C {
            guard index - sentenceStart <= 14, index > sentenceStart else { return nil }
            let next = skipSpaces(bytes, from: index + 1, limit: limit)
            guard next > index + 1, next < limit, NextWord(bytes, at: next, limit: limit).shape == .upper,
                Self.closings.contains(UTF8Scanning.lowercased(bytes, sentenceStart..<index))
            else { return nil }
            return (index + 1, next)
        }
        guard index - 1 > sentenceStart, bytes[index - 1] == 0x20 else { return nil }
        let end = emoticonEnd(bytes, from: index - 1, limit: limit)
        guard end > index else { return nil }
        let next = skipSpaces(bytes, from: end, limit: limit)
        guard next > end, next < limit, NextWord(bytes, at: next, limit: limit).shape == .upper else { return nil }
        return (end, next)
    }

    /// `d{1,2}/d{1,2}/d{2,4} d{1,2}:dd` at `start`.
    private func matchesDateTime(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Bool {
        var cursor = start
        func digits(_ minimum: Int, _ maximum: Int) -> Bool {
            let first = cursor
            while cursor < limit, cursor - first < maximum, UTF8Scanning.isDigit(bytes[cursor]) { cursor += 1 }
            return cursor - first >= minimum
        }
        func literal(_ byte: UInt8) -> Bool {
            guard cursor < limit, bytes[cursor] == byte else { return false }
            cursor += 1
            return true
        }
        return digits(1, 2) && literal(0x2F) && digits(1, 2) && literal(0x2F) && digits(2, 4) && literal(0x20)
            && digits(1, 2) && literal(0x3A) && digits(2, 2)
    }

    // MARK: - Candidates

    private struct Candidate {
        /// Where the sentence ends, when the candidate is a boundary.
        var end: Int?
        /// Where scanning goes on (the next sentence's start when `end` is set).
        var resume: Int
    }

    private func examine(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, sentenceStart: Int, limit: Int, strict: Bool
    ) -> Candidate {
        var index = start
        var dots = 0
        var exclaims = false
        var ellipsis = false
        while index < limit {
            let byte = bytes[index]
            if byte == 0x2E {
                dots += 1
                index += 1
            } else if byte == 0x21 || byte == 0x3F {
                exclaims = true
                index += 1
            } else if UTF8Scanning.isEllipsis(bytes, at: index, limit: limit) {
                ellipsis = true
                index += 3
            } else if byte == 0x20, dots > 0, index + 1 < limit, bytes[index + 1] == 0x2E {
                index += 1  // spaced ellipsis ". . ."
            } else {
                break
            }
        }
        if dots >= 2 { ellipsis = true }
        let terminalEnd = index
        // "[...]", "(…)": an omission mark inside brackets, never a sentence end.
        if ellipsis, start > 0, bytes[start - 1] == 0x5B || bytes[start - 1] == 0x28 {
            return Candidate(end: nil, resume: terminalEnd)
        }
        while true {
            let length = UTF8Scanning.closerLength(in: bytes, at: index, limit: limit)
            if length == 0 { break }
            index += length
        }
        // A closing quote typed as two apostrophes after a space (",,Zo gaat het. ''"): it closes
        // the sentence before it, as a curly quote would.
        if index + 2 < limit, bytes[index] == 0x20, bytes[index + 1] == 0x27, bytes[index + 2] == 0x27,
            index + 3 == limit || UTF8Scanning.isSpace(bytes[index + 3])
        {
            index += 3
        }
        index = footnoteEnd(bytes, from: index, limit: limit)
        index = emoticonEnd(bytes, from: index, limit: limit)
        let end = index
        guard end < limit, UTF8Scanning.isSpace(bytes[end]) else {
            if !strict, end < limit, isGluedSentenceStart(bytes, terminal: start..<terminalEnd, at: end, limit: limit) {
                return Candidate(end: end, resume: end)
            }
            // Glued to what follows (3.5, U.S.A., example.com, "Hi!", he said): not an end here.
            return Candidate(end: nil, resume: terminalEnd)
        }
        let next = skipSpaces(bytes, from: end, limit: limit)
        guard next < limit else { return Candidate(end: nil, resume: next) }
        let following = NextWord(bytes, at: next, limit: limit)
        if strict, following.shape == .lower { return Candidate(end: nil, resume: next) }
        let isEnd = decide(
            bytes, terminal: start..<terminalEnd, dots: dots, exclaims: exclaims, ellipsis: ellipsis,
            closed: end > terminalEnd, sentenceStart: sentenceStart, next: following)
        return isEnd ? Candidate(end: end, resume: next) : Candidate(end: nil, resume: next)
    }

    /// "the world.Today we", "1,000.That is": a missing space after a period, between an ordinary
    /// lower-case word (or a number) and a capitalised word that is not part of an address or name.
    private func isGluedSentenceStart(
        _ bytes: UnsafeBufferPointer<UInt8>, terminal: Range<Int>, at index: Int, limit: Int
    ) -> Bool {
        guard terminal.count == 1, bytes[terminal.lowerBound] == 0x2E, index < limit, UTF8Scanning.isUpper(bytes[index])
        else { return false }
        // The word before: two or more lower-case letters, or digits, back to a space.
        var before = terminal.lowerBound
        var lower = 0
        var digits = 0
        while before > 0, !UTF8Scanning.isSpace(bytes[before - 1]) {
            let byte = bytes[before - 1]
            if UTF8Scanning.isLower(byte) {
                lower += 1
            } else if UTF8Scanning.isDigit(byte) || byte == 0x2C {
                digits += 1
            } else if !(UTF8Scanning.isUpper(byte) && before - 1 == 0
                || UTF8Scanning.isUpper(byte)
                    && (before - 2 < 0 || UTF8Scanning.isSpace(bytes[before - 2])))
            {
                return false  // dots, slashes, @, inner capitals: an address or an identifier
            }
            before -= 1
        }
        guard (lower >= 2 && digits == 0) || (lower == 0 && digits >= 1) else { return false }
        // The word after: a capital and lower-case letters, then a space or punctuation.
        var after = index + 1
        while after < limit, UTF8Scanning.isLower(bytes[after]) { after += 1 }
        guard after - index >= 2 else { return false }
        switch UTF8Scanning.lowercased(bytes, index..<after) {
        case "com", "net", "org", "edu", "gov", "info", "biz": return false  // Newsfeed.Com
        default: break
        }
        if after == limit { return true }
        let next = bytes[after]
        return UTF8Scanning.isSpace(next) || next == 0x2C || next == 0x2E || next == 0x21 || next == 0x3F
            || next == 0x3B || next == 0x3A
    }

    /// `[12]` or ` [12]` (a footnote reference) or ` […]` (an omission) after a sentence end belongs
    /// to that sentence.
    private func footnoteEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, limit: Int) -> Int {
        var cursor = index
        if cursor < limit, bytes[cursor] == 0x20 { cursor += 1 }
        guard cursor < limit, bytes[cursor] == 0x5B else { return index }
        cursor += 1
        let digitsStart = cursor
        while cursor < limit, UTF8Scanning.isDigit(bytes[cursor]), cursor - digitsStart < 4 { cursor += 1 }
        if cursor == digitsStart {
            // "[...]" or "[…]": an omission mark closing the sentence.
            if UTF8Scanning.isEllipsis(bytes, at: cursor, limit: limit) {
                cursor += 3
            } else if cursor + 2 < limit, bytes[cursor] == 0x2E, bytes[cursor + 1] == 0x2E, bytes[cursor + 2] == 0x2E {
                cursor += 3
            }
        }
        guard cursor > digitsStart, cursor < limit, bytes[cursor] == 0x5D else { return index }
        return cursor + 1
    }

    /// ` :)` or ` :-(` after a sentence end belongs to that sentence.
    private func emoticonEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, limit: Int) -> Int {
        var cursor = index
        if cursor < limit, bytes[cursor] == 0x20 { cursor += 1 }
        guard cursor + 1 < limit, bytes[cursor] == 0x3A || bytes[cursor] == 0x3B else { return index }
        cursor += 1
        if bytes[cursor] == 0x2D, cursor + 1 < limit { cursor += 1 }
        switch bytes[cursor] {
        case 0x29, 0x28, 0x44, 0x50, 0x70: cursor += 1
        default: return index
        }
        guard cursor == limit || UTF8Scanning.isSpace(bytes[cursor]) else { return index }
        return cursor
    }

    // MARK: - Decisions

    private func decide(
        _ bytes: UnsafeBufferPointer<UInt8>, terminal: Range<Int>, dots: Int, exclaims: Bool, ellipsis: Bool,
        closed: Bool, sentenceStart: Int, next: NextWord
    ) -> Bool {
        if exclaims {
            guard next.shape == .lower else { return true }
            // "Why?" he asked: a quote closed the question and the sentence goes on in lower case.
            if closed { return false }
            // "Yahoo! said", "Mamma Mia! opens": one `!` after a capitalised word is part of a name.
            if dots == 0, terminal.count == 1, bytes[terminal.lowerBound] == 0x21,
                startsCapitalisedWord(bytes, before: terminal.lowerBound, sentenceStart: sentenceStart)
            {
                return false
            }
            return true
        }
        if ellipsis {
            guard next.shape == .upper || next.opened else { return false }
            // "the thing is . . . I didn't": a spaced omission mark (". . .", set off by spaces) before
            // "I" is a pause; unspaced "..." before a capital ends the sentence.
            let spacedBefore =
                terminal.lowerBound > sentenceStart && UTF8Scanning.isSpace(bytes[terminal.lowerBound - 1])
            let spacedDots = dots == 3 && terminal.count == 5
            if spacedBefore, spacedDots, next.word.count == 1, bytes[next.word.lowerBound] == 0x49 {
                return false
            }
            return true
        }
        let lowerNext = next.shape == .lower
        // A single period: look at the word it closes.
        var wordStart = terminal.lowerBound
        while wordStart > sentenceStart, !UTF8Scanning.isSpace(bytes[wordStart - 1]) { wordStart -= 1 }
        while wordStart < terminal.lowerBound {
            var length = UTF8Scanning.openerLength(in: bytes, at: wordStart, limit: terminal.lowerBound)
            if length == 0, Self.isBullet(bytes, at: wordStart, limit: terminal.lowerBound) { length = 3 }
            if length == 0 { break }
            wordStart += length
        }
        let wordRange = wordStart..<terminal.lowerBound
        if wordRange.isEmpty { return !lowerNext }
        var firstWordStart = skipSpaces(bytes, from: sentenceStart, limit: wordStart)
        if Self.isBullet(bytes, at: firstWordStart, limit: wordStart) {
            firstWordStart = skipSpaces(bytes, from: firstWordStart + 3, limit: wordStart)
        }
        let isFirstWord = firstWordStart == wordStart
        let shape = WordShape(bytes, wordRange)
        switch shape {
        case .number(let digits):
            // "1. Introduction", "12. The end": a numbered point opening its line.
            if lowerNext || isFirstWord && digits <= 2 && !next.opened { return false }
            if digits <= 2, !next.opened {
                // A day before its month is an ordinal: "am 3. Oktober", "le 1. mai", "25. April 2009".
                if Self.months.contains(UTF8Scanning.lowercased(bytes, next.word)) { return false }
                // German and Dutch ordinals after an article or preposition: "der 2. Weltkrieg", "im 3. Stock".
                if wordStart > sentenceStart + 1 {
                    var previousEnd = wordStart - 1
                    while previousEnd > sentenceStart, UTF8Scanning.isSpace(bytes[previousEnd - 1]) { previousEnd -= 1 }
                    var previousStart = previousEnd
                    while previousStart > sentenceStart, UTF8Scanning.isLetter(bytes[previousStart - 1]) { previousStart -= 1 }
                    if previousStart < previousEnd,
                        Self.ordinalOpeners.contains(UTF8Scanning.lowercased(bytes, previousStart..<previousEnd))
                    {
                        return false
                    }
                }
            }
            return true
        case .initial:
            if isFirstWord || lowerNext { return false }  // "A. Introduction", "B. The second option" as a list label
            return next.shape == .upper && isLikelyStart(next, bytes: bytes)
        case .dotted:
            if next.shape == .digit || lowerNext { return false }
            let word = UTF8Scanning.lowercased(bytes, wordRange)
            if model.connectives.contains(word) { return false }
            // "at 6 p.m. Mr. Lee left": a title after a clock time ends a sentence that already has
            // its clause ("He left at 6 p.m."), not a fronted time phrase ("At 5 a.m. Mr. Lee left").
            if word == "a.m" || word == "p.m", next.shape == .upper,
                model.titles.contains(UTF8Scanning.lowercased(bytes, next.word))
            {
                var words = 0
                for index in sentenceStart..<terminal.lowerBound where bytes[index] == 0x20 { words += 1 }
                return words >= 4
            }
            // "the U.S. Government": after dotted abbreviations only a typical sentence opener counts.
            return isLikelyStart(next, bytes: bytes, startersOnly: true)
        case .word:
            let word = UTF8Scanning.lowercased(bytes, wordRange)
            if model.titles.contains(word) { return false }
            if model.connectives.contains(word) { return false }
            if SentenceModel.numberAbbreviations.contains(word), next.shape == .digit { return false }
            if model.abbreviations.contains(word) {
                if next.shape == .digit || lowerNext { return false }
                return isLikelyStart(next, bytes: bytes)
            }
            // Informal text starts sentences in lower case ("call them. they haven't"); an ordinary
            // word before the period makes that the likelier reading, unless a closer intervened.
            return !lowerNext || (!closed && wordRange.count >= 2)
        case .other:
            if next.shape == .digit {
                // "N°. 5", "Nº. 12"
                let word = UTF8Scanning.lowercased(bytes, wordRange)
                if word == "n°" || word == "nº" { return false }
            }
            return !lowerNext
        }
    }

    /// Whether the word ending at `end` starts with a capital letter.
    private func startsCapitalisedWord(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int, sentenceStart: Int)
        -> Bool
    {
        var start = end
        while start > sentenceStart, !UTF8Scanning.isSpace(bytes[start - 1]) { start -= 1 }
        return start < end && UTF8Scanning.isUpper(bytes[start])
    }

    /// Orthographic and starter evidence that a capitalised word opens a sentence.
    private func isLikelyStart(_ next: NextWord, bytes: UnsafeBufferPointer<UInt8>, startersOnly: Bool = false)
        -> Bool
    {
        guard next.shape == .upper, !next.word.isEmpty else { return false }
        // "A. A. Milne": another initial continues the name.
        if next.word.count == 1, next.word.upperBound < bytes.count, bytes[next.word.upperBound] == 0x2E {
            return false
        }
        let word = UTF8Scanning.lowercased(bytes, next.word)
        return model.sentenceStarters.contains(word) || (!startersOnly && model.lowercaseWords.contains(word))
    }

    // MARK: - Helpers

    private func emit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into sentences: inout [Range<Int>]) {
        var end = range.upperBound
        while end > range.lowerBound, UTF8Scanning.isSpace(bytes[end - 1]) { end -= 1 }
        let start = skipSpaces(bytes, from: range.lowerBound, limit: end)
        if start < end { sentences.append(start..<end) }
    }

    private func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, limit: Int) -> Int {
        var cursor = index
        while cursor < limit, UTF8Scanning.isSpace(bytes[cursor]) { cursor += 1 }
        return cursor
    }

    private func startsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
        NextWord(bytes, at: index, limit: limit).shape == .lower
    }

    /// Hard-wrapped prose: several lines, most of them long and of similar length.
    private func looksHardWrapped(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var lines = 0
        var longLines = 0
        var lineStart = range.lowerBound
        for index in range where bytes[index] == 0x0A {
            lines += 1
            if index - lineStart >= 40 && index - lineStart <= 100 { longLines += 1 }
            lineStart = index + 1
        }
        guard lines >= 1 else { return false }
        return longLines * 4 >= lines * 3
    }
}

/// The shape of the word before a period.
enum WordShape: Equatable {
    /// Digits with optional separators; `digits` counts the digits.
    case number(digits: Int)
    /// One letter (`J`, `B`).
    case initial
    /// Letters with internal periods and short parts (`U.S`, `e.g`, `Ph.D`).
    case dotted
    /// Letters (and apostrophes or hyphens) only.
    case word
    /// Anything else (`$5m`, `(see`, `:-`).
    case other

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var letters = 0
        var digits = 0
        var periods = 0
        var others = 0
        var nonASCIILetters = 0
        var longestPart = 0
        var part = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if UTF8Scanning.isLetter(byte) {
                letters += 1
                part += 1
            } else if UTF8Scanning.isDigit(byte) {
                digits += 1
            } else if byte == 0x2E {
                periods += 1
                longestPart = max(longestPart, part)
                part = 0
            } else if byte == 0x2C {
                if letters > 0 { others += 1 }  // a comma belongs in numbers only (5,000)
            } else if byte == 0x2D || byte == 0x27 {
                // hyphens and apostrophes stay inside words and numbers
            } else if byte >= 0x80 {
                let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: index, limit: range.upperBound)
                if scalar.properties.isAlphabetic {
                    nonASCIILetters += 1
                    part += 1
                } else if scalar.value == 0x2019 {
                    // apostrophe inside a word
                } else {
                    others += 1
                }
                index += length
                continue
            } else {
                others += 1
            }
            index += 1
        }
        longestPart = max(longestPart, part)
        let allLetters = letters + nonASCIILetters
        if others > 0 {
            self = .other
        } else if allLetters == 0 && digits > 0 {
            self = .number(digits: digits)
        } else if digits > 0 {
            self = .other
        } else if allLetters == 1 && periods == 0 {
            self = .initial
        } else if periods > 0 && allLetters > 0 {
            self = longestPart <= 3 ? .dotted : .other
        } else if allLetters > 0 {
            self = .word
        } else {
            self = .other
        }
    }
}

/// The word after a candidate sentence end: its shape and where its letters are.
struct NextWord {
    enum Shape { case upper, lower, digit, other }

    var shape: Shape
    /// Whether opening quotes or brackets come first (`"The`, `(See`).
    var opened: Bool
    /// The word's bytes (letters, digits, apostrophes, hyphens), after any openers.
    var word: Range<Int>

    /// `http://`, `https://` or `www.` at `index`.
    static func startsAddress(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
        func matches(_ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard index + count <= limit else { return false }
            return prefix.withUTF8Buffer { buffer in
                for offset in 0..<count where bytes[index + offset] != buffer[offset] { return false }
                return true
            }
        }
        return matches("http://") || matches("https://") || matches("www.")
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) {
        var index = start
        var opened = false
        while true {
            let length = UTF8Scanning.openerLength(in: bytes, at: index, limit: limit)
            if length == 0 { break }
            opened = true
            index += length
        }
        self.opened = opened
        let (scalar, _) = UTF8Scanning.scalar(in: bytes, at: index, limit: limit)
        if index >= limit {
            shape = .other
        } else if scalar.isASCII {
            let byte = UInt8(scalar.value)
            shape =
                UTF8Scanning.isUpper(byte)
                ? .upper : UTF8Scanning.isLower(byte) ? .lower : UTF8Scanning.isDigit(byte) ? .digit : .other
        } else if scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter {
            shape = .upper
        } else if scalar.properties.isLowercase {
            shape = .lower
        } else {
            shape = .other
        }
        if shape == .lower, Self.startsAddress(bytes, at: index, limit: limit) {
            shape = .upper  // a URL opens a new sentence like a capital does
        }
        var end = index
        while end < limit {
            let byte = bytes[end]
            if UTF8Scanning.isAlphanumeric(byte) || byte == 0x27 || byte == 0x2D {
                end += 1
            } else if byte >= 0x80 {
                let (next, length) = UTF8Scanning.scalar(in: bytes, at: end, limit: limit)
                guard next.properties.isAlphabetic || next.value == 0x2019 else { break }
                end += length
            } else {
                break
            }
        }
        word = index..<end
    }
}
