import Foundation
import LectorCore
import LectorStages
import LectorTestSupport
import Testing

/// Every built-in stage's options come from one declaration list: help, the keys decoding accepts
/// and the unknown-key error cannot disagree, and every name is kebab-case.
@Suite struct StageOptionsTests {
    @Test(arguments: StageRegistry.builtins.allEntries.map(\.name))
    func unknownKeyErrorListsExactlyTheDocumentedOptions(_ name: String) throws {
        let entry = try #require(StageRegistry.builtins.entry(named: name))
        let error = #expect(throws: ConfigError.self) {
            _ = try entry.make(ConfigNodes.node([("no-such-option", "1", 6)]), "stages[0].options", ConfigDecoder())
        }
        let message = try #require(error?.message)
        if message.hasPrefix("unknown key") {
            let allowed = message.components(separatedBy: "allowed: ").last ?? ""
            let listed = allowed == "none" ? [] : allowed.components(separatedBy: ", ")
            #expect(listed == entry.optionHelp.map(\.name).sorted(), "\(name): \(message)")
        } else {
            // A stage with required options reports the first missing one before unknown keys.
            #expect(message.contains("missing required key"), "\(name): \(message)")
            #expect(entry.optionHelp.contains { $0.defaultValue == "required" })
        }
        #expect(error?.location.line == 6 || message.contains("missing required key"))
    }

    @Test(arguments: StageRegistry.builtins.allEntries.map(\.name))
    func optionNamesAreKebabCase(_ name: String) throws {
        let entry = try #require(StageRegistry.builtins.entry(named: name))
        for option in entry.optionHelp {
            #expect(option.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(name).\(option.name)")
        }
    }

    @Test func defaultsShownAreTheDecodedDefaults() throws {
        let help = try #require(StageRegistry.builtins.entry(named: "summarize")).optionHelp
        let defaults = Dictionary(uniqueKeysWithValues: help.map { ($0.name, $0.defaultValue) })
        #expect(defaults["sentences"] == "3")
        #expect(defaults["ratio"] == "none")
        #expect(defaults["method"] == "default")
        let entities = try #require(StageRegistry.builtins.entry(named: "entities")).optionHelp
        #expect(entities.first { $0.name == "languages" }?.defaultValue == "[en]")
    }
}
