import Foundation
import LectorCore
import Yams

/// Loads a pipeline file: YAML text → `ConfigNode` (every value with its line) → `PipelineConfig`.
///
/// The only place that imports Yams. YAML syntax errors, duplicate keys and anchors/aliases are
/// reported as `ConfigError`s naming the file and line.
enum PipelineFile {
    static func load(_ path: String) throws -> PipelineConfig { try loadWithTree(path).0 }

    /// The parsed configuration and the located tree it came from.
    static func loadWithTree(_ path: String) throws -> (PipelineConfig, ConfigNode) {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(at: ConfigLocation(file: path, line: 0), keyPath: "", "cannot read the pipeline file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(at: ConfigLocation(file: path, line: 1), keyPath: "", "the pipeline file is not UTF-8 text")
        }
        let root = try parse(text, file: path)
        return (try PipelineConfig(root: root, file: path, baseDirectory: url.deletingLastPathComponent()), root)
    }

    /// Parse YAML text into a located tree.
    static func parse(_ text: String, file: String) throws -> ConfigNode {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw configError(from: error, file: file)
        }
        guard let node else {
            throw ConfigError(at: ConfigLocation(file: file, line: 1), keyPath: "", "the pipeline file is empty")
        }
        return try convert(node, file: file, keyPath: "")
    }

    static func location(_ mark: Mark?, file: String) -> ConfigLocation {
        ConfigLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    static func convert(_ node: Node, file: String, keyPath: String) throws -> ConfigNode {
        switch node {
        case .scalar(let scalar):
            let at = location(scalar.mark, file: file)
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            if !quoted && node.null != nil { return ConfigNode(.null, at: at) }
            return ConfigNode(.scalar(scalar.string, quoted: quoted), at: at)
        case .sequence(let sequence):
            var items: [ConfigNode] = []
            for (index, item) in sequence.enumerated() {
                items.append(try convert(item, file: file, keyPath: "\(keyPath)[\(index)]"))
            }
            return ConfigNode(.list(items), at: location(sequence.mark, file: file))
        case .mapping(let mapping):
            var entries: [ConfigNode.Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ConfigError(
                        at: location(key.mark, file: file), keyPath: keyPath, "expected a plain key, found a complex key")
                }
                let childPath = keyPath.isEmpty ? keyScalar.string : "\(keyPath).\(keyScalar.string)"
                entries.append(
                    ConfigNode.Entry(
                        key: keyScalar.string, keyLocation: location(keyScalar.mark, file: file),
                        value: try convert(value, file: file, keyPath: childPath)))
            }
            return ConfigNode(.map(entries), at: location(mapping.mark, file: file))
        case .alias(let alias):
            throw ConfigError(
                at: location(alias.mark, file: file), keyPath: keyPath, "YAML aliases (*name) are not supported; write the value")
        }
    }

    static func configError(from error: YamlError, file: String) -> ConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigError(at: location(mark, file: file), keyPath: "", "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError(
                at: location(context.mark, file: file), keyPath: duplicates.joined(separator: ", "),
                "duplicate key '\(duplicates.joined(separator: "', '"))' in the same mapping")
        case .reader(let problem, _, _, _):
            return ConfigError(at: ConfigLocation(file: file, line: 1), keyPath: "", "cannot read YAML: \(problem)")
        default:
            return ConfigError(at: ConfigLocation(file: file, line: 1), keyPath: "", "invalid YAML: \(error)")
        }
    }
}
