import LectorCore

/// The figures of one run that benchmarks compare: counts, throughput, time per stage, peak memory.
struct BenchFigures {
    var statistics: RunStatistics

    init(_ statistics: RunStatistics) { self.statistics = statistics }

    var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("bytes", statistics.bytes)
        writer.field("documentsFailed", statistics.documentsFailed)
        writer.field("documentsFromCache", statistics.documentsFromCache)
        writer.field("documentsPerSecond", statistics.documentsPerSecond)
        writer.field("documentsProcessed", statistics.documentsProcessed)
        writer.field("lanes", statistics.lanes)
        writer.field("megabytesPerSecond", statistics.megabytesPerSecond)
        writer.field("peakResidentMegabytes", Double(statistics.peakResidentBytes) / 1_048_576)
        writer.key("stageSeconds")
        writer.beginObject()
        for (name, nanoseconds) in zip(statistics.stageNames, statistics.stageNanoseconds).sorted(by: { $0.0 < $1.0 }) {
            writer.field(name, Double(nanoseconds) / 1e9)
        }
        writer.endObject()
        // Tokens per second of each stage's own time (summed over lanes): what one core gives per stage.
        writer.key("stageTokensPerSecond")
        writer.beginObject()
        for (name, nanoseconds) in zip(statistics.stageNames, statistics.stageNanoseconds).sorted(by: { $0.0 < $1.0 }) {
            writer.field(name, nanoseconds > 0 ? Double(statistics.tokens) / (Double(nanoseconds) / 1e9) : 0)
        }
        writer.endObject()
        writer.field("tokens", statistics.tokens)
        writer.field("wallSeconds", statistics.wallSeconds)
        writer.endObject()
        return writer.string
    }
}
