import Foundation
import LectorCore
import Testing

@testable import LectorReport

/// index.html, document pages and entity pages: they parse, escape, and link to files that exist.
@Suite struct ReportPagesTests {
    let report: URL

    init() throws {
        var options = ReportOptions()
        options.rowsPerDataFile = 2
        report = try SampleCorpus.writeReport(
            to: SampleCorpus.temporaryDirectory().appendingPathComponent("report"), options: options)
    }

    var pages: [String] { SampleCorpus.files(in: report).filter { $0.hasSuffix(".html") } }

    @Test func reportHasIndexDocumentPagesAndEntityPages() throws {
        let pages = pages
        #expect(pages.contains("index.html"))
        #expect(pages.filter { $0.hasPrefix("documents/") }.count == 3)
        // Zoë Müller, Café Zoë, Acme Holdings AG, Zürich, Basel, Evil Corp, the two hostile ones, the MISC one,
        // each a section of the page of its bucket.
        let entityPages = pages.filter { $0.hasPrefix("entities/") }
        #expect(!entityPages.isEmpty && entityPages.count <= 9)
        var sections: [String] = []
        for page in entityPages {
            let parsed = try? HTMLPage(report.appendingPathComponent(page))
            let articles = parsed?.all("article").filter { $0.attributes["class"] == "entity" } ?? []
            for article in articles {
                sections.append(article.attributes["id"] ?? "")
            }
        }
        #expect(sections.count == 9)
        #expect(Set(sections).count == 9)
    }

    @Test func entitySectionsLiveOnThePageTheirKeyNames() throws {
        for key in [EntityKey(label: "ORG", name: "Acme Holdings AG", buckets: 1024), EntityKey(label: "LOC", name: "Basel", buckets: 1024)] {
            let page = try HTMLPage(report.appendingPathComponent("entities/\(key.page).html"))
            #expect(page.ids.contains(key.anchor))
            #expect(key.href == "\(key.page).html#\(key.anchor)")
        }
    }

    @Test func everyPageParsesWithoutErrors() throws {
        for page in pages {
            let parsed = try HTMLPage(report.appendingPathComponent(page))
            #expect(parsed.errors.isEmpty, "\(page): \(parsed.errors)")
            #expect(parsed.all("head").first?.text.isEmpty == false, "\(page)")
        }
    }

