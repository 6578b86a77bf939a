import Foundation

/// Decodes `Decodable` values (stage options, report settings) from a `ConfigNode`, with errors that
/// name file, line and key, and with unknown keys rejected.
///
/// Unknown keys: every keyed container records the keys the type asked for; after decoding, any key
/// present in the file but never asked for is an error listing the allowed ones. Option types should
/// therefore ask for every key they know (`decodeIfPresent` for optional ones).
public struct ConfigDecoder: Sendable {
    /// Directory that relative paths in the configuration are resolved against (the pipeline file's).
    public var baseDirectory: URL

    public init(baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.baseDirectory = baseDirectory
    }

    /// Decode `type` from `node`; `keyPath` prefixes error key paths (e.g. `stages[2].options`).
    public func decode<T: Decodable>(_ type: T.Type, from node: ConfigNode, keyPath: String = "") throws -> T {
        let tracker = KeyTracker()
        var decoder = NodeDecoder(node: node, path: keyPath, tracker: tracker)
        decoder.baseDirectory = baseDirectory
        let value: T
        do {
            value = try T(from: decoder)
        } catch let error as ConfigError {
            throw error
        } catch let error as DecodingError {
            throw Self.configError(from: error, root: node, rootPath: keyPath)
        }
        try tracker.checkUnknownKeys()
        return value
    }

    static func configError(from error: DecodingError, root: ConfigNode, rootPath: String) -> ConfigError {
        switch error {
        case .keyNotFound(let key, let context):
            return ConfigError(
                at: locate(context.codingPath, in: root), keyPath: join(rootPath, context.codingPath),
                "missing required key '\(key.stringValue)'")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return ConfigError(
                at: locate(context.codingPath, in: root), keyPath: join(rootPath, context.codingPath),
                context.debugDescription)
        @unknown default:
            return ConfigError(at: root.location, keyPath: rootPath, "\(error)")
        }
    }

    /// The location of the deepest node on `codingPath` that exists.
    static func locate(_ codingPath: [any CodingKey], in root: ConfigNode) -> ConfigLocation {
        var node = root
        for key in codingPath {
            switch node.value {
            case .map(let entries):
                guard let entry = entries.first(where: { $0.key == key.stringValue }) else { return node.location }
                node = entry.value
            case .list(let items):
                guard let index = key.intValue, items.indices.contains(index) else { return node.location }
                node = items[index]
            default:
                return node.location
            }
        }
        return node.location
    }

    static func join(_ root: String, _ codingPath: [any CodingKey]) -> String {
        var path = root
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }
}

/// Records, for each map decoded, which keys the decoding type asked for.
final class KeyTracker {
    struct Visit {
        var node: ConfigNode
        var path: String
        var asked: Set<String>
    }

    var visits: [Visit] = []

    func register(_ node: ConfigNode, path: String) -> Int {
        visits.append(Visit(node: node, path: path, asked: []))
        return visits.count - 1
    }

    func ask(_ key: String, in visit: Int) { visits[visit].asked.insert(key) }

    func checkUnknownKeys() throws {
        for visit in visits {
            // A container that asked for nothing was only probed (e.g. `contains`-free decoding of a
            // dictionary), not a fixed set of keys: `allKeys` users mark every key as asked.
            for entry in visit.node.entries ?? [] where !visit.asked.contains(entry.key) {
                let allowed = visit.asked.sorted().joined(separator: ", ")
                let keyPath = visit.path.isEmpty ? entry.key : "\(visit.path).\(entry.key)"
                // Option names are kebab-case: point a snake_case spelling at its new name.
                let kebab = String(entry.key.map { $0 == "_" ? "-" : $0 })
                let hint = kebab != entry.key && visit.asked.contains(kebab) ? " (now spelled '\(kebab)')" : ""
                throw ConfigError(
                    at: entry.keyLocation, keyPath: keyPath,
                    "unknown key '\(entry.key)'\(hint); allowed: \(allowed.isEmpty ? "none" : allowed)")
            }
        }
    }
}

struct NodeDecoder: Decoder {
    let node: ConfigNode
    let path: String
    let tracker: KeyTracker
    var codingPath: [any CodingKey] = []
    var baseDirectory: URL?
    var userInfo: [CodingUserInfoKey: Any] {
        guard let baseDirectory else { return [:] }
        return [ConfigPath.baseDirectoryKey: baseDirectory]
    }

    init(node: ConfigNode, path: String, tracker: KeyTracker, codingPath: [any CodingKey] = []) {
        self.node = node
        self.path = path
        self.tracker = tracker
        self.codingPath = codingPath
    }

