import Foundation
import LectorCore

/// Where the development data lives: `$LECTOR_DATA`, or `../shared/data` beside the repository.
package enum DevelopmentData {
    package static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["LECTOR_DATA"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data")
    }()

    package static func file(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    package static func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: file(relativePath).path)
    }

    package static let ewtDev = "sent/ud_english/en_ewt/en_ewt-ud-dev.conllu"
    package static let gumDev = "sent/ud_english/en_gum/en_gum-ud-dev.conllu"
}

/// Configuration nodes for option-decoding tests, as a pipeline file would give them.
package enum ConfigNodes {
    package static func node(_ entries: [(String, String, Int)]) -> ConfigNode {
        let file = "pipeline.yaml"
        return ConfigNode(
            .map(
                entries.map { key, value, line in
                    ConfigNode.Entry(
                        key: key, keyLocation: ConfigLocation(file: file, line: line),
                        value: ConfigNode(.scalar(value, quoted: false), at: ConfigLocation(file: file, line: line)))
                }), at: ConfigLocation(file: file, line: 3))
    }
}
