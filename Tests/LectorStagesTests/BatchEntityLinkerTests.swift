import Foundation
import Testing

@testable import LectorStages

@Suite("Entities across documents")
struct BatchEntityLinkerTests {
    typealias Names = [(name: String, label: String)]

    func link(_ documents: [Names], options: BatchEntityLinker.Options = .init()) -> BatchEntityLinks {
        BatchEntityLinker(options: options).link(documents.map { EntityMentionSummary(names: $0) })
    }

    /// The batch entity id of `name` in document `document`.
    func id(_ links: BatchEntityLinks, _ documents: [Names], _ document: Int, _ name: String, _ label: String) -> Int? {
        let summary = EntityMentionSummary(names: documents[document])
        return summary.index(name: name, label: label).map { links.ids[document][$0] }
    }

    @Test("Case variants of a place are one entity, named in mixed case")
    func caseVariants() {
        let documents: [Names] = [[("LEEDS", "LOC")], [("Leeds", "LOC"), ("Leeds", "LOC")], [("leeds", "LOC")]]
        let links = link(documents)
        #expect(links.ids == [[0], [0], [0]])
        #expect(links.entities.count == 1)
        #expect(links.entities[0].name == "Leeds")
        #expect(links.entities[0].documents == 3)
        #expect(links.entities[0].mentions == 4)
    }

    @Test("The same name with different labels stays apart")
    func labelsKeptApart() {
        let links = link([[("Jordan", "LOC")], [("Jordan", "PER")]])
        #expect(links.ids == [[0], [1]])
    }

    @Test("A surname links to the one full name of the batch, in either order")
    func surnameLinks() {
        let before = link([[("Putin", "PER")], [("Vladimir Putin", "PER")], [("President Putin", "PER")]])
        #expect(before.ids == [[0], [0], [0]])
        #expect(before.entities[0].name == "Vladimir Putin")
        let after = link([[("Vladimir Putin", "PER")], [("PUTIN", "PER")]])
        #expect(after.ids == [[0], [0]])
    }

    @Test("A surname shared by two people in the batch is linked to neither")
    func surnameTrap() {
        let documents: [Names] = [
            [("Ed Miliband", "PER"), ("Labour", "ORG")],
            [("David Miliband", "PER"), ("Labour", "ORG")],
            [("Miliband", "PER")],
        ]
        let links = link(documents)
        let ed = id(links, documents, 0, "Ed Miliband", "PER")
        let david = id(links, documents, 1, "David Miliband", "PER")
        let surname = id(links, documents, 2, "Miliband", "PER")
        #expect(ed != david)
        #expect(surname != ed && surname != david)
    }

    @Test("Document context links an ambiguous surname only when its other entities point at one person")
    func contextLinks() {
        let documents: [Names] = [
            [("Ed Miliband", "PER"), ("Doncaster", "LOC"), ("Energy Department", "ORG")],
            [("David Miliband", "PER"), ("South Shields", "LOC"), ("Foreign Office", "ORG")],
            [("Miliband", "PER"), ("Doncaster", "LOC"), ("Energy Department", "ORG")],
            [("Miliband", "PER"), ("Labour", "ORG")],
        ]
        let links = link(documents)
        let ed = id(links, documents, 0, "Ed Miliband", "PER")
        #expect(id(links, documents, 2, "Miliband", "PER") == ed)
        let unresolved = id(links, documents, 3, "Miliband", "PER")
        #expect(unresolved != ed && unresolved != id(links, documents, 1, "David Miliband", "PER"))
        let off = link(documents, options: .init(contextLinks: false))
        #expect(id(off, documents, 2, "Miliband", "PER") != id(off, documents, 0, "Ed Miliband", "PER"))
    }

    @Test("A full name never links to a longer one that only adds an initial")
    func initialsKeepPeopleApart() {
        let documents: [Names] = [[("George Bush", "PER")], [("George W. Bush", "PER")], [("Bush", "PER")]]
        let links = link(documents)
        #expect(links.ids[0] != links.ids[1])
        #expect(links.ids[2] != links.ids[0] && links.ids[2] != links.ids[1])
    }

    @Test("A first name alone does not link across documents")
    func firstNamesStayApart() {
        let links = link([[("Vladimir Putin", "PER")], [("Vladimir", "PER")]])
        #expect(links.ids == [[0], [1]])
    }

    @Test("An acronym links to the one name its initials spell; titles and company forms are dropped")
    func acronymsAndForms() {
        let documents: [Names] = [
            [("United Nations", "ORG"), ("Barclays plc", "ORG")], [("UN", "ORG"), ("Barclays", "ORG")],
            [("the U.N.", "ORG")],
        ]
        let links = link(documents)
        #expect(links.ids[0] == [0, 1])
        #expect(links.ids[1] == [0, 1])
        #expect(links.ids[2] == [0])
    }

