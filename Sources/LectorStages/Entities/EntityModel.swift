import Foundation

/// The trained entity recogniser's parameters: tag set, transition and feature weights, word clusters
/// and the gazetteer built from training data. A two-pass model also has the transitions of its second,
/// document-level pass (whose feature weights share the feature table under their own templates).
///
/// ## File format (version 3, little-endian; version 2 is version 3 without the encoding byte, always
/// BIO; version 1 is version 2 without the second-pass block)
/// ```
/// header   8 bytes  magic "LECTNER1"
///          u32      format version (1, 2 or 3)
///          u64      payload length in bytes
///          u64      FNV-1a 64 checksum of the payload
/// payload  u32 n, then n × (u16 length, UTF-8 bytes)        entity types
///          u8                                               tag encoding (version 3): 0 BIO, 1 BILOU;
///                                                           T tags = 1 + 2n or 1 + 4n (`EntityTagSet`)
///          (T+1)×T f32                                      transitions; row T = sentence start
///          u32 D (0 or (T+1)×T), D × f32                    second-pass transitions (version 2 only;
///                                                           D = 0: a one-pass model)
///          u32 F, F × u64 feature hash, F × f32 row scale,
///          F×T × i16                                        feature weights (weight = i16 × its row's scale)
///          u32 C, C × (u64 word hash, u64 packed clusters)  word clusters
///          u32 G, u32 max phrase length, G × (u64 phrase key, u8 type mask)   gazetteer
///          u32 V, V × (u16 length, UTF-8 bytes)             frequent training words (scores cached at load)
///          u32 length, UTF-8 bytes                          notes (provenance, training figures)
/// ```
/// Loading checks the magic, version, length, checksum and every count against the bytes left, so a
/// truncated or corrupt file is an `EntityModelError`, never a crash. Immutable and `Sendable`.
public struct EntityModel: Sendable {
    public let tagSet: EntityTagSet
    /// (tags + 1) × tags transition scores; the last row scores the first tag of a sentence.
    package let transitions: [Float]
    /// Transitions of the second, document-level pass, or nil for a one-pass model.
    package let documentTransitions: [Float]?
    /// Open-addressing table of feature hashes (0 marks an empty slot) and their weight rows.
    private let slots: [UInt64]
    private let slotRows: [Int32]
    private let mask: Int
    /// Feature weights, one row of `tagSet.count` per feature.
    package let weights: [Float]
    package let clusters: WordClusters
    package let gazetteer: EntityGazetteer
    /// Free text stored with the model: provenance and training figures.
    public let notes: String
    /// Frequent word forms whose feature scores the recogniser computes once at load.
    package let vocabulary: [String]
    /// Feature hashes in row order (kept for saving).
    private let featureKeys: [UInt64]

    /// Feature hashes in row order.
    package var keys: [UInt64] { featureKeys }

    static let magic = Array("LECTNER1".utf8)
    static let version: UInt32 = 3

    /// Number of features with weights.
    public var featureCount: Int { featureKeys.count }

