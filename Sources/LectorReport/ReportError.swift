/// Why a report could not be written (distinct from a document's failure, which the report lists).
public enum ReportError: Error, Sendable, CustomStringConvertible {
    /// The templates could not be loaded or parsed.
    case templates(String)
    /// A file or directory of the report could not be written.
    case io(String)
    /// The writer was used out of order (written after `finish`, for example).
    case misuse(String)

    public var description: String {
        switch self {
        case .templates(let message): "report templates: \(message)"
        case .io(let message): "report: \(message)"
        case .misuse(let message): "report writer: \(message)"
        }
    }
}
