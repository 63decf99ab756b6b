import GRDB
import NewsKBCore

extension KnowledgeBase {
    /// What happened to one document.
    public enum StoreOutcome: Sendable, Equatable {
        case added, replaced, unchanged
        /// Another input file already holds this document id; nothing was stored.
        case collision(with: String)
    }

    /// Writes one processed document in one transaction. The same id with the same content
    /// and pipeline changes nothing; a changed document replaces its old mentions and relations.
    @discardableResult
    public func store(_ doc: NewsDocument, pipeline: String) throws -> StoreOutcome {
        let prepared = Self.prepare(doc)
        return try transaction { db in try self.store(doc, pipeline: pipeline, prepared: prepared, in: db) }
    }

    /// One committed unit of an ingest run: documents, the error records of this run, and
    /// the input files whose every document and error is in this batch or an earlier one.
    /// All of it is one transaction, so a killed run's ledger never claims a file whose
    /// documents were not stored, and never forgets one whose documents were.
    public struct IngestBatch: Sendable {
        public var documents: [(NewsDocument, PreparedDocument)] = []
        /// Failures, each with the canonical file it came from (nil for stdin or a missing path).
        public var errors: [(InputFailure, origin: String?)] = []
        /// Files done: their ledger rows, and their error rows from earlier runs cleared.
        public var files: [LedgerEntry] = []
        public init() {}
        public var isEmpty: Bool { documents.isEmpty && errors.isEmpty && files.isEmpty }
    }

