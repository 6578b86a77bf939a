/// The per-token facts context features need, as a plain value (no reference counting in hot loops).
package struct EntityWordKey: Sendable {
    var lowerKey: UInt64
    var shapeKey: UInt64
    var casing: EntityWordType.Case

    /// Whether the form starts with an upper-case letter or is all capitals.
    var looksProper: Bool { casing == .title || casing == .upper || casing == .mixed }
}

/// Everything the recogniser needs to know about one word form, computed once per form and reused
/// for every occurrence (per document in the stage, per corpus in training).
package struct EntityWordType: Sendable {
    /// Casing classes (part of feature values; raw values are part of the model format).
    package enum Case: UInt8, Sendable {
        case none = 0
        case lower, title, upper, mixed
    }

    /// Hash of the lower-cased form: the key for gazetteers, document casing and history.
    package var lowerKey: UInt64
    var shapeKey: UInt64
    package var casing: Case
    /// Feature hashes of the word in the token's own position.
    package var own: [UInt64]
    /// Feature hashes of the word seen from a token at offsets -2, -1, +1, +2 (in that order).
    package var neighbour: [[UInt64]]
    /// Readable names for `own` and `neighbour` (only when built for explanation).
    package var ownNames: [String] = []
    package var neighbourNames: [[String]] = []

    /// The plain facts used by context features.
    package var key: EntityWordKey { EntityWordKey(lowerKey: lowerKey, shapeKey: shapeKey, casing: casing) }

    /// Index into `neighbour` for a relative offset in -2...2 other than 0.
    package static func slot(forOffset offset: Int) -> Int { offset < 0 ? offset + 2 : offset + 1 }
}

