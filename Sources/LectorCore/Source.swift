import Foundation

/// One input file: where it is and the id its documents will carry.
public struct Source: Sendable, Hashable {
    /// Absolute location of the file.
    public var url: URL
    /// Identifier base: the path relative to the input root (forward slashes).
    public var id: String
    /// The path as the user would recognise it (input argument joined with the relative path).
    public var displayPath: String
    /// Content already taken out of a container file (a WARC record, a JSON line): a reader reads
    /// this instead of the file at `url`.
    public var content: EmbeddedContent?
    /// For a container file: only the records that start inside this byte range of the file are read
    /// (a shard's share of a large WARC); nil for all of them.
    public var recordRange: Range<Int>?

    public init(url: URL, id: String, displayPath: String, content: EmbeddedContent? = nil, recordRange: Range<Int>? = nil) {
        self.url = url
        self.id = id
        self.displayPath = displayPath
        self.content = content
        self.recordRange = recordRange
    }
}

/// One document's bytes as a container held them, with what the container said about them.
public struct EmbeddedContent: Sendable, Hashable {
    /// The payload (an HTTP body after transfer and content decoding, or a JSON field's UTF-8).
    public var bytes: [UInt8]
    /// A format name or extension for the reader (`html`, `xml`, `text`), or nil to sniff.
    public var formatHint: String?
    /// The charset the container declared (HTTP `Content-Type`), used when the content declares none.
    public var charset: String?
    /// What the document shows as its source (a URL), instead of the file path.
    public var displaySource: String?
    /// Metadata to set on the document (`url`, `fetched`, `title`, `date`), overriding the page's.
    public var metadata: [String: String]
    /// What the container reader noticed (e.g. a body marked chunked that was not), as warnings.
    public var notes: [String]

    public init(
        bytes: [UInt8], formatHint: String? = nil, charset: String? = nil, displaySource: String? = nil,
        metadata: [String: String] = [:], notes: [String] = []
    ) {
        self.notes = notes
        self.bytes = bytes
        self.formatHint = formatHint
        self.charset = charset
        self.displaySource = displaySource
        self.metadata = metadata
    }
}

/// An item of the source listing: a file to read, or a path that could not even be listed.
public enum SourceItem: Sendable {
    case file(Source)
    case unreadable(DocumentFailure)
}

/// Lists input files lazily and deterministically: depth first, each directory's entries sorted by
/// name (byte order), hidden files skipped. Directory symlinks are followed once (a loop is reported,
/// not followed); file symlinks are read as files.
///
/// With one input directory, ids are paths relative to it; with several inputs, each id starts with
/// its input's last path component so ids from different roots cannot collide.
public struct SourceEnumerator: Sequence {
    public let inputs: [String]

    public init(inputs: [String]) { self.inputs = inputs }

    public func makeIterator() -> Iterator { Iterator(inputs: inputs) }

    public struct Iterator: IteratorProtocol {
        struct Frame {
            var directory: URL
            var idPrefix: String
            var displayPrefix: String
            var names: [String]
            var next: Int
        }

        var pendingInputs: [String]
        let prefixWithRoot: Bool
        var stack: [Frame] = []
        var visitedDirectories: Set<FileIdentity> = []
        let fileManager = FileManager.default

        init(inputs: [String]) {
            pendingInputs = inputs.reversed()
            prefixWithRoot = inputs.count > 1
        }

        public mutating func next() -> SourceItem? {
            while true {
                if var frame = stack.popLast() {
                    guard frame.next < frame.names.count else { continue }
                    let name = frame.names[frame.next]
                    frame.next += 1
                    stack.append(frame)
                    let url = frame.directory.appendingPathComponent(name)
                    let id = frame.idPrefix.isEmpty ? name : "\(frame.idPrefix)/\(name)"
                    let display = "\(frame.displayPrefix)/\(name)"
                    if let item = visit(url, id: id, display: display) { return item }
                    continue
                }
                guard let input = pendingInputs.popLast() else { return nil }
                let url = URL(fileURLWithPath: input)
                let rootName = url.lastPathComponent
                var isDirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                    return .unreadable(DocumentFailure(id: rootName, source: input, stage: "read", message: "no such file or directory"))
                }
                if isDirectory.boolValue {
                    if let item = enter(url, idPrefix: prefixWithRoot ? rootName : "", display: input) { return item }
                } else if let kind = FileIdentity.specialKind(path: input) {
                    return .unreadable(
                        DocumentFailure(id: rootName, source: input, stage: "read", message: "not a regular file (\(kind))"))
                } else {
                    return .file(Source(url: url, id: rootName, displayPath: input))
                }
            }
        }

        /// Returns an item for a file, or nil after pushing a directory (or skipping a hidden entry).
        mutating func visit(_ url: URL, id: String, display: String) -> SourceItem? {
            if url.lastPathComponent.hasPrefix(".") { return nil }
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                // A dangling symlink, or a file that vanished since the listing.
                return .unreadable(DocumentFailure(id: id, source: display, stage: "read", message: "file vanished or is a broken link"))
            }
            if isDirectory.boolValue { return enter(url, idPrefix: id, display: display) }
            if let kind = FileIdentity.specialKind(path: url.path) {
                // Reading a FIFO would block a lane forever; devices and sockets are not documents.
                return .unreadable(DocumentFailure(id: id, source: display, stage: "read", message: "not a regular file (\(kind))"))
            }
            return .file(Source(url: url, id: id, displayPath: display))
        }

        mutating func enter(_ directory: URL, idPrefix: String, display: String) -> SourceItem? {
            if let identity = FileIdentity(path: directory.path) {
                if visitedDirectories.contains(identity) {
                    return .unreadable(
                        DocumentFailure(
                            id: idPrefix.isEmpty ? directory.lastPathComponent : idPrefix, source: display, stage: "read",
                            message: "directory loop (a symlink back to an ancestor); not followed"))
                }
                visitedDirectories.insert(identity)
            }
            do {
                let names = try fileManager.contentsOfDirectory(atPath: directory.path)
                    .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                stack.append(Frame(directory: directory, idPrefix: idPrefix, displayPrefix: display, names: names, next: 0))
                return nil
            } catch {
                return .unreadable(
                    DocumentFailure(
                        id: idPrefix.isEmpty ? directory.lastPathComponent : idPrefix, source: display, stage: "read",
                        message: "directory cannot be listed: \(error.localizedDescription)"))
            }
        }
    }
}

/// Device and inode of a file, to detect directory loops.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    /// "fifo", "socket", "device" for special files; nil for regular files and directories.
    static func specialKind(path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFIFO: return "fifo"
        case S_IFSOCK: return "socket"
        case S_IFCHR, S_IFBLK: return "device"
        default: return nil
        }
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
