extension Array where Element == Bool {
    /// Marks `start..<end` (clamped to the array).
    mutating func cover(_ start: Int, _ end: Int) {
        var i = Swift.max(0, start)
        let e = Swift.min(end, count)
        while i < e { self[i] = true; i += 1 }
    }

    /// Whether any of `start..<end` (clamped) is marked.
    func anyCovered(_ start: Int, _ end: Int) -> Bool {
        var i = Swift.max(0, start)
        let e = Swift.min(end, count)
        while i < e { if self[i] { return true }; i += 1 }
        return false
    }
}
