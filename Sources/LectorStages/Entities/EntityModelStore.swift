import Foundation
import LectorCore

/// The shipped entity model, loaded once per process on first use.
///
/// `static let` initialisation is lazy and thread-safe in Swift (it runs exactly once, guarded by the
/// runtime), so every lane and every stage instance shares one immutable recogniser. A model that
/// fails to load is remembered as the error, and every stage that asks gets the same clear message.
public enum EntityModelStore {
    /// Resource name of the shipped model inside the package's resources.
    public static let resourceName = "entities-model.bin"

    private static let shipped: Result<EntityRecognizer, EntityModelError> = {
        let url: URL
        do {
            url = try ResourceLocator.url("Resources/\(resourceName)", target: "LectorStages")
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
    }()

    /// The shipped recogniser (loaded on first call).
    public static func shippedRecognizer() throws -> EntityRecognizer { try shipped.get() }

    /// A recogniser for the model at `path`, or the shipped one when `path` is nil.
    public static func recognizer(path: String?) throws -> EntityRecognizer {
        guard let path else { return try shippedRecognizer() }
        return EntityRecognizer(model: try EntityModel(contentsOf: URL(fileURLWithPath: path)))
    }
}
