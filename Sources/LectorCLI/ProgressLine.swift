import Dispatch
import Foundation

/// Progress on stderr: a live line on a terminal, a line every few seconds in logs, or nothing.
/// Never written to stdout or to the report.
final class ProgressLine {
    enum Style: String, CaseIterable {
        case auto, live, plain, none
    }

    private let style: Style
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastShown: UInt64 = 0
    private var done = 0
    private var failed = 0
    private var bytes = 0
    /// Total sources when known (a listing counted ahead), else nil.
    var total: Int?

    init(style: Style) {
        if style == .auto {
            self.style = isatty(STDERR_FILENO) != 0 ? .live : .none
        } else {
            self.style = style
        }
    }

    var isShown: Bool { style != .none }

    func update(processed: Int, failed: Int, bytes: Int) {
        done += processed + failed
        self.failed += failed
        self.bytes += bytes
        guard style != .none else { return }
        let now = DispatchTime.now().uptimeNanoseconds
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
        let seconds = max(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, 1e-9)
        let rate = Double(done) / seconds
        var line = "\(done)"
        if let total { line += "/\(total)" }
        line += " documents, \(String(format: "%.1f", rate)) docs/s, \(String(format: "%.2f", Double(bytes) / 1e6 / seconds)) MB/s"
        if let total, rate > 0, !final {
            let remaining = Double(max(total - done, 0)) / rate
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

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole >= 3600 { return "\(whole / 3600)h\(String(format: "%02d", whole % 3600 / 60))m" }
        if whole >= 60 { return "\(whole / 60)m\(String(format: "%02d", whole % 60))s" }
        return "\(whole)s"
    }
}
