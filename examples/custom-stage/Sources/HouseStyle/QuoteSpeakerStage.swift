import LectorCore

/// Names who said each quote: the person entity (`PER`) nearest to the quote in the same paragraph,
/// within `window` bytes of it, set as the quote's `speaker` attribute.
///
/// This stage adds no layer of its own; it *requires* two: `quote`, which a plugin stage adds
/// (`quotes`), and `entity`, which a built-in one adds (`entities` or `entity-rules`). The pipeline
/// checks both when it is built, so a file that forgets `quotes` fails before any document is read,
/// naming the stage that produces the missing layer. Documents get `quotes` and `attributed-quotes`
/// counts in their metadata.
public struct QuoteSpeakerStage: Stage {
    /// What a pipeline file may set under `options:`.
    ///
    /// ```yaml
    /// - stage: quote-speakers
    ///   options: { window: 150, label: PER }
    /// ```
    public struct Options: Decodable, Sendable {
        /// How far from the quote (in UTF-8 bytes of text) a speaker may be.
        public var window: Int
        /// The entity label of a speaker.
        public var label: String

        public init(window: Int = 150, label: String = "PER") {
            self.window = window
            self.label = label
        }

        enum CodingKeys: String, CodingKey { case window, label }

        /// Every key is optional; each is asked for with `decodeIfPresent` (see `HouseStyleStage.Options`).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            window = try container.decodeIfPresent(Int.self, forKey: .window) ?? 150
            label = try container.decodeIfPresent(String.self, forKey: .label) ?? "PER"
        }
    }

    public static let name = "quote-speakers"
    public static let summary = "Attribute each quote to the nearest person entity (attribute speaker of layer quote)."
    public static let optionHelp: [OptionHelp] = [
        OptionHelp("window", type: "int", default: "150", "farthest a speaker may be from the quote, in bytes"),
        OptionHelp("label", type: "string", default: "PER", "entity label of a speaker"),
    ]
    public static let defaultRequires: Set<Layer> = [.quote, .entity]

    private let options: Options

    public init(options: Options) throws {
        guard options.window >= 0 else {
            throw QuoteStage.OptionError(description: "window must be zero or more, found \(options.window)")
        }
        self.options = options
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        let people = document.annotations(.entity).filter { $0.label == options.label }
        let bytes = Array(document.text.utf8)
        var attributed = 0
        let quotes = document.annotations(.quote).map { quote -> Annotation in
            var quote = quote
            // Distance in bytes between the quote's text and the person, with no line break in between.
            let nearest = people.compactMap { person -> (distance: Int, person: Annotation)? in
                guard !person.range.overlaps(quote.range) else { return nil }
                let (lower, upper) = person.end <= quote.start ? (person.end, quote.start) : (quote.end, person.start)
                guard upper - lower <= options.window, !bytes[lower..<upper].contains(0x0A) else { return nil }
                return (upper - lower, person)
            }.min { $0.distance < $1.distance }
            if let nearest {
                quote.attributes["speaker"] = document.text(in: nearest.person.range)
                attributed += 1
            }
            return quote
        }
        document.set(quotes, for: .quote)
        document.metadata["quotes"] = String(quotes.count)
        document.metadata["attributed-quotes"] = String(attributed)
    }
}