/// Computes word-type features: spelling, shape, affixes, clusters.
package struct EntityWordTypeBuilder: Sendable {
    let clusters: WordClusters

    package init(clusters: WordClusters) { self.clusters = clusters }

    private static let prefixes: [EntityFeatureTemplate] = [.prefix1, .prefix2, .prefix3, .prefix4]
    private static let suffixes: [EntityFeatureTemplate] = [.suffix1, .suffix2, .suffix3, .suffix4]

    private static let neighbourTemplates: [[EntityFeatureTemplate]] = [
        [.lowerPrev2, .shapePrev2, .clusterPrev2],
        [.lowerPrev1, .shapePrev1, .clusterPrev1],
        [.lowerNext1, .shapeNext1, .clusterNext1],
        [.lowerNext2, .shapeNext2, .clusterNext2],
    ]

    /// Build the type of `word`; `named` also records readable feature names.
    package func build(_ word: String, named: Bool = false) -> EntityWordType {
        let lower = word.lowercased()
        let (shape, longShape, casing, flags) = Self.describe(word)
        let cluster = clusters.clusters(of: word, lower: lower)
        var own: [UInt64] = []
        own.reserveCapacity(20)
        var names: [String] = []
        func add(_ template: EntityFeatureTemplate, _ value: String) {
            own.append(FeatureHash.hash(template, value))
            if named { names.append("\(template)=\(value)") }
        }
        add(.bias, "")
        add(.word, word)
        add(.lower, lower)
        add(.shape, shape)
        add(.longShape, longShape)
        add(.flags, flags)
        // Affixes of up to four characters, hashed straight from the UTF-8 bytes at scalar boundaries.
        let bytes = Array(lower.utf8)
        var boundaries: [Int] = []
        boundaries.reserveCapacity(bytes.count + 1)
        for (offset, byte) in bytes.enumerated() where byte & 0xc0 != 0x80 { boundaries.append(offset) }
        let scalarCount = boundaries.count
        boundaries.append(bytes.count)
        if scalarCount > 1 {
            for length in 1...min(4, scalarCount - 1) {
                let prefix = bytes[0..<boundaries[length]]
                let suffix = bytes[boundaries[scalarCount - length]...]
                own.append(FeatureHash.hash(Self.prefixes[length - 1], prefix))
                own.append(FeatureHash.hash(Self.suffixes[length - 1], suffix))
                if named {
                    names.append("\(Self.prefixes[length - 1])=\(String(decoding: prefix, as: UTF8.self))")
                    names.append("\(Self.suffixes[length - 1])=\(String(decoding: suffix, as: UTF8.self))")
                }
            }
        }
        if let cluster {
            add(.cluster1, String(cluster.0))
            add(.cluster2, String(cluster.1))
            add(.cluster3, String(cluster.2))
        }
        var neighbour: [[UInt64]] = []
        neighbour.reserveCapacity(Self.neighbourTemplates.count)
        var neighbourNames: [[String]] = []
        let value = cluster.map { String($0.1) } ?? "-"
        for templates in Self.neighbourTemplates {
            neighbour.append([
                FeatureHash.hash(templates[0], lower), FeatureHash.hash(templates[1], shape),
                FeatureHash.hash(templates[2], value),
            ])
            if named {
                neighbourNames.append([
                    "\(templates[0])=\(lower)", "\(templates[1])=\(shape)", "\(templates[2])=\(value)",
                ])
            } else {
                neighbourNames.append([])
            }
        }
        return EntityWordType(
            lowerKey: FeatureHash.hash(lower), shapeKey: FeatureHash.hash(shape), casing: casing, own: own,
            neighbour: neighbour, ownNames: names, neighbourNames: neighbourNames)
    }

    /// Short shape (runs collapsed), long shape (first 8 characters), casing class and a flag string.
    static func describe(_ word: String) -> (String, String, EntityWordType.Case, String) {
        // Shape marks are ASCII: built as bytes, made strings once.
        var short: [UInt8] = []
        var long: [UInt8] = []
        short.reserveCapacity(8)
        long.reserveCapacity(8)
        var last: UInt8 = 0x20
        var uppers = 0
        var lowers = 0
        var digits = 0
        var others = 0
        var count = 0
        var firstUpper = false
        var hyphen = false
        var period = false
        var apostrophe = false
        var ampersand = false
        for scalar in word.unicodeScalars {
            let mark: UInt8
            let value = scalar.value
            let isUpper: Bool
            let isLetter: Bool
            if value < 0x80 {
                isUpper = value >= 0x41 && value <= 0x5a
                isLetter = isUpper || (value >= 0x61 && value <= 0x7a)
            } else {
                let properties = scalar.properties
                isUpper = properties.isUppercase
                isLetter = isUpper || properties.isLowercase || properties.isAlphabetic
            }
            if isUpper {
                mark = 0x58  // X
                uppers += 1
                if count == 0 { firstUpper = true }
            } else if isLetter {
                mark = 0x78  // x
                lowers += 1
            } else if scalar.value >= 0x30 && scalar.value <= 0x39 {
                mark = 0x64  // d
                digits += 1
            } else {
                others += 1
                switch scalar {
                case "-": hyphen = true
                case ".": period = true
                case "'", "\u{2019}": apostrophe = true
                case "&": ampersand = true
                default: break
                }
                mark = scalar.isASCII ? UInt8(truncatingIfNeeded: scalar.value) : 0x6f  // o
            }
            if count < 8 { long.append(mark) }
            if mark != last { short.append(mark) }
            last = mark
            count += 1
        }
        let casing: EntityWordType.Case
        if uppers + lowers == 0 {
            casing = .none
        } else if uppers == 0 {
            casing = .lower
        } else if lowers == 0 {
            casing = .upper
        } else if firstUpper && uppers == 1 {
            casing = .title
        } else {
            casing = .mixed
        }
        var flags = ""
        if hyphen { flags.append("h") }
        if period { flags.append("p") }
        if apostrophe { flags.append("a") }
        if ampersand { flags.append("&") }
        if digits > 0 && uppers + lowers > 0 { flags.append("dx") }
        if others == count { flags.append("P") }
        if count == 1 { flags.append("1") }
        return (String(decoding: short, as: UTF8.self), String(decoding: long, as: UTF8.self), casing, flags)
    }
}
