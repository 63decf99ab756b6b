#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The JSONL records of `../shared/CONTRACT.md`: document, mention, entity, relation, fact, and
/// error records for inputs that could not be processed. `extract` and `export` both
/// write these, one object a line, keys sorted.
///
/// The records of a document are written straight to bytes (keys in sorted order), since
/// they are most of the output; entity and error records are few and built as ``JSONValue``.
public enum Records {
    /// An entity with its counts over whatever set of documents is being written.
    public static func entity(_ e: EntityInfo, mentions: Int, documents: Int) -> JSONValue {
        .object(["kind": .string("entity"), "entity_id": .string(e.id), "type": .string(e.type.rawValue), "name": .string(e.name),
                 "name_hans": .string(e.nameHans), "name_en": .string(e.nameEn), "aliases": .array(e.aliases.sorted().map { .string($0) }),
                 "mentions": .int(mentions), "documents": .int(documents)])
    }

    /// An input that could not be processed, and why: `source` is the location as one
    /// string (`file`, `file:line`, `file#record`), also given as `file`, `line` and `record`;
    /// `stage` is the stage that refused it (`read` for the reader), `code` its stable code,
    /// `message` the words; `error` is the code and message as one line.
    public static func error(_ f: InputFailure) -> JSONValue {
        .object(["kind": .string("error"), "source": .string(f.location.description), "file": .string(f.location.file),
                 "line": f.location.line.map { .int($0) } ?? .null, "record": f.location.record.map { .int($0) } ?? .null,
                 "doc_id": .string(f.docID), "stage": .string(f.stage), "code": .string(f.code.rawValue), "message": .string(f.message),
                 "error": .string(f.description)])
    }

    /// Writes every record of one processed document as JSONL lines into `out`.
    public static func write(_ d: NewsDocument, to out: inout [UInt8]) {
        // Room for the text (escaped), the mentions and relations, so the buffer grows once.
        let needed = out.count + 2 * d.scalars.count * 3 + 400 * (d.mentions.count + d.relations.count) + 1024
        if out.capacity < needed { out.reserveCapacity(max(needed, 2 * out.capacity)) }
        writeDocument(d, to: &out)
        out.append(0x0A)
        var docID: [UInt8] = []
        JSONValue.writeString(d.id, to: &docID)
        for m in d.mentions {
            writeMention(m, in: d, docID: docID, to: &out)
            out.append(0x0A)
        }
        for r in d.relations {
            writeRelation(r, docID: docID, to: &out)
            out.append(0x0A)
        }
        for f in d.facts {
            writeFact(f, id: f.id(docID: d.id), docID: d.id, to: &out)
            out.append(0x0A)
        }
    }

