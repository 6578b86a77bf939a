import LectorCore

extension StageRegistry {
    /// Every stage that ships with Lector. Start here and `register` your own.
    public static var builtins: StageRegistry {
        var registry = StageRegistry()
        // Each built-in stage registers itself here, one line each:
        // registry.register(CleanStage.self)
        registry.register(SummarizeStage.self)
        registry.register(KeyphraseStage.self)
        return registry
    }
}
