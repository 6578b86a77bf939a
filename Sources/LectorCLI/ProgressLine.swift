import Foundation
import LectorCore

/// Progress on stderr: a live line on a terminal, a line every few seconds in logs, or nothing.
/// Never written to stdout or to the report.
///
/// It counts documents (each feed item and container record is one) against a total that is not
/// known ahead. While every file read so far held one document or a feed, the total is estimated as
/// the documents so far plus one per unread file, marked `+` ("7/10+ documents"). Once a file has
/// given several lane results (a WARC or JSON Lines file, read record by record), no estimate is
/// honest: the line counts documents and says which file is being read ("299 documents, reading file
/// 1 of 1"; at the end "299 documents (1 of 1 files read)").
final class ProgressLine {
    enum Style: String, CaseIterable {
        case auto, live, plain, none
    }

    private let style: Style
    private let stopwatch = Stopwatch()
    private var lastShown: UInt64 = 0
    private var counter = Counter()
    /// Files (listing items) to read, when known (a listing counted ahead), else nil.
    var totalSources: Int? {
        get { counter.totalFiles }
        set { counter.totalFiles = newValue }
    }

    init(style: Style) {
        if style == .auto {
            self.style = isatty(STDERR_FILENO) != 0 ? .live : .none
        } else {
            self.style = style
        }
    }

    var isShown: Bool { style != .none }

    /// Count one lane result's documents; `origin` is the listing position of the file it came from
    /// (results arrive in listing order), nil when unknown (each result then counts as one file).
    func update(processed: Int, failed: Int, bytes: Int, origin: Int? = nil) {
        counter.add(documents: processed + failed, failed: failed, bytes: bytes, origin: origin)
        guard style != .none else { return }
        let now = Stopwatch.wallNanoseconds()
        let interval: UInt64 = style == .live ? 200_000_000 : 5_000_000_000
        if now - lastShown >= interval {
            lastShown = now
            show(final: false)
        }
    }

    func finish() {
        guard style != .none else { return }
        show(final: true)
    }

    private func show(final: Bool) {
        let seconds = max(stopwatch.elapsedSeconds, 1e-9)
        let rate = Double(counter.documents) / seconds
        var line = counter.summary(final: final)
        line += ", \(String(format: "%.1f", rate)) docs/s, \(String(format: "%.2f", Double(counter.bytes) / 1e6 / seconds)) MB/s"
        if let totalFiles = counter.totalFiles, counter.filesDone > 0, !final {
            // Files left at the pace of files so far: a feed's items do not skew it.
            let remaining = Double(max(totalFiles - counter.filesDone, 0)) * seconds / Double(counter.filesDone)
            line += ", ETA \(Self.duration(remaining))"
        }
        line += ", \(counter.failed) failed"
        let text: String
        switch style {
        case .live: text = "\r\u{1B}[K" + line + (final ? "\n" : "")
        default: text = line + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole >= 3600 { return "\(whole / 3600)h\(String(format: "%02d", whole % 3600 / 60))m" }
        if whole >= 60 { return "\(whole / 60)m\(String(format: "%02d", whole % 60))s" }
        return "\(whole)s"
    }

    /// The counts behind the line, apart from the clock.
    struct Counter {
        var totalFiles: Int?
        private(set) var documents = 0
        private(set) var failed = 0
        private(set) var bytes = 0
        /// Files whose first result has arrived.
        private(set) var filesStarted = 0
        /// Whether some file gave more than one lane result (a container read record by record).
        private(set) var sawContainer = false
        private var lastOrigin = -1

        mutating func add(documents: Int, failed: Int, bytes: Int, origin: Int?) {
            self.documents += documents
            self.failed += failed
            self.bytes += bytes
            let origin = origin ?? lastOrigin + 1
            if origin == lastOrigin { sawContainer = true }
            lastOrigin = max(lastOrigin, origin)
            filesStarted = lastOrigin + 1
        }

        /// Files known to be read to the end: the file whose result came last may still hold more
        /// records (a container is only recognised by its second one).
        var filesDone: Int { max(filesStarted - 1, 0) }

        /// "7/10+ documents", "7 documents", "299 documents, reading file 1 of 2", or at the end
        /// "299 documents (2 of 2 files read)".
        func summary(final: Bool) -> String {
            let noun = documents == 1 ? "document" : "documents"
            guard let totalFiles else { return "\(documents) \(noun)" }
            if sawContainer {
                if final { return "\(documents) \(noun) (\(filesStarted) of \(totalFiles) files read)" }
                return "\(documents) \(noun), reading file \(max(filesStarted, 1)) of \(totalFiles)"
            }
            guard !final, filesStarted < totalFiles else { return "\(documents) \(noun)" }
            return "\(documents)/\(documents + totalFiles - filesStarted)+ documents"
        }
    }
}
