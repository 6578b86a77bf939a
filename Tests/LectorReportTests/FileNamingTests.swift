import Testing

@testable import LectorReport

@Suite struct FileNamingTests {
    @Test(arguments: [
        "../../etc/passwd", "/absolute/path.html", "..", ".", "", ".hidden", "a/b", "a\\b", "feed.xml#12",
        "\"><img src=x onerror=alert(1)>", "名前/記事.html", String(repeating: "long-", count: 60),
    ])
    func stemsStayInsideTheirFolder(_ id: String) {
        let stem = FileNaming.stem(for: id)
        #expect(!stem.contains("/") && !stem.contains("\\"))
        #expect(!stem.hasPrefix("."))
        #expect(stem.utf8.count <= FileNaming.slugLimit + 17)
        #expect(stem.utf8.allSatisfy { $0 < 0x80 && $0 > 0x20 })
    }

    @Test func idsThatSlugAlikeGetDifferentStems() {
        let ids = ["a/b", "a?b", "A/B", "a b", "a--b"]
        #expect(Set(ids.map { FileNaming.slug($0) }).count == 1)
        #expect(Set(ids.map { FileNaming.stem(for: $0) }).count == ids.count)
    }

    @Test func stemsAreStableAcrossRuns() {
        #expect(FileNaming.stem(for: "news/a.html") == "news-a.html-\(FileNaming.hex(FileNaming.hash("news/a.html")))")
        #expect(FileNaming.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FileNaming.hash("a") == 0xaf63_dc4c_8601_ec8c)
    }
}
