import LectorCore

extension Layer {
    /// Direct speech: the words between a pair of double quotes (“…” or "…"), quotes excluded.
    /// Label `quote`; once `quote-speakers` has run, the `speaker` attribute names who said it.
    ///
    /// Added by `quotes`, required by `quote-speakers`.
    public static let quote: Layer = "quote"
}
