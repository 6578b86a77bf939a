/// Options whose keys are declared once: name, value, default and meaning in one list.
///
/// Decoding, `lector stages`, unknown-key errors and the defaults all derive from `declarations`, so
/// they cannot drift apart. Names are kebab-case; a snake_case spelling of a declared name is an
/// unknown key whose error names the kebab-case one.
///
/// ```swift
/// public struct Options: DeclaredOptions {
///     public var sentences = 3
///     public init() {}
///     public static let declarations: [OptionDeclaration<Options>] = [
///         .value("sentences", \.sentences, type: "integer ≥ 1", "number of sentences in the summary"),
///     ]
/// }
/// ```
public protocol DeclaredOptions: Decodable, Sendable {
    /// Every option at its default.
    init()
    /// Each option the pipeline file may set, in the order `lector stages` lists them.
    static var declarations: [OptionDeclaration<Self>] { get }
    /// Runs after every declared option is read: defaults that depend on the pipeline file's folder
    /// (`decoder.userInfo`), and checks across options. Throw `DecodingError` to point at a key.
    mutating func finishDecoding(_ decoder: any Decoder) throws
}

extension DeclaredOptions {
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: AnyKey.self)
        for declaration in Self.declarations {
            let key = AnyKey(declaration.name)
            if container.contains(key) {
                try declaration.decode(&self, container, key)
            } else if declaration.isRequired {
                throw DecodingError.keyNotFound(
                    key, .init(codingPath: container.codingPath, debugDescription: "missing required key '\(key.stringValue)'"))
            }
        }
        try finishDecoding(decoder)
    }

    public mutating func finishDecoding(_ decoder: any Decoder) throws {}

    /// The declarations as `lector stages` shows them.
    public static var help: [OptionHelp] {
        declarations.map { OptionHelp($0.name, type: $0.type, default: $0.defaultText, $0.meaning) }
    }
}

extension Stage where Options: DeclaredOptions {
    public static var optionHelp: [OptionHelp] { Options.help }
}

/// One option of `Options`: its key in a pipeline file, how it is read, its default and meaning.
public struct OptionDeclaration<Options>: Sendable {
    /// The key in a pipeline file (kebab-case).
    public let name: String
    /// The values it takes, for help (`integer ≥ 1`, `split|keep`, `path`).
    public let type: String
    /// The default, as help shows it.
    public let defaultText: String
    /// One line on what it does.
    public let meaning: String
    /// Whether a pipeline file must set it.
    public let isRequired: Bool
    let decode: @Sendable (inout Options, KeyedDecodingContainer<AnyKey>, AnyKey) throws -> Void

    init(
        name: String, type: String, defaultText: String, meaning: String, isRequired: Bool = false,
        decode: @escaping @Sendable (inout Options, KeyedDecodingContainer<AnyKey>, AnyKey) throws -> Void
    ) {
        self.name = name
        self.type = type
        self.defaultText = defaultText
        self.meaning = meaning
        self.isRequired = isRequired
        self.decode = decode
    }
}

extension OptionDeclaration where Options: DeclaredOptions {
    /// An option holding any decodable value; the default shown is the value in `Options()`.
    public static func value<Value: Decodable & Sendable>(
        _ name: String, _ keyPath: WritableKeyPath<Options, Value> & Sendable, type: String, _ meaning: String
    ) -> Self {
        Self(
            name: name, type: type, defaultText: describe(Options()[keyPath: keyPath]), meaning: meaning
        ) { options, container, key in
            if let value = try container.decodeIfPresent(Value.self, forKey: key) { options[keyPath: keyPath] = value }
        }
    }

    /// An option the pipeline file must set; help shows `required` as its default.
    public static func required<Value: Decodable & Sendable>(
        _ name: String, _ keyPath: WritableKeyPath<Options, Value> & Sendable, type: String, _ meaning: String
    ) -> Self {
        Self(name: name, type: type, defaultText: "required", meaning: meaning, isRequired: true) {
            options, container, key in
            options[keyPath: keyPath] = try container.decode(Value.self, forKey: key)
        }
    }

    /// An optional option: absent or `null` leaves it unset (help shows `default` for its default).
    public static func value<Value: Decodable & Sendable>(
        _ name: String, _ keyPath: WritableKeyPath<Options, Value?> & Sendable, type: String,
        default defaultText: String = "none", _ meaning: String
    ) -> Self {
        Self(name: name, type: type, defaultText: defaultText, meaning: meaning) { options, container, key in
            options[keyPath: keyPath] = try container.decodeIfPresent(Value.self, forKey: key)
        }
    }

    /// A choice among an enumeration's raw values; the type shown lists them.
    public static func choice<Value: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ keyPath: WritableKeyPath<Options, Value> & Sendable, _ meaning: String
    ) -> Self where Value.RawValue == String {
        Self(
            name: name, type: Value.allCases.map(\.rawValue).joined(separator: "|"),
            defaultText: Options()[keyPath: keyPath].rawValue, meaning: meaning
        ) { options, container, key in
            guard let raw = try container.decodeIfPresent(String.self, forKey: key) else { return }
            guard let value = Value(rawValue: raw) else {
                let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "expected one of \(allowed), found '\(raw)'")
            }
            options[keyPath: keyPath] = value
        }
    }

    private static func describe(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "none" }
            return describe(wrapped)
        }
        switch value {
        case let text as String: return text
        case let list as [Any]: return "[" + list.map { describe($0) }.joined(separator: ", ") + "]"
        case let map as [String: Any]: return map.isEmpty ? "{}" : map.keys.sorted().joined(separator: ", ")
        case let number as Double where number.rounded() == number && abs(number) < 1e15: return String(Int(number))
        case let raw as any RawRepresentable: return describe(raw.rawValue)
        default: return String(describing: value)
        }
    }
}

extension BatchStage where Options: DeclaredOptions {
    public static var optionHelp: [OptionHelp] { Options.help }
}
