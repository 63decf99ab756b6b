import ArgumentParser
import NewsKBCore
import NewsKBStore
#if canImport(Glibc)
import Glibc
#endif

/// `newskb export`: the knowledge base as JSONL per the contract.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole knowledge base as JSONL (documents, mentions, relations, entities, errors), byte-identical for the same knowledge base.")

    @OptionGroup var store: StoreOptions

    @Option(name: .shortAndLong, help: "Output file; written to a temporary file beside it and renamed, so readers never see half of it. Default: stdout.")
    var output: String?

    func run() throws {
        let kb = try store.open(create: false, writing: false)
        guard let target = output else {
            let out = LineWriter()
            try kb.export { out.write($0) }
            guard out.flush() else { throw CLIError(message: "cannot write the export: \(out.failure ?? "write failed")", code: 74) }
            return
        }
        let dir = FileIO.directory(of: target)
        Self.removeStaleTemporaries(in: dir, for: FileIO.baseName(target))
        let tmp = dir + "/.\(FileIO.baseName(target)).tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CLIError(message: "cannot write \(tmp): \(FileIO.lastError())", code: 74) }
        TemporaryFileGuard.arm(tmp)
        defer { TemporaryFileGuard.disarm() }
        do {
            let out = LineWriter(fd: fd)
            try kb.export { out.write($0) }
            guard out.flush() else { throw CLIError(message: "cannot write \(tmp): \(out.failure ?? "write failed")", code: 74) }
            guard fsync(fd) == 0 else { throw CLIError(message: "cannot sync \(tmp): \(FileIO.lastError())", code: 74) }
            close(fd)
            guard rename(tmp, target) == 0 else { throw CLIError(message: "cannot rename \(tmp) to \(target): \(FileIO.lastError())", code: 74) }
            let dfd = open(FileIO.directory(of: target), O_RDONLY)
            if dfd >= 0 { fsync(dfd); close(dfd) }
        } catch {
            close(fd)
            unlink(tmp)
            throw error
        }
    }

    /// Temporaries of this target left by exports that were killed (`.NAME.tmp-PID` whose
    /// process is gone): removed, so a publish folder never fills with them.
    static func removeStaleTemporaries(in dir: String, for name: String) {
        let prefix = ".\(name).tmp-"
        guard let d = opendir(dir) else { return }
        var stale: [String] = []
        while let e = readdir(d) {
            let entry = withUnsafePointer(to: e.pointee.d_name) { p in p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { stale.append(dir + "/" + entry) }
        }
        closedir(d)
        for path in stale { unlink(path) }
    }
}

/// Removes the export's temporary file when the process is ended by SIGINT, SIGTERM or
/// SIGHUP (SIGKILL leaves it; the next export removes it).
enum TemporaryFileGuard {
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?

    static func arm(_ tmp: String) {
        path = strdup(tmp)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { sig in
                if let p = TemporaryFileGuard.path { unlink(p) }
                _exit(128 + sig)
            }
        }
    }

    static func disarm() {
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
        free(path)
        path = nil
    }
}
