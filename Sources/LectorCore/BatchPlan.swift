/// How the runner schedules a pipeline with batch stages: one pass over the batch per barrier.
///
/// Batch stages split the stage list into passes. Pass 0 reads every source and runs the stages
/// before the first batch stage; each document then gets the summaries of the batch stages at that
/// barrier, and its outcome (with the summaries) is kept: in the run cache (so `--resume` answers
/// without processing it again), in the shard result (`--shard`), and in a spill file on disk that
/// the next pass reads back in input order. While pass 0 runs, the consuming thread folds the
/// summaries into each batch stage's reduction in input order; when it ends, the reductions finish
/// (side by side, one thread each).
/// Pass 1 reads the spill, applies the results to each document, runs the stages up to the next
/// barrier (skipping a document a batch stage set aside), and so on; the last pass renders the report.
/// Nothing depends on which lane ran a document, so every pass gives the same output with any
/// number of lanes; memory holds the reductions' state and the sources in flight, never the batch.
///
/// With the batch stages at the end of the list (as in `pipelines/news.yaml`) there are two passes:
/// the second only applies the results and renders. `idf: batch` adds a barrier right before the
/// first stage that uses the batch's document frequencies.
public struct BatchPlan: Sendable, Equatable {
    /// The per-document stages each pass runs (indices into `Pipeline.stages`; the last may be empty).
    public let passes: [Range<Int>]
    /// The batch stages (indices) whose summaries are taken at the end of pass `i` and applied at the
    /// start of pass `i + 1`; one entry per pass but the last.
    public let barriers: [[Int]]

    public init(_ pipeline: Pipeline) {
        var passes: [Range<Int>] = []
        var barriers: [[Int]] = []
        var start = 0
        var index = 0
        let stages = pipeline.stages
        while index < stages.count {
            guard stages[index].batch != nil else {
                index += 1
                continue
            }
            passes.append(start..<index)
            var barrier: [Int] = []
            while index < stages.count, stages[index].batch != nil {
                barrier.append(index)
                index += 1
            }
            barriers.append(barrier)
            start = index
        }
        passes.append(start..<stages.count)
        self.passes = passes
        self.barriers = barriers
    }

    /// Whether the pipeline has batch stages (more than one pass).
    public var isBatch: Bool { !barriers.isEmpty }
}
