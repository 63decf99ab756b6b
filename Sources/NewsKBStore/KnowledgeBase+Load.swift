#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GRDB
import NewsKBCore

extension KnowledgeBase {
    /// The fields of an `extract` record that the store needs; the line itself is kept as the record.
    struct PartRecord: Decodable {
        var kind: String
        var doc_id: String?
        var source: String?
        var sha256: String?
        var published: String?
        var language: String?
        var region: String?
        var title: String?
        var type: String?
        var text: String?
        var start: Int?
        var end: Int?
        var entity_id: String?
        var subject: String?
        var name: String?
        var name_hans: String?
        var name_en: String?
        var aliases: [String]?
        var error: String?
        var file: String?
        var line: Int?
        var record: Int?
        var stage: String?
        var code: String?
        var message: String?
        var url: String?
        var subject_text: String?
        /// A mention's sentence ordinal (a fact's `sentence` is a span: not read here).
        var sentence: LenientInt?
        var value: ValueRecord?
        var object: RelationObjectRecord?
        var evidence: LenientSpan?
    }

    /// An integer field that another kind of record uses for something else.
    struct LenientInt: Decodable {
        var value: Int?
        init(from decoder: Decoder) throws { value = try? decoder.singleValueContainer().decode(Int.self) }
    }

    /// A `{start, end}` span, or nothing when the field holds something else.
    struct LenientSpan: Decodable {
        struct Span: Decodable { var start: Int; var end: Int }
        var span: Span?
        init(from decoder: Decoder) throws { span = try? decoder.singleValueContainer().decode(Span.self) }
    }

    /// A relation's object: an entity id, or a money or date value.
    enum RelationObjectRecord: Decodable {
        case entity(String)
        case value(ValueRecord)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let id = try? c.decode(String.self) { self = .entity(id) } else { self = .value(try c.decode(ValueRecord.self)) }
        }
    }

    /// What `load` did.
    public struct LoadTally: Sendable {
        public var documents = 0, replaced = 0, unchanged = 0, entities = 0, errors = 0, badLines = 0
        public init() {}
    }

    /// Merges `extract` output (JSONL parts, as Spark writes them) into the knowledge base:
    /// documents replace older versions of themselves, entities from every part merge by id
    /// (aliases united), error records are kept. Each part is one transaction.
    public func load(partLines lines: () throws -> [UInt8]?, pipeline: String) throws -> LoadTally {
        var tally = LoadTally()
        entities.reset()
        let decoder = JSONDecoder()
        try db.write { db in
            var current: String? = nil     // the document whose mentions follow
            var skipping = false           // its content is unchanged: skip its mentions and relations
            var mentionOrd = 0, relationOrd = 0, factOrd = 0
            var rows = try DocumentRows(db)
            while let raw = try lines() {
                if raw.isEmpty { continue }
                guard let r = try? decoder.decode(PartRecord.self, from: Data(raw)) else { tally.badLines += 1; continue }
                let line = String(decoding: raw, as: UTF8.self)
                switch r.kind {
                case "document":
                    guard let id = r.doc_id, let sha = r.sha256 else { tally.badLines += 1; continue }
                    current = id
                    mentionOrd = 0
                    relationOrd = 0
                    factOrd = 0
                    let old = try Row.fetchOne(db, sql: "SELECT sha256, pipeline, record FROM document WHERE doc_id = ?", arguments: [id])
                    if let o = old, o["sha256"] as String == sha, o["record"] as String == line {
                        skipping = true
                        tally.unchanged += 1
                        continue
                    }
                    skipping = false
                    if old != nil { tally.replaced += 1 }
                    try DocumentRows.clear(docID: id, replacing: old != nil, clearErrors: true, in: db)
                    try rows.document(DocumentRow(docID: id, source: r.source ?? "", origin: nil, sha256: sha, pipeline: pipeline, published: r.published,
                                                  language: r.language ?? "und", region: r.region, title: r.title, url: r.url, record: line),
                                      search: (SearchFolding.tokens(r.title ?? ""), SearchFolding.tokens(r.text ?? "")))
                    for sentence in SentenceRow.rows(docID: id, text: r.text ?? "") { try rows.sentence(sentence) }
                    tally.documents += 1
                case "mention":
                    guard !skipping, let id = r.doc_id, id == current, let s = r.start, let e = r.end else { continue }
                    try rows.mention(MentionRow(docID: id, ord: mentionOrd, type: r.type ?? "", text: r.text ?? "", start: s, end: e,
                                                sentence: r.sentence?.value, entityID: r.entity_id,
                                                money: r.type == "money" ? r.value?.money : nil,
                                                date: r.type == "date" ? r.value?.date : nil,
                                                name: r.value?.nameValue))
                    mentionOrd += 1
                case "relation":
                    guard !skipping, let id = r.doc_id, id == current else { continue }
                    var entity: String? = nil, money: MoneyColumns? = nil, date: DateColumns? = nil
                    switch r.object {
                    case .entity(let e): entity = e
                    case .value(let v): money = v.money; date = money == nil ? v.date : nil
                    case nil: break
                    }
                    try rows.relation(RelationRow(docID: id, ord: relationOrd, type: r.type ?? "", subject: r.subject ?? "", subjectText: r.subject_text,
                                                  objectEntity: entity, money: money, date: date,
                                                  evidenceStart: r.evidence?.span?.start, evidenceEnd: r.evidence?.span?.end, record: line))
                    relationOrd += 1
                case "fact":
                    guard !skipping, let id = r.doc_id, id == current else { continue }
                    guard let f = try? decoder.decode(FactRow.Record.self, from: Data(raw)), f.doc_id == id else { tally.badLines += 1; continue }
                    try rows.fact(FactRow(f, ord: factOrd, record: line))
                    factOrd += 1
                case "entity":
                    guard let id = r.entity_id else { continue }
                    try Self.upsertEntity(EntityInfo(id: id, type: MentionType(rawValue: r.type ?? "") ?? .institution, name: r.name ?? id,
                                                     nameHans: r.name_hans, nameEn: r.name_en, aliases: r.aliases ?? []), in: db)
                    tally.entities += 1
                case "error":
                    guard let source = r.source, let error = r.error else { continue }
                    try Self.recordError(Self.partFailure(r, source: source, error: error), origin: nil, runID: nil, in: db)
                    tally.errors += 1
                default:
                    tally.badLines += 1
                }
            }
        }
        return tally
    }

    /// An error record of a part as a failure. Records of parts from before typed errors
    /// carry only `source` and `error` (`CODE: message`); theirs is read from that text.
    static func partFailure(_ r: PartRecord, source: String, error: String) -> InputFailure {
        var code = r.code.flatMap(ErrorCode.init(rawValue:)) ?? .input
        var message = r.message ?? error
        if r.code == nil, let colon = error.range(of: ": "), let c = ErrorCode(rawValue: String(error[..<colon.lowerBound])) {
            code = c
            message = String(error[colon.upperBound...])
        }
        let file = r.file ?? source
        return InputFailure(InputLocation(file: file, line: r.line, record: r.record, key: streamKey(source: source, file: file)),
                            docID: r.doc_id, stage: r.stage ?? "read", code: code, message)
    }
}
