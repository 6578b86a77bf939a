import Foundation
import Testing

@testable import LectorStages
@testable import LectorEval

/// Training on a small generated corpus (no development data needed): both tag encodings must
/// learn names that only context and spelling reveal, and generalise to unseen ones.
@Suite("Entity trainer on generated data")
struct EntityTrainerTests {
    static let people = ["Anna Berg", "Tom Rhee", "Lisa Okafor", "Marco Vidal", "Ines Moreau", "Paul Sato"]
    static let firms = [
        "Norvik Bank", "Delta Mills Corp", "Halden Group", "Sorel Motors", "Brava Steel Corp", "Kelso Foods Group",
    ]
    static let places = ["Tarvos", "Lindmoor", "Calder", "Ostrava"]

    /// "X said on Monday that Y will open in Z ." with generated names.
    static func corpus(people: [String], firms: [String], places: [String], count: Int) -> CoNLLCorpus {
        var lines: [String] = []
        for index in 0..<count {
            if index % 5 == 0 { lines += ["-DOCSTART- O", ""] }
            let person = people[index % people.count].split(separator: " ")
            let firm = firms[(index / 2) % firms.count].split(separator: " ")
            let place = places[(index / 3) % places.count]
            for (offset, word) in person.enumerated() { lines.append("\(word) \(offset == 0 ? "B" : "I")-PER") }
            lines += ["said O", "on O", "Monday O", "that O"]
            for (offset, word) in firm.enumerated() { lines.append("\(word) \(offset == 0 ? "B" : "I")-ORG") }
            lines += ["will O", "open O", "in O", "\(place) B-LOC", ". O", ""]
        }
        return CoNLLCorpus(text: lines.joined(separator: "\n"))
    }

    static func train(scheme: EntityTagSet.Scheme, typeSharing: Bool) -> Double {
        let train = corpus(people: people, firms: firms, places: places, count: 72)
        let unseen = corpus(
            people: ["Olga Petrova", "Sam Adler"], firms: ["Kestrel Bank", "Umber Mills Corp"],
            places: ["Brisk", "Pellham"], count: 12)
        var settings = EntityTrainer.Settings()
        settings.epochs = 4
        settings.minimumFeatureCount = 1
        settings.typeSharing = typeSharing
        let trainer = EntityTrainer(settings: settings, tagSet: EntityTagSet.conll.with(scheme: scheme))
        let model = trainer.train(train: train, dev: unseen, clusters: WordClusters(), notes: "")
        #expect(model.tagSet.scheme == scheme)
        return EntityTrainer.evaluate(model: model, on: unseen).micro.f1
    }

    @Test(
        "Both encodings, with and without type sharing, learn the pattern and tag unseen names",
        arguments: EntityTagSet.Scheme.allCases, [false, true])
    func learnsUnseenNames(scheme: EntityTagSet.Scheme, typeSharing: Bool) {
        let f1 = Self.train(scheme: scheme, typeSharing: typeSharing)
        #expect(f1 > 0.9, "F1 \(f1) on unseen names with \(scheme), type sharing \(typeSharing)")
    }
}
