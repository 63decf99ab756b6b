#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One input file: the path as named, the document id it yields (its path relative to the
/// folder it was found in, without extensions), and its canonical path.
public struct InputFile: Sendable, Hashable {
    /// The path as the user named it (a folder given plus the path below it).
    public var path: String
    /// The document id of a plain-text or HTML file, and the stem of record ids in a
    /// JSONL or WARC file that gives none: `2024-07-01/article` for `ROOT/2024-07-01/article.txt`.
    public var idBase: String
    /// The canonical path (symlinks and `.`/`..` resolved), or the path as named where
    /// it cannot be resolved. Two names for one file have one origin.
    public var origin: String

    public init(path: String, idBase: String, origin: String) {
        self.path = path
        self.idBase = idBase
        self.origin = origin
    }

    /// A file named on its own (or found under `root`, when given and it lies below it).
    public init(path: String, root: String? = nil) {
        let origin = FileIO.canonical(path) ?? path
        var base = InputReader.stem(path)
        if let root, let r = FileIO.canonical(root), origin.hasPrefix(r + "/") {
            base = InputReader.idBase(relative: String(origin.dropFirst(r.count + 1)))
        }
        self.init(path: path, idBase: base, origin: origin)
    }

    /// The pseudo-file of JSONL records read from standard input.
    public static let stdin = InputFile(path: "stdin", idBase: "stdin", origin: "stdin")
}
