/// Documents held in memory, processed as one batch.
extension Pipeline {
    /// Run every stage on `outcomes` as one batch, batch stages included: each pass of `BatchPlan`
    /// runs its stages on every document, then the next barrier's batch stages summarize, reduce (in
    /// the given order) and apply, as a `BatchRunner` run over the same documents would. A single
    /// document is a batch of one (it is nobody's duplicate; a story needs two documents). Failed
    /// outcomes stay as they are and count as ordinals, as in a run. `context` gives each document's
    /// context (its deadline starts when it is called), with the batch's document frequencies once a
    /// barrier computed them. Stage times go to `timings` (indexed like `stages`).
    public func processBatch(
        _ outcomes: [DocumentOutcome], context: (CorpusStatistics?) -> StageContext, timings: inout [UInt64]
    ) -> [DocumentOutcome] {
        let plan = BatchPlan(self)
        var outcomes = outcomes
        var applied: [BatchResult] = []
        var corpus: CorpusStatistics?
        for (pass, range) in plan.passes.enumerated() {
            let barrier = pass < plan.barriers.count ? plan.barriers[pass] : []
            let previous = pass > 0 ? plan.barriers[pass - 1] : []
            var reduce = BatchReduce(pipeline: self, stages: barrier)
            for position in outcomes.indices {
                guard case .processed(var document) = outcomes[position] else { continue }
                BatchReduce.apply(applied, stages: previous, ordinal: position, to: &document, timings: &timings)
                if !document.skipsLaterStages,
                    let failure = process(&document, context: context(corpus), timings: &timings, range: range)
                {
                    outcomes[position] = .failed(failure)
                    continue
                }
                document.batchSummaryValues = []
                if !barrier.isEmpty {
                    BatchReduce.summarize(&document, stages: barrier, in: self, encode: false, timings: &timings)
                    reduce.add(document.batchSummaryValues, ordinal: position, id: document.id)
                    document.batchSummaryValues = []
                }
                outcomes[position] = .processed(document)
            }
            guard !barrier.isEmpty else { break }
            applied = reduce.finish()
            reduce.addTimes(to: &timings)
            corpus = applied.compactMap(\.corpus).last ?? corpus
        }
        return outcomes
    }
}
