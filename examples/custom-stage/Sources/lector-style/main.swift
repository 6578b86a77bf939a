// `lector-style`: the `lector` command with four more stages.
//
// Everything `lector` does works here (`run`, `stages`, `validate`, …); pipeline files may also
// name `house-style`, `style-score`, `quotes` and `quote-speakers`. Start from the built-in registry so that `clean`,
// `sentences` and the rest stay available, register your stages, and hand the registry to
// Lector's command-line entry point.

import HouseStyle
import LectorCLI
import LectorCore
import LectorStages

var registry = StageRegistry.builtins
registry.register(HouseStyleStage.self)
registry.register(StyleScoreStage.self)
registry.register(QuoteStage.self)
registry.register(QuoteSpeakerStage.self)
LectorMain.main(registry: registry)
