import ArgumentParser
import NewsKBCore
import NewsKBStore

/// `newskb ingest`: run the pipeline on inputs and store the results in the knowledge base.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Run the pipeline on files or folders and store documents, mentions, entities and relations in the knowledge base.",
        discussion: """
        A file found in a folder is the document named by its path below that folder (ROOT/2024-07-01/article.txt is \
        2024-07-01/article), so equal file names in different folders never meet; two inputs that still claim one id \
        get an E-COLLISION error record and the first one stays.

        Each file is recorded in the ledger (by its canonical path) in the same transaction as its last documents, so a \
        killed run's re-run skips every file already stored. A file is processed again when it changed (size or time), \
        when the pipeline's content (definition or any lexicon) changed, when the per-input options (--published, \
        --region) changed, or with --force. A file rejected before and unchanged since is not read again: the summary \
        counts it as known_bad and it does not change the exit code. A missing path is an error record; the other \
        inputs are ingested. With --prune, documents whose source file is gone from the folders given are removed first.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var options: PipelineOptions
    @OptionGroup var lock: LockOptions
    @OptionGroup var log: LogOptions

    @Flag(name: .long, help: "Process every input again, even those unchanged since they were ingested.")
    var force = false

    @Flag(name: .long, help: "Before ingesting, remove documents whose source file is gone from the folders given.")
    var prune = false

    @Flag(name: .long, help: "Read input paths from stdin, one a line (as 'extract --paths-from-stdin').")
    var pathsFromStdin = false

    @Option(name: .long, help: "With --paths-from-stdin: name documents by their path below this folder, as if it had been given.")
    var root: String?

    @Argument(help: "Files or folders (walked for .txt, .html, .htm, .jsonl, .warc, each maybe .gz), or '-' for JSONL records on stdin.")
    var paths: [String] = []

    func validate() throws {
        if pathsFromStdin && !paths.isEmpty { throw ValidationError("--paths-from-stdin takes no path arguments") }
        if !pathsFromStdin && paths.isEmpty { throw ValidationError("name at least one input, '-' for JSONL records on stdin, or --paths-from-stdin") }
        if paths.contains("-") && paths.count > 1 { throw ValidationError("'-' (JSONL on stdin) cannot be mixed with paths") }
        if root != nil && !pathsFromStdin { throw ValidationError("--root goes with --paths-from-stdin") }
    }

    func run() throws {
        let runID = Console.newRunID()
        log.apply(runID: runID)
        let started = MonotonicClock.now()
        let startedAt = Console.timestamp()
        let pipeline = try options.loadPipeline()
        let pipelineDigest: String
        do { pipelineDigest = try pipeline.definition.contentDigest() } catch { throw CLIError(message: "\(error)", code: 2) }
        let optionsDigest = SHA256.hex(Array(options.inputOptionsText.utf8))
        let storeKey = "\(pipeline.definition.name)@\(pipeline.definition.version) pipeline:\(pipelineDigest.prefix(12)) options:\(optionsDigest.prefix(12))"
        var reader = options.reader
        reader.hashesFiles = true
        let bytesRead = ByteCounter()
        reader.bytesRead = bytesRead

        // The inputs. A path inside another folder given is walked once, with that folder.
        let streaming = paths == ["-"]
        var given = paths
        let stdin = StdinLines(maxLineBytes: options.limits.maxLineBytes)
        if pathsFromStdin {
            given = []
            while let path = stdin.nextPath() { given.append(path) }
        }
        let roots = streaming ? [] : (pathsFromStdin ? given : Self.outermost(given))

        let held = try KnowledgeBaseLock(kb: store.kb, waitSeconds: lock.lockTimeout)
        defer { withExtendedLifetime(held) {} }
        let kb = try store.open(create: true)
        try storeStep { try kb.canonicaliseLedger() }
        try storeStep { try kb.beginRun(id: runID, command: "ingest", started: startedAt) }
        var tally = IngestTally()
        if prune {
            let folders = roots.compactMap { FileIO.info($0)?.isDirectory == true ? FileIO.canonical($0) : nil }
            let p = try storeStep { try kb.prune(under: folders) }
            tally.prunedDocuments = p.documents
            tally.prunedFiles = p.files
            Console.event(level: "info", "pruned", message: "pruned \(p.documents) documents of \(p.files) files gone from the folders given",
                          [("documents", String(p.documents)), ("files", String(p.files)), ("errors", String(p.errors))])
        }
        try storeStep { try kb.clearMissingPathErrors(given) }

        // What to read, and why: decided file by file as the walk finds them, so files that
        // are skipped cost no memory.
        var todo: [(InputFile, FileIO.Info, Reason)] = []
        var todoOrigins = Set<String>()   // one file named twice is one input
        var listing = InputReader.Listing()
        var gone: [InputFailure] = []   // listed, then gone before it could be examined
        var listed = 0
        try storeStep {
            try kb.withLedger { ledger in
                func decide(_ file: InputFile) throws {
                    listed += 1
                    guard let info = FileIO.info(file.path) else {
                        gone.append(InputFailure(InputLocation(file: file.path), docID: nil, code: .notFound, "\(file.path): gone while listing"))
                        return
                    }
                    let prior = try ledger(file.origin)
                    let reason: Reason
                    if let prior, prior.size == info.size, Self.sameTime(prior.mtime, info.mtime) {
                        if force { reason = .forced }
                        else if prior.pipelineDigest != pipelineDigest { reason = .pipeline }
                        else if prior.optionsDigest != optionsDigest { reason = .options }
                        else if prior.status == "ok" { tally.skippedFiles += 1; return }
                        else { tally.knownBad += 1; return }
                    } else {
                        reason = prior == nil ? .new : .changed
                    }
                    guard todoOrigins.insert(file.origin).inserted else { return }
                    tally.reasons[reason, default: 0] += 1
                    todo.append((file, info, reason))
                }
                if pathsFromStdin {
                    listing = reader.files(manifest: given, root: root)
                    for f in listing.files { try decide(f) }
                    listing.files = []
                } else if !streaming {
                    var failed: Error? = nil
                    listing = reader.forEachFile(roots) { f in
                        guard failed == nil else { return }
                        do { try decide(f) } catch { failed = error }
                    }
                    if let failed { throw failed }
                }
            }
        }
        listing.missing += gone

        // A run with more input files than the knowledge base has documents (the first ingest of
        // an archive) builds the entity indexes of mentions, relations and facts once at its end,
        // not row by row (KnowledgeBase.deferrableIndexes).
        let bulk = try !todo.isEmpty && kb.documentCount() < todo.count
        if bulk { try kb.deferIndexes() }
        let progress = Progress(totalFiles: todo.count, totalBytes: todo.reduce(0) { $0 + $1.1.size }, bytes: bytesRead)
        // Storing runs on a writer thread of its own; `stored` belongs to it until `finish()`.
        let stored = StoreTally()
        let writer = BackgroundWriter<KnowledgeBase.IngestBatch>(capacity: 2) { batch in
            do {
                for (i, outcome) in try kb.write(batch, pipeline: storeKey, runID: runID, collided: &stored.collided).enumerated() {
                    switch outcome {
                    case .added: stored.added += 1
                    case .replaced: stored.replaced += 1
                    case .unchanged: stored.unchanged += 1
                    case .collision(let other):
                        let doc = batch.documents[i].0
                        stored.collisions.append(InputFailure(doc.location, docID: doc.id, stage: "store", code: .collision,
                                                              "document id '\(doc.id)' is already held by \(other); this input was not stored"))
                    }
                }
            } catch {
                stored.failed += batch.documents.count
                stored.storeErrors += 1
                Console.event(level: "error", "store_failed", message: "cannot store \(batch.documents.count) documents: \(error)",
                              [("documents", String(batch.documents.count)), ("error", "\(error)")])
            }
        }

        var current = KnowledgeBase.IngestBatch()
        func flushBatch() {
            guard !current.isEmpty else { return }
            writer.submit(current)
            current = KnowledgeBase.IngestBatch()
        }
        var originByPath: [String: String] = [:]
        for (f, _, _) in todo { originByPath[f.path] = f.origin }
        var perFile: [String: (docs: Int, failures: Int)] = [:]
        // Document id → the record of the current file that had it first. Between files the
        // store itself refuses an id another file holds, so only one file's ids are kept here.
        var firstSeen: [String: InputLocation] = [:]
        var firstSeenFile = ""
        var errorCap = ErrorCap(limit: options.limits.maxErrorsPerFile)
        func fail(_ f: InputFailure) {
            tally.rejected += 1
            perFile[f.location.file, default: (0, 0)].failures += 1
            for e in errorCap.admit(f) {
                Console.rejected(e)
                current.errors.append((e, originByPath[e.location.file]))
            }
        }
        for f in listing.missing { fail(f) }

        // A file is done once every item read from it has been delivered: its ledger row
        // then joins the batch that holds (or follows) its last documents.
        var submitted = 0, delivered = 0
        var pending: [(entry: KnowledgeBase.LedgerEntry, path: String, end: Int)] = []
        var pendingHead = 0
        func completeFiles() {
            while pendingHead < pending.count, pending[pendingHead].end <= delivered {
                var (entry, path, _) = pending[pendingHead]
                pendingHead += 1
                let counts = perFile.removeValue(forKey: path) ?? (0, 0)
                entry.status = counts.failures == 0 ? "ok" : (counts.docs > 0 ? "partial" : "error")
                entry.documents = counts.docs
                current.files.append(entry)
                progress.file()
                if current.files.count >= 256 { flushBatch() }
            }
            if pendingHead > 1024 { pending.removeFirst(pendingHead); pendingHead = 0 }
        }

        let runner = ParallelRunner<KnowledgeBase.PreparedDocument>(pipeline: pipeline, jobs: options.jobCount, maxMentions: options.limits.maxMentions,
                                                                    prepare: { KnowledgeBase.prepare($0) }) { result, prepared in
            delivered += 1
            switch result {
            case .success(let doc):
                if doc.source != firstSeenFile {
                    firstSeen.removeAll(keepingCapacity: true)
                    firstSeenFile = doc.source
                }
                if let first = firstSeen[doc.id], first != doc.location {
                    fail(InputFailure(doc.location, docID: doc.id, stage: "ingest", code: .collision,
                                      "document id '\(doc.id)' is already taken by \(first) in this run; this input was not stored"))
                } else {
                    firstSeen[doc.id] = doc.location
                    progress.document()
                    perFile[doc.source, default: (0, 0)].docs += 1
                    tally.warnings += doc.warnings.filter { $0.hasPrefix("W-") }.count
                    tally.unresolvedDates += doc.unresolvedDates
                    current.documents.append((doc, prepared ?? KnowledgeBase.prepare(doc)))
                }
            case .failure(let f):
                fail(f)
            }
            completeFiles()
            if current.documents.count >= 64 || current.errors.count >= 256 { flushBatch() }
        }
        if streaming { stdin.forEachRecord(reader, maxLineBytes: options.limits.maxLineBytes) { runner.submit($0) } }
        for (file, info, _) in todo {
            let digest = reader.read(file: file) { item in
                submitted += 1
                runner.submit(item)
            }
            pending.append((KnowledgeBase.LedgerEntry(source: file.origin, size: info.size, mtime: info.mtime, sha256: digest ?? "", status: "ok",
                                                      documents: 0, pipelineDigest: pipelineDigest, optionsDigest: optionsDigest), file.path, submitted))
            completeFiles()
        }
        runner.flush()
        for e in errorCap.finish() { Console.rejected(e); current.errors.append((e, originByPath[e.location.file])) }
        completeFiles()
        flushBatch()
        writer.finish()
        progress.finish()
        tally.added = stored.added
        tally.replaced = stored.replaced
        tally.unchanged = stored.unchanged
        for f in stored.collisions { Console.rejected(f) }
        tally.rejected += stored.collisions.count
        tally.storeFailed = stored.failed
        if bulk {
            do { try kb.restoreIndexes() } catch {
                stored.storeErrors += 1
                Console.event(level: "error", "store_failed", message: "cannot make the entity indexes again: \(error)", [("error", "\(error)")])
            }
        }
        do { try kb.pruneEntities() } catch {
            stored.storeErrors += 1
            Console.event(level: "error", "store_failed", message: "cannot prune entities: \(error)", [("error", "\(error)")])
        }
        tally.files = listed
        tally.seconds = Double(MonotonicClock.now() - started) / 1e9
        let summary = tally.fields(kb: store.kb)
        try? kb.finishRun(id: runID, finished: Console.timestamp(), summary: summary.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
        Console.event(level: "info", "summary", message: "ingested \(tally.files) files into \(store.kb): \(tally.readable)", summary)
        if tally.unresolvedDates > 0 { Console.unresolvedDates(tally.unresolvedDates) }
        if stored.storeErrors > 0 { throw ExitCode(74) }
        if tally.rejected > 0 { throw ExitCode(1) }
    }

    /// The paths given, less those inside (or equal to) another folder given: each file is
    /// walked once, with the outermost folder that holds it.
    static func outermost(_ paths: [String]) -> [String] {
        let canon = paths.map { FileIO.canonical($0) }
        return paths.indices.filter { i in
            guard let c = canon[i] else { return true }   // missing: kept, to be reported
            return !paths.indices.contains { j in
                guard j != i, let o = canon[j], FileIO.info(paths[j])?.isDirectory == true else { return false }
                return c.hasPrefix(o + "/") || (c == o && j < i)
            }
        }.map { paths[$0] }
    }

    /// Whether a ledger time and a file's time (nanoseconds) agree; ledgers from before
    /// nanoseconds hold seconds, compared as such.
    static func sameTime(_ ledger: Int64, _ file: Int64) -> Bool {
        ledger < 100_000_000_000 ? ledger == file / 1_000_000_000 : ledger == file
    }

    /// A knowledge-base step whose failure ends the run with exit 74.
    func storeStep<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as CLIError { throw e } catch {
            throw CLIError(message: "knowledge base \(store.kb): \(error)", code: 74)
        }
    }
}

/// Why a file is read in this run.
enum Reason: String, CaseIterable {
    /// Not in the ledger.
    case new
    /// Its size or time differs from the ledger's.
    case changed
    /// Unchanged, but the pipeline's content (definition or a lexicon) changed since.
    case pipeline
    /// Unchanged, but `--published` or `--region` changed since.
    case options
    /// `--force`.
    case forced
}

/// What the writer thread stored; read only after it has finished.
final class StoreTally: @unchecked Sendable {
    var added = 0, replaced = 0, unchanged = 0, failed = 0, storeErrors = 0
    /// Documents not stored because another file holds their id (logged once the writer is done).
    var collisions: [InputFailure] = []
    /// Files of this run that lost a document to an id another file holds.
    var collided = Set<String>()
}

/// The figures of an ingest run, for its summary line.
struct IngestTally {
    var files = 0, added = 0, replaced = 0, unchanged = 0, rejected = 0, skippedFiles = 0, knownBad = 0, warnings = 0
    /// Relative dates left without a value: their documents had no published date.
    var unresolvedDates = 0
    var prunedDocuments = 0, prunedFiles = 0
    /// Documents the knowledge base could not store (a full disk): not rejected inputs; the run exits 74.
    var storeFailed = 0
    var reasons: [Reason: Int] = [:]
    var seconds = 0.0

    /// Files read again although ingested before: changed, or under another pipeline or options, or forced.
    var reprocessed: Int { reasons.filter { $0.key != .new }.values.reduce(0, +) }

    func fields(kb: String) -> [(String, String)] {
        var f: [(String, String)] = [("kb", kb), ("files", String(files)), ("read", String(reasons.values.reduce(0, +))),
                                     ("new", String(reasons[.new] ?? 0)), ("reprocessed", String(reprocessed))]
        for r in Reason.allCases where r != .new { f.append(("reprocessed_\(r.rawValue)", String(reasons[r] ?? 0))) }
        f += [("added", String(added)), ("replaced", String(replaced)), ("unchanged", String(unchanged)), ("rejected", String(rejected)),
              ("skipped_files", String(skippedFiles)), ("known_bad", String(knownBad)), ("warnings", String(warnings)), ("unresolved_dates", String(unresolvedDates)),
              ("pruned", String(prunedDocuments)), ("store_failed", String(storeFailed)), ("duration_s", String(format3(seconds)))]
        return f
    }

    var readable: String {
        var why = Reason.allCases.filter { $0 != .new && (reasons[$0] ?? 0) > 0 }.map { "\(reasons[$0]!) \($0.rawValue)" }.joined(separator: ", ")
        if !why.isEmpty { why = " (" + why + ")" }
        return "\(added) added, \(replaced) replaced, \(unchanged) unchanged, \(rejected) rejected; \(reprocessed) files reprocessed\(why), "
            + "\(skippedFiles) skipped as already ingested, \(knownBad) known bad; \(warnings) warnings; \(format3(seconds)) s"
    }
}

/// Seconds with three decimals, without Foundation.
func format3(_ x: Double) -> String {
    let ms = Int((x * 1000).rounded())
    let frac = ms % 1000
    return "\(ms / 1000)." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + "\(frac)"
}
