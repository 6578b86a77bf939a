import LectorCore

extension Layer {
    /// Places where a document breaks the house style. The label says which kind of issue
    /// (`banned-word` by default); the `rule` attribute holds the style-guide entry that matched.
    ///
    /// Added by `house-style`, read by `style-score`. A plugin declares its own layers like this,
    /// without touching Lector.
    public static let styleIssue: Layer = "style-issue"
}
