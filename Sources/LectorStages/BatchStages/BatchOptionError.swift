/// A batch stage option out of its range (the pipeline file's line and key are added by the registry).
public struct BatchOptionError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