    /// Writes a batch in one transaction and says what happened to each document. A document
    /// whose id another file holds is not stored: it gets an `E-COLLISION` error row instead,
    /// its file goes into `collided`, and that file's ledger row (in this batch or a later
    /// one) says `partial`.
    public func write(_ batch: IngestBatch, pipeline: String, runID: String, collided: inout Set<String>) throws -> [StoreOutcome] {
        var newlyCollided: [String] = []
        let already = collided
        let outcomes: [StoreOutcome] = try transaction { db in
            var outcomes: [StoreOutcome] = []
            for (doc, prepared) in batch.documents {
                let outcome = try self.store(doc, pipeline: pipeline, prepared: prepared, in: db)
                if case .collision(let other) = outcome {
                    let f = InputFailure(doc.location, docID: doc.id, stage: "store", code: .collision,
                                         "document id '\(doc.id)' is already held by \(other); this input was not stored")
                    try Self.recordError(f, origin: doc.origin, runID: runID, in: db)
                    if let o = doc.origin { newlyCollided.append(o) }
                }
                outcomes.append(outcome)
            }
            for (f, origin) in batch.errors { try Self.recordError(f, origin: origin, runID: runID, in: db) }
            // Error rows that recordLedger may clear (of earlier runs, or without an origin), if there
            // are any: most nights there are none, and the two deletes per file are skipped.
            let clearable = batch.files.isEmpty ? false
                : try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM input_error WHERE run_id IS NOT ? OR origin IS NULL)"),
                                    arguments: [runID]) ?? true
            for var e in batch.files {
                if e.status == "ok" && (already.contains(e.source) || newlyCollided.contains(e.source)) { e.status = "partial" }
                try Self.recordLedger(e, runID: runID, clearErrors: clearable, in: db)
            }
            return outcomes
        }
        collided.formUnion(newlyCollided)
        return outcomes
    }

    /// Runs `body` in one write transaction with the entity cache: the counts its documents
    /// add are written before the commit, and a failure forgets what the cache learnt.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try db.write { db in
                let result = try body(db)
                try flushEntityCounts(in: db)
                return result
            }
        } catch {
            entities.reset()
            throw error
        }
    }

    func store(_ doc: NewsDocument, pipeline: String, prepared: PreparedDocument, in db: Database) throws -> StoreOutcome {
        let old = try Row.fetchOne(db.cachedStatement(sql: "SELECT sha256, pipeline, origin, source FROM document WHERE doc_id = ?"), arguments: [doc.id])
        if let o = old, let held = o["origin"] as String?, let mine = doc.origin, held != mine {
            return .collision(with: o["source"])
        }
        if let o = old, o["sha256"] as String == doc.sha256, o["pipeline"] as String == pipeline { return .unchanged }
        try DocumentRows.clear(docID: doc.id, replacing: old != nil, clearErrors: false, in: db)
        var rows = try DocumentRows(db)
        let records = prepared.records
        try rows.document(DocumentRow(docID: doc.id, source: doc.source, origin: doc.origin, sha256: doc.sha256, pipeline: pipeline,
                                      published: doc.published?.description, language: doc.language, region: doc.region, title: doc.title,
                                      url: doc.url, record: records.document),
                          search: (records.searchTitle, records.searchBody))
        for s in prepared.sentences { try rows.sentence(s) }
        for id in doc.entities.keys.sorted() { try upsertEntity(doc.entities[id]!, in: db) }
        for m in prepared.mentions { try rows.mention(m) }
        for (id, n) in prepared.entityMentions {
            let p = entities.pendingCounts[id] ?? (0, 0)
            entities.pendingCounts[id] = (p.mentions + n, p.documents + 1)
        }
        for r in prepared.relations { try rows.relation(r) }
        for f in prepared.facts { try rows.fact(f) }
        return old == nil ? .added : .replaced
    }

    /// Writes the entity counts the documents of this transaction added.
    func flushEntityCounts(in db: Database) throws {
        guard !entities.pendingCounts.isEmpty else { return }
        let update = try db.cachedStatement(sql: "UPDATE entity SET mentions = mentions + ?, documents = documents + ? WHERE entity_id = ?")
        for (id, c) in entities.pendingCounts.sorted(by: { $0.key < $1.key }) { try update.execute(arguments: [c.mentions, c.documents, id]) }
        entities.pendingCounts.removeAll()
    }

    /// Adds or merges an entity, as ``EntityInfo/merged(with:)`` merges (the one rule, shared
    /// with `extract`): every surface seen is kept as an alias; a rule-made entity's display
    /// name is the smallest of its names, so it does not depend on which document, worker or
    /// part came first. What the cache knows is not asked of SQLite again.
    func upsertEntity(_ e: EntityInfo, in db: Database) throws {
        try Self.upsertEntity(e, cache: entities, in: db)
    }

    /// The same without a cache of this process's (`load`, and knowledge bases of other versions).
    static func upsertEntity(_ e: EntityInfo, cache entities: EntityCache = EntityCache(), in db: Database) throws {
        var known: EntityCache.Known
        if let k = entities.known[e.id] {
            // The same sighting as the last one (a lexicon entity, document after document): nothing to do.
            if k.lastSeen == e { return }
            known = k
        } else if let old = try Row.fetchOne(db.cachedStatement(sql: "SELECT type, name, name_hans FROM entity WHERE entity_id = ?"), arguments: [e.id]) {
            known = EntityCache.Known(type: old["type"], name: old["name"], nameHans: old["name_hans"],
                                      aliases: Set(try String.fetchAll(db.cachedStatement(sql: "SELECT alias FROM entity_alias WHERE entity_id = ?"), arguments: [e.id])))
        } else {
            try db.cachedStatement(sql: "INSERT INTO entity (entity_id, type, name, name_hans, name_en) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [e.id, e.type.rawValue, e.name, e.nameHans, e.nameEn])
            known = EntityCache.Known(type: e.type.rawValue, name: e.name, nameHans: e.nameHans, aliases: [])
        }
        let stored = EntityInfo(id: e.id, type: MentionType(rawValue: known.type) ?? e.type, name: known.name, nameHans: known.nameHans, nameEn: nil, aliases: [])
        let merged = stored.merged(with: e)
        if merged.name != known.name || merged.nameHans != known.nameHans {
            try db.cachedStatement(sql: "UPDATE entity SET name = ?, name_hans = ? WHERE entity_id = ?").execute(arguments: [merged.name, merged.nameHans, e.id])
            known.name = merged.name
            known.nameHans = merged.nameHans
        }
        var alias: RowWriter? = nil
        for a in e.aliases + [e.name] where !known.aliases.contains(a) {
            if alias == nil { alias = try RowWriter(db, sql: "INSERT OR IGNORE INTO entity_alias (entity_id, alias) VALUES (?, ?)") }
            alias!.text(e.id); alias!.text(a)
            try alias!.insert()
            known.aliases.insert(a)
        }
        known.lastSeen = e
        entities.known[e.id] = known
    }

    /// Records an input that could not be processed (replacing an earlier error at the same location).
    public func recordError(_ failure: InputFailure, origin: String?, runID: String?) throws {
        try db.write { db in try Self.recordError(failure, origin: origin, runID: runID, in: db) }
    }

    static func recordError(_ f: InputFailure, origin: String?, runID: String?, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO input_error (source, file, line, record, doc_id, stage, code, message, error, origin, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [f.location.description, f.location.file, f.location.line, f.location.record, f.docID,
                                     f.stage, f.code.rawValue, f.message, f.description, origin, runID])
    }

    /// Removes the error rows of paths that were missing in an earlier run (they are listed again if still missing).
    public func clearMissingPathErrors(_ paths: [String]) throws {
        try db.write { db in
            for p in paths {
                try db.execute(sql: "DELETE FROM input_error WHERE code = ? AND file = ?", arguments: [ErrorCode.notFound.rawValue, p])
            }
        }
    }

    /// Every error record, ordered by location, for `newskb errors`.
    public func errorRows() throws -> [(failure: InputFailure, origin: String?)] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM input_error ORDER BY source").map { r in
                (Self.failure(r), r["origin"])
            }
        }
    }

    static func failure(_ r: Row) -> InputFailure {
        InputFailure(InputLocation(file: r["file"], line: r["line"], record: r["record"], key: Self.streamKey(source: r["source"], file: r["file"])),
                     docID: r["doc_id"], stage: r["stage"], code: ErrorCode(rawValue: r["code"]) ?? .input, r["message"])
    }

    /// The key of a location that has no line number (`stdin:sha-…`, `feed.jsonl:more-errors`), if it has one.
    static func streamKey(source: String, file: String) -> String? {
        guard source.hasPrefix(file + ":") else { return nil }
        let key = source.dropFirst(file.count + 1)
        return key.allSatisfy(\.isNumber) ? nil : String(key)
    }

    /// A ledger row: what was ingested from an input file, and under which digests.
    public struct LedgerEntry: Sendable, Equatable {
        /// The file's canonical path.
        public var source: String
        public var size: Int64
        public var mtime: Int64
        public var sha256: String
        public var status: String
        public var documents: Int
        /// The digest of the pipeline (definition and lexicons) the file was processed under.
        public var pipelineDigest: String
        /// The digest of the per-input options (`--published`, `--region`) it was processed under.
        public var optionsDigest: String

        public init(source: String, size: Int64, mtime: Int64, sha256: String, status: String, documents: Int,
                    pipelineDigest: String = "", optionsDigest: String = "") {
            self.source = source
            self.size = size
            self.mtime = mtime
            self.sha256 = sha256
            self.status = status
            self.documents = documents
            self.pipelineDigest = pipelineDigest
            self.optionsDigest = optionsDigest
        }

        /// The entry a `ledger` row holds.
        init(row r: Row) {
            self.init(source: r["source"], size: r["size"], mtime: r["mtime"], sha256: r["sha256"], status: r["status"],
                      documents: r["documents"], pipelineDigest: r["pipeline_digest"], optionsDigest: r["options_digest"])
        }
    }

    /// Runs `body` with a ledger lookup by canonical path, all in one read transaction: a
    /// walk over millions of files asks once per file without holding the ledger in memory.
    public func withLedger<T>(_ body: ((String) throws -> LedgerEntry?) throws -> T) throws -> T {
        try db.read { db in
            let statement = try db.cachedStatement(sql: "SELECT * FROM ledger WHERE source = ?")
            return try body { source in try Row.fetchOne(statement, arguments: [source]).map(LedgerEntry.init(row:)) }
        }
    }

    /// Every ledger row, by source (one query at the start of a run).
    public func ledgerEntries() throws -> [String: LedgerEntry] {
        try db.read { db in
            var out: [String: LedgerEntry] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT * FROM ledger") {
                out[r["source"]] = LedgerEntry(row: r)
            }
            return out
        }
    }

    /// Records a ledger row on its own (tests, tools); ingest writes them with its batches.
    public func recordLedger(_ e: LedgerEntry, runID: String? = nil) throws {
        try db.write { db in try Self.recordLedger(e, runID: runID, in: db) }
    }

    /// Writes the ledger row of a file that is done, and clears the file's error rows from
    /// earlier runs (this run's stay: they are the file's errors now).
    /// `clearErrors` false: the caller knows there is no such row.
    static func recordLedger(_ e: LedgerEntry, runID: String?, clearErrors: Bool = true, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO ledger (source, size, mtime, sha256, status, documents, pipeline_digest, options_digest, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [e.source, e.size, e.mtime, e.sha256, e.status, e.documents, e.pipelineDigest, e.optionsDigest, runID])
        guard clearErrors else { return }
        try db.cachedStatement(sql: "DELETE FROM input_error WHERE origin = ? AND run_id IS NOT ?").execute(arguments: [e.source, runID])
        // Rows from before errors knew their file's canonical path name it as the user did.
        try db.cachedStatement(sql: "DELETE FROM input_error WHERE origin IS NULL AND file >= ? AND file < ? AND (file = ? OR source LIKE ? ESCAPE '\\' OR source LIKE ? ESCAPE '\\')")
            .execute(arguments: [e.source, e.source + "\u{10FFFF}", e.source, Self.likeEscaped(e.source) + ":%", Self.likeEscaped(e.source) + "#%"])
    }

    static func likeEscaped(_ s: String) -> String { s.replacingAll("\\", "\\\\").replacingAll("%", "\\%").replacingAll("_", "\\_") }

    /// Ledger rows an earlier version keyed by the path as given: re-keyed by canonical path
    /// where the file still resolves (relative paths against the current folder).
    public func canonicaliseLedger() throws {
        try db.write { db in
            // Relative paths sort before "/" or from "0" on; both ranges are index look-ups, so a
            // ledger that holds only absolute paths costs nothing here night after night.
            for source in try String.fetchAll(db, sql: "SELECT source FROM ledger WHERE source < '/' OR source >= '0'") {
                guard let c = FileIO.canonical(source) else { continue }
                try db.execute(sql: "DELETE FROM ledger WHERE source = ? AND EXISTS (SELECT 1 FROM ledger WHERE source = ?)", arguments: [source, c])
                try db.execute(sql: "UPDATE ledger SET source = ? WHERE source = ?", arguments: [c, source])
            }
        }
    }

    /// Removes entities nothing points to any more (after documents were replaced or
    /// removed). With `recount`, the entity counts are first made again from the mentions
    /// (after `load` and `prune`, which do not keep them one document at a time).
    public func pruneEntities(recount: Bool = false) throws {
        entities.reset()
        try db.write { db in try Self.pruneEntities(recount: recount, in: db) }
    }

    static func pruneEntities(recount: Bool, in db: Database) throws {
        if recount { try EntityCounts.recount(in: db) }
        try db.execute(sql: """
            DELETE FROM entity WHERE mentions = 0
                AND NOT EXISTS (SELECT 1 FROM relation WHERE subject = entity.entity_id)
                AND NOT EXISTS (SELECT 1 FROM relation WHERE object_entity = entity.entity_id)
                AND NOT EXISTS (SELECT 1 FROM fact WHERE recipient = entity.entity_id)
                AND NOT EXISTS (SELECT 1 FROM fact WHERE funder = entity.entity_id)
            """)
    }

    /// What ``prune(under:)`` removed.
    public struct PruneTally: Sendable {
        public var documents = 0, files = 0, errors = 0
    }

    /// Removes what came from files that no longer exist below the canonical folders given:
    /// their documents (mentions and relations with them), ledger rows and error rows.
    /// Documents from stdin, from `load`, or from outside these folders are never touched.
    public func prune(under folders: [String], exists: (String) -> Bool = { FileIO.info($0) != nil }) throws -> PruneTally {
        entities.reset()
        return try db.write { db in
            var tally = PruneTally()
            var gone = Set<String>()
            for folder in folders {
                let prefix = Self.likeEscaped(folder.hasSuffix("/") ? folder : folder + "/") + "%"
                let known = try String.fetchAll(db, sql: """
                    SELECT source FROM ledger WHERE source LIKE ? ESCAPE '\\'
                    UNION SELECT DISTINCT origin FROM document WHERE origin LIKE ? ESCAPE '\\'
                    UNION SELECT DISTINCT origin FROM input_error WHERE origin LIKE ? ESCAPE '\\'
                    """, arguments: [prefix, prefix, prefix])
                for file in known where !exists(file) { gone.insert(file) }
            }
            for file in gone.sorted() {
                try db.execute(sql: "DELETE FROM document WHERE origin = ?", arguments: [file])
                tally.documents += db.changesCount
                try db.execute(sql: "DELETE FROM ledger WHERE source = ?", arguments: [file])
                tally.files += 1
                try db.execute(sql: "DELETE FROM input_error WHERE origin = ?", arguments: [file])
                tally.errors += db.changesCount
            }
            if !gone.isEmpty { try Self.pruneEntities(recount: true, in: db) }
            return tally
        }
    }

    /// Records the start of a run.
    public func beginRun(id: String, command: String, started: String) throws {
        try db.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO run (run_id, command, started) VALUES (?, ?, ?)", arguments: [id, command, started])
        }
    }

    /// Records the end of a run and its summary line.
    public func finishRun(id: String, finished: String, summary: String) throws {
        try db.write { db in
            try db.execute(sql: "UPDATE run SET finished = ?, summary = ? WHERE run_id = ?", arguments: [finished, summary, id])
        }
    }
}

extension String {
    func replacingAll(_ a: String, _ b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}
