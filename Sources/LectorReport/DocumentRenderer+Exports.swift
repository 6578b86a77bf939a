import LectorCore

extension DocumentRenderer {
    /// The document as CoNLL-style columns: a `# id = …` line, then one `token<TAB>tag` line per
    /// token with IOB2 entity tags, a blank line after each sentence. Tokens come from the token layer
    /// (or whitespace splitting when there is none); whitespace inside a token becomes `_`.
    func conll() -> [UInt8] {
        var bytes: [UInt8] = Array("# id = ".utf8)
        bytes.append(contentsOf: document.id.utf8.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
        bytes.append(0x0A)
        let tokens = document.has(.token) ? document.annotations(.token).map { snapped($0.range) } : whitespaceTokens()
        var sentence = 0
        var entity = 0
        var previousSentence: Int?
        var previousEntity: Int?
        for token in tokens where !token.isEmpty {
            while sentence < sentences.count && snapped(sentences[sentence].range).upperBound <= token.lowerBound {
                sentence += 1
            }
            let inSentence = sentence < sentences.count ? sentence : nil
            if let previousSentence, previousSentence != inSentence { bytes.append(0x0A) }
            previousSentence = inSentence
            while entity < entities.count && snapped(entities[entity].range).upperBound <= token.lowerBound {
                entity += 1
            }
            var tag = "O"
            if entity < entities.count, snapped(entities[entity].range).contains(token.lowerBound) {
                let label = entities[entity].label.isEmpty ? "ENT" : entities[entity].label
                tag = (previousEntity == entity ? "I-" : "B-") + label
                previousEntity = entity
            } else {
                previousEntity = nil
            }
            for byte in utf8[token] {
                bytes.append(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D ? UInt8(ascii: "_") : byte)
            }
            bytes.append(0x09)
            bytes.append(contentsOf: tag.utf8.map { $0 == 0x20 || $0 == 0x09 ? UInt8(ascii: "_") : $0 })
            bytes.append(0x0A)
        }
        bytes.append(0x0A)
        return bytes
    }

    private func whitespaceTokens() -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        var start: Int?
        for (index, byte) in utf8.enumerated() {
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if space, let begin = start {
                tokens.append(begin..<index)
                start = nil
            } else if !space && start == nil {
                start = index
            }
        }
        if let start { tokens.append(start..<utf8.count) }
        return tokens
    }

    /// brat standoff: `T1<TAB>LABEL start end<TAB>text` per entity (scalar offsets into the `.txt`
    /// file, which holds exactly `text`); a mention that crosses a line break is written as fragments
    /// (`start end;start end`), and a canonical form as an `AnnotatorNotes` line.
    func bratAnnotations() -> [UInt8] {
        var lines = ""
        var number = 0
        for entity in document.annotations(.entity) {
            let range = snapped(entity.range)
            if range.isEmpty { continue }
            number += 1
            var fragments: [Range<Int>] = []
            var start = range.lowerBound
            for index in range where utf8[index] == 0x0A {
                if start < index { fragments.append(start..<index) }
                start = index + 1
            }
            if start < range.upperBound { fragments.append(start..<range.upperBound) }
            if fragments.isEmpty { continue }
            let spans = fragments.map {
                "\(offsets.scalarOffset(ofByte: $0.lowerBound)) \(offsets.scalarOffset(ofByte: $0.upperBound))"
            }
            let label = bratLabel(entity.label)
            let shown = fragments.map { String(decoding: utf8[$0], as: UTF8.self) }.joined(separator: " ")
            lines += "T\(number)\t\(label) \(spans.joined(separator: ";"))\t\(oneLine(shown))\n"
            if let canonical = entity.attributes["canonical"] {
                lines += "#\(number)\tAnnotatorNotes T\(number)\t\(oneLine(canonical))\n"
            }
        }
        return Array(lines.utf8)
    }

    /// brat type names are identifiers: anything else becomes `_`.
    private func bratLabel(_ label: String) -> String {
        let cleaned = String(
            label.unicodeScalars.map { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
                    ? Character(scalar) : "_"
            })
        return cleaned.isEmpty ? "Entity" : cleaned
    }

    private func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
