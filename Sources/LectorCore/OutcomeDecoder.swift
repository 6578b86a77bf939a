/// Reads what `OutcomeCodec.encode` wrote, straight from the bytes into documents and annotations.
///
/// A recursive-descent reader for the codec's own JSON shape (any JSON it does not expect is an
/// error, except unknown object keys, which are skipped): no Foundation objects, boxed numbers or
/// dynamic casts, so a cached rerun spends its time writing the report, not decoding the cache.
struct OutcomeDecoder {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    typealias CodecError = OutcomeCodec.CodecError

    mutating func outcomes() throws -> [DocumentOutcome] {
        var outcomes: [DocumentOutcome] = []
        try array { decoder in
            var outcome: DocumentOutcome?
            try decoder.object { decoder, key in
                switch key {
                case "document": outcome = .processed(try decoder.document())
                case "failed": outcome = .failed(try decoder.failure())
                default: try decoder.skipValue()
                }
            }
            guard let outcome else { throw CodecError("outcome without document") }
            outcomes.append(outcome)
        }
        skipSpace()
        guard position == bytes.count else { throw CodecError("trailing bytes after the outcomes") }
        return outcomes
    }

    // MARK: The codec's objects

    private mutating func failure() throws -> DocumentFailure {
        var fields: [String: String] = [:]
        try object { decoder, key in fields[key] = try decoder.string() }
        guard let id = fields["id"], let source = fields["source"], let stage = fields["stage"],
            let message = fields["message"]
        else { throw CodecError("malformed failure") }
        return DocumentFailure(id: id, source: source, stage: stage, message: message)
    }

    private mutating func document() throws -> Document {
        var id: String?
        var source: String?
        var format: String?
        var title: String?
        var text: String?
        var metadata: [String: String] = [:]
        var sourceBytes: Int?
        var diagnostics: [Diagnostic] = []
        var layers: [(String, [Annotation])] = []
        var batchSummaries: [String] = []
        var skip = false
        try object { decoder, key in
            switch key {
            case "id": id = try decoder.string()
            case "source": source = try decoder.string()
            case "format": format = try decoder.string()
            case "title": title = try decoder.nullableString()
            case "text": text = try decoder.string()
            case "metadata": metadata = try decoder.stringMap()
            case "sourceBytes": sourceBytes = try decoder.integer()
            case "batch": try decoder.array { decoder in batchSummaries.append(try decoder.string()) }
            case "skip": skip = try decoder.boolean()
            case "diagnostics":
                try decoder.array { decoder in
                    let fields = try decoder.stringMap()
                    guard let severity = fields["severity"].flatMap(Diagnostic.Severity.init(rawValue:)),
                        let origin = fields["origin"], let message = fields["message"]
                    else { throw CodecError("malformed diagnostic") }
                    diagnostics.append(Diagnostic(severity, origin: origin, message))
                }
            case "layers":
                try decoder.object { decoder, name in layers.append((name, try decoder.annotations(name))) }
            default: try decoder.skipValue()
            }
        }
        guard let id, let source, let format, let text else { throw CodecError("document without id, source, format or text") }
        var document = Document(
            id: id, source: source, format: format, title: title, text: text, metadata: metadata,
            sourceBytes: sourceBytes)
        document.diagnostics = diagnostics
        document.batchSummaries = batchSummaries
        document.skipsLaterStages = skip
        let limit = text.utf8.count
        for (name, annotations) in layers {
            guard annotations.allSatisfy({ $0.range.end <= limit }) else {
                throw CodecError("annotation past the text in layer \(name)")
            }
            document.set(annotations, for: Layer(name))
        }
        return document
    }

    /// `[[start, end, label, score|null, {attributes}], …]`
    private mutating func annotations(_ name: String) throws -> [Annotation] {
        var annotations: [Annotation] = []
        try array { decoder in
            try decoder.expect(UInt8(ascii: "["))
            let start = try decoder.integer()
            try decoder.expect(UInt8(ascii: ","))
            let end = try decoder.integer()
            guard 0 <= start, start <= end else { throw CodecError("malformed annotation in layer \(name)") }
            try decoder.expect(UInt8(ascii: ","))
            let label = try decoder.string()
            try decoder.expect(UInt8(ascii: ","))
            let score = try decoder.nullableNumber()
            try decoder.expect(UInt8(ascii: ","))
            let attributes = try decoder.stringMap()
            try decoder.expect(UInt8(ascii: "]"))
            annotations.append(
                Annotation(range: TextRange(start: start, end: end), label: label, score: score, attributes: attributes))
        }
        return annotations
    }

    private mutating func stringMap() throws -> [String: String] {
        var map: [String: String] = [:]
        try object { decoder, key in map[key] = try decoder.string() }
        return map
    }

    // MARK: JSON structure

