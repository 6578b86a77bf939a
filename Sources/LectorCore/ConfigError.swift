/// A mistake in a pipeline file: names the file, line, key path and what was expected.
///
/// Config errors stop a run before any document is read (exit code 2).
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: ConfigLocation
    /// Dotted key path, e.g. `stages[2].options.sentences`.
    public var keyPath: String
    public var message: String

    public init(at location: ConfigLocation, keyPath: String, _ message: String) {
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        let key = keyPath.isEmpty ? "" : " \(keyPath):"
        return "\(location.file):\(location.line):\(key) \(message)"
    }
}
