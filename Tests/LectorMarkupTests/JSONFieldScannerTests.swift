import Foundation
import Testing

@testable import LectorMarkup

@Suite struct JSONFieldScannerTests {
    private func scan(_ text: String, _ keys: [String]) -> Result<[String?], JSONFieldScanner.Failure> {
        JSONFieldScanner.fields(of: Array(text.utf8), wanted: keys.map { Array($0.utf8) })
            .map { $0.map { $0.map { String(decoding: $0, as: UTF8.self) } } }
    }

    @Test func picksWantedFieldsAndSkipsTheRest() {
        let line = #"{"skip":{"a":[1,2,{"b":null}],"c":"x\"y"},"html":"<p>Hi</p>","n":-12.5e3,"flag":true,"url":"http://a/"}"#
        #expect(scan(line, ["html", "url", "n", "flag", "missing"]) == .success(["<p>Hi</p>", "http://a/", "-12.5e3", nil, nil]))
    }

    @Test func unescapesLikeJSONSerialization() throws {
        let values = [
            "plain", "quote \" backslash \\ slash / tab\t newline\n return\r", "caf\u{E9} \u{1F600} \u{2028}",
            "\u{0001}\u{001F} control", "", "a\"", "\\",
        ]
        for value in values {
            let line = try JSONSerialization.data(withJSONObject: ["text": value, "other": [1, 2]], options: [])
            let found = JSONFieldScanner.fields(of: Array(line), wanted: [Array("text".utf8)])
            #expect(try found.get() == [Array(value.utf8)], "\(value)")
        }
        // \u escapes, a surrogate pair, and lone surrogates (U+FFFD).
        #expect(scan(#"{"t":"\u00e9\u0041\ud83d\ude00|\ud800|\udc00x"}"#, ["t"]) == .success(["éA😀|\u{FFFD}|\u{FFFD}x"]))
    }

    @Test func invalidUTF8InAStringIsReplaced() {
        let line: [UInt8] = Array(#"{"t":"a"#.utf8) + [0xC3, 0x28] + Array(#"b"}"#.utf8)
        let found = JSONFieldScanner.fields(of: line, wanted: [Array("t".utf8)])
        #expect((try? found.get())?.first??.elementsEqual("a\u{FFFD}(b".utf8) == true)
    }

    @Test(arguments: [
        "", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":01}", "{\"a\":1} x", "{\"a\":\"\u{0001}\"}",
        "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":tru}", "{\"a\":[1 2]}", "{a:1}", "{\"a\":\"open",
        "{\"a\":-}", "{\"a\":1.}", "{\"a\":1e}", "{\"a\":1,\"b\"}",
    ])
    func rejectsBrokenJSON(_ text: String) {
        #expect(scan(text, ["a"]) == .failure(.invalid), "\(text)")
    }

    @Test func aValueThatIsNotAnObjectIsNamed() {
        #expect(scan(#"["a", {"b": 1}]"#, ["a"]) == .failure(.notObject))
        #expect(scan(#" "text" "#, ["a"]) == .failure(.notObject))
        #expect(scan(" { } ", ["a"]) == .success([nil]))
    }

    @Test func deepNestingFailsInsteadOfOverflowing() {
        let deep = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(scan(deep, ["b"]) == .failure(.invalid))
        let fine = "{\"a\":" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + ",\"b\":\"ok\"}"
        #expect(scan(fine, ["b"]) == .success(["ok"]))
    }

    @Test func escapedKeysMatchAndTheLastDuplicateWins() {
        #expect(scan(#"{"h\u0074ml":"first","html":"second"}"#, ["html"]) == .success(["second"]))
    }
}
