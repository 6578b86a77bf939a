import Foundation
import LectorCompression
import LectorCore
import LectorMarkup

/// The development sets of main-text extraction under one folder, each scored with its own measure.
///
/// A set is a sub-folder holding `gold.jsonl`; each line names its page in `html` (relative to the
/// folder) and carries the gold: `text` (the whole main text), `with`/`without` snippets, and
/// optionally a page `type`. A page named `X.gz` is read from its unpacked copy `X` when that exists,
/// else gunzipped.
///
/// Measures: sets with page types (WCXB) by WCXB's bag-of-words F1, per type too; other sets with a
/// gold text (CleanEval) by the Zyte benchmark's 4-gram shingle F1 (bag-of-words beside it); sets with
/// snippets only (trafilatura's) by snippet F1.
struct ExtractSuite {
    struct Page {
        var id: String
        var type: String?
        var bytes: [UInt8]
        var text: String?
        var with: [String]
        var without: [String]
    }

    struct GoldSet {
        var name: String
        var pages: [Page]

        var hasTypes: Bool { pages.contains { $0.type != nil } }
        var hasText: Bool { pages.contains { $0.text != nil } }
        /// The set's own measure.
        var measure: Measure { hasTypes ? .words : hasText ? .shingles : .snippets }
    }

    enum Measure: String {
        case words, shingles, snippets
    }

    var sets: [GoldSet]

    /// Loads every set under `directory` (sub-folders with a `gold.jsonl`, in name order).
    init(directory: String, limit: Int? = nil, only: Set<String>? = nil) throws {
        let root = URL(fileURLWithPath: directory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var sets: [GoldSet] = []
        for name in names.sorted() {
            if let only, !only.contains(name) { continue }
            let folder = root.appendingPathComponent(name)
            let gold = folder.appendingPathComponent("gold.jsonl")
            guard FileManager.default.fileExists(atPath: gold.path) else { continue }
            sets.append(GoldSet(name: name, pages: try Self.pages(gold: gold, folder: folder, limit: limit)))
        }
        guard !sets.isEmpty else { throw SuiteError("no folder with a gold.jsonl under \(directory)") }
        self.sets = sets
    }

    private static func pages(gold: URL, folder: URL, limit: Int?) throws -> [Page] {
        guard let content = try? String(contentsOf: gold, encoding: .utf8) else {
            throw SuiteError("cannot read \(gold.path)")
        }
        var pages: [Page] = []
        for (number, line) in content.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            if let limit, pages.count >= limit { break }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let path = object["html"] as? String
            else { throw SuiteError("\(gold.path):\(number + 1): expected an object with \"html\"") }
            var url = folder.appendingPathComponent(path)
            if path.hasSuffix(".gz") {
                let unpacked = folder.appendingPathComponent(String(path.dropLast(3)))
                if FileManager.default.fileExists(atPath: unpacked.path) { url = unpacked }
            }
            let bytes: [UInt8]
            do {
                bytes = url.pathExtension == "gz"
                    ? try GzipInput(FileInput(path: url.path)).readAll(limit: 1 << 30)
                    : [UInt8](try Data(contentsOf: url))
            } catch {
                throw SuiteError("\(gold.path):\(number + 1): cannot read \(url.path): \(error)")
            }
            pages.append(
                Page(
                    id: object["id"] as? String ?? path, type: object["type"] as? String, bytes: bytes,
                    text: object["text"] as? String, with: object["with"] as? [String] ?? [],
                    without: object["without"] as? [String] ?? []))
        }
        return pages
    }
}

/// One tool's scores on a group of pages (a set, or one page type of it) and the time it took.
struct ExtractTally {
    var pages = 0
    var seconds = 0.0
    var words = WordBagScore()
    var shingles = ShingleF1()
    var snippets = SnippetTally()
    /// Pages with no extracted text.
    var empty = 0

    /// Score one page's extracted `text`.
    mutating func add(_ text: String, page: ExtractSuite.Page, seconds: Double) {
        pages += 1
        self.seconds += seconds
        if text.isEmpty { empty += 1 }
        if let gold = page.text {
            words.add(WordBagScore.page(predicted: text, gold: gold))
            shingles.add(ShingleF1.page(predicted: text, gold: gold))
        }
        if !page.with.isEmpty || !page.without.isEmpty {
            snippets.add(text: text, with: page.with, without: page.without)
        }
    }

    /// Precision, recall and F1 under `measure`.
    func figures(_ measure: ExtractSuite.Measure) -> (precision: Double, recall: Double, f1: Double) {
        switch measure {
        case .words: (words.precision, words.recall, words.f1)
        case .shingles: (shingles.precision, shingles.recall, shingles.f1)
        case .snippets: (snippets.precision, snippets.recall, snippets.f1)
        }
    }

    var pagesPerSecond: Double { seconds > 0 ? Double(pages) / seconds : 0 }
}

/// Extracted texts of other tools, from `Benchmarks/extract/extract_peers.py`: JSON lines
/// `{"set", "id", "tool", "text", "seconds"}`.
struct PeerTexts {
    /// tool → set → page id → (text, seconds)
    var texts: [String: [String: [String: (text: String, seconds: Double)]]] = [:]

    init(path: String) throws {
        guard let content = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SuiteError("cannot read \(path)")
        }
        for (number, line) in content.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let set = object["set"] as? String, let id = object["id"] as? String,
                let tool = object["tool"] as? String
            else { throw SuiteError("\(path):\(number + 1): expected {\"set\", \"id\", \"tool\", \"text\", \"seconds\"}") }
            texts[tool, default: [:]][set, default: [:]][id] =
                (object["text"] as? String ?? "", (object["seconds"] as? NSNumber)?.doubleValue ?? 0)
        }
    }

    var tools: [String] { texts.keys.sorted() }
}

struct SuiteError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
