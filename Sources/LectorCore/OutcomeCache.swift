/// Stores each source's processed outcomes so that a rerun skips unchanged work.
///
/// Keys are SHA-256 digests (`CacheKey`) of everything that shapes a source's outcomes: its bytes, id
/// and path, and the run's `CacheFingerprint` (resolved configuration, every file it references,
/// Lector's version). Failed documents are never cached: a rerun tries them again. Records are the
/// outcomes as `OutcomeCodec` encodes them, so a runner that encoded them once (for the cache) can
/// reuse the bytes elsewhere (its spill between passes).
public protocol OutcomeCache: Sendable {
    /// The key for `source` as it is now, or nil if it cannot be read (the reader will report why).
    func key(for source: Source) -> CacheKey?
    /// Whether an entry for `key` is stored already (storing it again would add nothing).
    func contains(_ key: CacheKey) -> Bool
    /// The stored record for `key` (`OutcomeCodec` bytes), nil when absent or damaged.
    func loadRecord(_ key: CacheKey) -> [UInt8]?
    /// Keep `record` (`OutcomeCodec` bytes of outcomes that all succeeded) under `key`.
    func store(record: [UInt8], for key: CacheKey)
}

extension OutcomeCache {
    /// The stored outcomes for `key`, nil when absent or damaged.
    public func load(_ key: CacheKey) -> [DocumentOutcome]? {
        loadRecord(key).flatMap { try? OutcomeCodec.decode($0) }
    }

    /// Keep `outcomes` under `key` (nothing when one of them failed).
    public func store(_ outcomes: [DocumentOutcome], for key: CacheKey) {
        guard outcomes.allSatisfy({ if case .processed = $0 { true } else { false } }), !contains(key) else { return }
        store(record: OutcomeCodec.encode(outcomes), for: key)
    }
}
