/// Document-level features for the second pass of the recogniser: how the first pass tagged the other
/// occurrences of the same capitalised word, and of the same phrase, anywhere in the document.
///
/// Built once per document from the first pass's tags. Only words that look like names (title case,
/// capitals, mixed case) get these features; statistics for a token always leave the token itself out,
/// so a word seen once in the document gets none. The features:
/// - `docToken`: the majority first-pass type (PER, ORG, LOC, MISC or `O`) of the word's other
///   occurrences and whether they agree, with the token's casing and whether its case is informative;
/// - `docTokenOwn`: that majority type with the token's own first-pass type;
/// - `docLonger`: the type and place (first, inside, last word) of the longer entities the word is part
///   of elsewhere (`Jones` in `Jones Medical`, `Estes` at the end of `Shawn Estes`);
/// - `docFirst`: the first-pass type of the word's first occurrence in the document;
/// - `docPhrase`: for a token inside a first-pass entity, the majority type of the same phrase elsewhere,
///   with the entity's own type.
package struct EntityDocumentFeatures {
    /// Per word key: index into `counts` (stride `stride`).
    private var wordRows = HashedKeyMap<Int>(capacity: 128)
    /// Per word row: first-pass type counts (entity types, then `O`); type of the first occurrence;
    /// longer-entity counts by type × place (place 0 first word, 1 inside, 2 last word).
    private var counts: [Int32] = []
    /// Per phrase key (hash chain of the words' keys): counts of each entity type.
    private var phraseRows = HashedKeyMap<Int>(capacity: 64)
    private var phraseCounts: [Int32] = []
    /// Per sentence and token: the phrase key and type of the first-pass entity holding it, its place
    /// and length; phrase key 0 when outside every entity.
    private var spanOf: [[(key: UInt64, type: Int, place: Int, length: Int)]] = []
    private let typeCount: Int

    /// Row layout: `typeCount` entity types, `O`, first occurrence's type and its token number in the
    /// document, longer-entity counts.
    private var outside: Int { typeCount }
    private var firstSlot: Int { typeCount + 1 }
    private var firstAtSlot: Int { typeCount + 2 }
    private var longerSlot: Int { typeCount + 3 }
    private var stride: Int { typeCount + 3 + typeCount * 3 }
    /// Token number in the document of each sentence's first token.
    private var sentenceStarts: [Int] = []

    /// Statistics of one document: `keys` are its sentences' word keys, `paths` the first pass's tags.
    package init(keys: [[EntityWordKey]], paths: [[Int]], tagSet: EntityTagSet) {
        typeCount = min(tagSet.types.count, 8)
        var tokenNumber = 0
        for (sentenceIndex, sentence) in keys.enumerated() {
            sentenceStarts.append(tokenNumber)
            tokenNumber += sentence.count
            let path = sentenceIndex < paths.count ? paths[sentenceIndex] : []
            var spans = [(key: UInt64, type: Int, place: Int, length: Int)](
                repeating: (0, 0, 0, 0), count: sentence.count)
            for span in tagSet.typedSpans(of: path) where span.end <= sentence.count {
                var phrase = EntityGazetteer.chainStart
                for position in span.start..<span.end {
                    phrase = EntityGazetteer.extend(phrase, with: sentence[position].lowerKey)
                }
                let length = span.end - span.start
                for position in span.start..<span.end {
                    let place = position == span.start ? 0 : (position == span.end - 1 ? 2 : 1)
                    spans[position] = (phrase, span.type, place, length)
                }
                let row = phraseRow(phrase)
                phraseCounts[row + span.type] += 1
            }
            for (position, word) in sentence.enumerated() where word.looksProper {
                let row = wordRow(word.lowerKey)
                let span = spans[position]
                let type = span.key == 0 ? outside : span.type
                counts[row + type] += 1
                if counts[row + firstSlot] < 0 {
                    counts[row + firstSlot] = Int32(type)
                    counts[row + firstAtSlot] = Int32(truncatingIfNeeded: sentenceStarts[sentenceIndex] + position)
                }
                if span.key != 0 && span.length > 1 {
                    counts[row + longerSlot + span.type * 3 + span.place] += 1
                }
            }
            spanOf.append(spans)
        }
    }

    private mutating func wordRow(_ key: UInt64) -> Int {
        if let row = wordRows[key] { return row }
        let row = counts.count
        counts.append(contentsOf: repeatElement(0, count: stride))
        counts[row + firstSlot] = -1
        wordRows[key, default: 0] = row
        return row
    }

    private mutating func phraseRow(_ key: UInt64) -> Int {
        if let row = phraseRows[key] { return row }
        let row = phraseCounts.count
        phraseCounts.append(contentsOf: repeatElement(0, count: typeCount))
        phraseRows[key, default: 0] = row
        return row
    }

    /// Append the document feature hashes of token `position` of sentence `sentence` (whose word key is
    /// `word`; `informative` is false for sentence-initial and headline tokens, whose case says little).
    /// `names` gets readable names when non-nil; `typeNames` are the model's entity types.
    package func features(
        sentence: Int, position: Int, word: EntityWordKey, informative: Bool, into hashes: inout [UInt64],
        names: inout [String]?, typeNames: [String]
    ) {
        guard word.looksProper, let row = wordRows[word.lowerKey], spanOf.indices.contains(sentence),
            spanOf[sentence].indices.contains(position)
        else { return }
        let span = spanOf[sentence][position]
        let own = span.key == 0 ? outside : span.type
        func name(_ type: Int) -> String { typeNames.indices.contains(type) ? typeNames[type] : "O" }
        func add(_ template: EntityFeatureTemplate, _ value: UInt64, _ label: @autoclosure () -> String) {
            hashes.append(FeatureHash.hash(template, value))
            if names != nil { names?.append("\(template)=\(label())") }
        }
        // Other occurrences of the word.
        var total: Int32 = 0
        var best = -1
        var bestCount: Int32 = 0
        for type in 0...outside {
            let count = counts[row + type] - (type == own ? 1 : 0)
            total += count
            if count > bestCount {
                best = type
                bestCount = count
            }
        }
        if best >= 0 {
            let agree: UInt64 = bestCount == total ? 1 : 0
            let casing = UInt64(word.casing.rawValue)
            let context: UInt64 = informative ? 1 : 0
            add(
                .docToken, UInt64(best) | agree << 4 | casing << 8 | context << 12,
                "\(name(best))|\(agree == 1 ? "all" : "most")|\(word.casing)|\(informative ? "mid" : "initial")")
            add(.docTokenOwn, UInt64(best) | UInt64(own) << 4, "\(name(best))|own \(name(own))")
        }
        // Longer entities elsewhere holding the word.
        var longerBest = -1
        var longerCount: Int32 = 0
        for slot in 0..<(typeCount * 3) {
            var count = counts[row + longerSlot + slot]
            if span.key != 0 && span.length > 1 && slot == span.type * 3 + span.place { count -= 1 }
            if count > longerCount {
                longerBest = slot
                longerCount = count
            }
        }
        if longerBest >= 0 {
            let type = longerBest / 3
            let place = longerBest % 3
            let single: UInt64 = span.length > 1 ? 0 : 1
            add(
                .docLonger, UInt64(type) | UInt64(place) << 4 | single << 8,
                "\(name(type))|\(["first", "inside", "last"][place])|\(single == 1 ? "alone" : "in span")")
        }
        // First occurrence, when this token is not it.
        let first = Int(counts[row + firstSlot])
        let here = Int32(truncatingIfNeeded: sentenceStarts[sentence] + position)
        if first >= 0 && counts[row + firstAtSlot] != here {
            add(.docFirst, UInt64(first) | UInt64(own) << 4, "\(name(first))|own \(name(own))")
        }
        // The same phrase elsewhere.
        if span.key != 0, let phrase = phraseRows[span.key] {
            var phraseBest = -1
            var phraseCount: Int32 = 0
            for type in 0..<typeCount {
                let count = phraseCounts[phrase + type] - (type == span.type ? 1 : 0)
                if count > phraseCount {
                    phraseBest = type
                    phraseCount = count
                }
            }
            if phraseBest >= 0 {
                add(.docPhrase, UInt64(phraseBest) | UInt64(span.type) << 4, "\(name(phraseBest))|own \(name(span.type))")
            }
        }
    }
}
