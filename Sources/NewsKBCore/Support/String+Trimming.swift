#if canImport(Glibc)
import Glibc
#endif

extension StringProtocol {
    /// The string without the characters of `set` at either end (manifest lines, header values).
    public func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