    package init(
        tagSet: EntityTagSet, transitions: [Float], features: [UInt64], weights: [Float], clusters: WordClusters,
        gazetteer: EntityGazetteer, vocabulary: [String], notes: String, documentTransitions: [Float]? = nil
    ) {
        self.tagSet = tagSet
        self.vocabulary = vocabulary
        self.transitions = transitions
        self.documentTransitions = documentTransitions
        self.featureKeys = features
        self.weights = weights
        self.clusters = clusters
        self.gazetteer = gazetteer
        self.notes = notes
        var capacity = 16
        while capacity < features.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var rows = [Int32](repeating: -1, count: capacity)
        for (row, key) in features.enumerated() {
            var slot = Int(truncatingIfNeeded: Self.stored(key)) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Self.stored(key)
            rows[slot] = Int32(row)
        }
        self.slots = slots
        self.slotRows = rows
        self.mask = capacity - 1
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The weight row of feature `key`, or -1.
    @inline(__always)
    func row(of key: UInt64) -> Int {
        let wanted = Self.stored(key)
        var slot = Int(truncatingIfNeeded: wanted) & mask
        while true {
            let found = slots[slot]
            if found == wanted { return Int(slotRows[slot]) }
            if found == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// Add feature `key`'s weights to `scores` (`tagSet.count` floats).
    @inline(__always)
    func accumulate(_ key: UInt64, into scores: UnsafeMutablePointer<Float>) {
        let row = row(of: key)
        guard row >= 0 else { return }
        let tags = tagSet.count
        weights.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let start = base + row * tags
            for tag in 0..<tags { scores[tag] += start[tag] }
        }
    }

    /// The weight of feature `key` for `tag` (0 when the feature is unknown).
    package func weight(_ key: UInt64, tag: Int) -> Float {
        let row = row(of: key)
        return row < 0 ? 0 : weights[row * tagSet.count + tag]
    }

    /// Transition score from `previous` (nil: sentence start) to `next`.
    func transition(_ previous: Int?, _ next: Int) -> Float {
        transitions[(previous ?? tagSet.count) * tagSet.count + next]
    }
}

/// Why a model file could not be loaded.
public struct EntityModelError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension EntityModel {
    /// Serialise to the version-3 format (weights quantised to 16 bits).
    public func serialized() -> Data {
        var payload = ByteWriter()
        payload.u32(UInt32(tagSet.types.count))
        for type in tagSet.types { payload.string16(type) }
        payload.bytes.append(tagSet.scheme.rawValue)
        for value in transitions { payload.f32(value) }
        payload.u32(UInt32(documentTransitions?.count ?? 0))
        for value in documentTransitions ?? [] { payload.f32(value) }
        payload.u32(UInt32(featureKeys.count))
        for key in featureKeys { payload.u64(key) }
        let tags = tagSet.count
        let scales = (0..<featureKeys.count).map { Self.rowScale(weights[($0 * tags)..<($0 * tags + tags)]) }
        for scale in scales { payload.f32(scale) }
        for (index, value) in weights.enumerated() {
            payload.i16(Int16(max(-32767, min(32767, (value / scales[index / tags]).rounded()))))
        }
        let clusterEntries = clusters.table.sorted { $0.key < $1.key }
        payload.u32(UInt32(clusterEntries.count))
        for (key, value) in clusterEntries {
            payload.u64(key)
            payload.u64(value)
        }
        let phrases = gazetteer.entries
        payload.u32(UInt32(phrases.count))
        payload.u32(UInt32(gazetteer.maxLength))
        for (key, value) in phrases {
            payload.u64(key)
            payload.bytes.append(value)
        }
        payload.u32(UInt32(vocabulary.count))
        for word in vocabulary { payload.string16(word) }
        let notesBytes = Array(notes.utf8)
        payload.u32(UInt32(notesBytes.count))
        payload.bytes.append(contentsOf: notesBytes)

        var file = ByteWriter()
        file.bytes.append(contentsOf: Self.magic)
        file.u32(Self.version)
        file.u64(UInt64(payload.bytes.count))
        file.u64(Self.checksum(payload.bytes[...]))
        file.bytes.append(contentsOf: payload.bytes)
        return Data(file.bytes)
    }

    /// Load and validate a model file's bytes.
    public init(data: Data) throws {
        let bytes = [UInt8](data)
        var header = ByteReader(bytes[...])
        guard try header.take(8) == Self.magic[...] else {
            throw EntityModelError("not a Lector entity model (bad magic)")
        }
        let version = try header.u32()
        guard (1...Self.version).contains(version) else {
            throw EntityModelError(
                "entity model format version \(version) is not supported (expected 1 to \(Self.version))")
        }
        let length = try header.u64()
        let checksum = try header.u64()
        guard length == UInt64(header.remaining) else {
            throw EntityModelError(
                "entity model is truncated or padded: payload \(header.remaining) bytes, header says \(length)")
        }
        let payloadBytes = bytes[(bytes.count - header.remaining)...]
        guard Self.checksum(payloadBytes) == checksum else {
            throw EntityModelError("entity model checksum mismatch: the file is corrupt")
        }
        var reader = ByteReader(payloadBytes)
        let typeCount = Int(try reader.u32())
        guard typeCount > 0 && typeCount <= 8 else {
            throw EntityModelError("entity model has \(typeCount) entity types")
        }
        var types: [String] = []
        for _ in 0..<typeCount { types.append(try reader.string16()) }
        var scheme = EntityTagSet.Scheme.bio
        if version >= 3 {
            let raw = try reader.take(1).first ?? 0
            guard let stored = EntityTagSet.Scheme(rawValue: raw) else {
                throw EntityModelError("entity model has unknown tag encoding \(raw)")
            }
            scheme = stored
        }
        let tagSet = EntityTagSet(types: types, scheme: scheme)
        let tags = tagSet.count
        var transitions: [Float] = []
        for _ in 0..<((tags + 1) * tags) { transitions.append(try reader.f32()) }
        guard transitions.allSatisfy(\.isFinite) else { throw EntityModelError("entity model has invalid transitions") }
        var documentTransitions: [Float]?
        if version >= 2 {
            let count = Int(try reader.u32())
            guard count == 0 || count == transitions.count else {
                throw EntityModelError("entity model has \(count) second-pass transitions (expected \(transitions.count))")
            }
            if count > 0 {
                var values: [Float] = []
                for _ in 0..<count { values.append(try reader.f32()) }
                guard values.allSatisfy(\.isFinite) else {
                    throw EntityModelError("entity model has invalid second-pass transitions")
                }
                documentTransitions = values
            }
        }
        let featureCount = Int(try reader.u32())
        try reader.need(featureCount * (8 + 4 + 2 * tags))
        let keys = try reader.integers(UInt64.self, count: featureCount)
        var scales = [Float]()
        scales.reserveCapacity(featureCount)
        for _ in 0..<featureCount {
            let scale = try reader.f32()
            guard scale.isFinite && scale > 0 else {
                throw EntityModelError("entity model has an invalid weight scale")
            }
            scales.append(scale)
        }
        let quantised = try reader.integers(Int16.self, count: featureCount * tags)
        var weights = [Float](repeating: 0, count: featureCount * tags)
        for feature in 0..<featureCount {
            let scale = scales[feature]
            for index in (feature * tags)..<((feature + 1) * tags) { weights[index] = Float(quantised[index]) * scale }
        }
        let clusterCount = Int(try reader.u32())
        try reader.need(clusterCount * 16)
        var clusterTable: [UInt64: UInt64] = [:]
        clusterTable.reserveCapacity(clusterCount)
        for _ in 0..<clusterCount {
            let key = try reader.u64()
            clusterTable[key] = try reader.u64()
        }
        let phraseCount = Int(try reader.u32())
        let maxLength = Int(try reader.u32())
        guard maxLength <= 64 else {
            throw EntityModelError("entity model gazetteer phrase length \(maxLength) is invalid")
        }
        try reader.need(phraseCount * 9)
        var phrases: [UInt64: UInt8] = [:]
        phrases.reserveCapacity(phraseCount)
        for _ in 0..<phraseCount {
            let key = try reader.u64()
            phrases[key] = try reader.take(1).first ?? 0
        }
        let vocabularyCount = Int(try reader.u32())
        try reader.need(vocabularyCount * 2)
        var vocabulary: [String] = []
        vocabulary.reserveCapacity(vocabularyCount)
        for _ in 0..<vocabularyCount { vocabulary.append(try reader.string16()) }
        let notesLength = Int(try reader.u32())
        let notes = String(decoding: try reader.take(notesLength), as: UTF8.self)
        guard reader.remaining == 0 else {
            throw EntityModelError("entity model has \(reader.remaining) trailing bytes")
        }
        self.init(
            tagSet: tagSet, transitions: transitions, features: keys, weights: weights,
            clusters: WordClusters(table: clusterTable),
            gazetteer: EntityGazetteer(entries: phrases, maxLength: maxLength),
            vocabulary: vocabulary, notes: notes, documentTransitions: documentTransitions)
    }

    /// Load from a file.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EntityModelError("cannot read entity model \(url.path): \(error.localizedDescription)")
        }
        do {
            try self.init(data: data)
        } catch let error as EntityModelError {
            throw EntityModelError("\(url.path): \(error.description)")
        }
    }

