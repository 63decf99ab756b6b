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
        let tmp = FileIO.directory(of: target) + "/.\(FileIO.baseName(target)).tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CLIError(message: "cannot write \(tmp): \(FileIO.lastError())", code: 74) }
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
}
