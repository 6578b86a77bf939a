/// Features of a token that depend on its sentence and document rather than on its word form alone:
/// neighbouring-word conjunctions, sentence position, headline casing, gazetteer matches, how the
/// same word is cased elsewhere in the document, and how it was tagged earlier in the document.
package struct EntityContextFeatures {
    /// Casing evidence for each lower-cased word key, gathered over a whole document from positions
    /// where casing is informative (not sentence-initial, not in an all-capitals headline).
    /// Bits: 1 lower case seen, 2 title case seen, 4 all capitals seen.
    package static func documentCasing(_ sentences: [[EntityWordKey]]) -> HashedKeyMap<UInt8> {
        var casing = HashedKeyMap<UInt8>(capacity: 256)
        for sentence in sentences where !isHeadline(sentence) {
            for (index, type) in sentence.enumerated() where index > 0 {
                let bit: UInt8
                switch type.casing {
                case .lower: bit = 1
                case .title: bit = 2
                case .upper: bit = 4
                case .none, .mixed: continue
                }
                casing[type.lowerKey, default: 0] |= bit
            }
        }
        return casing
    }

    /// Whether every word with letters in the sentence is in capitals (CoNLL headlines, datelines).
    package static func isHeadline(_ sentence: [EntityWordKey]) -> Bool {
        var letters = 0
        for type in sentence {
            switch type.casing {
            case .none: continue
            case .upper: letters += 1
            case .lower, .title, .mixed: return false
            }
        }
        return letters > 0
    }

    /// Append the static context features of every token of `sentence`: `starts[i]..<starts[i+1]`
    /// are token `i`'s hashes in `hashes`. `names` is filled when non-nil.
    package static func staticFeatures(
        _ sentence: [EntityWordKey], gazetteer: EntityGazetteer, documentCasing: HashedKeyMap<UInt8>,
        hashes: inout [UInt64], starts: inout [Int], names: inout [String]?
    ) {
        let headline = isHeadline(sentence)
        let gazetteerBits = gazetteer.matches(sentence.map(\.lowerKey))
        let boundaryKey: UInt64 = 0x6f3a_1d2c
        starts.append(hashes.count)
        func add(_ template: EntityFeatureTemplate, _ value: UInt64, _ name: @autoclosure () -> String) {
            hashes.append(FeatureHash.hash(template, value))
            if names != nil { names?.append("\(template)=\(name())") }
        }
        // Runs of capitalised words (a name's extent is a strong cue: "… Corp", "… United").
        var runStart = [Int](repeating: -1, count: sentence.count)
        var runEnd = [Int](repeating: -1, count: sentence.count)
        if !headline {
            var index = 0
            while index < sentence.count {
                guard sentence[index].looksProper else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < sentence.count && sentence[end].looksProper { end += 1 }
                for position in index..<end {
                    runStart[position] = index
                    runEnd[position] = end
                }
                index = end
            }
        }
        for (index, type) in sentence.enumerated() {
            let previous = index > 0 ? sentence[index - 1] : nil
            let next = index + 1 < sentence.count ? sentence[index + 1] : nil
            add(.bigramPrev, FeatureHash.mix(previous?.lowerKey ?? boundaryKey, type.lowerKey), "prev+word")
            add(.bigramNext, FeatureHash.mix(type.lowerKey, next?.lowerKey ?? boundaryKey), "word+next")
            let trigram = FeatureHash.mix(
                FeatureHash.mix(previous?.shapeKey ?? boundaryKey, type.shapeKey), next?.shapeKey ?? boundaryKey)
            add(.shapeTrigram, trigram, "shapes")
            if index == 0 { add(.firstToken, type.shapeKey, "shape") }
            add(.prevWordShape, FeatureHash.mix(previous?.lowerKey ?? boundaryKey, type.shapeKey), "prev+shape")
            add(.nextWordShape, FeatureHash.mix(type.shapeKey, next?.lowerKey ?? boundaryKey), "shape+next")
            if runStart[index] >= 0 {
                let first = runStart[index]
                let end = runEnd[index]
                let length = UInt64(min(end - first, 4))
                let place: UInt64 = end - first == 1 ? 0 : (index == first ? 1 : (index == end - 1 ? 2 : 3))
                add(.runFirst, sentence[first].lowerKey, "first word of capitalised run")
                add(.runLast, sentence[end - 1].lowerKey, "last word of capitalised run")
                add(.runShape, length << 4 | place, "run length \(length), place \(place)")
            }
            if headline { add(.headline, type.shapeKey, "shape") }
            let bits = gazetteerBits[index]
            if bits != 0 {
                for bit in 0..<16 where bits & (1 << bit) != 0 {
                    let value = UInt64(bit)
                    add(.gazetteer, value, (bit < 8 ? "B" : "I") + "\(bit % 8)")
                    add(.gazetteerCap, value << 8 | UInt64(type.casing.rawValue), "\(bit)|\(type.casing)")
                }
            }
            if type.casing != .none {
                let seen = UInt64(documentCasing[type.lowerKey] ?? 0)
                let value = seen << 8 | UInt64(type.casing.rawValue) << 1 | (index == 0 || headline ? 1 : 0)
                add(.documentCase, value, "seen\(seen)|\(type.casing)|initial\(index == 0 || headline)")
            }
            starts.append(hashes.count)
        }
    }

    /// The history feature hashes for a token whose word has `key`, given what earlier sentences of the
    /// document tagged it as.
    package static func historyFeatures(_ type: EntityWordKey, history: EntityHistory, into hashes: inout [UInt64]) {
        guard type.casing != .none && type.casing != .lower, let dominant = history.dominant(type.lowerKey) else {
            return
        }
        hashes.append(FeatureHash.hash(.history, UInt64(dominant)))
        hashes.append(FeatureHash.hash(.historyCap, UInt64(dominant) << 8 | UInt64(type.casing.rawValue)))
    }
}

/// How words were tagged earlier in the current document: per lower-cased word key, counts of each
/// entity type and of `O` (types 0–3, `O` as 4; 12 bits each, saturating).
package struct EntityHistory {
    private var counts = HashedKeyMap<UInt64>(capacity: 128)

    package init() {}

    /// Record a tagged token (`type` nil for `O`) if its word looks like a name.
    package mutating func record(_ type: EntityWordKey, entityType: Int?) {
        guard type.casing != .none && type.casing != .lower else { return }
        let slot = UInt64(min(entityType ?? 4, 4)) * 12
        let packed = counts[type.lowerKey] ?? 0
        if (packed >> slot) & 0xfff < 0xfff { counts[type.lowerKey, default: 0] = packed + (1 << slot) }
    }

    /// The most frequent tag type (0–4, 4 is `O`) recorded for `key`, or nil if never seen.
    package func dominant(_ key: UInt64) -> Int? {
        guard let packed = counts[key] else { return nil }
        var best = 0
        var bestCount: UInt64 = 0
        for slot in 0..<5 {
            let count = (packed >> UInt64(slot * 12)) & 0xfff
            if count > bestCount {
                best = slot
                bestCount = count
            }
        }
        return bestCount > 0 ? best : nil
    }
}