    /// The quantisation step of one weight row (its largest magnitude maps to ±32767).
    static func rowScale(_ row: ArraySlice<Float>) -> Float {
        let largest = row.reduce(Float(0)) { max($0, abs($1)) }
        return largest > 0 ? largest / 32767 : 1
    }

    /// `row` as it will read back after 16-bit quantisation.
    package static func quantised(_ row: ArraySlice<Float>) -> [Float] {
        let scale = rowScale(row)
        return row.map { max(-32767, min(32767, ($0 / scale).rounded())) * scale }
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var hash = FeatureHash.offsetBasis
            for byte in buffer { hash = FeatureHash.step(hash, byte) }
            return hash
        }
    }
}

/// Little-endian writer for the model format.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i16(_ value: Int16) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func f32(_ value: Float) { u32(value.bitPattern) }
    mutating func string16(_ value: String) {
        let utf8 = Array(value.utf8.prefix(Int(UInt16.max)))
        withUnsafeBytes(of: UInt16(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: utf8)
    }
}

/// Bounds-checked little-endian reader for the model format.
struct ByteReader {
    private var rest: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { rest = bytes }

    var remaining: Int { rest.count }

    func need(_ count: Int) throws {
        guard count >= 0 && count <= rest.count else {
            throw EntityModelError("entity model is truncated (needs \(count) more bytes, has \(rest.count))")
        }
    }

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        try need(count)
        let taken = rest.prefix(count)
        rest = rest.dropFirst(count)
        return taken
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
        var value: T = 0
        for (index, byte) in try take(MemoryLayout<T>.size).enumerated() {
            value |= T(truncatingIfNeeded: byte) << (8 * index)
        }
        return value
    }

    /// `count` little-endian integers in one pass (the model's feature keys and weights).
    mutating func integers<T: FixedWidthInteger>(_: T.Type, count: Int) throws -> [T] {
        let size = MemoryLayout<T>.size
        guard count >= 0, count <= rest.count / size else {
            throw EntityModelError("entity model is truncated (needs \(count) values of \(size) bytes, has \(rest.count) bytes)")
        }
        let taken = try take(count * size)
        return taken.withUnsafeBytes { raw in
            (0..<count).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * size, as: T.self)) }
        }
    }

    mutating func u32() throws -> UInt32 { try integer(UInt32.self) }
    mutating func u64() throws -> UInt64 { try integer(UInt64.self) }
    mutating func f32() throws -> Float { Float(bitPattern: try u32()) }
    mutating func string16() throws -> String {
        let length = Int(try integer(UInt16.self))
        return String(decoding: try take(length), as: UTF8.self)
    }
}
