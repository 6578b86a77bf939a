import Foundation
import Testing

@testable import LectorCore

/// A key is SHA-256 over length-prefixed fields: the same fields give the same key however they are
/// fed, and moving bytes between fields changes it.
@Test func keyHasherFramesEachField() {
    func key(_ fields: [String]) -> CacheKey {
        var hasher = KeyHasher()
        for field in fields { hasher.add(field) }
        return hasher.finish()
    }
    #expect(key(["ab", "c"]) == key(["ab", "c"]))
    #expect(key(["ab", "c"]) != key(["a", "bc"]))
    #expect(key(["abc"]) != key(["ab", "c"]))
    var bytes = KeyHasher()
    bytes.add(Array("ab".utf8))
    bytes.add(Array("c".utf8))
    #expect(bytes.finish() == key(["ab", "c"]))
    // SHA-256 of the framed input: 8-byte little-endian length, then the bytes ("abc" → 03 00 … 00 61 62 63).
    #expect(key(["abc"]).description == "ce91dc5eec0139adf091900d225971d6ad246a845bad791b5693a9d0d55dd391")
}

private func outcomes(_ id: String, text: String) -> [DocumentOutcome] {
    var document = Document(id: id, source: id, format: "text", text: text)
    document.set([Annotation(0, 3, label: "X")], for: .entity)
    return [.processed(document)]
}

@Test func logAnswersWhatItStoredAcrossReopening() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lector-log-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let fingerprint = CacheFingerprint(configuration: "c", files: [], version: "t")
    var hasher = KeyHasher()
    hasher.add("one")
    let one = hasher.finish()
    var other = KeyHasher()
    other.add("two")
    let two = other.finish()
    do {
        let log = try OutcomeLog(directory: directory, fingerprint: fingerprint)
        #expect(log.load(one) == nil)
        log.store(outcomes("a", text: "Alpha"), for: one)
        log.store(outcomes("b", text: "Beta"), for: two)
        log.store(outcomes("a", text: "Alpha"), for: one)
        guard case .processed(let document) = log.load(two)?.first else {
            Issue.record("no entry for two")
            return
        }
        #expect(document.text == "Beta")
    }
    let reopened = try OutcomeLog(directory: directory, fingerprint: fingerprint)
    #expect(reopened.count == 2, "storing an indexed key again adds nothing")
    guard case .processed(let document) = reopened.load(one)?.first else {
        Issue.record("no entry for one after reopening")
        return
    }
    #expect(document.annotations(.entity) == [Annotation(0, 3, label: "X")])
    let recordOnly = try OutcomeLog(directory: directory, fingerprint: fingerprint, answers: false)
    #expect(recordOnly.load(one) == nil)
}

@Test func tornIndexTailAndDamagedRecordsAreMisses() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lector-log-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let fingerprint = CacheFingerprint(configuration: "c", files: [], version: "t")
    var keys: [CacheKey] = []
    do {
        let log = try OutcomeLog(directory: directory, fingerprint: fingerprint)
        for index in 0..<4 {
            var hasher = KeyHasher()
            hasher.add("k\(index)")
            keys.append(hasher.finish())
            log.store(outcomes("d\(index)", text: "Document \(index)"), for: keys[index])
        }
    }
    // A kill mid-write: the index ends in half an entry; the last record is cut short.
    let index = directory.appendingPathComponent("outcomes.idx")
    let bytes = try Data(contentsOf: index)
    try bytes.prefix(bytes.count - 20).write(to: index)
    let logURL = directory.appendingPathComponent("outcomes.log")
    let log = try Data(contentsOf: logURL)
    var damaged = log
    damaged[damaged.count - 30] = UInt8(ascii: "{")  // breaks record 3's JSON but keeps its length
    try damaged.write(to: logURL)
    let reopened = try OutcomeLog(directory: directory, fingerprint: fingerprint)
    #expect(reopened.count == 3)
    #expect(reopened.load(keys[0]) != nil)
    #expect(reopened.load(keys[3]) == nil)
}

@Test func fingerprintCoversTheContentsOfReferencedFiles() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lector-fp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let gazetteer = directory.appendingPathComponent("names.tsv")
    try Data("Anna\tPER\n".utf8).write(to: gazetteer)
    let location = ConfigLocation(file: "p.yaml", line: 1)
    let node = ConfigNode(
        .map([
            ConfigNode.Entry(
                key: "path", keyLocation: location, value: ConfigNode(.scalar("names.tsv", quoted: false), at: location)),
            ConfigNode.Entry(
                key: "label", keyLocation: location, value: ConfigNode(.scalar("PER", quoted: false), at: location)),
        ]), at: location)
    let files = node.referencedFiles(relativeTo: directory)
    #expect(files.map(\.lastPathComponent) == ["names.tsv"])
    let before = CacheFingerprint(configuration: "same", files: files, version: "1")
    #expect(before == CacheFingerprint(configuration: "same", files: files, version: "1"))
    try Data("Anna\tPER\nBerlin\tLOC\n".utf8).write(to: gazetteer)
    let after = CacheFingerprint(configuration: "same", files: files, version: "1")
    #expect(before.digest != after.digest)
    #expect(after.digest != CacheFingerprint(configuration: "same", files: files, version: "2").digest)
}
