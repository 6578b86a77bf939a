/// Where a configuration value was written: file, 1-based line and column.
public struct ConfigLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line)" }
}

/// A configuration tree that remembers where every value came from, so that any error can name
/// file, line and key. Built by the CLI from YAML; decoded into stage options by `ConfigDecoder`.
public struct ConfigNode: Sendable {
    public enum Value: Sendable {
        case null
        /// A scalar as written; typed when decoded (`"3"` decodes as an Int or a String).
        case scalar(String, quoted: Bool)
        case list([ConfigNode])
        case map([Entry])
    }

    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: ConfigLocation
        public var value: ConfigNode

        public init(key: String, keyLocation: ConfigLocation, value: ConfigNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var value: Value
    public var location: ConfigLocation

    public init(_ value: Value, at location: ConfigLocation) {
        self.value = value
        self.location = location
    }

    /// An empty map at `location` (for stages written without `options:`).
    public static func emptyMap(at location: ConfigLocation) -> ConfigNode { ConfigNode(.map([]), at: location) }

    public subscript(key: String) -> ConfigNode? {
        guard case .map(let entries) = value else { return nil }
        return entries.first { $0.key == key }?.value
    }

    public var entries: [Entry]? {
        if case .map(let entries) = value { return entries }
        return nil
    }

    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// A short human description of the value's kind, for "expected X, found Y" messages.
    public var kindDescription: String {
        switch value {
        case .null: "nothing"
        case .scalar(let text, _): "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        case .list: "a list"
        case .map: "a mapping"
        }
    }
}
