import ArgumentParser
import LectorCore

public struct Lector: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "lector")
    public init() {}
    public func run() throws {}
}
