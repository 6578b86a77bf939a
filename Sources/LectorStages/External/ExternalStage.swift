import Foundation
import LectorCore

/// Runs any program as a stage: a long-lived worker process per lane, speaking JSON Lines.
///
/// Protocol (one line each way per document, UTF-8, no newlines inside a message):
/// - request: `{"id": ID, "text": TEXT, "layers": {NAME: [[start, end, label], …]}}` — the layers the
///   stage `requires`, offsets in the stage's `offset-unit`;
/// - reply: `{"id": ID, "layers": {NAME: [[start, end, label], …]}}` for the layers it `produces`,
///   or `{"id": ID, "error": MESSAGE}`. stderr is free text and lands in the document's diagnostics.
///
/// A worker that crashes, hangs past `timeout`, writes invalid JSON or replies with offsets outside
/// the text costs only that document; it is restarted on the next document. After `restarts`
/// restarts in a run the stage is disabled: every later document fails with one clear message.
public struct ExternalStage: Stage {
    public struct Options: DeclaredOptions {
        public var command: [String] = []
        /// Working directory (default: the pipeline file's folder).
        public var directory: URL?
        public var environment: [String: String] = [:]
        public var requires: [String] = []
        public var produces: [String] = []
        public var offsetUnit: OffsetUnit = .scalar
        public var timeout: Double = 10
        public var restarts: Int = 2

        public init() {}

        public init(command: [String], directory: URL, produces: [String], requires: [String] = []) {
            self.command = command
            self.directory = directory
            self.produces = produces
            self.requires = requires
        }

        public static let declarations: [OptionDeclaration<Options>] = [
            .required("command", \.command, type: "[string]", "program and arguments"),
            .value("directory", \.directoryPath, type: "path", default: "the pipeline file's folder", "working directory"),
            .value("environment", \.environment, type: "{string: string}", "extra environment variables"),
            .value("requires", \.requires, type: "[layer]", "layers sent with each request"),
            .required("produces", \.produces, type: "[layer]", "layers read from each reply"),
            .choice("offset-unit", \.offsetUnit, "how the worker counts offsets"),
            .value("timeout", \.timeout, type: "seconds", "per-document reply deadline"),
            .value("restarts", \.restarts, type: "int", "worker restarts before the stage is disabled"),
        ]

        /// The `directory` key as written (decoding goes through `ConfigPath` for relative paths).
        var directoryPath: ConfigPath? {
            get { directory.map { ConfigPath($0) } }
            set { directory = newValue?.url }
        }

