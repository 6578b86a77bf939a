import Foundation

/// Everything besides a source's own bytes that shapes its outcomes, digested once per run: Lector's
/// version, the outcome format's version, the resolved configuration, and the contents of every file
/// the configuration references (models, gazetteers, worker scripts).
///
/// Cache entries made under another fingerprint are never answered: edit a gazetteer, and `--resume`
/// redoes every document.
public struct CacheFingerprint: Sendable, Hashable {
    /// SHA-256 of the parts above.
    public let digest: [UInt8]
    /// The referenced files whose contents are in the digest (absolute paths, sorted).
    public let files: [String]

    public init(configuration: String, files: [URL], version: String) {
        var hasher = KeyHasher()
        hasher.add("lector \(version) outcome-codec \(OutcomeCodec.formatVersion)")
        hasher.add(configuration)
        let paths = Set(files.map { $0.standardizedFileURL.path }).sorted()
        for path in paths {
            hasher.add(path)
            if let data = FileManager.default.contents(atPath: path) {
                hasher.add("present")
                data.withUnsafeBytes { hasher.add(bytes: $0) }
            } else {
                hasher.add("missing")
            }
        }
        self.digest = hasher.finish().bytes
        self.files = paths
    }

    /// The digest as hex (for `run.json` and shard results).
    public var hex: String { CacheKey(bytes: digest)!.description }
}

extension ConfigNode {
    /// Every regular file a scalar of this tree names, relative to `base` or absolute. Generic on
    /// purpose, so that no stage has to declare its files: a model path, a gazetteer, an external
    /// worker's script (resolved against the stage's `directory:` too) all count. A scalar that names
    /// no file costs one `stat`.
    public func referencedFiles(relativeTo base: URL) -> [URL] {
        var found: [URL] = []
        collectFiles(bases: [base], into: &found)
        return found
    }

    private func collectFiles(bases: [URL], into found: inout [URL]) {
        switch value {
        case .null: return
        case .scalar(let text, _):
            guard !text.isEmpty, text.utf8.count < 4096, !text.contains("\n") else { return }
            let candidates = text.hasPrefix("/") ? [URL(fileURLWithPath: text)] : bases.map { $0.appendingPathComponent(text) }
            for url in candidates {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    found.append(url.standardizedFileURL)
                }
            }
        case .list(let items):
            for item in items { item.collectFiles(bases: bases, into: &found) }
        case .map(let entries):
            var bases = bases
            // An external stage runs its command in `directory:`: its script paths are relative to it.
            if let directory = self["directory"]?.scalar {
                let url = directory.hasPrefix("/") ? URL(fileURLWithPath: directory) : bases[0].appendingPathComponent(directory)
                bases.append(url)
            }
            for entry in entries { entry.value.collectFiles(bases: bases, into: &found) }
        }
    }
}
