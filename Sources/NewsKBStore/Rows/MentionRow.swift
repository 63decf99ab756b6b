#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GRDB
import NewsKBCore

/// A row of `mention`: a typed span of a document's text, its sentence, the entity it
/// resolves to (a foreign key to `entity`), and its value as columns: an amount's, a date's
/// or a name's. The export writes the mention's record back from these.
struct MentionRow {
    var docID: String
    var ord: Int
    var type: String
    var text: String
    var start: Int
    var end: Int
    var sentence: Int?
    var entityID: String?
    var money: MoneyColumns? = nil
    var date: DateColumns? = nil
    var name: NameValue? = nil

    static let insertSQL = """
        INSERT INTO mention (doc_id, ord, type, text, start, "end", sentence, entity_id, currency, amount_min, amount_max, approximate,
                             currency_source, date_start, date_end, granularity, relative, name, lexicon_id, method)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The columns the export reads, in the order ``record(_:docID:)`` takes them.
    static let exportColumns = """
        start, "end", entity_id, sentence, text, type, currency, CAST(amount_min AS TEXT), CAST(amount_max AS TEXT), approximate,
        currency_source, date_start, date_end, granularity, relative, name, lexicon_id, method
        """

    /// A mention's export record from its row (``exportColumns``), as `extract` writes it.
    static func record(_ r: Row, docID: [UInt8]) -> [UInt8] {
        let value: MentionValue
        if let currency: String = r[6] {
            value = .money(MoneyValue(currency: currency, min: (r[7] as String?).flatMap { Decimal(string: $0) }, max: (r[8] as String?).flatMap { Decimal(string: $0) },
                                      approximate: r[9] ?? false, currencySource: (r[10] as String?).flatMap(CurrencySource.init(rawValue:)) ?? .explicit))
        } else if let start: String = r[11], let s = CivilDate(iso: start), let e = (r[12] as String?).flatMap(CivilDate.init(iso:)) {
            value = .date(DateValue(start: s, end: e, granularity: (r[13] as String?).flatMap(DateGranularity.init(rawValue:)) ?? .day, relative: r[14] ?? false))
        } else if let method = (r[17] as String?).flatMap(NameMethod.init(rawValue:)) {
            value = .name(NameValue(lexiconID: r[16], name: r[15] ?? "", method: method))
        } else {
            value = .none
        }
        var out: [UInt8] = []
        var text: String = r[4]
        text.withUTF8 { t in
            Records.writeMention(docID: docID, start: r[0], end: r[1], entityID: r[2], sentence: r[3] ?? 0, text: t, type: r[5], value: value, to: &out)
        }
        return out
    }

    func bind(to w: inout RowWriter) {
        w.text(docID); w.int(ord); w.text(type); w.text(text); w.int(start); w.int(end)
        w.int(sentence)
        w.text(entityID)
        MoneyColumns.bind(money, to: &w)
        DateColumns.bind(date, to: &w)
        w.text(name?.name); w.text(name?.lexiconID); w.text(name?.method.rawValue)
    }
}

/// A row of `relation`: subject and object as columns (an entity object as a foreign key,
/// a money or date object as its value's columns), with the evidence span.
struct RelationRow {
    var docID: String
    var ord: Int
    var type: String
    var subject: String
    var subjectText: String?
    var objectEntity: String?
    var money: MoneyColumns?
    var date: DateColumns?
    var evidenceStart: Int?
    var evidenceEnd: Int?
    var record: String

    static let insertSQL = """
        INSERT INTO relation (doc_id, ord, type, subject, subject_text, object_entity, object_currency, object_min, object_max,
                              object_approximate, object_date_start, object_date_end, object_granularity, evidence_start, evidence_end, record)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    func bind(to w: inout RowWriter) {
        w.text(docID); w.int(ord); w.text(type); w.text(subject); w.text(subjectText); w.text(objectEntity)
        // The relation table has no currency source or relative flag: the value's other columns.
        w.text(money?.currency); w.text(money?.amountMin); w.text(money?.amountMax); w.bool(money?.approximate)
        w.text(date?.start); w.text(date?.end); w.text(date?.granularity)
        w.int(evidenceStart); w.int(evidenceEnd)
        w.text(record)
    }
}

extension RelationRow {
    init(_ r: Relation, docID: String, ord: Int, record: String) {
        var entity: String? = nil, money: MoneyColumns? = nil, date: DateColumns? = nil
        switch r.object {
        case .entity(let id): entity = id
        case .money(let v): money = MoneyColumns(v)
        case .date(let v): date = DateColumns(v)
        }
        self.init(docID: docID, ord: ord, type: r.type.rawValue, subject: r.subject, subjectText: r.subjectText, objectEntity: entity,
                  money: money, date: date, evidenceStart: r.evidenceStart, evidenceEnd: r.evidenceEnd, record: record)
    }
}
