import Benchmark
import Foundation
import LectorCore
import LectorMarkup
import LectorStages

/// Stage throughput on real news text. Each iteration processes the whole sample once; the custom
/// metrics give MB/s, tokens/s or documents/s of that iteration.
///
/// The sample: the first articles of the development data's BBC set (`../shared/data`, or
/// `LECTOR_DATA`) when present, else the bundled `examples/news` folder.
let benchmarks: @Sendable () -> Void = {
    let sample = BenchmarkSample.load()
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5), maxIterations: 50)

    Benchmark("read HTML", configuration: withRate(configuration, "MB/s")) { benchmark in
        let reader = FormatReader()
        benchmark.startMeasurement()
        let started = ContinuousClock.now
        var bytes = 0
        for (index, page) in sample.htmlPages.enumerated() {
            for outcome in reader.read(bytes: page, id: "page\(index).html", source: "page\(index).html", formatHint: "html") {
                if case .processed = outcome { bytes += page.count }
            }
        }
        benchmark.stopMeasurement()
        let elapsed = ContinuousClock.now - started
        report(benchmark, elapsed, "MB/s", Double(bytes) / 1e6)
    }

    Benchmark("sentences + tokens", configuration: withRate(configuration, "MB/s")) { benchmark in
        let stages = BenchmarkSample.stages(["sentences", "tokens"])
        let documents = sample.cleanDocuments
        benchmark.startMeasurement()
        let started = ContinuousClock.now
        for var document in documents {
            for stage in stages { try stage.process(&document, context: StageContext()) }
            blackHole(document)
        }
        benchmark.stopMeasurement()
        let elapsed = ContinuousClock.now - started
        report(benchmark, elapsed, "MB/s", Double(sample.cleanBytes) / 1e6)
    }

    Benchmark("entities", configuration: withRate(configuration, "Ktokens/s")) { benchmark in
        let stages = BenchmarkSample.stages(["entities"])
        let documents = sample.tokenizedDocuments
        let tokens = documents.reduce(0) { $0 + $1.annotations(.token).count }
        benchmark.startMeasurement()
        let started = ContinuousClock.now
        for var document in documents {
            for stage in stages { try stage.process(&document, context: StageContext()) }
            blackHole(document)
        }
        benchmark.stopMeasurement()
        let elapsed = ContinuousClock.now - started
        report(benchmark, elapsed, "Ktokens/s", Double(tokens) / 1e3)
    }

    Benchmark("summarize + keyphrases", configuration: withRate(configuration, "docs/s")) { benchmark in
        let stages = BenchmarkSample.stages(["summarize", "keyphrases"])
        let documents = sample.tokenizedDocuments
        benchmark.startMeasurement()
        let started = ContinuousClock.now
        for var document in documents {
            for stage in stages { try stage.process(&document, context: StageContext()) }
            blackHole(document)
        }
        benchmark.stopMeasurement()
        let elapsed = ContinuousClock.now - started
        report(benchmark, elapsed, "docs/s", Double(documents.count))
    }

    Benchmark("entity-rules, 100,000 phrases", configuration: withRate(configuration, "Ktokens/s")) { benchmark in
        // The gazetteer is compiled before the measurement starts: what is measured is matching.
        let stage = EntityRulesStage(matcher: BenchmarkSample.syntheticGazetteer(phrases: 100_000))
        let documents = sample.tokenizedDocuments
        let tokens = documents.reduce(0) { $0 + $1.annotations(.token).count }
        benchmark.startMeasurement()
        let started = ContinuousClock.now
        for var document in documents {
            try stage.process(&document, context: StageContext())
            blackHole(document)
        }
        benchmark.stopMeasurement()
        let elapsed = ContinuousClock.now - started
        report(benchmark, elapsed, "Ktokens/s", Double(tokens) / 1e3)
    }

    Benchmark("external stage round trip", configuration: withRate(configuration, "µs/doc", prefersLarger: false)) {
        benchmark in
        // A worker that answers every request with no layers (examples/external-stage/empty_worker.py):
        // what remains is the protocol's cost per document (JSON request, pipes, reply parsing), on
        // the bundled examples corpus.
        let stage = BenchmarkSample.externalStage(script: "empty_worker.py")
        let documents = sample.exampleDocuments
        var warm = documents[0]
        try stage.process(&warm, context: StageContext())
        benchmark.startMeasurement()
        let started = ContinuousClock.now
        for var document in documents {
            try stage.process(&document, context: StageContext())
            blackHole(document)
        }
        benchmark.stopMeasurement()
        let elapsed = ContinuousClock.now - started
        let perDocument = seconds(elapsed) * 1e6 / Double(documents.count)
        benchmark.measurement(
            .custom("µs/doc", polarity: .prefersSmaller, useScalingFactor: false), Int(perDocument.rounded()))
    }
}

func withRate(_ base: Benchmark.Configuration, _ unit: String, prefersLarger: Bool = true) -> Benchmark.Configuration {
    var configuration = base
    configuration.metrics.append(.custom(unit, polarity: prefersLarger ? .prefersLarger : .prefersSmaller, useScalingFactor: false))
    return configuration
}

/// Record `amount / elapsed seconds` of the iteration just measured under the custom metric `unit`.
func report(_ benchmark: Benchmark, _ elapsed: Duration, _ unit: String, _ amount: Double) {
    let time = seconds(elapsed)
    guard time > 0 else { return }
    benchmark.measurement(.custom(unit, polarity: .prefersLarger, useScalingFactor: false), Int((amount / time).rounded()))
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
