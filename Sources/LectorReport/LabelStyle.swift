/// Colours and CSS class names for entity labels: fixed colours for the common labels, a stable
/// colour from a palette (by hash) for any other, so a label looks the same on every page.
enum LabelStyle {
    private static let known: [String: String] = [
        "PER": "#ffcf99", "PERSON": "#ffcf99", "ORG": "#a8d8ff", "LOC": "#b5eab0", "GPE": "#b5eab0",
        "MISC": "#e3ccff", "DATE": "#fff09a", "TIME": "#ffd6ea", "MONEY": "#b8f0dd", "PERCENT": "#f2dcc0",
        "NORP": "#d9e7a6", "EVENT": "#ffc4c4", "PRODUCT": "#c9d3ff", "FAC": "#d6d6d6", "WORK_OF_ART": "#f4c6f0",
    ]
    private static let palette = [
        "#f9c5a6", "#c3e5f5", "#d5f0b1", "#f1d0f5", "#fbe4a0", "#c8ede4", "#e9d7bf", "#d8d3f7",
    ]

    /// A colour as `#rrggbb`.
    static func colour(for label: String) -> String {
        if let colour = known[label.uppercased()] { return colour }
        return palette[Int(FileNaming.hash(label) % UInt64(palette.count))]
    }

    /// A class name made of ASCII letters, digits and `-` only (safe in HTML and in CSS selectors).
    static func className(for label: String) -> String {
        var bytes: [UInt8] = Array("e-".utf8)
        for byte in label.utf8.prefix(32) {
            let isAlphanumeric =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            bytes.append(isAlphanumeric ? byte : UInt8(ascii: "-"))
        }
        return String(decoding: bytes, as: UTF8.self) + "-" + String(FileNaming.hash(label) % 4096, radix: 16)
    }

    /// A `<style>` body giving each label's class its colour.
    static func css(for labels: [String]) -> String {
        labels.map { ".\(className(for: $0)){--c:\(colour(for: $0))}" }.joined(separator: "\n")
    }
}
