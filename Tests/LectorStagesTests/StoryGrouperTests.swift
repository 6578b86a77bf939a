import Testing

@testable import LectorStages

@Suite("Stories across the batch")
struct StoryGrouperTests {
    static let floodA = """
        Flood defences along the Severn were raised overnight as forecasters warned of a second storm. \
        Shrewsbury council said three hundred homes had been evacuated near the Severn. Engineers worked \
        through the night to shore up the embankment. The Environment Agency expects the Severn to peak on \
        Wednesday, with more rain and flooding forecast.
        """
    static let floodB = """
        Residents of Shrewsbury returned to flooded homes as the Severn began to fall. The Environment Agency \
        said the embankment held, though the flood defences were tested by the storm. Evacuated families \
        were told the river would stay high until the weekend, with more rain forecast.
        """
    static let election = """
        Voters in the mayoral election chose a new council leader after a campaign dominated by housing and \
        transport. Turnout rose to forty per cent. The winning candidate promised cheaper bus fares, a \
        tram extension and more social housing within four years.
        """
    static let football = """
        United won the cup final with a late penalty after extra time at Wembley. The striker scored twice \
        and the goalkeeper saved a penalty in the first half. Supporters celebrated the club's first trophy \
        in a decade.
        """

    func summary(_ text: String, _ names: [(name: String, label: String)] = [], date: String? = nil) -> StorySummary {
        StorySummary(text: text, names: names, date: date)
    }

    var floodNames: [(name: String, label: String)] {
        [("Severn", "LOC"), ("Shrewsbury", "LOC"), ("Environment Agency", "ORG")]
    }

    @Test("Two reports of the same flood form one story; unrelated stories stay apart")
    func sameEventGrouped() {
        let summaries = [
            summary(Self.floodA, floodNames), summary(Self.election), summary(Self.floodB, floodNames),
            summary(Self.football, [("Wembley", "LOC")]),
        ]
        let (ids, stories) = StoryGrouper().group(summaries)
        #expect(ids == [0, 1, 0, 2])
        #expect(stories.map(\.documents) == [[0, 2], [1], [3]])
    }

    @Test("Documents far apart in time are different stories")
    func datesSeparate() {
        let summaries = [
            summary(Self.floodA, floodNames, date: "2024-02-01"),
            summary(Self.floodB, floodNames, date: "2024-02-02T10:00:00Z"),
            summary(Self.floodB, floodNames, date: "2024-11-20"),
        ]
        let (ids, stories) = StoryGrouper().group(summaries)
        #expect(ids == [0, 0, 1])
        #expect(stories[0].firstDay == StorySummary.day(iso: "2024-02-01"))
        #expect(stories[0].lastDay == StorySummary.day(iso: "2024-02-02"))
    }

    @Test("ISO days count from 1970-01-01; other forms are no date")
    func isoDays() {
        #expect(StorySummary.day(iso: "1970-01-01") == 0)
        #expect(StorySummary.day(iso: "2000-03-01") == 11_017)
        #expect(StorySummary.day(iso: "1969-12-31") == -1)
        #expect(StorySummary.day(iso: "5 March 2024") == nil)
        #expect(StorySummary.day(iso: "2024-13-01") == nil)
        #expect(StorySummary.day(iso: "") == nil)
    }

    @Test("A duplicate joins its original's story")
    func duplicatesJoinOriginal() {
        let summaries = [summary(Self.floodA, floodNames), summary(Self.football), summary(Self.election)]
        let (ids, _) = StoryGrouper().group(summaries, duplicateOf: [nil, nil, 0])
        #expect(ids == [0, 1, 0])
    }

    @Test("Story ids follow input order and repeat exactly")
    func deterministic() {
        let summaries = [
            summary(Self.football), summary(Self.floodA, floodNames), summary(Self.election),
            summary(Self.floodB, floodNames),
        ]
        let first = StoryGrouper().group(summaries)
        let second = StoryGrouper().group(summaries)
        #expect(first.ids == second.ids)
        #expect(first.ids == [0, 1, 2, 1])
    }

    @Test("Empty documents are stories of their own and never crash the reduce")
    func emptyDocuments() {
        let summaries = [summary(""), summary("   "), summary(Self.floodA, floodNames), summary("")]
        let (ids, stories) = StoryGrouper().group(summaries)
        #expect(ids == [0, 1, 2, 3])
        #expect(stories.count == 4)
        #expect(StoryGrouper().group([]).ids.isEmpty)
        #expect(summary("").terms.isEmpty && summary("").entities.isEmpty)
    }

    @Test("A person counts by surname, so full and short names meet")
    func surnameKeys() {
        #expect(StorySummary.entityKey(name: "Vladimir Putin", label: "PER") == StorySummary.entityKey(name: "PUTIN", label: "PER"))
        #expect(StorySummary.entityKey(name: "Leeds", label: "LOC") != StorySummary.entityKey(name: "Leeds", label: "ORG"))
    }
}

extension StoryGrouperTests {
    @Test("A term in every document of a large batch neither groups them nor hides the pairs that share rare terms")
    func commonFeaturesLeftOutOfTheIndex() {
        let common: UInt64 = 0xC0FFEE
        let summaries = (0..<1_200).map { index -> StorySummary in
            let pair = UInt64(index / 2)
            let shared = (0..<10).map { pair &* 1_000 &+ UInt64($0) &+ 1_000_000 }
            let own = (0..<9).map { UInt64(index) &* 1_000 &+ UInt64($0) &+ 9_000_000_000 }
            return StorySummary(terms: [common] + shared + own, entities: [], day: nil)
        }
        let (ids, stories) = StoryGrouper().group(summaries)
        #expect(stories.count == 600)
        #expect((0..<600).allSatisfy { ids[2 * $0] == ids[2 * $0 + 1] })
    }
}
