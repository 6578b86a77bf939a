import Foundation
import LectorCore

/// Progress on stderr: a live line on a terminal, a line every few seconds in logs, or nothing.
/// Never written to stdout or to the report.
final class ProgressLine {
    enum Style: String, CaseIterable {
        case auto, live, plain, none
    }

    private let style: Style
    private let stopwatch = Stopwatch()
    private var lastShown: UInt64 = 0
    private var done = 0
    private var sourcesDone = 0
    private var failed = 0
    private var bytes = 0
    /// Sources (files) to read, when known (a listing counted ahead), else nil. The total of
    /// documents is not known ahead: a feed holds many. Progress counts documents, and estimates the
    /// total as the documents so far plus one per unread source, marked `+` while sources remain
    /// (a feed among them adds its items when read).
    var totalSources: Int?

    init(style: Style) {
        if style == .auto {
            self.style = isatty(STDERR_FILENO) != 0 ? .live : .none
        } else {
            self.style = style
        }
    }

    var isShown: Bool { style != .none }

    /// Count one source's documents.
    func update(processed: Int, failed: Int, bytes: Int) {
        sourcesDone += 1
        done += processed + failed
        self.failed += failed
        self.bytes += bytes
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
        let rate = Double(done) / seconds
        var line = Self.count(documents: done, sourcesDone: sourcesDone, totalSources: final ? nil : totalSources)
        line += ", \(String(format: "%.1f", rate)) docs/s, \(String(format: "%.2f", Double(bytes) / 1e6 / seconds)) MB/s"
        if let totalSources, sourcesDone > 0, !final {
            // Sources left at the pace of sources so far: a feed's items do not skew it.
            let remaining = Double(max(totalSources - sourcesDone, 0)) * seconds / Double(sourcesDone)
            line += ", ETA \(Self.duration(remaining))"
        }
        line += ", \(failed) failed"
        let text: String
        switch style {
        case .live: text = "\r\u{1B}[K" + line + (final ? "\n" : "")
        default: text = line + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// "12/40+ documents": documents so far against the documents so far plus one per unread source,
    /// `+` while sources remain (the total can grow: a feed holds many documents). Without a total of
    /// sources, or once every source is read, just "N documents".
    static func count(documents: Int, sourcesDone: Int, totalSources: Int?) -> String {
        guard let totalSources, sourcesDone < totalSources else { return "\(documents) documents" }
        return "\(documents)/\(documents + totalSources - sourcesDone)+ documents"
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole >= 3600 { return "\(whole / 3600)h\(String(format: "%02d", whole % 3600 / 60))m" }
        if whole >= 60 { return "\(whole / 60)m\(String(format: "%02d", whole % 60))s" }
        return "\(whole)s"
    }
}
