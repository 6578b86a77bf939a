import Foundation

/// Finds Lector's resource files (shipped models and tables, report templates): the one mechanism
/// every module uses, never `Bundle.module`, which stops the process when the resource bundle is
/// missing (an executable copied without the bundle beside it).
///
/// Looks in order: the directory named by `LECTOR_RESOURCES` (a folder holding the bundles' contents
/// side by side, e.g. `Resources/entities-model.bin` and `Templates/index.mustache`), then SwiftPM's
/// resource bundle `<package>_<target>.resources` (Linux) or `.bundle` (macOS) beside the running
/// executable, following symlinks. A miss is a `ResourceMissing` error that lists every place tried.
public enum ResourceLocator {
    /// Environment variable naming an extra directory to search first.
    public static let environmentVariable = "LECTOR_RESOURCES"

    /// The file at `path` (e.g. `Resources/idf-en.tsv`) inside target `target`'s resources.
    public static func url(_ path: String, target: String, package: String = "Lector") throws -> URL {
        let places = candidates(path, target: target, package: package)
        for place in places where FileManager.default.fileExists(atPath: place.path) { return place }
        throw ResourceMissing(path: path, searched: places.map(\.path))
    }

    /// Every location `url` tries, in order.
    public static func candidates(_ path: String, target: String, package: String = "Lector") -> [URL] {
        var places: [URL] = []
        if let override = ProcessInfo.processInfo.environment[environmentVariable], !override.isEmpty {
            places.append(URL(fileURLWithPath: override).appendingPathComponent(path))
        }
        var folders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        let bundle = "\(package)_\(target)"
        for folder in folders {
            for name in ["\(bundle).resources", "\(bundle).bundle/Contents/Resources", "\(bundle).bundle"] {
                places.append(folder.appendingPathComponent(name).appendingPathComponent(path))
            }
        }
        var seen: Set<String> = []
        return places.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}

/// A resource file Lector ships is not where it should be.
public struct ResourceMissing: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var searched: [String]

    public init(path: String, searched: [String]) {
        self.path = path
        self.searched = searched
    }

    public var description: String {
        "Lector's resource \(path) is missing from this installation (copy the resource bundle beside the "
            + "executable, or set \(ResourceLocator.environmentVariable) to a folder holding it); looked in: "
            + searched.joined(separator: ", ")
    }
}
