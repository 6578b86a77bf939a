import Foundation
import LectorCore
import Synchronization

/// The shipped entity models, each loaded once per process on first use.
///
/// English is `entities-model.bin`; another language `XX` is `entities-model-XX.bin`, found like every
/// resource through `ResourceLocator` (the folder named by `LECTOR_RESOURCES` first, so a user can add a
/// model trained on data they hold rights to). A language's model is read the first time a document in
/// that language asks for it, and then shared by every lane and stage instance; a language without a
/// model file is remembered as such, so the file system is asked once per language. A model that exists
/// but fails to load is remembered as the error, and every stage that asks gets the same clear message.
public enum EntityModelStore {
    /// Resource name of the shipped English model inside the package's resources.
    public static let resourceName = "entities-model.bin"

    /// `static let` initialisation is lazy and thread-safe: the English model loads exactly once.
    private static let shipped: Result<EntityRecognizer, EntityModelError> = load(resourceName)

    /// Models of other languages by primary subtag: a recogniser, nil (no model file), or the error.
    private static let others = Mutex<[String: Result<EntityRecognizer, EntityModelError>?]>([:])

    /// The shipped English recogniser (loaded on first call).
    public static func shippedRecognizer() throws -> EntityRecognizer { try shipped.get() }

    /// A recogniser for the model at `path`, or the shipped English one when `path` is nil.
    public static func recognizer(path: String?) throws -> EntityRecognizer {
        guard let path else { return try shippedRecognizer() }
        return EntityRecognizer(model: try EntityModel(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The resource name of `language`'s model (`entities-model-de.bin`; English `entities-model.bin`),
    /// or nil when `language` is not a primary subtag (two or three ASCII letters).
    public static func modelName(language: String) -> String? {
        let code = language.lowercased()
        guard (2...3).contains(code.utf8.count), code.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        return code == "en" ? resourceName : "entities-model-\(code).bin"
    }

    /// The recogniser for documents in `language` (a primary subtag), loading its model on first use;
    /// nil when no model for that language is installed. English is the shipped English model.
    public static func recognizer(language: String) throws -> EntityRecognizer? {
        let code = language.lowercased()
        if code == "en" { return try shippedRecognizer() }
        guard let name = modelName(language: code) else { return nil }
        if let known = others.withLock({ $0[code] }) { return try known?.get() }
        // Loaded outside the lock (a few MB read); two lanes racing on the first document of a language
        // may both read the file, and the first stored result wins.
        let loaded: Result<EntityRecognizer, EntityModelError>? =
            (try? ResourceLocator.url("Resources/\(name)", target: "LectorStages")) == nil ? nil : load(name)
        let result = others.withLock { models in
            if let stored = models[code] { return stored }
            models[code] = .some(loaded)
            return loaded
        }
        return try result?.get()
    }

    private static func load(_ name: String) -> Result<EntityRecognizer, EntityModelError> {
        let url: URL
        do {
            url = try ResourceLocator.url("Resources/\(name)", target: "LectorStages")
        } catch {
            return .failure(EntityModelError("\(error)"))
        }
        do {
            return .success(EntityRecognizer(model: try EntityModel(contentsOf: url)))
        } catch let error as EntityModelError {
            return .failure(error)
        } catch {
            return .failure(EntityModelError("\(error)"))
        }
    }
}