    @inline(__always)
    static func ascii(_ s: StaticString, _ out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    static func string(_ s: String?, _ out: inout [UInt8]) {
        if let s { JSONValue.writeString(s, to: &out) } else { ascii("null", &out) }
    }

    static func bool(_ b: Bool, _ out: inout [UInt8]) { b ? ascii("true", &out) : ascii("false", &out) }

    /// A date as a JSON string, `"YYYY-MM-DD"`.
    static func date(_ d: CivilDate, _ out: inout [UInt8]) {
        out.append(0x22)
        d.appendISO(to: &out)
        out.append(0x22)
    }

    static func decimal(_ d: Decimal?, _ out: inout [UInt8]) {
        if let d { out.append(contentsOf: JSONValue.format(d).utf8) } else { ascii("null", &out) }
    }

    /// The document record: provenance and the clean text every offset points into.
    static func writeDocument(_ d: NewsDocument, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        if let a = d.author { ascii("\"author\":", &out); string(a, &out); out.append(UInt8(ascii: ",")) }
        ascii("\"doc_id\":", &out); string(d.id, &out)
        ascii(",\"kind\":\"document\",\"language\":", &out); string(d.language, &out)
        ascii(",\"published\":", &out)
        if let p = d.published { date(p, &out) } else { ascii("null", &out) }
        ascii(",\"published_source\":", &out); string(d.published == nil ? PublishedSource.none.rawValue : d.publishedSource.rawValue, &out)
        ascii(",\"region\":", &out); string(d.region, &out)
        ascii(",\"region_source\":", &out); string(d.region == nil ? nil : d.regionSource.rawValue, &out)
        ascii(",\"sha256\":", &out); string(d.sha256, &out)
        ascii(",\"source\":", &out); string(d.source, &out)
        ascii(",\"text\":", &out); d.withUTF8(0, d.scalars.count) { JSONValue.writeString(utf8: $0, to: &out) }
        ascii(",\"title\":", &out); string(d.title, &out)
        ascii(",\"url\":", &out); string(d.url, &out)
        if !d.warnings.isEmpty {
            ascii(",\"warnings\":[", &out)
            for (i, w) in d.warnings.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                string(w, &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A mention record, keys in sorted order.
    static func writeMention(_ m: Mention, in d: NewsDocument, docID: [UInt8], to out: inout [UInt8]) {
        d.withUTF8(m.start, m.end) { text in
            writeMention(docID: docID, start: m.start, end: m.end, entityID: m.entityID, sentence: m.sentence, text: text,
                         type: m.type.rawValue, value: m.value, to: &out)
        }
    }

    /// A mention record from its fields (a knowledge base's typed columns give them back).
    public static func writeMention(docID: [UInt8], start: Int, end: Int, entityID: String?, sentence: Int, text: UnsafeBufferPointer<UInt8>,
                                    type: String, value: MentionValue, to out: inout [UInt8]) {
        ascii("{\"doc_id\":", &out); out.append(contentsOf: docID)
        ascii(",\"end\":", &out); JSONValue.writeInt(end, to: &out)
        ascii(",\"entity_id\":", &out); string(entityID, &out)
        ascii(",\"kind\":\"mention\",\"sentence\":", &out); JSONValue.writeInt(sentence, to: &out)
        ascii(",\"start\":", &out); JSONValue.writeInt(start, to: &out)
        ascii(",\"text\":", &out); JSONValue.writeString(utf8: text, to: &out)
        ascii(",\"type\":", &out); string(type, &out)
        ascii(",\"value\":", &out)
        switch value {
        case .money(let v): writeMoney(v, to: &out)
        case .date(let v): writeDate(v, to: &out)
        case .name(let v):
            ascii("{\"lexicon_id\":", &out); string(v.lexiconID, &out)
            ascii(",\"method\":", &out); string(v.method.rawValue, &out)
            ascii(",\"name\":", &out); string(v.name, &out)
            out.append(UInt8(ascii: "}"))
        case .none: ascii("null", &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A document id as the records write it (a JSON string), for ``writeMention(docID:start:end:entityID:sentence:text:type:value:to:)``.
    public static func jsonString(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        JSONValue.writeString(s, to: &out)
        return out
    }

    static func writeMoney(_ v: MoneyValue, to out: inout [UInt8]) {
        ascii("{\"approximate\":", &out); bool(v.approximate, &out)
        ascii(",\"currency\":", &out); string(v.currency, &out)
        ascii(",\"currency_source\":", &out); string(v.currencySource.rawValue, &out)
        ascii(",\"max\":", &out); decimal(v.max, &out)
        ascii(",\"min\":", &out); decimal(v.min, &out)
        out.append(UInt8(ascii: "}"))
    }

    static func writeDate(_ v: DateValue, to out: inout [UInt8]) {
        ascii("{\"end\":", &out); date(v.end, &out)
        ascii(",\"granularity\":", &out); string(v.granularity.rawValue, &out)
        ascii(",\"relative\":", &out); bool(v.relative, &out)
        ascii(",\"start\":", &out); date(v.start, &out)
        out.append(UInt8(ascii: "}"))
    }

    /// A relation record with its evidence span.
    static func writeRelation(_ r: Relation, docID: [UInt8], to out: inout [UInt8]) {
        ascii("{\"doc_id\":", &out); out.append(contentsOf: docID)
        ascii(",\"evidence\":{\"end\":", &out); JSONValue.writeInt(r.evidenceEnd, to: &out)
        ascii(",\"start\":", &out); JSONValue.writeInt(r.evidenceStart, to: &out)
        ascii("},\"kind\":\"relation\",\"object\":", &out)
        switch r.object {
        case .money(let v): writeMoney(v, to: &out)
        case .entity(let id): string(id, &out)
        case .date(let v): writeDate(v, to: &out)
        }
        ascii(",\"subject\":", &out); string(r.subject, &out)
        ascii(",\"subject_text\":", &out); string(r.subjectText, &out)
        ascii(",\"type\":", &out); string(r.type.rawValue, &out)
        out.append(UInt8(ascii: "}"))
    }

    static func span(_ t: TextSpan, _ out: inout [UInt8]) {
        ascii("{\"end\":", &out); JSONValue.writeInt(t.end, to: &out)
        ascii(",\"start\":", &out); JSONValue.writeInt(t.start, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// A funding fact record (CONTRACT.md, section fact), keys in sorted order.
    /// `id` is the fact's ``Fact/id(docID:)``, computed once by the caller.
    public static func writeFact(_ f: Fact, id: String, docID: String, to out: inout [UInt8]) {
        ascii("{\"amount\":", &out); writeMoney(f.amount, to: &out)
        ascii(",\"date\":", &out)
        if let d = f.date { writeDate(d, to: &out) } else { ascii("null", &out) }
        ascii(",\"date_source\":", &out); string(f.dateSource?.rawValue, &out)
        ascii(",\"doc_id\":", &out); string(docID, &out)
        ascii(",\"evidence\":", &out); span(f.evidence, &out)
        ascii(",\"fact_id\":", &out); string(id, &out)
        ascii(",\"funder\":", &out); string(f.funder, &out)
        ascii(",\"funder_text\":", &out); string(f.funderText, &out)
        ascii(",\"kind\":\"fact\",\"mentions\":[", &out)
        for (i, m) in f.mentions.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            span(m, &out)
        }
        out.append(UInt8(ascii: "]"))
        if let p = f.partOfID(docID: docID) { ascii(",\"part_of\":", &out); string(p, &out) }
        ascii(",\"purpose\":", &out); string(f.purpose, &out)
        ascii(",\"recipient\":", &out); string(f.recipient, &out)
        ascii(",\"recipient_text\":", &out); string(f.recipientText, &out)
        ascii(",\"sentence\":", &out); span(f.sentence, &out)
        ascii(",\"type\":\"funding\"}", &out)
    }

    /// A document's records serialised ahead of storing (done on the worker threads), with
    /// what the store's other columns need that costs work: the facts' ids and the search
    /// index's tokens of the title and the text. Mentions have no record here: a knowledge
    /// base writes theirs back from its columns.
    public struct Serialized: Sendable {
        public var document: String
        public var relations: [String]
        public var facts: [String]
        public var factIDs: [String]
        public var searchTitle: String
        public var searchBody: String
    }

    /// The document's records, but for its mentions.
    public static func serialize(_ d: NewsDocument) -> Serialized {
        var docID: [UInt8] = []
        JSONValue.writeString(d.id, to: &docID)
        func line(_ write: (inout [UInt8]) -> Void) -> String {
            var b: [UInt8] = []
            write(&b)
            return String(decoding: b, as: UTF8.self)
        }
        let ids = d.facts.map { $0.id(docID: d.id) }
        return Serialized(
            document: line { writeDocument(d, to: &$0) },
            relations: d.relations.map { r in line { writeRelation(r, docID: docID, to: &$0) } },
            facts: zip(d.facts, ids).map { f, id in line { writeFact(f, id: id, docID: d.id, to: &$0) } },
            factIDs: ids, searchTitle: SearchFolding.tokens(d.title ?? ""), searchBody: SearchFolding.tokens(d.text))
    }
}
