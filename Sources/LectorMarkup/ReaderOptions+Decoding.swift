/// The pipeline file's top-level `reader:` section, decoded into the reader's own options.
///
/// ```yaml
/// reader:
///   extract: article        # or full: every visible block of an HTML page
///   bias: balanced          # precision | balanced | recall (article extraction's trade-off)
///   xml:                    # XPath profile for XML that is not a feed or NITF
///     item: "//story"
///     body: "./text"
///   jsonl:                  # fields of JSON Lines records
///     body: [html, content, text]
///     url: url
/// ```
/// `maxBytes` is not part of the section: it comes from `limits:` or `--max-bytes`.
extension ReaderOptions: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case extract, bias, xml, jsonl
    }

    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        htmlMode = try Self.choice(HTMLMode.self, .extract, in: container) ?? .article
        bias = try Self.choice(ExtractionBias.self, .bias, in: container) ?? .balanced
        if let profile = try container.decodeIfPresent(XMLProfile.self, forKey: .xml) {
            for (field, expression) in profile.fields {
                guard let expression, !XMLProfile.compiles(expression), let key = XMLProfile.CodingKeys(rawValue: field)
                else { continue }
                let nested = try container.nestedContainer(keyedBy: XMLProfile.CodingKeys.self, forKey: .xml)
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: nested,
                    debugDescription: "expected an XPath 1.0 expression, found '\(expression)', which does not compile")
            }
            xmlProfile = profile
        }
        jsonLines = try container.decodeIfPresent(JSONLinesFields.self, forKey: .jsonl) ?? JSONLinesFields()
    }

    private static func choice<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type, _ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>
    ) throws -> Value? where Value.RawValue == String {
        guard let raw = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "expected one of \(allowed), found '\(raw)'")
        }
        return value
    }
}
