/// Numbers keys 0, 1, 2… in the order they are first seen: how batch entity and story ids follow input
/// order.
struct DenseNumbering<Key: Hashable> {
    private var numbers: [Key: Int] = [:]

    /// Number of keys seen.
    var count: Int { numbers.count }

    /// The number of `key`, and whether this call gave it.
    mutating func number(_ key: Key) -> (number: Int, isNew: Bool) {
        if let known = numbers[key] { return (known, false) }
        let number = numbers.count
        numbers[key] = number
        return (number, true)
    }

    /// The number of `key`, when seen.
    func existing(_ key: Key) -> Int? { numbers[key] }
}
