import LectorCore

/// Where `Tokenizer` appends the tokens it finds: an array of `Tokenizer.Token`, or of `Annotation`s
/// labelled with the token kind (what the `tokens` stage stores, without an intermediate array).
public protocol TokenSink {
    /// Append one token.
    mutating func add(_ range: Range<Int>, _ kind: Tokenizer.Kind)
}

extension Array: TokenSink where Element == Tokenizer.Token {
    @inlinable
    public mutating func add(_ range: Range<Int>, _ kind: Tokenizer.Kind) {
        append(Tokenizer.Token(range: range, kind: kind))
    }
}

/// Collects tokens as `.token` annotations.
public struct TokenAnnotations: TokenSink {
    public var annotations: [Annotation] = []

    public init(capacity: Int = 0) { annotations.reserveCapacity(capacity) }

    @inlinable
    public mutating func add(_ range: Range<Int>, _ kind: Tokenizer.Kind) {
        annotations.append(Annotation(range.lowerBound, range.upperBound, label: kind.rawValue))
    }
}
