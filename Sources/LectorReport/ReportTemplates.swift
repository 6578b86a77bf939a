import Foundation
import LectorCore
import Mustache

/// The Mustache templates the report renders with: the built-in ones shipped as resources, with any
/// `.mustache` file of `report.templates` replacing the built-in template of the same name.
///
/// Libraries are cached per override directory, so lanes share one parse. `{{x}}` escapes HTML;
/// `{{{x}}}` is used only for markup the project built and escaped itself.
struct ReportTemplates: Sendable {
    /// Template names the writer renders; an override directory may replace any of them.
    static let names = ["index", "document", "entity", "style"]

    let library: MustacheLibrary

    /// Render template `name` with `context`.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// The templates for `options`, loaded once per directory.
    static func load(_ options: ReportOptions) throws -> ReportTemplates {
        try cache.templates(for: options.templates?.url)
    }

    private static let cache = TemplateCache()

    /// Parse every template of `directory` (only the known names) into `library`.
    static func register(from directory: URL, into library: inout MustacheLibrary, requireAll: Bool) throws {
        for name in names {
            let file = directory.appendingPathComponent("\(name).mustache")
            guard FileManager.default.fileExists(atPath: file.path) else {
                if requireAll { throw ReportError.templates("missing built-in template \(name).mustache") }
                continue
            }
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw ReportError.templates("cannot read \(file.path): \(error.localizedDescription)")
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw ReportError.templates("\(file.path): \(error)")
            }
        }
    }

    /// The directory of the built-in templates in the package's resources (found by `ResourceLocator`),
    /// or nil when the executable was copied without them: the copy compiled into the library is used then.
    static let builtinDirectory: URL? = {
        (try? ResourceLocator.url("Templates/index.mustache", target: "LectorReport"))?.deletingLastPathComponent()
    }()

    /// Register the built-in templates: from the resource files when present, else from the copy
    /// compiled into the library (`BuiltinTemplates`, kept identical by a test).
    static func registerBuiltins(into library: inout MustacheLibrary, directory: URL? = builtinDirectory) throws {
        if let directory {
            try register(from: directory, into: &library, requireAll: true)
            return
        }
        for name in names {
            guard let text = BuiltinTemplates.text[name] else {
                throw ReportError.templates("missing built-in template \(name)")
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw ReportError.templates("built-in \(name).mustache: \(error)")
            }
        }
    }
}

/// Parsed template libraries by override directory (nil: built-ins only).
///
/// `@unchecked Sendable`: `libraries` is read and written only while `lock` is held.
private final class TemplateCache: @unchecked Sendable {
    private let lock = NSLock()
    private var libraries: [URL?: MustacheLibrary] = [:]

    func templates(for override: URL?) throws -> ReportTemplates {
        lock.lock()
        defer { lock.unlock() }
        if let library = libraries[override] { return ReportTemplates(library: library) }
        var library = MustacheLibrary()
        try ReportTemplates.registerBuiltins(into: &library)
        if let override {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: override.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { throw ReportError.templates("report.templates: \(override.path) is not a directory") }
            try ReportTemplates.register(from: override, into: &library, requireAll: false)
        }
        libraries[override] = library
        return ReportTemplates(library: library)
    }
}