    func error(_ expected: String) -> ConfigError {
        ConfigError(at: node.location, keyPath: path, "expected \(expected), found \(node.kindDescription)")
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if case .null = node.value {
            let empty = ConfigNode(.map([]), at: node.location)
            return KeyedDecodingContainer(NodeKeyedContainer<Key>(decoder: withNode(empty)))
        }
        guard case .map = node.value else { throw error("a mapping") }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch node.value {
        case .list(let items): return NodeUnkeyedContainer(decoder: self, items: items)
        case .null: return NodeUnkeyedContainer(decoder: self, items: [])
        // A single scalar where a list is expected reads as a one-element list (`labels: PER`).
        case .scalar: return NodeUnkeyedContainer(decoder: self, items: [node])
        case .map: throw error("a list")
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { NodeSingleValue(decoder: self) }

    func withNode(_ other: ConfigNode) -> NodeDecoder {
        var decoder = NodeDecoder(node: other, path: path, tracker: tracker, codingPath: codingPath)
        decoder.baseDirectory = baseDirectory
        return decoder
    }

    func child(_ other: ConfigNode, key: any CodingKey) -> NodeDecoder {
        let childPath: String
        if let index = key.intValue {
            childPath = "\(path)[\(index)]"
        } else {
            childPath = path.isEmpty ? key.stringValue : "\(path).\(key.stringValue)"
        }
        var decoder = NodeDecoder(node: other, path: childPath, tracker: tracker, codingPath: codingPath + [key])
        decoder.baseDirectory = baseDirectory
        return decoder
    }
}

struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue ?? 0)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let visit: Int
    let entries: [ConfigNode.Entry]

    init(decoder: NodeDecoder) {
        self.decoder = decoder
        self.entries = decoder.node.entries ?? []
        self.visit = decoder.tracker.register(decoder.node, path: decoder.path)
    }

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        // A type that enumerates keys (a dictionary) accepts them all.
        for entry in entries { decoder.tracker.ask(entry.key, in: visit) }
        return entries.compactMap { Key(stringValue: $0.key) }
    }

    func contains(_ key: Key) -> Bool {
        decoder.tracker.ask(key.stringValue, in: visit)
        return entries.contains { $0.key == key.stringValue }
    }

    func node(for key: Key) throws -> ConfigNode {
        decoder.tracker.ask(key.stringValue, in: visit)
        guard let entry = entries.first(where: { $0.key == key.stringValue }) else {
            let keyPath = decoder.path.isEmpty ? key.stringValue : "\(decoder.path).\(key.stringValue)"
            throw ConfigError(at: decoder.node.location, keyPath: keyPath, "missing required key '\(key.stringValue)'")
        }
        return entry.value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        let value = try node(for: key)
        if case .null = value.value { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let child = decoder.child(try node(for: key), key: key)
        return try T(from: child)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else { return nil }
        let value = try node(for: key)
        if case .null = value.value { return nil }
        return try T(from: decoder.child(value, key: key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoder.child(try node(for: key), key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(try node(for: key), key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder.child(try node(for: key), key: key) }
}

struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [ConfigNode]
    var currentIndex = 0

    init(decoder: NodeDecoder, items: [ConfigNode]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw ConfigError(at: decoder.node.location, keyPath: decoder.path, "list has too few items")
        }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], key: IndexKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return true }
        if case .null = items[currentIndex].value {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct NodeSingleValue: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        if case .null = decoder.node.value { return true }
        return false
    }

    func text(_ expected: String) throws -> String {
        guard let text = decoder.node.scalar else { throw decoder.error(expected) }
        return text
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch try text("true or false").lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw decoder.error("true or false")
        }
    }

    func decode(_ type: String.Type) throws -> String { try text("a string") }

    func decode(_ type: Double.Type) throws -> Double {
        guard let value = Double(try text("a number")) else { throw decoder.error("a number") }
        return value
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let raw = try text("an integer")
        guard let value = T(raw.replacingOccurrences(of: "_", with: "")) else { throw decoder.error("an integer") }
        return value
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder) }
}

/// A file or directory path in a pipeline file, resolved against the pipeline file's directory.
public struct ConfigPath: Decodable, Sendable, Hashable, CustomStringConvertible {
    public static let baseDirectoryKey = CodingUserInfoKey(rawValue: "lector.baseDirectory")!

    /// The path as written.
    public var written: String
    /// The absolute location.
    public var url: URL

    public init(_ url: URL) {
        self.written = url.path
        self.url = url
    }

    public init(from decoder: any Decoder) throws {
        let written = try decoder.singleValueContainer().decode(String.self)
        let base = decoder.userInfo[Self.baseDirectoryKey] as? URL
        self.written = written
        if written.hasPrefix("/") || base == nil {
            self.url = URL(fileURLWithPath: written)
        } else {
            self.url = base!.appendingPathComponent(written).standardizedFileURL
        }
    }

    public var path: String { url.path }
    public var description: String { written }
}
