/// What the report says about the run itself (shown in `index.html` and written to `run.json`).
///
/// Holds nothing time-dependent: timings come from `RunStatistics` at `finish`.
public struct RunInfo: Sendable {
    /// The pipeline's `name:`.
    public var pipelineName: String
    /// The pipeline file as given on the command line.
    public var pipelineFile: String
    /// The configuration as resolved (YAML or JSON text), shown verbatim.
    public var resolvedConfig: String
    /// The stages in order.
    public var stageNames: [String]
    /// Lector's version string.
    public var lectorVersion: String
    /// The input paths as given.
    public var inputs: [String]

    public init(
        pipelineName: String, pipelineFile: String, resolvedConfig: String, stageNames: [String],
        lectorVersion: String, inputs: [String]
    ) {
        self.pipelineName = pipelineName
        self.pipelineFile = pipelineFile
        self.resolvedConfig = resolvedConfig
        self.stageNames = stageNames
        self.lectorVersion = lectorVersion
        self.inputs = inputs
    }
}
