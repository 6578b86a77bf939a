/// Small inline SVG charts drawn by the project (no scripts, no external resources). Every label
/// passes through `HTMLBuffer`'s escaping; links are file names the report made.
enum SVGChart {
    struct Bar {
        var label: String
        var value: Double
        /// What is printed after the bar (e.g. `1.25 s`).
        var caption: String
        /// A relative link for the label, or nil.
        var href: String?
    }

    /// Horizontal bars, one per row, scaled to the largest value.
    static func bars(_ bars: [Bar], colour: String, title: String, width: Int = 560) -> String {
        let rowHeight = 22
        let labelWidth = 170
        let captionWidth = 90
        let height = max(1, bars.count) * rowHeight + 6
        let maximum = bars.map(\.value).max() ?? 0
        let span = Double(width - labelWidth - captionWidth - 8)
        var svg = HTMLBuffer(capacity: 256 + bars.count * 256)
        svg.raw(
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\""
                + " width=\"\(width)\" height=\"\(height)\""
        )
        svg.raw(" xmlns=\"http://www.w3.org/2000/svg\"><title>")
        svg.text(title)
        svg.raw("</title>")
        for (row, bar) in bars.enumerated() {
            let y = row * rowHeight + 3
            let length = maximum > 0 ? max(1, Int((bar.value / maximum * span).rounded())) : 1
            var label = bar.label
            // About 7 px per character at the chart font: longer labels would run past the left edge.
            if label.count > 22 { label = String(label.prefix(21)) + "…" }
            if let href = bar.href {
                svg.raw("<a href=\"")
                svg.text(href)
                svg.raw("\">")
            }
            svg.raw("<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\" class=\"cl\">")
            svg.text(label)
            svg.raw("</text>")
            if bar.href != nil { svg.raw("</a>") }
            svg.raw(
                "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(length)\""
                    + " height=\"\(rowHeight - 6)\" rx=\"3\" fill=\""
            )
            svg.text(colour)
            svg.raw("\"><title>")
            svg.text("\(bar.label): \(bar.caption)")
            svg.raw("</title></rect>")
            svg.raw("<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\" class=\"cv\">")
            svg.text(bar.caption)
            svg.raw("</text>")
        }
        svg.raw("</svg>")
        return svg.string
    }

    struct Column {
        var label: String
        var count: Int
    }

    /// Vertical columns over time (a timeline), with the first and last label and the peak written out.
    static func columns(_ columns: [Column], colour: String, title: String, width: Int = 760) -> String {
        let height = 150
        let plotTop = 14
        let plotBottom = height - 24
        let count = max(1, columns.count)
        let step = Double(width - 20) / Double(count)
        let barWidth = max(1.0, step * 0.8)
        let maximum = max(1, columns.map(\.count).max() ?? 1)
        var svg = HTMLBuffer(capacity: 256 + columns.count * 200)
        svg.raw(
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\""
                + " width=\"\(width)\" height=\"\(height)\""
        )
        svg.raw(" xmlns=\"http://www.w3.org/2000/svg\"><title>")
        svg.text(title)
        svg.raw("</title>")
        svg.raw("<line x1=\"10\" y1=\"\(plotBottom)\" x2=\"\(width - 10)\" y2=\"\(plotBottom)\" class=\"axis\"/>")
        for (index, column) in columns.enumerated() {
            let barHeight =
                column.count == 0
                ? 0 : max(1, Int(Double(column.count) / Double(maximum) * Double(plotBottom - plotTop)))
            let x = 10 + Double(index) * step + (step - barWidth) / 2
            svg.raw(
                "<rect x=\"\(format(x))\" y=\"\(plotBottom - barHeight)\" width=\"\(format(barWidth))\""
                    + " height=\"\(barHeight)\" fill=\""
            )
            svg.text(colour)
            svg.raw("\"><title>")
            svg.text("\(column.label): \(column.count)")
            svg.raw("</title></rect>")
        }
        // About six evenly spaced axis labels, always the first and the last.
        let every = max(1, Int((Double(columns.count) / 6).rounded(.up)))
        for (index, column) in columns.enumerated() where index % every == 0 || index == columns.count - 1 {
            if index != columns.count - 1 && columns.count - 1 - index < every / 2 { continue }
            let x = 10 + (Double(index) + 0.5) * step
            let anchor = index == 0 ? "start" : index == columns.count - 1 ? "end" : "middle"
            let labelX = index == 0 ? 10 : index == columns.count - 1 ? Double(width - 10) : x
            svg.raw(
                "<line x1=\"\(format(x))\" y1=\"\(plotBottom)\" x2=\"\(format(x))\""
                    + " y2=\"\(plotBottom + 4)\" class=\"axis\"/>"
            )
            svg.raw("<text x=\"\(format(labelX))\" y=\"\(height - 6)\" text-anchor=\"\(anchor)\" class=\"cv\">")
            svg.text(column.label)
            svg.raw("</text>")
        }
        svg.raw("<text x=\"10\" y=\"10\" class=\"cv\">peak ")
        svg.number(maximum)
        svg.raw("</text></svg>")
        return svg.string
    }

    private static func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}
