import Dispatch
import LectorCore

/// Throughput of the `sentences` and `tokens` stages on one core: the given text is cut into
/// documents at blank lines (about 4 KB each, like news articles), each document gets its paragraph
/// layer, and both stages run over all documents `repeats` times.
public enum SegmentationBenchmark {
    /// Megabytes (10^6 bytes) of text per second through sentences + tokens.
    public static func megabytesPerSecond(text: String, splitter: SentenceSplitter, repeats: Int) -> Double {
        let documents = makeDocuments(text)
        let totalBytes = documents.reduce(0) { $0 + $1.text.utf8.count }
        let sentences = SentenceStage(splitter: splitter)
        let tokens = TokenStage()
        let context = StageContext()
        var tokenCount = 0
        let started = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<max(repeats, 1) {
            for var document in documents {
                try? sentences.process(&document, context: context)
                try? tokens.process(&document, context: context)
                tokenCount &+= document.annotations(.token).count
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        precondition(tokenCount >= 0)
        return Double(totalBytes * max(repeats, 1)) / 1e6 / max(seconds, 1e-9)
    }

    static func makeDocuments(_ text: String) -> [Document] {
        var documents: [Document] = []
        var current = ""
        var paragraphs: [Annotation] = []
        func finish() {
            guard !current.isEmpty else { return }
            var document = Document(id: "bench\(documents.count)", source: "", format: "text", text: current)
            document.set(paragraphs, for: .paragraph)
            documents.append(document)
            current = ""
            paragraphs = []
        }
        for block in text.split(separator: "\n\n") {
            if !current.isEmpty { current += "\n\n" }
            let start = current.utf8.count
            current += block
            paragraphs.append(Annotation(start, current.utf8.count, label: "p"))
            if current.utf8.count >= 4096 { finish() }
        }
        finish()
        return documents
    }
}