    @Test func hostileStringsShowAsTextAndNeverAsMarkup() throws {
        for page in pages {
            let parsed = try HTMLPage(report.appendingPathComponent(page))
            #expect(parsed.all("img").isEmpty, "\(page)")
            #expect(parsed.all("b").isEmpty, "\(page)")
            for element in parsed.elements {
                #expect(
                    !element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "\(page): \(element.name)")
            }
            // Only the project's own scripts: none on content pages, two on the index, none with hostile text.
            let scripts = parsed.all("script")
            #expect(scripts.count == (page == "index.html" ? 2 : 0), "\(page)")
            for script in scripts {
                #expect(!script.text.lowercased().contains("<script"), "\(page)")
                #expect(!script.text.lowercased().contains("</script"), "\(page)")
            }
        }
        let hostile = try #require(pages.first { $0.hasPrefix("documents/etc-img-src-x-onerror-alert-4-script") })
        let text = try HTMLPage(report.appendingPathComponent(hostile)).bodyText
        #expect(
            text.contains(
                "<script>alert(1)</script> opened \"><img src=x onerror=alert(2)> at </script><script>alert(3)</script>"
            ))
        #expect(text.contains("</script><script>alert(9)</script>"))
        #expect(text.contains("odd <markup> & stuff"))
        let title = try #require(try HTMLPage(report.appendingPathComponent(hostile)).all("title").first)
        #expect(title.text == "</title><script>alert(7)</script> — Lector")
    }

    @Test func scriptDataCannotCloseItsScriptElement() throws {
        let index = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        let start = try #require(index.range(of: "var LECTOR_TABLE = "))
        let end = try #require(index[start.upperBound...].range(of: ";\n</script>"))
        let json = String(index[start.upperBound..<end.lowerBound])
        #expect(!json.contains("<"))
        let config = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((config["formats"] as? [String])?.contains("</script><script>alert(6)</script>") == true)
        #expect(config["total"] as? Int == 3)
        #expect(config["chunks"] as? Int == 2)
    }

    @Test func indexDataFilesArePagedAndHoldEveryRow() throws {
        var ids: [String] = []
        for chunk in 0..<2 {
            let name = "data/\(ReportWriter.dataFileName(chunk))"
            let script = try String(contentsOf: report.appendingPathComponent(name), encoding: .utf8)
            #expect(script.hasPrefix("lectorRows(\(chunk),"))
            #expect(script.hasSuffix(");\n"))
            #expect(!script.contains("<"))
            let json = script.dropFirst("lectorRows(\(chunk),".count).dropLast(3)
            let rows = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]])
            #expect(rows.count == (chunk == 0 ? 2 : 1))
            for row in rows {
                let stem = try #require(row[0] as? String)
                #expect(
                    FileManager.default.fileExists(atPath: report.appendingPathComponent("documents/\(stem).html").path)
                )
                ids.append(try #require(row[7] as? String))
            }
        }
        #expect(ids == ["news/café-zoë.html", "feeds/business.xml#1", SampleCorpus.hostile().id])
    }

    @Test func linksAndAnchorsResolve() throws {
        var idsByPage: [String: Set<String>] = [:]
        func ids(of page: String) throws -> Set<String> {
            if let known = idsByPage[page] { return known }
            let found = try HTMLPage(report.appendingPathComponent(page)).ids
            idsByPage[page] = found
            return found
        }
        var checked = 0
        for page in pages {
            let parsed = try HTMLPage(report.appendingPathComponent(page))
            let folder = (page as NSString).deletingLastPathComponent
            for element in parsed.elements {
                for attribute in ["href", "src"] {
                    guard let link = element.attributes[attribute] else { continue }
                    #expect(
                        !link.contains("://") && !link.hasPrefix("//") && !link.lowercased().hasPrefix("javascript:"),
                        "\(page): \(link)")
                    let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(
                        String.init)
                    let target =
                        parts[0].isEmpty
                        ? page : ((folder as NSString).appendingPathComponent(parts[0]) as NSString).standardizingPath
                    #expect(!target.hasPrefix(".."), "\(page): \(link) leaves the report")
                    #expect(
                        FileManager.default.fileExists(atPath: report.appendingPathComponent(target).path),
                        "\(page): \(link)")
                    if parts.count == 2, !parts[1].isEmpty, target.hasSuffix(".html") {
                        #expect(try ids(of: target).contains(parts[1]), "\(page): \(link)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }

    @Test func documentPageHighlightsEntitiesWithLegendAndSentences() throws {
        let stem = FileNaming.stem(for: "news/café-zoë.html")
        let page = try HTMLPage(report.appendingPathComponent("documents/\(stem).html"))
        let marks = page.elements.filter {
            ($0.attributes["class"] ?? "").hasPrefix("e e-") && $0.attributes["id"] != nil
        }
        #expect(marks.count == 11)
        // Value entities (money, dates) are highlighted but have no entity page.
        let money = try #require(marks.first { $0.text.hasPrefix("CHF 3.5 million") })
        #expect(money.name == "mark")
        let person = try #require(marks.first { $0.text.hasPrefix("Zoë Müller") })
        #expect(person.name == "a")
        #expect(person.attributes["href"] == "../entities/\(EntityKey(label: "PER", name: "Zoë Müller", buckets: 1024).href)")
        let sentences = page.elements.filter { $0.attributes["class"] == "s" }
        #expect(sentences.count == 5)
        #expect(sentences[2].attributes["title"] == "Sentence 3")
        let legend = try #require(page.elements.first { $0.attributes["class"] == "legend" })
        #expect(legend.text.contains("PER 2"))
        #expect(legend.text.contains("ORG 3"))
        let summaryLinks = page.all("a").filter { $0.attributes["href"]?.hasPrefix("#s") == true }
        #expect(summaryLinks.map { $0.attributes["href"] } == ["#s1", "#s4"])
    }

    @Test func entityPageListsMentionsDocumentsAndCooccurringEntities() throws {
        let key = EntityKey(label: "ORG", name: "Acme Holdings AG", buckets: 1024)
        let page = try HTMLPage(report.appendingPathComponent("entities/\(key.page).html"))
        let start = try #require(page.elements.firstIndex { $0.attributes["id"] == key.anchor })
        let end = page.elements[(start + 1)...].firstIndex { $0.name == "article" } ?? page.elements.endIndex
        let section = page.elements[start..<end]
        #expect(section.first { $0.name == "h1" }?.text.hasPrefix("Acme Holdings AG") == true)
        #expect(section.first?.text.contains("3 mentions in 2 documents") == true)
        let snippets = section.filter { $0.attributes["class"] == "snippet" }
        #expect(snippets.count == 2)
        let cooccurring = try #require(section.first { $0.attributes["class"] == "card cooccurring" })
        // Basel and Zoë Müller share both documents; Zürich and Café Zoë only the first.
        let text = cooccurring.text
        let basel = try #require(text.range(of: "Basel 2 docs"))
        let person = try #require(text.range(of: "Zoë Müller 2 docs"))
        let zurich = try #require(text.range(of: "Zürich 1 doc"))
        #expect(basel.lowerBound < zurich.lowerBound && person.lowerBound < zurich.lowerBound)
    }

    @Test func indexShowsRunSummaryChartsTimelineAndFailures() throws {
        let page = try HTMLPage(report.appendingPathComponent("index.html"))
        #expect(page.all("svg").count == 1 + 5 + 1)  // stages, five labels (one hostile), timeline
        let timeline = try #require(page.elements.first { $0.attributes["id"] == "timeline" })
        #expect(timeline.text.contains("2 of 3 documents dated, 2024-03-04 to 2024-03-05, per day"))
        let failed = try #require(page.elements.first { $0.attributes["id"] == "failed" })
        #expect(failed.text.contains("broken/<b>bad</b>.bin"))
        #expect(failed.text.contains("not a text document: \"<script>alert(12)</script>\""))
        let run = try #require(page.elements.first { $0.attributes["id"] == "run" })
        #expect(run.text.contains("20 ms"))
        #expect(run.text.contains("4 KB read"))
        #expect(run.text.contains("200"))
    }
}

/// The page checker itself: it must see real markup errors, or "parses without errors" proves nothing.
@Suite struct HTMLPageCheckerTests {
    @Test func checkerReportsMisnestedMarkup() throws {
        let file = try SampleCorpus.temporaryDirectory().appendingPathComponent("bad.html")
        try Data("<!DOCTYPE html><html><head><title>x</title></head><body><p>a</div></span></body></html>".utf8).write(
            to: file)
        #expect(!(try HTMLPage(file).errors.isEmpty))
    }
}

/// A document that only went through a reader (no sentences, entities or summary) still gets
/// well-formed pages.
@Suite struct LayerlessReportTests {
    @Test func pagesOfALayerlessDocumentParseAndLinksResolve() throws {
        let document = Document(
            id: "plain/notes.txt", source: "in/plain/notes.txt", format: "text", text: "Just text.\n\nTwo paragraphs.")
        let report = try SampleCorpus.writeReport(
            to: SampleCorpus.temporaryDirectory().appendingPathComponent("r"), sources: [[.processed(document)]])
        let pages = SampleCorpus.files(in: report).filter { $0.hasSuffix(".html") }
        #expect(pages.count == 2)
        for page in pages {
            let parsed = try HTMLPage(report.appendingPathComponent(page))
            #expect(parsed.errors.isEmpty, "\(page): \(parsed.errors)")
            for element in parsed.elements {
                guard let link = element.attributes["href"], !link.hasPrefix("#") else { continue }
                let file = String(link.split(separator: "#", omittingEmptySubsequences: false)[0])
                let folder = report.appendingPathComponent(page).deletingLastPathComponent()
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(page): \(link)")
            }
        }
        let index = try HTMLPage(report.appendingPathComponent("index.html"))
        #expect(index.elements.first { $0.attributes["id"] == "timeline" } == nil)
        #expect(index.elements.first { $0.attributes["id"] == "entities" } == nil)
    }
}
