import GRDB
import NewsKBCore

extension KnowledgeBase {
    /// Append-only named migrations.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-documents-mentions-entities-relations-ledger") { db in
            try db.execute(sql: """
                CREATE TABLE document (
                    doc_id TEXT PRIMARY KEY NOT NULL,
                    source TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    pipeline TEXT NOT NULL,
                    published TEXT,
                    language TEXT NOT NULL,
                    region TEXT,
                    title TEXT,
                    record TEXT NOT NULL
                );
                CREATE TABLE mention (
                    doc_id TEXT NOT NULL REFERENCES document(doc_id) ON DELETE CASCADE,
                    ord INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL CHECK ("end" > start),
                    entity_id TEXT,
                    record TEXT NOT NULL,
                    PRIMARY KEY (doc_id, ord)
                );
                CREATE INDEX mention_entity ON mention(entity_id);
                CREATE INDEX mention_type ON mention(type);
                CREATE TABLE entity (
                    entity_id TEXT PRIMARY KEY NOT NULL,
                    type TEXT NOT NULL,
                    name TEXT NOT NULL,
                    name_hans TEXT,
                    name_en TEXT
                );
                CREATE TABLE entity_alias (
                    entity_id TEXT NOT NULL REFERENCES entity(entity_id) ON DELETE CASCADE,
                    alias TEXT NOT NULL,
                    PRIMARY KEY (entity_id, alias)
                );
                CREATE TABLE relation (
                    doc_id TEXT NOT NULL REFERENCES document(doc_id) ON DELETE CASCADE,
                    ord INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    record TEXT NOT NULL,
                    PRIMARY KEY (doc_id, ord)
                );
                CREATE INDEX relation_subject ON relation(subject);
                CREATE TABLE ledger (
                    source TEXT PRIMARY KEY NOT NULL,
                    size INTEGER NOT NULL,
                    mtime INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'error')),
                    documents INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE input_error (
                    source TEXT PRIMARY KEY NOT NULL,
                    doc_id TEXT,
                    error TEXT NOT NULL
                );
                """)
        }
        // Mention rows are most of what ingest writes: keep them in their primary-key b-tree
        // (no separate rowid table), index entity ids only where there is one (amounts and
        // dates have none), and drop the index on type, which has four values and serves
        // only whole-table counts. Errors are looked up by document on every store.
        m.registerMigration("v2-mentions-without-rowid") { db in
            try db.execute(sql: """
                CREATE TABLE mention_v2 (
                    doc_id TEXT NOT NULL REFERENCES document(doc_id) ON DELETE CASCADE,
                    ord INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL CHECK ("end" > start),
                    entity_id TEXT,
                    record TEXT NOT NULL,
                    PRIMARY KEY (doc_id, ord)
                ) WITHOUT ROWID;
                INSERT INTO mention_v2 SELECT doc_id, ord, type, text, start, "end", entity_id, record FROM mention;
                DROP TABLE mention;
                ALTER TABLE mention_v2 RENAME TO mention;
                CREATE INDEX mention_entity ON mention(entity_id) WHERE entity_id IS NOT NULL;
                CREATE INDEX input_error_doc ON input_error(doc_id);
                """)
        }
        // Archives: a document knows the canonical file it came from (collisions, pruning);
        // the ledger records the digests a file was processed under (changes applied) and
        // the run; error rows are typed (file, line, record, stage, code) and belong to the
        // file and run that produced them, so one file's errors never replace another's.
        m.registerMigration("v3-origins-digests-typed-errors-runs") { db in
            try db.execute(sql: """
                ALTER TABLE document ADD COLUMN origin TEXT;
                CREATE INDEX document_origin ON document(origin) WHERE origin IS NOT NULL;
                ALTER TABLE ledger ADD COLUMN pipeline_digest TEXT NOT NULL DEFAULT '';
                ALTER TABLE ledger ADD COLUMN options_digest TEXT NOT NULL DEFAULT '';
                ALTER TABLE ledger ADD COLUMN run_id TEXT;
                CREATE TABLE input_error_v3 (
                    source TEXT PRIMARY KEY NOT NULL,
                    file TEXT NOT NULL,
                    line INTEGER,
                    record INTEGER,
                    doc_id TEXT,
                    stage TEXT NOT NULL,
                    code TEXT NOT NULL,
                    message TEXT NOT NULL,
                    error TEXT NOT NULL,
                    origin TEXT,
                    run_id TEXT
                );
                INSERT INTO input_error_v3 (source, file, doc_id, stage, code, message, error)
                    SELECT source, source, doc_id, 'read',
                           CASE WHEN instr(error, ': ') > 0 THEN substr(error, 1, instr(error, ': ') - 1) ELSE 'E-INPUT' END,
                           CASE WHEN instr(error, ': ') > 0 THEN substr(error, instr(error, ': ') + 2) ELSE error END, error
                    FROM input_error;
                DROP TABLE input_error;
                ALTER TABLE input_error_v3 RENAME TO input_error;
                CREATE INDEX input_error_doc ON input_error(doc_id);
                CREATE INDEX input_error_origin ON input_error(origin);
                CREATE INDEX input_error_file ON input_error(file);
                CREATE TABLE run (
                    run_id TEXT PRIMARY KEY NOT NULL,
                    command TEXT NOT NULL,
                    started TEXT NOT NULL,
                    finished TEXT,
                    summary TEXT
                );
                """)
        }
        // Funding facts, typed: who got how much from whom, when, by which sentence. The
        // entity keys are checked at commit (a part's entity records follow its documents).
        // `funding` links the same fact reported by several documents (same recipient and
        // amount): first reported, every source, so a total counts it once.
        m.registerMigration("v4-funding-facts") { db in
            try db.execute(sql: """
                CREATE TABLE fact (
                    fact_id TEXT PRIMARY KEY NOT NULL,
                    doc_id TEXT NOT NULL REFERENCES document(doc_id) ON DELETE CASCADE,
                    ord INTEGER NOT NULL,
                    type TEXT NOT NULL CHECK (type = 'funding'),
                    recipient TEXT NOT NULL REFERENCES entity(entity_id) DEFERRABLE INITIALLY DEFERRED,
                    recipient_text TEXT NOT NULL,
                    funder TEXT REFERENCES entity(entity_id) DEFERRABLE INITIALLY DEFERRED,
                    funder_text TEXT,
                    currency TEXT NOT NULL,
                    amount_min NUMERIC,
                    amount_max NUMERIC,
                    approximate INTEGER NOT NULL CHECK (approximate IN (0, 1)),
                    date_start TEXT,
                    date_end TEXT,
                    date_granularity TEXT,
                    date_source TEXT CHECK (date_source IN ('text', 'published')),
                    purpose TEXT,
                    evidence_start INTEGER NOT NULL,
                    evidence_end INTEGER NOT NULL,
                    sentence_start INTEGER NOT NULL,
                    sentence_end INTEGER NOT NULL,
                    record TEXT NOT NULL,
                    UNIQUE (doc_id, ord)
                );
                CREATE INDEX fact_recipient ON fact(recipient);
                CREATE INDEX fact_funder ON fact(funder) WHERE funder IS NOT NULL;
                CREATE VIEW fact_sentence AS
                    SELECT f.fact_id, f.doc_id, d.published, d.source,
                           substr(json_extract(d.record, '$.text'), f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence
                    FROM fact f JOIN document d USING (doc_id);
                CREATE VIEW funding AS
                    SELECT f.recipient, e.name AS recipient_name, e.type AS recipient_type, f.currency, f.amount_min, f.amount_max,
                           MIN(f.funder) AS funder, MIN(CASE WHEN f.date_source = 'text' THEN f.date_start END) AS date_start,
                           MIN(d.published) AS first_reported,
                           (SELECT f2.doc_id FROM fact f2 JOIN document d2 USING (doc_id)
                              WHERE f2.recipient = f.recipient AND f2.currency = f.currency
                                AND f2.amount_min IS f.amount_min AND f2.amount_max IS f.amount_max
                              ORDER BY d2.published IS NULL, d2.published, f2.doc_id LIMIT 1) AS first_doc,
                           COUNT(*) AS documents, group_concat(f.doc_id, ' ') AS doc_ids
                    FROM fact f JOIN document d USING (doc_id) JOIN entity e ON e.entity_id = f.recipient
                    GROUP BY f.recipient, f.currency, f.amount_min, f.amount_max;
                """)
        }
        // Full-text search in either script: each document's title and text as SearchFolding
        // tokens (one Han character a token, Simplified), rowid = the document's rowid; a
        // deleted or replaced document leaves the index with it. Existing documents are indexed here.
        m.registerMigration("v5-search") { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0');
                CREATE TRIGGER document_search_delete AFTER DELETE ON document BEGIN
                    DELETE FROM search WHERE rowid = old.rowid;
                END;
                INSERT INTO search (rowid, title, body)
                    SELECT rowid, newskb_search_tokens(coalesce(title, '')), newskb_search_tokens(json_extract(record, '$.text')) FROM document;
                """)
        }
        // Typed values: a mention's amount (currency, min, max, approximate, currency source,
        // exact), date (start, end, granularity, relative) or name (name, lexicon id, method)
        // as its own columns, from which its export record is written (no JSON kept per
        // mention: they are most of a knowledge base), each document's sentences with their text, a
        // relation's object and evidence as columns, entity counts, the document's URL and text
        // as columns, foreign keys from mentions and relations to entities (checked at commit:
        // a document's entities are written with it), and views for the common questions.
        m.registerMigration("v6-typed-values-sentences-entity-keys") { db in
            try db.execute(sql: """
                ALTER TABLE document ADD COLUMN url TEXT;
                UPDATE document SET url = json_extract(record, '$.url');
                ALTER TABLE document ADD COLUMN text TEXT GENERATED ALWAYS AS (json_extract(record, '$.text')) VIRTUAL;
                ALTER TABLE entity ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE entity ADD COLUMN documents INTEGER NOT NULL DEFAULT 0;
                INSERT OR IGNORE INTO entity (entity_id, type, name)
                    SELECT entity_id, MIN(type), MIN(text) FROM mention WHERE entity_id IS NOT NULL GROUP BY entity_id;
                INSERT OR IGNORE INTO entity (entity_id, type, name)
                    SELECT subject, 'programme', MIN(coalesce(json_extract(record, '$.subject_text'), subject)) FROM relation GROUP BY subject;

                CREATE TABLE mention_v6 (
                    doc_id TEXT NOT NULL REFERENCES document(doc_id) ON DELETE CASCADE,
                    ord INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL CHECK ("end" > start),
                    sentence INTEGER,
                    entity_id TEXT REFERENCES entity(entity_id) DEFERRABLE INITIALLY DEFERRED,
                    currency TEXT,
                    amount_min NUMERIC,
                    amount_max NUMERIC,
                    approximate INTEGER CHECK (approximate IN (0, 1)),
                    currency_source TEXT,
                    date_start TEXT,
                    date_end TEXT,
                    granularity TEXT,
                    relative INTEGER CHECK (relative IN (0, 1)),
                    name TEXT,
                    lexicon_id TEXT,
                    method TEXT,
                    exact INTEGER GENERATED ALWAYS AS (CASE WHEN currency IS NULL THEN NULL
                        WHEN amount_min IS NOT NULL AND amount_min = amount_max AND NOT approximate THEN 1 ELSE 0 END) VIRTUAL,
                    PRIMARY KEY (doc_id, ord)
                ) WITHOUT ROWID;
                INSERT INTO mention_v6 (doc_id, ord, type, text, start, "end", sentence, entity_id, currency, amount_min, amount_max, approximate,
                                        currency_source, date_start, date_end, granularity, relative, name, lexicon_id, method)
                    SELECT doc_id, ord, type, text, start, "end", json_extract(record, '$.sentence'), entity_id,
                           CASE WHEN type = 'money' THEN json_extract(record, '$.value.currency') END,
                           CASE WHEN type = 'money' THEN json_extract(record, '$.value.min') END,
                           CASE WHEN type = 'money' THEN json_extract(record, '$.value.max') END,
                           CASE WHEN type = 'money' AND json_extract(record, '$.value.currency') IS NOT NULL THEN coalesce(json_extract(record, '$.value.approximate'), 0) END,
                           CASE WHEN type = 'money' THEN json_extract(record, '$.value.currency_source') END,
                           CASE WHEN type = 'date' THEN json_extract(record, '$.value.start') END,
                           CASE WHEN type = 'date' THEN json_extract(record, '$.value.end') END,
                           CASE WHEN type = 'date' AND json_extract(record, '$.value.start') IS NOT NULL THEN coalesce(json_extract(record, '$.value.granularity'), 'day') END,
                           CASE WHEN type = 'date' AND json_extract(record, '$.value.start') IS NOT NULL THEN coalesce(json_extract(record, '$.value.relative'), 0) END,
                           json_extract(record, '$.value.name'), json_extract(record, '$.value.lexicon_id'), json_extract(record, '$.value.method')
                    FROM mention;
                DROP TABLE mention;
                ALTER TABLE mention_v6 RENAME TO mention;
                CREATE INDEX mention_entity ON mention(entity_id) WHERE entity_id IS NOT NULL;

                CREATE TABLE sentence (
                    doc_id TEXT NOT NULL REFERENCES document(doc_id) ON DELETE CASCADE,
                    ord INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (doc_id, ord)
                ) WITHOUT ROWID;

                CREATE TABLE relation_v6 (
                    doc_id TEXT NOT NULL REFERENCES document(doc_id) ON DELETE CASCADE,
                    ord INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    subject TEXT NOT NULL REFERENCES entity(entity_id) DEFERRABLE INITIALLY DEFERRED,
                    subject_text TEXT,
                    object_entity TEXT REFERENCES entity(entity_id) DEFERRABLE INITIALLY DEFERRED,
                    object_currency TEXT,
                    object_min NUMERIC,
                    object_max NUMERIC,
                    object_approximate INTEGER,
                    object_date_start TEXT,
                    object_date_end TEXT,
                    object_granularity TEXT,
                    evidence_start INTEGER,
                    evidence_end INTEGER,
                    record TEXT NOT NULL,
                    PRIMARY KEY (doc_id, ord)
                );
                INSERT INTO relation_v6
                    SELECT doc_id, ord, type, subject, json_extract(record, '$.subject_text'),
                           CASE WHEN json_type(record, '$.object') = 'text' THEN json_extract(record, '$.object') END,
                           json_extract(record, '$.object.currency'), json_extract(record, '$.object.min'), json_extract(record, '$.object.max'),
                           CASE WHEN json_type(record, '$.object') = 'object' AND json_extract(record, '$.object.currency') IS NOT NULL
                                THEN coalesce(json_extract(record, '$.object.approximate'), 0) END,
                           json_extract(record, '$.object.start'), json_extract(record, '$.object.end'), json_extract(record, '$.object.granularity'),
                           json_extract(record, '$.evidence.start'), json_extract(record, '$.evidence.end'), record
                    FROM relation;
                INSERT OR IGNORE INTO entity (entity_id, type, name)
                    SELECT DISTINCT object_entity, 'institution', object_entity FROM relation_v6 WHERE object_entity IS NOT NULL;
                DROP TABLE relation;
                ALTER TABLE relation_v6 RENAME TO relation;
                CREATE INDEX relation_subject ON relation(subject);
                CREATE INDEX relation_object_entity ON relation(object_entity) WHERE object_entity IS NOT NULL;

                DROP VIEW fact_sentence;
                CREATE VIEW fact_sentence AS
                    SELECT f.fact_id, f.doc_id, d.published, d.source,
                           substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence
                    FROM fact f JOIN document d USING (doc_id);
                CREATE VIEW funding_fact AS
                    SELECT f.fact_id, d.published, f.doc_id, d.title, d.url, f.recipient, r.name AS recipient_name, f.recipient_text,
                           f.funder, fu.name AS funder_name, f.funder_text, f.currency, f.amount_min, f.amount_max, f.approximate,
                           f.date_start, f.date_end, f.date_granularity, f.date_source, f.purpose,
                           substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence
                    FROM fact f JOIN document d USING (doc_id) JOIN entity r ON r.entity_id = f.recipient
                    LEFT JOIN entity fu ON fu.entity_id = f.funder;
                CREATE VIEW money_mention AS
                    SELECT m.doc_id, d.published, d.title, d.url, m.ord, m.text, m.currency, m.amount_min, m.amount_max, m.approximate,
                           m.exact, m.currency_source, m.start, m."end", s.text AS sentence
                    FROM mention m JOIN document d ON d.doc_id = m.doc_id
                    LEFT JOIN sentence s ON s.doc_id = m.doc_id AND s.ord = m.sentence
                    WHERE m.type = 'money' AND m.currency IS NOT NULL;
                CREATE VIEW date_mention AS
                    SELECT m.doc_id, d.published, d.title, d.url, m.ord, m.text, m.date_start, m.date_end, m.granularity, m.relative,
                           m.start, m."end", s.text AS sentence
                    FROM mention m JOIN document d ON d.doc_id = m.doc_id
                    LEFT JOIN sentence s ON s.doc_id = m.doc_id AND s.ord = m.sentence
                    WHERE m.type = 'date' AND m.date_start IS NOT NULL;
                CREATE VIEW entity_mention AS
                    SELECT m.entity_id, e.name AS entity_name, e.type AS entity_type, m.doc_id, d.published, d.title, d.url,
                           m.text, m.start, m."end", s.text AS sentence
                    FROM mention m JOIN entity e ON e.entity_id = m.entity_id JOIN document d ON d.doc_id = m.doc_id
                    LEFT JOIN sentence s ON s.doc_id = m.doc_id AND s.ord = m.sentence;
                """)
            let insert = try db.makeStatement(sql: "INSERT INTO sentence (doc_id, ord, start, \"end\", text) VALUES (?, ?, ?, ?, ?)")
            let documents = try Row.fetchCursor(db, sql: "SELECT doc_id, text FROM document")
            while let d = try documents.next() {
                for s in SentenceRow.rows(docID: d["doc_id"], text: d["text"] ?? "") {
                    try insert.execute(arguments: [s.docID, s.ord, s.start, s.end, s.text])
                }
            }
            try EntityCounts.recount(in: db)
        }
        // Search folding outside NewsKB: `search_folding` holds every Han character whose index
        // token differs (Simplified, Hong Kong variants made standard: 衞 → 卫), so Datasette or
        // any SQL reader can fold a query as the index does; the index is made again, contentless,
        // with the variants folded (before, 衞生 was indexed as written and 卫生 did not find it).
        m.registerMigration("v7-search-folding") { db in
            try db.execute(sql: "CREATE TABLE search_folding (char TEXT PRIMARY KEY NOT NULL, folded TEXT NOT NULL) WITHOUT ROWID")
            // A fact that is part of another (a first tranche of a total): the total's fact_id.
            try db.execute(sql: """
                ALTER TABLE fact ADD COLUMN part_of TEXT;
                UPDATE fact SET part_of = json_extract(record, '$.part_of');
                DROP VIEW funding;
                CREATE VIEW funding AS
                    SELECT f.recipient, e.name AS recipient_name, e.type AS recipient_type, f.currency, f.amount_min, f.amount_max,
                           MIN(f.funder) AS funder, MIN(CASE WHEN f.date_source = 'text' THEN f.date_start END) AS date_start,
                           MIN(d.published) AS first_reported,
                           (SELECT f2.doc_id FROM fact f2 JOIN document d2 USING (doc_id)
                              WHERE f2.recipient = f.recipient AND f2.currency = f.currency
                                AND f2.amount_min IS f.amount_min AND f2.amount_max IS f.amount_max
                              ORDER BY d2.published IS NULL, d2.published, f2.doc_id LIMIT 1) AS first_doc,
                           COUNT(*) AS documents, group_concat(f.doc_id, ' ') AS doc_ids,
                           MAX(f.part_of IS NOT NULL) AS is_part
                    FROM fact f JOIN document d USING (doc_id) JOIN entity e ON e.entity_id = f.recipient
                    GROUP BY f.recipient, f.currency, f.amount_min, f.amount_max;
                """)
            let insert = try db.makeStatement(sql: "INSERT INTO search_folding (char, folded) VALUES (?, ?)")
            for (c, f) in SearchFolding.foldingPairs { try insert.execute(arguments: [String(c), String(f)]) }
            // The index keeps no copy of the tokens (contentless): snippets are cut from the
            // document's text, so a deleted document is taken out by giving its tokens again.
            try db.execute(sql: """
                DROP TRIGGER document_search_delete;
                DROP TABLE search;
                CREATE VIRTUAL TABLE search USING fts5(title, body, content = '', tokenize = 'unicode61 remove_diacritics 0');
                CREATE TRIGGER document_search_delete AFTER DELETE ON document BEGIN
                    INSERT INTO search (search, rowid, title, body)
                        VALUES ('delete', old.rowid, newskb_search_tokens(coalesce(old.title, '')), newskb_search_tokens(json_extract(old.record, '$.text')));
                END;
                INSERT INTO search (rowid, title, body)
                    SELECT rowid, newskb_search_tokens(coalesce(title, '')), newskb_search_tokens(text) FROM document;
                """)
        }
        return m
    }
}