        public mutating func finishDecoding(_ decoder: any Decoder) throws {
            if command.isEmpty {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath + [AnyKey("command")],
                          debugDescription: "expected a program and its arguments, found an empty list"))
            }
            if timeout <= 0 {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath + [AnyKey("timeout")],
                          debugDescription: "expected a positive number of seconds, found \(timeout)"))
            }
            if directory == nil {
                directory = decoder.userInfo[ConfigPath.baseDirectoryKey] as? URL
                    ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            }
        }
    }

    /// How the worker counts offsets. Lector converts to and from its UTF-8 byte offsets.
    public enum OffsetUnit: String, Decodable, Sendable, CaseIterable {
        case utf8, utf16, scalar

        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let unit = OffsetUnit(rawValue: text) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "expected utf8, utf16 or scalar, found '\(text)'"))
            }
            self = unit
        }
    }

    public static let name = "external"
    public static let summary = "Any program as a stage: a worker per lane speaking JSON Lines on stdin/stdout."

    public let options: Options
    public let requires: Set<Layer>
    public let produces: Set<Layer>
    let pool: WorkerPool

    public init(options: Options) throws {
        self.options = options
        self.requires = Set(options.requires.map { Layer($0) })
        self.produces = Set(options.produces.map { Layer($0) })
        self.pool = WorkerPool(options: options)
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        // The offset map costs a pass over the text: built only when some offset must be converted.
        let sendsSpans = options.requires.contains { !document.annotations(Layer($0)).isEmpty }
        var map = sendsSpans ? ScalarOffsetMap(document.text) : nil
        var request = JSONWriter(capacity: document.text.utf8.count + 64)
        request.beginObject()
        request.field("id", document.id)
        request.key("layers")
        request.beginObject()
        for layer in options.requires.sorted() {
            request.key(layer)
            request.beginArray()
            for annotation in document.annotations(Layer(layer)) {
                guard let map else { break }  // built above whenever a required layer has spans
                request.beginArray()
                request.value(convert(annotation.start, map))
                request.value(convert(annotation.end, map))
                request.value(annotation.label)
                request.endArray()
            }
            request.endArray()
        }
        request.endObject()
        request.field("text", document.text)
        request.endObject()

        let exchange = try pool.exchange(request.bytes, lane: context.lane)
        if !exchange.stderr.isEmpty {
            document.note(.info, origin: options.produces.first ?? Self.name, "worker stderr: \(exchange.stderr)")
        }
        let reply = try WorkerReply(object: exchange.object, expectedID: document.id)
        if let message = reply.error { throw ExternalStageError.workerReported(message) }
        let limit = document.text.utf8.count
        var results: [Layer: [Annotation]] = [:]
        if map == nil && reply.layers.values.contains(where: { !$0.isEmpty }) { map = ScalarOffsetMap(document.text) }
        for name in options.produces {
            var annotations: [Annotation] = []
            for span in reply.layers[name] ?? [] {
                guard let map, let start = toBytes(span.start, map), let end = toBytes(span.end, map), start <= end,
                    end <= limit
                else {
                    throw ExternalStageError.offsetsOutOfRange(layer: name, start: span.start, end: span.end)
                }
                annotations.append(Annotation(start, end, label: span.label))
            }
            results[Layer(name)] = annotations
        }
        for (layer, annotations) in results { document.set(annotations, for: layer) }
    }

    func convert(_ byte: Int, _ map: ScalarOffsetMap) -> Int {
        switch options.offsetUnit {
        case .utf8: byte
        case .utf16: map.utf16Offset(ofByte: byte)
        case .scalar: map.scalarOffset(ofByte: byte)
        }
    }

    func toBytes(_ offset: Int, _ map: ScalarOffsetMap) -> Int? {
        switch options.offsetUnit {
        case .utf8: offset >= 0 ? offset : nil
        case .utf16: map.byteOffset(ofUTF16: offset)
        case .scalar: map.byteOffset(ofScalar: offset)
        }
    }
}

/// Why an external stage failed one document.
public enum ExternalStageError: Error, CustomStringConvertible {
    case workerReported(String)
    case offsetsOutOfRange(layer: String, start: Int, end: Int)
    case invalidReply(String)

    public var description: String {
        switch self {
        case .workerReported(let message): "worker reported an error: \(message)"
        case .offsetsOutOfRange(let layer, let start, let end):
            "worker replied with offsets outside the text in layer '\(layer)': [\(start), \(end))"
        case .invalidReply(let why): "worker wrote an invalid reply: \(why)"
        }
    }
}

/// A parsed reply line.
struct WorkerReply {
    struct Span {
        var start: Int
        var end: Int
        var label: String
    }

    var error: String?
    var layers: [String: [Span]] = [:]

    init(line: [UInt8], expectedID: String) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line))
        } catch {
            throw ExternalStageError.invalidReply("not JSON: \(String(decoding: line.prefix(80), as: UTF8.self))")
        }
        try self.init(object: object, expectedID: expectedID)
    }

    /// A reply already parsed from JSON.
    init(object: Any, expectedID: String) throws {
        guard let fields = object as? [String: Any] else { throw ExternalStageError.invalidReply("not a JSON object") }
        guard let id = fields["id"] as? String, id == expectedID else {
            throw ExternalStageError.invalidReply("reply is for id \(fields["id"].map { "\($0)" } ?? "nil"), expected \(expectedID)")
        }
        if let message = fields["error"] {
            error = "\(message)"
            return
        }
        guard let layers = fields["layers"] as? [String: Any] else {
            throw ExternalStageError.invalidReply("missing 'layers' object")
        }
        for (name, value) in layers {
            guard let list = value as? [Any] else { throw ExternalStageError.invalidReply("layer '\(name)' is not a list") }
            self.layers[name] = try list.map { item in
                guard let triple = item as? [Any], triple.count >= 2,
                    let start = (triple[0] as? NSNumber)?.intValue, let end = (triple[1] as? NSNumber)?.intValue
                else { throw ExternalStageError.invalidReply("layer '\(name)' has an item that is not [start, end, label]") }
                let label = triple.count > 2 ? (triple[2] as? String ?? "\(triple[2])") : ""
                return Span(start: start, end: end, label: label)
            }
        }
    }
}