    @Test("An acronym spelling two different names stays apart")
    func ambiguousAcronym() {
        let links = link([[("Bank of England", "ORG")], [("British Embassy", "ORG")], [("BE", "ORG")]])
        #expect(Set(links.ids.map { $0[0] }).count == 3)
    }

    @Test("Ids follow input order and do not depend on the order summaries were made")
    func deterministicIDs() {
        let documents: [Names] = [
            [("Leeds", "LOC"), ("Angela Merkel", "PER")], [("Merkel", "PER"), ("LEEDS", "LOC")],
            [("Berlin", "LOC")], [("Paris", "LOC"), ("Berlin", "LOC")],
        ]
        // Summaries made out of order (as lanes finish), placed back in input order.
        var summaries = [EntityMentionSummary](repeating: EntityMentionSummary(), count: documents.count)
        for index in documents.indices.reversed() { summaries[index] = EntityMentionSummary(names: documents[index]) }
        let first = BatchEntityLinker().link(summaries)
        let again = BatchEntityLinker().link(documents.map { EntityMentionSummary(names: $0) })
        #expect(first == again)
        #expect(first.ids == [[0, 1], [1, 0], [2], [3, 2]])
    }

    @Test("The clusters do not depend on document order, only the ids' numbering does")
    func partitionUnderPermutation() {
        let documents: [Names] = [
            [("Vladimir Putin", "PER")], [("Putin", "PER"), ("Kremlin", "ORG")], [("Ed Miliband", "PER")],
            [("David Miliband", "PER")], [("Miliband", "PER")], [("LEEDS", "LOC")], [("Leeds", "LOC")],
        ]
        func partition(_ order: [Int]) -> Set<Set<String>> {
            let ordered = order.map { documents[$0] }
            let links = link(ordered, options: .init(contextLinks: false))
            var groups: [Int: Set<String>] = [:]
            for (position, names) in ordered.enumerated() {
                for (offset, name) in names.enumerated() {
                    groups[links.ids[position][offset], default: []].insert("\(order[position]):\(name.name)")
                }
            }
            return Set(groups.values)
        }
        let reference = partition(Array(documents.indices))
        #expect(partition(Array(documents.indices.reversed())) == reference)
        #expect(partition([3, 0, 6, 1, 5, 2, 4]) == reference)
    }

    @Test("Empty documents and names without letters are harmless")
    func badInput() {
        let documents: [Names] = [[], [("", "PER"), ("  ", "ORG"), ("—", "LOC")], [("'s", "PER")], [("Leeds", "LOC")]]
        let links = link(documents)
        #expect(links.ids[0].isEmpty)
        #expect(links.ids[1].isEmpty)
        #expect(links.ids[3] == [links.entities.count - 1])
        #expect(BatchEntityLinker().link([]).entities.isEmpty)
    }
}

extension BatchEntityLinkerTests {
    @Test("A one-word organisation links to the one longer organisation it begins; places do not")
    func organisationHeads() {
        let documents: [Names] = [
            [("Northwind Energy plc", "ORG"), ("Jordan River", "LOC")], [("NORTHWIND", "ORG"), ("Jordan", "LOC")],
            [("Castle", "ORG"), ("Castle Bank", "ORG"), ("Castle Hotels", "ORG")],
        ]
        let links = link(documents)
        #expect(links.ids[1][0] == links.ids[0][0])
        #expect(links.ids[1][1] != links.ids[0][1])
        #expect(Set(links.ids[2]).count == 3)
    }
}

extension BatchEntityLinkerTests {
    @Test("One place or organisation under two labels is one entity; persons never merge across labels")
    func labelVariants() {
        let documents: [Names] = [[("Wimbledon", "LOC")], [("Wimbledon", "MISC")], [("Jordan", "LOC")], [("Jordan", "PER")]]
        let merged = link(documents)
        #expect(merged.ids[0] == merged.ids[1])
        #expect(merged.entities[merged.ids[0][0]].label == "LOC")
        #expect(merged.ids[2] != merged.ids[3])
        let apart = link(documents, options: .init(mergeLabels: false))
        #expect(apart.ids[0] != apart.ids[1])
    }

    @Test("Collapsing spaces gives the words joined by single spaces, with or without the fast path")
    func collapseSpaces() {
        let names = [
            "Vladimir Putin", "Leeds", "", " Leeds", "Leeds ", "New  York", "New\tYork", "Zoë Ball",
            "São\u{00A0}Paulo", "A\r\nB", "  ", "O'Neil-Smith Jr.", "Ünal  Aksoy ",
        ]
        for name in names {
            let reference = name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(BatchEntityName.collapseSpaces(name) == reference, "\(name.debugDescription)")
        }
    }
}
