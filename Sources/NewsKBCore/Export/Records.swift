/// The JSONL records of `../shared/CONTRACT.md`: document, mention, entity, relation, and
/// error records for inputs that could not be processed. `extract` and `export` both
/// write these, one object a line, keys sorted.
public enum Records {
    public static func document(_ d: NewsDocument) -> JSONValue {
        var o: [String: JSONValue] = [
            "kind": .string("document"), "doc_id": .string(d.id), "source": .string(d.source), "url": .string(d.url),
            "title": .string(d.title), "published": .string(d.published?.description), "language": .string(d.language),
            "region": .string(d.region), "sha256": .string(d.sha256), "text": .string(d.text),
        ]
        if !d.warnings.isEmpty { o["warnings"] = .array(d.warnings.map { .string($0) }) }
        if let a = d.author { o["author"] = .string(a) }
        return .object(o)
    }

    public static func value(_ v: MentionValue) -> JSONValue {
        switch v {
        case .money(let mv): return money(mv)
        case .date(let dv): return date(dv)
        case .name(let nv): return .fields([("lexicon_id", .string(nv.lexiconID)), ("method", .string(nv.method)), ("name", .string(nv.name))])
        case .none: return .null
        }
    }

    public static func money(_ v: MoneyValue) -> JSONValue {
        .fields([("approximate", .bool(v.approximate)), ("currency", .string(v.currency)), ("currency_source", .string(v.currencySource)),
                 ("max", .decimal(v.max)), ("min", .decimal(v.min))])
    }

    public static func date(_ v: DateValue) -> JSONValue {
        .fields([("end", .string(v.end.description)), ("granularity", .string(v.granularity.rawValue)),
                 ("relative", .bool(v.relative)), ("start", .string(v.start.description))])
    }

    public static func relation(_ r: Relation, docID: String) -> JSONValue {
        let object: JSONValue
        switch r.object {
        case .money(let v): object = money(v)
        case .entity(let id): object = .string(id)
        case .date(let v): object = date(v)
        }
        return .object(["kind": .string("relation"), "type": .string(r.type), "doc_id": .string(docID), "subject": .string(r.subject),
                        "subject_text": .string(r.subjectText), "object": object,
                        "evidence": .object(["start": .int(r.evidenceStart), "end": .int(r.evidenceEnd)])])
    }

    /// An entity with its counts over whatever set of documents is being written.
    public static func entity(_ e: EntityInfo, mentions: Int, documents: Int) -> JSONValue {
        .object(["kind": .string("entity"), "entity_id": .string(e.id), "type": .string(e.type.rawValue), "name": .string(e.name),
                 "name_hans": .string(e.nameHans), "name_en": .string(e.nameEn), "aliases": .array(e.aliases.sorted().map { .string($0) }),
                 "mentions": .int(mentions), "documents": .int(documents)])
    }

    /// An input that could not be processed, and why.
    public static func error(source: String, docID: String?, error: String) -> JSONValue {
        .object(["kind": .string("error"), "source": .string(source), "doc_id": .string(docID), "error": .string(error)])
    }

    /// Writes every record of one processed document as JSONL lines into `out`, the same
    /// bytes as ``lines(for:)`` serialised, without building intermediate values for mentions.
    public static func write(_ d: NewsDocument, to out: inout [UInt8]) {
        document(d).write(to: &out)
        out.append(0x0A)
        var docID: [UInt8] = []
        JSONValue.writeString(d.id, to: &docID)
        for m in d.mentions {
            writeMention(m, in: d, docID: docID, to: &out)
            out.append(0x0A)
        }
        for r in d.relations {
            relation(r, docID: d.id).write(to: &out)
            out.append(0x0A)
        }
    }

    static func ascii(_ s: StaticString, _ out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// A mention record written straight to bytes, keys in sorted order.
    static func writeMention(_ m: Mention, in d: NewsDocument, docID: [UInt8], to out: inout [UInt8]) {
        ascii("{\"doc_id\":", &out); out.append(contentsOf: docID)
        ascii(",\"end\":", &out); JSONValue.writeInt(m.end, to: &out)
        ascii(",\"entity_id\":", &out)
        if let e = m.entityID { JSONValue.writeString(e, to: &out) } else { ascii("null", &out) }
        ascii(",\"kind\":\"mention\",\"sentence\":", &out); JSONValue.writeInt(m.sentence, to: &out)
        ascii(",\"start\":", &out); JSONValue.writeInt(m.start, to: &out)
        ascii(",\"text\":", &out); d.withUTF8(m.start, m.end) { JSONValue.writeString(utf8: $0, to: &out) }
        ascii(",\"type\":", &out); JSONValue.writeString(m.type.rawValue, to: &out)
        ascii(",\"value\":", &out)
        value(m.value).write(to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// A document's records serialised ahead of storing (done on the worker threads).
    public struct Serialized: Sendable {
        public var document: String
        public var mentions: [String]
        public var relations: [String]
    }

    public static func serialize(_ d: NewsDocument) -> Serialized {
        var docID: [UInt8] = []
        JSONValue.writeString(d.id, to: &docID)
        return Serialized(
            document: document(d).serialized(),
            mentions: d.mentions.map { m in
                var b: [UInt8] = []
                writeMention(m, in: d, docID: docID, to: &b)
                return String(decoding: b, as: UTF8.self)
            },
            relations: d.relations.map { relation($0, docID: d.id).serialized() })
    }
}
