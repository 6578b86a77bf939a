extension String {
    /// Whether `needle` occurs in the string, compared as UTF-8 bytes (no Unicode equivalence, no
    /// Foundation: a plain byte scan, many times faster than `contains` on `String` arguments).
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                let count = pin.count
                guard count > 0 else { return true }
                guard count <= hay.count else { return false }
                let first = pin[0]
                var index = 0
                let last = hay.count - count
                while index <= last {
                    if hay[index] == first {
                        var matched = 1
                        while matched < count && hay[index + matched] == pin[matched] { matched += 1 }
                        if matched == count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
