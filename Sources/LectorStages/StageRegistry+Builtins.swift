import LectorCore

extension StageRegistry {
    /// Every stage that ships with Lector. Start here and `register` your own.
    public static var builtins: StageRegistry {
        var registry = StageRegistry()
        registry.register(CleanStage.self)
        registry.register(SentenceStage.self)
        registry.register(TokenStage.self)
        registry.register(EntitiesStage.self)
        registry.register(EntityRulesStage.self)
        registry.register(SummarizeStage.self)
        registry.register(KeyphraseStage.self)
        registry.register(ExternalStage.self)
        registry.register(batch: DuplicatesStage.self)
        registry.register(batch: StoriesStage.self)
        registry.register(batch: EntityLinksStage.self)
        registry.documentFrequencies = AnyStage(batch: DocumentFrequencyStage(options: NoOptions()))
        return registry
    }
}
