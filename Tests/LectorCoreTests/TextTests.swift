import Foundation
import Testing

@testable import LectorCore

@Test func scalarOffsetsCountCodePoints() {
    let text = "Zoë 👋 met Łódź."
    let map = ScalarOffsetMap(text)
    let bytes = Array(text.utf8)
    // "met" starts after "Zoë 👋 " = 6 scalars; in bytes: Z o ë(2) space 👋(4) space = 10.
    let metByte = 10
    #expect(String(decoding: bytes[metByte..<metByte + 3], as: UTF8.self) == "met")
    #expect(map.scalarOffset(ofByte: metByte) == 6)
    #expect(map.utf16Offset(ofByte: metByte) == 7)
    #expect(map.byteOffset(ofScalar: 6) == metByte)
    #expect(map.byteOffset(ofUTF16: 7) == metByte)
    #expect(map.byteOffset(ofUTF16: 5) == nil)  // inside the surrogate pair of 👋
    #expect(map.scalarOffset(ofByte: bytes.count) == text.unicodeScalars.count)
    #expect(map.byteOffset(ofScalar: text.unicodeScalars.count + 1) == nil)
}

@Test func jsonWriterEscapesForScriptEmbedding() {
    var writer = JSONWriter()
    writer.beginObject()
    writer.field("a", "</script><b>\"x\"\n\u{2028}&")
    writer.field("n", 0.5)
    writer.field("k", 3)
    writer.endObject()
    #expect(writer.string == #"{"a":"\u003c/script\u003e\u003cb\u003e\"x\"\n\u2028\u0026","n":0.5,"k":3}"#)
    let decoded = try? JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any]
    #expect(decoded?["a"] as? String == "</script><b>\"x\"\n\u{2028}&")
}

@Test func jsonWriterNestsArraysAndObjects() {
    var writer = JSONWriter()
    writer.beginArray()
    writer.beginArray()
    writer.value(1)
    writer.value(2)
    writer.endArray()
    writer.beginObject()
    writer.field("m", ["b": "2", "a": "1"])
    writer.endObject()
    writer.null()
    writer.endArray()
    #expect(writer.string == #"[[1,2],{"m":{"a":"1","b":"2"}},null]"#)
}

@Test func numbersAreFormattedDeterministically() {
    #expect(JSONWriter.format(2) == "2")
    #expect(JSONWriter.format(1.0 / 3.0) == "0.333333")
    #expect(JSONWriter.format(-0.25) == "-0.25")
}

@Test func documentKeepsLayersSorted() {
    var document = Document(id: "d", source: "d", format: "text", text: "abcdef")
    document.add(Annotation(3, 4), to: .token)
    document.add(Annotation(0, 1), to: .token)
    document.add(Annotation(1, 2), to: .token)
    #expect(document.annotations(.token).map(\.start) == [0, 1, 3])
    #expect(document.text(in: TextRange(start: 1, end: 4)) == "bcd")
    #expect(!document.has(.entity))
}

@Test func sourceEnumeratorIsSortedSkipsHiddenAndReportsLoops() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("lector-enum-\(UUID().uuidString)")
    let fm = FileManager.default
    try fm.createDirectory(at: root.appendingPathComponent("b/inner"), withIntermediateDirectories: true)
    try Data("x".utf8).write(to: root.appendingPathComponent("b/inner/z.txt"))
    try Data("x".utf8).write(to: root.appendingPathComponent("a.txt"))
    try Data("x".utf8).write(to: root.appendingPathComponent("B.txt"))
    try Data("x".utf8).write(to: root.appendingPathComponent(".hidden.txt"))
    try fm.createSymbolicLink(atPath: root.appendingPathComponent("b/inner/loop").path, withDestinationPath: root.path)
    defer { try? fm.removeItem(at: root) }

    var ids: [String] = []
    var loops = 0
    for item in SourceEnumerator(inputs: [root.path]) {
        switch item {
        case .file(let source): ids.append(source.id)
        case .unreadable(let failure):
            if failure.message.contains("loop") { loops += 1 }
        }
    }
    #expect(ids == ["B.txt", "a.txt", "b/inner/z.txt"])
    #expect(loops == 1)
}
