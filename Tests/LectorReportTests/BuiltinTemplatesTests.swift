import Foundation
import Mustache
import Testing

@testable import LectorReport

/// The templates compiled into the library (used when the resource bundle is not beside the
/// executable) must equal the resource files. After editing a template, regenerate the Swift copy
/// with `LECTOR_UPDATE_TEMPLATES=1 swift test --filter BuiltinTemplatesTests`.
@Suite struct BuiltinTemplatesTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/LectorReport").standardizedFileURL

    static func resourceText(_ name: String) throws -> String {
        try String(contentsOf: sources.appendingPathComponent("Templates/\(name).mustache"), encoding: .utf8)
    }

    @Test func compiledCopyEqualsTheResourceFiles() throws {
        if ProcessInfo.processInfo.environment["LECTOR_UPDATE_TEMPLATES"] != nil {
            var swift = """
                // Generated from Templates/*.mustache by BuiltinTemplatesTests: do not edit.

                /// The built-in templates, compiled in: used when the resource bundle is not beside the executable.
                enum BuiltinTemplates {
                    static let text: [String: String] = [

                """
            for name in ReportTemplates.names.sorted() {
                let text = try Self.resourceText(name)
                #expect(!text.contains("\"\"\"##"))
                // The newline before the closing delimiter is not part of the literal: add one.
                swift += "        \"\(name)\": ##\"\"\"\n\(text)\n\"\"\"##,\n"
            }
            swift += "    ]\n}\n"
            try Data(swift.utf8).write(to: Self.sources.appendingPathComponent("BuiltinTemplates.swift"))
        }
        for name in ReportTemplates.names {
            let compiled = try #require(BuiltinTemplates.text[name], "\(name) missing from BuiltinTemplates.swift")
            #expect(compiled == (try Self.resourceText(name)), "\(name): regenerate BuiltinTemplates.swift")
        }
    }

    @Test func compiledCopyRendersLikeTheResourceFiles() throws {
        var fromFiles = MustacheLibrary()
        try ReportTemplates.registerBuiltins(into: &fromFiles)
        var compiled = MustacheLibrary()
        try ReportTemplates.registerBuiltins(into: &compiled, directory: nil)
        let context: [String: Any] = ["name": "<Zoë>", "label": "PER", "mentionCount": "2", "hasCooccurring": true]
        for name in ReportTemplates.names {
            let expected = try #require(fromFiles.render(context, withTemplate: name))
            #expect(compiled.render(context, withTemplate: name) == expected, "\(name)")
        }
    }

    @Test func resourceBundleIsFoundBesideTheTestExecutable() {
        #expect(ReportTemplates.builtinDirectory != nil)
    }
}
