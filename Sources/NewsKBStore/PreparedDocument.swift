import NewsKBCore

extension KnowledgeBase {
    /// A processed document's rows, made where the document was processed (ingest's worker
    /// threads), so the one thread that writes SQLite only binds values and steps statements:
    /// its records (``Records/Serialized``), its sentences, mentions with their values,
    /// relations and facts, and how often it mentions each entity.
    public struct PreparedDocument: Sendable {
        let records: Records.Serialized
        let sentences: [SentenceRow]
        let mentions: [MentionRow]
        let relations: [RelationRow]
        let facts: [FactRow]
        /// Entity id → mentions in this document.
        let entityMentions: [String: Int]
    }

    /// The rows of `doc`, ready to store.
    public static func prepare(_ doc: NewsDocument) -> PreparedDocument {
        let records = Records.serialize(doc)
        var mentions: [MentionRow] = []
        var counts: [String: Int] = [:]
        mentions.reserveCapacity(doc.mentions.count)
        for (i, m) in doc.mentions.enumerated() {
            var row = MentionRow(docID: doc.id, ord: i, type: m.type.rawValue, text: doc.text(of: m), start: m.start, end: m.end,
                                 sentence: m.sentence, entityID: m.entityID)
            switch m.value {
            case .money(let v): row.money = MoneyColumns(v)
            case .date(let v): row.date = DateColumns(v)
            case .name(let v): row.name = v
            case .none: break
            }
            if let id = m.entityID { counts[id, default: 0] += 1 }
            mentions.append(row)
        }
        return PreparedDocument(
            records: records, sentences: SentenceRow.rows(of: doc), mentions: mentions,
            relations: doc.relations.enumerated().map { i, r in RelationRow(r, docID: doc.id, ord: i, record: records.relations[i]) },
            facts: doc.facts.enumerated().map { i, f in FactRow(f, id: records.factIDs[i], docID: doc.id, ord: i, record: records.facts[i]) },
            entityMentions: counts)
    }
}

/// What the writer knows of the entities it has written in this process: their stored names
/// and aliases, so a document naming a known entity again costs no query; and the counts
/// that documents of the open transaction add, written once per transaction.
final class EntityCache: @unchecked Sendable {
    struct Known {
        var type: String
        var name: String
        var nameHans: String?
        var aliases: Set<String>
        /// The last sighting merged in: the same one again changes nothing.
        var lastSeen: EntityInfo? = nil
    }
    var known: [String: Known] = [:]
    var pendingCounts: [String: (mentions: Int, documents: Int)] = [:]

    /// Forgets everything: after a transaction that failed, or writes made another way.
    func reset() {
        known.removeAll()
        pendingCounts.removeAll()
    }
}
