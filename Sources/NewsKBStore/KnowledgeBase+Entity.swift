import GRDB
import NewsKBCore

extension KnowledgeBase {
    /// Everything the knowledge base knows of one entity: its names, how documents write
    /// it, where it appears (oldest first), its relations and its funding facts.
    public struct EntityStory: Sendable {
        public var id: String
        public var type: String
        public var name: String
        public var nameHans: String?
        public var nameEn: String?
        public var aliases: [String]
        public var mentions: Int
        /// The surfaces documents write it with, most frequent first.
        public var surfaces: [(text: String, count: Int)]
        /// The documents that mention it, oldest first.
        public var documents: [(docID: String, title: String?, published: String?, mentions: Int)]
        /// `part_of` and `renamed_to` relations it is the subject or the object of.
        public var relations: [(type: String, subject: String, object: String, docID: String)]
        /// Funding facts it received or gave, linked across documents.
        public var facts: [FundingFact]
    }

    /// The entities an id, a name or an alias (either script) names, each with its story.
    /// With `facts` (the report, which reads every fact once), each story's facts are taken
    /// from those instead of being looked up.
    public func entityStories(_ nameOrID: String, facts known: [FundingFact]? = nil, documentLimit: Int = Int.max) throws -> [EntityStory] {
        let ids = try db.read { db in try Self.entityIDs(nameOrID, in: db) }
        return try ids.sorted().compactMap { id in
            let facts = try known.map { $0.filter { $0.recipient == id || $0.funder == id } } ?? fundingFacts(entity: id)
            return try db.read { db -> EntityStory? in
                guard let e = try Row.fetchOne(db, sql: "SELECT * FROM entity WHERE entity_id = ?", arguments: [id]) else { return nil }
                let aliases = try String.fetchAll(db, sql: "SELECT alias FROM entity_alias WHERE entity_id = ? ORDER BY alias", arguments: [id])
                let surfaces = try Row.fetchAll(db, sql: """
                    SELECT text, COUNT(*) AS n FROM mention WHERE entity_id = ? GROUP BY text ORDER BY n DESC, text
                    """, arguments: [id]).map { (text: $0["text"] as String, count: $0["n"] as Int) }
                let documents = try Row.fetchAll(db, sql: """
                    SELECT d.doc_id, d.title, d.published, COUNT(*) AS n FROM mention m JOIN document d USING (doc_id)
                    WHERE m.entity_id = ? GROUP BY d.doc_id ORDER BY d.published IS NULL, d.published, d.doc_id LIMIT ?
                    """, arguments: [id, documentLimit]).map { (docID: $0["doc_id"] as String, title: $0["title"] as String?, published: $0["published"] as String?, mentions: $0["n"] as Int) }
                let relations = try Row.fetchAll(db, sql: """
                    SELECT type, subject, object_entity AS object, MIN(doc_id) AS doc_id FROM relation
                    WHERE type IN ('part_of', 'renamed_to') AND (subject = ?1 OR object_entity = ?1)
                    GROUP BY type, subject, object ORDER BY type, subject, object
                    """, arguments: [id]).map { (type: $0["type"] as String, subject: $0["subject"] as String, object: $0["object"] as String? ?? "", docID: $0["doc_id"] as String) }
                let name: String = e["name"]
                return EntityStory(id: id, type: e["type"], name: name, nameHans: e["name_hans"], nameEn: e["name_en"],
                                   aliases: aliases.filter { $0 != name }, mentions: e["mentions"],
                                   surfaces: surfaces, documents: documents, relations: relations, facts: facts)
            }
        }
    }
}
