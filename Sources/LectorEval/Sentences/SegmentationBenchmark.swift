import Dispatch
import LectorCore
import LectorStages

/// Throughput of the `sentences` and `tokens` stages on one core: the given text is cut into
/// documents at blank lines (about 4 KB each, like news articles), each document gets its paragraph
/// layer, and both stages run over all documents `repeats` times. Not a test: run it from
/// `lector eval sentences --benchmark N` on a release build.
public enum SegmentationBenchmark {
    /// Throughput figures in megabytes (10^6 bytes) of text per second.
    public struct Result: Sendable {
        /// Sentences + tokens.
        public var total: Double
        public var sentences: Double
        public var tokens: Double
        /// The `clean` stage alone (not part of `total`).
        public var clean: Double
    }

    /// Megabytes of text per second through sentences + tokens.
    public static func megabytesPerSecond(text: String, splitter: SentenceSplitter, repeats: Int) -> Double {
        measure(text: text, splitter: splitter, repeats: repeats).total
    }

    /// Time both stages over `text` in `repeats` passes on one core; each figure is the best pass
    /// (the least disturbed by other processes on a shared machine).
    public static func measure(text: String, splitter: SentenceSplitter, repeats: Int) -> Result {
        let documents = makeDocuments(text)
        let passBytes = Double(documents.reduce(0) { $0 + $1.text.utf8.count })
        let sentences = SentenceStage(splitter: splitter)
        let tokens = TokenStage()
        let context = StageContext()
        var best = (total: UInt64.max, sentences: UInt64.max, tokens: UInt64.max, clean: UInt64.max)
        let clean = CleanStage()
        var tokenCount = 0
        for _ in 0..<max(repeats, 1) {
            var sentenceNanoseconds: UInt64 = 0
            var tokenNanoseconds: UInt64 = 0
            var cleanNanoseconds: UInt64 = 0
            for var document in documents {
                var raw = Document(id: document.id, source: "", format: "text", text: document.text)
                let cleaning = Stopwatch()
                try? clean.process(&raw, context: context)
                cleanNanoseconds += cleaning.elapsedNanoseconds
                tokenCount &+= raw.text.utf8.count
                let splitting = Stopwatch()
                try? sentences.process(&document, context: context)
                sentenceNanoseconds += splitting.elapsedNanoseconds
                let tokenizing = Stopwatch()
                try? tokens.process(&document, context: context)
                tokenNanoseconds += tokenizing.elapsedNanoseconds
                tokenCount &+= document.annotations(.token).count
            }
            best.total = min(best.total, sentenceNanoseconds + tokenNanoseconds)
            best.sentences = min(best.sentences, sentenceNanoseconds)
            best.tokens = min(best.tokens, tokenNanoseconds)
            best.clean = min(best.clean, cleanNanoseconds)
        }
        precondition(tokenCount >= 0)
        func rate(_ nanoseconds: UInt64) -> Double { passBytes / 1e6 / max(Double(nanoseconds) / 1e9, 1e-9) }
        return Result(
            total: rate(best.total), sentences: rate(best.sentences), tokens: rate(best.tokens), clean: rate(best.clean)
        )
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
