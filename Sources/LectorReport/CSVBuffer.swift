import LectorCore

/// RFC 4180 CSV rows in UTF-8: fields with `,` `"` CR or LF are quoted with doubled quotes; rows end
/// with CRLF. Text fields that a spreadsheet would run as a formula (starting with `=` `+` `-` `@`,
/// tab or CR) get a leading `'`, as OWASP recommends for CSV exports.
struct CSVBuffer {
    private(set) var bytes: [UInt8] = []
    private var rowHasField = false

    mutating func text(_ value: String) {
        separate()
        var needsQuotes = false
        for byte in value.utf8
        where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        let formula = value.utf8.first.map { Self.formulaStarts.contains($0) } ?? false
        if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
        if formula { bytes.append(UInt8(ascii: "'")) }
        for byte in value.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
    }

    mutating func number(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func number(_ value: Double?) {
        separate()
        if let value, value.isFinite { bytes.append(contentsOf: JSONWriter.format(value).utf8) }
    }

    mutating func endRow() {
        bytes.append(contentsOf: [0x0D, 0x0A])
        rowHasField = false
    }

    private mutating func separate() {
        if rowHasField { bytes.append(UInt8(ascii: ",")) }
        rowHasField = true
    }

    private static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// A header row.
    static func header(_ names: [String]) -> [UInt8] {
        var buffer = CSVBuffer()
        for name in names { buffer.text(name) }
        buffer.endRow()
        return buffer.bytes
    }
}
