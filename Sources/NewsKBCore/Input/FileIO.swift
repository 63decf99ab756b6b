#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small POSIX file helpers, so the extraction library needs no Foundation file APIs.
public enum FileIO {
    /// What `stat` says of a path: size, modification time (nanoseconds), whether a folder.
    public struct Info: Sendable, Hashable {
        public var size: Int64
        /// The modification time in nanoseconds since the epoch: a file rewritten within the
        /// same second at the same size still differs.
        public var mtime: Int64
        public var isDirectory: Bool
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Whether this process may write the file or folder (false on a read-only mount, even for root).
    public static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }

    public static func info(_ path: String) -> Info? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let mode = st.st_mode & S_IFMT
        return Info(size: Int64(st.st_size), mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
                    isDirectory: mode == S_IFDIR)
    }

    /// The whole file, or nil when it cannot be read.
    public static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        if let i = info(path), i.size > 0 { out.reserveCapacity(Int(i.size)) }
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        return out
    }

    /// The last error as text.
    public static func lastError() -> String { String(cString: strerror(errno)) }

    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    public static func environment(_ name: String) -> String? {
        guard let v = getenv(name) else { return nil }
        let s = String(cString: v)
        return s.isEmpty ? nil : s
    }

    public static func executableDirectory() -> String? {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        guard n > 0 else { return nil }
        return directory(of: String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// The canonical absolute path (symlinks, `.` and `..` resolved), or nil when it does not exist.
    public static func canonical(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Whether `path` is a folder this process can list.
    public static func isReadableDirectory(_ path: String) -> Bool {
        guard let d = opendir(path) else { return false }
        closedir(d)
        return true
    }

    /// Regular files below the folder `path`, as paths relative to it, sorted, skipping
    /// hidden entries and anything that is not a regular file (FIFOs, devices, sockets).
    /// A folder reached twice (a symlink loop, or two links to one folder) is walked once.
    public static func walk(_ path: String) -> [String] {
        var problems: [(String, String)] = []
        return walk(path, problems: &problems)
    }

    /// As ``walk(_:)``, and what could not be walked: entries whose names are not UTF-8 (a
    /// Big5 or Latin-1 name from an old archive) or that cannot be examined (a path over
    /// PATH_MAX, a folder that cannot be opened), each as (relative path, why).
    public static func walk(_ path: String, problems: inout [(String, String)]) -> [String] {
        var out: [String] = []
        walk(path, problems: &problems) { out.append($0) }
        return out
    }

    /// As ``walk(_:problems:)``, handing each file to `visit` as it is found, so a folder of a
    /// million files is never a list in memory (only one folder's names at a time).
    public static func walk(_ path: String, problems: inout [(String, String)], visit: (String) -> Void) {
        var seen = Set<[UInt64]>()
        walk(path, relative: "", seen: &seen, visit: visit, problems: &problems)
    }

    private static func walk(_ path: String, relative: String, seen: inout Set<[UInt64]>, visit: (String) -> Void, problems: inout [(String, String)]) {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return }
        guard seen.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted else { return }
        guard let dir = opendir(path) else {
            problems.append((relative, "folder cannot be opened: \(lastError())"))
            return
        }
        var names: [String] = []
        while let e = readdir(dir) {
            let raw = withUnsafePointer(to: e.pointee.d_name) { p in
                p.withMemoryRebound(to: UInt8.self, capacity: 256) { Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
            }
            if raw.first == UInt8(ascii: ".") { continue }
            guard let name = String(validating: raw, as: UTF8.self) else {
                let shown = String(decoding: raw, as: UTF8.self)
                var rawPath = Array(path.utf8) + (path.hasSuffix("/") ? [] : [UInt8(ascii: "/")]) + raw + [0]
                var rs = stat()
                let isFolder = rawPath.withUnsafeMutableBytes { stat($0.baseAddress!.assumingMemoryBound(to: CChar.self), &rs) } == 0 && (rs.st_mode & S_IFMT) == S_IFDIR
                let bytes = raw.map { String($0, radix: 16) }.joined(separator: " ")
                problems.append((relative.isEmpty ? shown : relative + "/" + shown,
                                 (isFolder ? "folder" : "file") + " name is not UTF-8 (bytes \(bytes)); rename it to read it"))
                continue
            }
            names.append(name)
        }
        closedir(dir)
        for name in names.sorted() {
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var cs = stat()
            guard stat(child, &cs) == 0 else {
                problems.append((rel, "cannot be examined: \(lastError())"))
                continue
            }
            switch cs.st_mode & S_IFMT {
            case S_IFDIR: walk(child, relative: rel, seen: &seen, visit: visit, problems: &problems)
            case S_IFREG: visit(rel)
            default: continue
            }
        }
    }
}
