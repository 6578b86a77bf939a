/// A map whose keys are already 64-bit hashes (word keys, phrase keys), to integer values: open
/// addressing with linear probing, the slot taken from the key's bits by one multiplication.
///
/// Swift's `Dictionary` runs SipHash over every key on every lookup; in the recogniser's per-token
/// loops that hashing cost more than the lookups themselves. Keys here must be well mixed (FNV-1a or
/// `FeatureHash.mix` outputs), not small integers.
package struct HashedKeyMap<Value: FixedWidthInteger & Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value]
    private var occupied: [Bool]
    private var shift: UInt64
    /// Number of keys stored.
    private(set) var count = 0

    /// An empty map with room for `capacity` keys before it grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value](repeating: 0, count: size)
        occupied = [Bool](repeating: false, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift) }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = home(key)
        while occupied[slot] && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// The value stored for `key`, or nil.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        let slot = slot(of: key)
        return occupied[slot] ? values[slot] : nil
    }

    /// The value stored for `key`, or `fallback`; setting stores the value.
    subscript(key: UInt64, default fallback: Value) -> Value {
        get { self[key] ?? fallback }
        set {
            var slot = slot(of: key)
            if !occupied[slot] {
                if (count + 1) * 2 > keys.count {
                    grow()
                    slot = self.slot(of: key)
                }
                occupied[slot] = true
                keys[slot] = key
                count += 1
            }
            values[slot] = newValue
        }
    }

    /// Every key with its value, in slot order.
    var pairs: [(key: UInt64, value: Value)] {
        keys.indices.filter { occupied[$0] }.map { (keys[$0], values[$0]) }
    }

    private mutating func grow() {
        var larger = HashedKeyMap(capacity: keys.count)
        for slot in keys.indices where occupied[slot] { larger[keys[slot], default: 0] = values[slot] }
        self = larger
    }
}
