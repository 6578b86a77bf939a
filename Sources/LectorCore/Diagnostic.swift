/// A note attached to a document by a reader or a stage: something worth knowing that did not fail
/// the document (an encoding guess, a truncated feed item, a worker's stderr).
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Who said it: `read`, a stage name, `runner`.
    public var origin: String
    public var message: String

    public init(_ severity: Severity, origin: String, _ message: String) {
        self.severity = severity
        self.origin = origin
        self.message = message
    }
}