    private mutating func skipSpace() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D
            || bytes[position] == 0x09
        {
            position += 1
        }
    }

    private mutating func peek() throws -> UInt8 {
        skipSpace()
        guard position < bytes.count else { throw CodecError("unexpected end of input") }
        return bytes[position]
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else { throw CodecError("expected '\(Character(Unicode.Scalar(byte)))' at byte \(position)") }
        position += 1
    }

    /// `[item, …]`, calling `item` for each element.
    private mutating func array(_ item: (inout OutcomeDecoder) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            try item(&self)
            let next = try peek()
            position += 1
            if next == UInt8(ascii: "]") { return }
            guard next == UInt8(ascii: ",") else { throw CodecError("expected ',' or ']' at byte \(position - 1)") }
        }
    }

    /// `{"key": value, …}`, calling `member` with each key; it must read the value.
    private mutating func object(_ member: (inout OutcomeDecoder, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            let next = try peek()
            position += 1
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { throw CodecError("expected ',' or '}' at byte \(position - 1)") }
        }
    }

    private mutating func skipValue() throws {
        switch try peek() {
        case UInt8(ascii: "{"): try object { decoder, _ in try decoder.skipValue() }
        case UInt8(ascii: "["): try array { decoder in try decoder.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "f"): try literal()
        default: _ = try number()
        }
    }

    private mutating func boolean() throws -> Bool {
        let value = try peek() == UInt8(ascii: "t")
        try literal()
        return value
    }

    private mutating func literal() throws {
        for word in ["null", "true", "false"] {
            let utf8 = Array(word.utf8)
            if position + utf8.count <= bytes.count, Array(bytes[position..<(position + utf8.count)]) == utf8 {
                position += utf8.count
                return
            }
        }
        throw CodecError("unexpected literal at byte \(position)")
    }

    // MARK: Scalars

    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        var runStart = position
        var decoded: [UInt8]?  // only when the string has escapes
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let result: String
                if var decoded {
                    decoded.append(contentsOf: bytes[runStart..<position])
                    result = String(decoding: decoded, as: UTF8.self)
                } else {
                    result = String(decoding: bytes[runStart..<position], as: UTF8.self)
                }
                position += 1
                return result
            }
            if byte == UInt8(ascii: "\\") {
                var buffer = decoded ?? []
                buffer.append(contentsOf: bytes[runStart..<position])
                position += 1
                try unescape(into: &buffer)
                decoded = buffer
                runStart = position
                continue
            }
            if byte < 0x20 { throw CodecError("control character in a string at byte \(position)") }
            position += 1
        }
        throw CodecError("unterminated string")
    }

    /// After a backslash: one escape, appended as UTF-8.
    private mutating func unescape(into buffer: inout [UInt8]) throws {
        guard position < bytes.count else { throw CodecError("unterminated escape") }
        let byte = bytes[position]
        position += 1
        if let plain = JSONEscape.byte(forLetter: byte) {
            buffer.append(plain)
            return
        }
        switch byte {
        case UInt8(ascii: "u"):
            var unit = try hexUnit()
            if (0xD800...0xDBFF).contains(unit) {
                // A surrogate pair: the low half must follow as another \u escape.
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw CodecError("lone surrogate in a string") }
                position += 2
                let low = try hexUnit()
                guard (0xDC00...0xDFFF).contains(low) else { throw CodecError("bad surrogate pair in a string") }
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw CodecError("lone surrogate in a string")
            }
            guard let scalar = Unicode.Scalar(unit) else { throw CodecError("invalid \\u escape") }
            buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw CodecError("unknown escape at byte \(position - 1)")
        }
    }

    private mutating func hexUnit() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw CodecError("short \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[position..<(position + 4)] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw CodecError("bad hex digit in \\u escape")
            }
            value = value << 4 | digit
        }
        position += 4
        return value
    }

    private mutating func nullableString() throws -> String? {
        if try peek() == UInt8(ascii: "n") {
            try literal()
            return nil
        }
        return try string()
    }

    private mutating func integer() throws -> Int {
        let start = try numberSpan()
        guard let value = Int(String(decoding: bytes[start..<position], as: UTF8.self)) else {
            throw CodecError("expected an integer at byte \(start)")
        }
        return value
    }

    private mutating func number() throws -> Double {
        let start = try numberSpan()
        guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else {
            throw CodecError("expected a number at byte \(start)")
        }
        return value
    }

    private mutating func nullableNumber() throws -> Double? {
        if try peek() == UInt8(ascii: "n") {
            try literal()
            return nil
        }
        return try number()
    }

    /// Moves past a JSON number; returns where it started.
    private mutating func numberSpan() throws -> Int {
        _ = try peek()
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                position += 1
            default:
                guard position > start else { throw CodecError("expected a number at byte \(start)") }
                return start
            }
        }
        guard position > start else { throw CodecError("expected a number at byte \(start)") }
        return start
    }
}
