/// Stores each source's processed outcomes so that a rerun skips unchanged work.
///
/// Keys are SHA-256 digests (`CacheKey`) of everything that shapes a source's outcomes: its bytes, id
/// and path, and the run's `CacheFingerprint` (resolved configuration, every file it references,
/// Lector's version). Failed documents are never cached: a rerun tries them again.
public protocol OutcomeCache: Sendable {
    /// The key for `source` as it is now, or nil if it cannot be read (the reader will report why).
    func key(for source: Source) -> CacheKey?
    func load(_ key: CacheKey) -> [DocumentOutcome]?
    func store(_ outcomes: [DocumentOutcome], for key: CacheKey)
}
