import Foundation
import LectorCore

extension ReportWriter {
    /// Entities per label on the index's charts, and labels charted.
    static let topEntitiesShown = 10
    static let labelsCharted = 6

    /// `index.html`: run summary with the per-stage chart, top entities by label, the publication
    /// timeline, the documents table (rows loaded from `data/` on demand), and failed documents.
    func writeIndex(statistics: RunStatistics, entityTallies: [String: EntityLabelTally]) throws {
        guard let templates else { return }
        let stageBars = zip(statistics.stageNames, statistics.stageNanoseconds).map { name, nanoseconds in
            let seconds = Double(nanoseconds) / 1e9
            return SVGChart.Bar(label: name, value: seconds, caption: Self.seconds(seconds), href: nil)
        }
        var entityCharts: [[String: Any]] = []
        // Labels by total mentions, most first (ties by name).
        let labels = entityTallies.map { (label: $0.key, mentions: $0.value.mentions, entities: $0.value.entities) }
            .sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.label < $1.label }
        for label in labels.prefix(Self.labelsCharted) {
            let bars = (entityTallies[label.label]?.leaders ?? []).map { leader in
                let count = leader.documents
                return SVGChart.Bar(
                    label: leader.key.name, value: Double(count),
                    caption: count == 1 ? "1 doc" : "\(Self.count(count)) docs",
                    href: "entities/\(leader.key.href)")
            }
            entityCharts.append([
                "label": label.label,
                "summary": "\(Self.count(label.entities, "entity", "entities")), \(Self.count(label.mentions, "mention", "mentions"))",
                "svg": SVGChart.bars(
                    bars, colour: LabelStyle.colour(for: label.label),
                    title: "Top \(label.label) entities by documents",
                    width: 460),
            ])
        }
        let failureRows: [[String: Any]] = failures.map {
            ["id": $0.id, "source": $0.source, "stage": $0.stage, "message": $0.message]
        }
        var context: [String: Any] = [
            "pipelineName": run.pipelineName,
            "pipelineFile": run.pipelineFile,
            "lectorVersion": run.lectorVersion,
            "inputs": run.inputs.joined(separator: ", "),
            "stages": run.stageNames.joined(separator: " → "),
            "resolvedConfig": run.resolvedConfig,
            "documentsOK": Self.count(statistics.documentsProcessed),
            "documentsFailed": Self.count(statistics.documentsFailed),
            "documentsWritten": Self.count(documentsWritten),
            "wallTime": Self.seconds(statistics.wallSeconds),
            "documentsPerSecond": Self.decimal(statistics.documentsPerSecond),
            "megabytesPerSecond": Self.decimal(statistics.megabytesPerSecond, places: 2),
            "size": Self.size(statistics.bytes),
            "lanes": statistics.lanes,
            "stageChart": SVGChart.bars(stageBars, colour: "#6b8fd6", title: "Time per stage (summed over lanes)"),
            "entityCharts": entityCharts,
            "hasEntityCharts": !entityCharts.isEmpty,
            "failures": failureRows,
            "hasFailures": failureCount > 0,
            "failureCount": Self.count(failureCount),
            "moreFailures": Self.count(max(0, failureCount - failures.count)),
            "hasMoreFailures": failureCount > failures.count,
            "tableConfig": tableConfig(),
            "firstDataFile": chunkCount > 0 ? "data/\(Self.dataFileName(0))" : "",
            "hasDocuments": chunkCount > 0,
        ]
        if duplicateCount > 0 { context["duplicates"] = Self.count(duplicateCount) }
        if let view = storiesView() {
            context["stories"] = true
            context["storyCount"] = Self.count(stories.count, "story", "stories")
            context["storiesHTML"] = view.html
            context["storiesTimeline"] = view.timeline
        }
        if let timeline = timelineChart() {
            context["timeline"] = timeline.svg
            context["timelineCaption"] = timeline.caption
        }
        try FileSink.write(
            Array(templates.render("index", context).utf8), to: staging.appendingPathComponent("index.html"))
    }

    /// The table's settings for the page script: JSON made by `JSONWriter`, whose escaping of `<`,
    /// `>` and `&` keeps it from closing the `<script>` element it sits in.
    private func tableConfig() -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("chunkSize", max(1, options.rowsPerDataFile))
        json.field("chunks", chunkCount)
        json.key("formats")
        json.beginArray()
        for format in formats.sorted() { json.value(format) }
        json.endArray()
        json.field("total", documentsWritten)
        json.endObject()
        return json.string
    }

    /// Documents per day, week or month (whichever gives at most ~120 columns), or nil without dates.
    private func timelineChart() -> (svg: String, caption: String)? {
        guard let first = dates.keys.min(), let last = dates.keys.max() else { return nil }
        let dated = dates.values.reduce(0, +)
        let months = last.monthNumber - first.monthNumber + 1
        var columns: [SVGChart.Column] = []
        var unit = "month"
        if months <= 3 {
            unit = "day"
            var day = Self.dayNumber(first)
            let end = Self.dayNumber(last)
            var byDay: [Int: Int] = [:]
            for (date, count) in dates { byDay[Self.dayNumber(date), default: 0] += count }
            while day <= end {
                columns.append(SVGChart.Column(label: Self.dateLabel(day: day), count: byDay[day] ?? 0))
                day += 1
            }
        } else {
            var byMonth: [Int: Int] = [:]
            for (date, count) in dates { byMonth[date.monthNumber / (months > 120 ? 12 : 1), default: 0] += count }
            let step = months > 120 ? 12 : 1
            unit = months > 120 ? "year" : "month"
            var bucket = first.monthNumber / step
            while bucket <= last.monthNumber / step {
                let label =
                    step == 12 ? String(bucket) : "\(bucket / 12)-\(bucket % 12 + 1 < 10 ? "0" : "")\(bucket % 12 + 1)"
                columns.append(SVGChart.Column(label: label, count: byMonth[bucket] ?? 0))
                bucket += 1
            }
        }
        let svg = SVGChart.columns(columns, colour: "#d68a4b", title: "Documents per \(unit) by publication date")
        let caption =
            "\(Self.count(dated)) of \(Self.count(documentsWritten)) documents dated, "
            + "\(first.iso) to \(last.iso), per \(unit)"
        return (svg, caption)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for day columns.
    static func dayNumber(_ date: PublicationDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let monthIndex = (date.month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func dateLabel(day: Int) -> String {
        let shifted = day + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return PublicationDate(year: year, month: month, day: dayOfMonth)?.iso ?? String(day)
    }

    /// `1,234,567`: counts as people read them (grouped by thousands, always with commas).
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// `1 entity`, `2,048 entities`.
    static func count(_ value: Int, _ one: String, _ many: String) -> String {
        value == 1 ? "1 \(one)" : "\(count(value)) \(many)"
    }

    /// `12.5 s`, `1.25 s`, `840 ms`, `3.2 ms`.
    static func seconds(_ value: Double) -> String {
        if value >= 10 { return "\(decimal(value, places: 1)) s" }
        if value >= 1 { return "\(decimal(value, places: 2)) s" }
        if value >= 0.01 { return "\(decimal(value * 1000, places: 0)) ms" }
        return "\(decimal(value * 1000, places: 1)) ms"
    }

    /// `3.4 GB`, `12.5 MB`, `4 KB`, `900 bytes`.
    static func size(_ bytes: Int) -> String {
        let value = Double(bytes)
        if value >= 1e9 { return "\(decimal(value / 1e9)) GB" }
        if value >= 1e6 { return "\(decimal(value / 1e6)) MB" }
        if value >= 1e3 { return "\(decimal(value / 1e3)) KB" }
        return "\(bytes) bytes"
    }

    static func decimal(_ value: Double, places: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        let text = String(rounded)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// `run.json`: the run's settings and figures (the one file with timings).
    func runJSON(statistics: RunStatistics) -> [UInt8] {
        var json = JSONWriter(capacity: 4096)
        json.beginObject()
        json.key("documents")
        json.beginObject()
        json.field("failed", statistics.documentsFailed)
        // Documents taken from the cache (`--resume`, reruns), included in `ok`.
        json.field("fromCache", statistics.documentsFromCache)
        json.field("ok", statistics.documentsProcessed)
        // Documents a batch stage set aside from the stages after it (`duplicates` with `skip`), in `ok`.
        json.field("skipped", statistics.documentsSkipped)
        // Container records that are not documents (WARC requests, redirects, images), by reason.
        json.key("skippedRecords")
        json.beginObject()
        for (reason, count) in statistics.skippedRecords.sorted(by: { $0.key < $1.key }) { json.field(reason, count) }
        json.endObject()
        json.field("written", documentsWritten)
        json.endObject()
        json.key("exports")
        json.beginArray()
        for export in options.exports.sorted() { json.value(export) }
        json.endArray()
        json.field("html", options.html)
        json.key("inputs")
        json.beginArray()
        for input in run.inputs { json.value(input) }
        json.endArray()
        json.field("lanes", statistics.lanes)
        json.field("lectorVersion", run.lectorVersion)
        json.field("offsetUnit", "unicode-scalar")
        json.key("pipeline")
        json.beginObject()
        json.field("config", run.resolvedConfig)
        json.field("file", run.pipelineFile)
        json.field("name", run.pipelineName)
        json.key("stages")
        json.beginArray()
        for stage in run.stageNames { json.value(stage) }
        json.endArray()
        json.endObject()
        json.field("sourceBytes", statistics.bytes)
        json.field("sources", statistics.sourcesRead)
        json.key("stages")
        json.beginArray()
        for (name, nanoseconds) in zip(statistics.stageNames, statistics.stageNanoseconds) {
            json.beginObject()
            json.field("name", name)
            json.field("seconds", Double(nanoseconds) / 1e9)
            json.endObject()
        }
        json.endArray()
        json.key("throughput")
        json.beginObject()
        json.field("documentsPerSecond", statistics.documentsPerSecond)
        json.field("megabytesPerSecond", statistics.megabytesPerSecond)
        json.endObject()
        json.field("wallSeconds", statistics.wallSeconds)
        json.endObject()
        var bytes = json.bytes
        bytes.append(0x0A)
        return bytes
    }
}
