import ArgumentParser
import NewsKBCore
import NewsKBStore

/// `newskb prune`: forget what came from files that are gone.
struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove the documents, ledger rows and error records of files that no longer exist below the folders given.",
        discussion: "Only files below the folders named are considered; a folder that is itself missing (an unmounted disk) prunes nothing. Documents from stdin or 'load' are never removed. 'ingest --prune' does the same before ingesting.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var lock: LockOptions
    @OptionGroup var log: LogOptions

    @Argument(help: "The folders that were ingested.")
    var folders: [String]

    func run() throws {
        log.apply(runID: Console.newRunID())
        var roots: [String] = []
        var missing = 0
        for f in folders {
            guard let info = FileIO.info(f), info.isDirectory, let c = FileIO.canonical(f) else {
                Console.event(level: "error", "not_pruned", message: "\(f): not a folder; nothing below it is pruned", [("path", f)])
                missing += 1
                continue
            }
            roots.append(c)
        }
        let held = try KnowledgeBaseLock(kb: store.kb, waitSeconds: lock.lockTimeout)
        defer { withExtendedLifetime(held) {} }
        let kb = try store.open(create: false)
        let t: KnowledgeBase.PruneTally
        do { t = try kb.prune(under: roots) } catch { throw CLIError(message: "knowledge base \(store.kb): \(error)", code: 74) }
        Console.event(level: "info", "pruned", message: "pruned \(t.documents) documents, \(t.files) files, \(t.errors) error records of files gone",
                      [("documents", String(t.documents)), ("files", String(t.files)), ("errors", String(t.errors))])
        if missing > 0 { throw ExitCode(1) }
    }
}
