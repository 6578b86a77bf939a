import LectorCore

/// Builds documents with hand-made paragraph and sentence layers (the sentence splitter is another
/// stage): each paragraph is a list of sentences joined by one space; paragraphs by a blank line.
enum SummaryTestDocuments {
    static func make(_ paragraphs: [[String]], labels: [String]? = nil, id: String = "test") -> Document {
        var text = ""
        var paragraphLayer: [Annotation] = []
        var sentenceLayer: [Annotation] = []
        for (index, sentences) in paragraphs.enumerated() {
            if !text.isEmpty { text += "\n\n" }
            let paragraphStart = text.utf8.count
            for (position, sentence) in sentences.enumerated() {
                if position > 0 { text += " " }
                let start = text.utf8.count
                text += sentence
                sentenceLayer.append(Annotation(start, text.utf8.count))
            }
            paragraphLayer.append(Annotation(paragraphStart, text.utf8.count, label: labels?[index] ?? "p"))
        }
        var document = Document(id: id, source: id, format: "text", text: text)
        document.set(paragraphLayer, for: .paragraph)
        document.set(sentenceLayer, for: .sentence)
        return document
    }

    /// A news story about a harbour bridge: the opening and two later sentences share its key words;
    /// the rest wander off topic.
    static let bridgeStory: [[String]] = [
        [
            "The city council approved the new harbour bridge on Monday after a long debate about its cost.",
            "Councillors voted nine to four in favour of the harbour bridge plan.",
        ],
        [
            "The weather in the region was mild for the season.",
            "A local bakery won a prize for its bread at the county fair.",
            "Construction of the harbour bridge will start in spring and the council expects the bridge to open in three years.",
        ],
        [
            "Critics of the bridge said the council had ignored the cost of the harbour bridge to local taxpayers.",
            "Tickets for the summer concert go on sale next week.",
        ],
    ]
}
