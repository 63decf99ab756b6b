import Foundation
import NewsKBCore
import NewsKBTestSupport
import Testing

/// A stage of the repository's pipeline, run on its own over a document built by hand with
/// just the layers the stage requires.
func runStage(_ name: String, on doc: inout NewsDocument) throws {
    let p = Repository.pipeline
    let stage = try #require(p.stages.first { $0.name == name })
    try stage.process(&doc, in: p.context)
}

/// A document whose clean text is `text`, one sentence a line, with the given mentions.
func handMade(_ text: String, published: String = "2024-06-20", mentions: [Mention] = []) -> NewsDocument {
    var doc = NewsDocument(id: "h", source: "hand", format: .text, payload: Array(text.utf8), published: CivilDate(iso: published), region: "HK")
    doc.text = text
    var start = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let n = line.unicodeScalars.count
        if n > 0 { doc.sentences.append(start..<(start + n)) }
        start += n + 1
    }
    doc.mentions = mentions
    return doc
}

/// The code-point range of `needle` in `text`.
func span(_ needle: String, in text: String) -> (Int, Int) {
    let s = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
    let i = (0...(s.count - n.count)).first { Array(s[$0..<($0 + n.count)]) == n }!
    return (i, i + n.count)
}

func name(_ surface: String, in text: String, _ type: MentionType, lexiconID: String?) -> Mention {
    let (a, b) = span(surface, in: text)
    return Mention(type: type, start: a, end: b, value: .name(NameValue(lexiconID: lexiconID, name: surface, method: lexiconID == nil ? .rule : .lexicon)))
}

@Suite("Entity resolver on its own")
struct EntityResolverStageTests {
    @Test("a full name, a short name and the Simplified form are one entity; a rule-made name gets a key of its own")
    func oneEntity() throws {
        let text = "創新科技及工業局今日公布，創科局將與创新科技及工业局合作，並資助海洋生態研究中心。"
        var doc = handMade(text, mentions: [
            name("創新科技及工業局", in: text, .institution, lexiconID: "inst:itib"),
            name("創科局", in: text, .institution, lexiconID: "inst:itib"),
            name("创新科技及工业局", in: text, .institution, lexiconID: "inst:itib"),
            name("海洋生態研究中心", in: text, .institution, lexiconID: nil),
        ])
        try runStage("resolve.entities.v1", on: &doc)
        #expect(doc.mentions.prefix(3).allSatisfy { $0.entityID == "inst:itib" })
        let rule = try #require(doc.mentions.last?.entityID)
        #expect(EntityResolver.isRuleEntityID(rule))
        #expect(Set(doc.entities.keys) == ["inst:itib", rule])
        #expect(doc.entities["inst:itib"]?.aliases.contains("創科局") == true)
    }

    @Test("two sightings of an entity merge to the smaller rule name, every name kept")
    func merging() {
        let a = EntityInfo(id: "inst:~x", type: .institution, name: "乙研究所", nameHans: "乙研究所", nameEn: nil, aliases: [])
        let b = EntityInfo(id: "inst:~x", type: .institution, name: "甲研究所", nameHans: "甲研究所", nameEn: nil, aliases: ["甲所"])
        let m = a.merged(with: b), n = b.merged(with: a)
        #expect(m.name == n.name && m.name == EntityInfo.smaller("乙研究所", "甲研究所"))
        #expect(Set(m.aliases + [m.name]) == ["甲研究所", "乙研究所", "甲所"])
        let lexicon = EntityInfo(id: "inst:itib", type: .institution, name: "創新科技及工業局", nameHans: nil, nameEn: nil, aliases: [])
        #expect(lexicon.merged(with: EntityInfo(id: "inst:itib", type: .institution, name: "創科局", nameHans: nil, nameEn: nil, aliases: [])).name == "創新科技及工業局")
    }
}

@Suite("Relation finder on its own, on a document built by hand")
struct RelationFinderStageTests {
    func money(_ surface: String, in text: String, _ value: Int) -> Mention {
        let (a, b) = span(surface, in: text)
        return Mention(type: .money, start: a, end: b, value: .money(MoneyValue(currency: "HKD", min: Decimal(value), max: Decimal(value))))
    }

    @Test("an amount the clause allocates to a programme is a funding relation; one in another sentence is not")
    func funding() throws {
        let text = "政府撥款100億元推行產學研1+計劃。\n另外，市民消費了50億元。"
        var prog = name("產學研1+計劃", in: text, .programme, lexiconID: "prog:raise-plus")
        prog.entityID = "prog:raise-plus"
        var doc = handMade(text, mentions: [money("100億元", in: text, 10_000_000_000), prog, money("50億元", in: text, 5_000_000_000)]
            .sorted { $0.start < $1.start })
        for i in doc.mentions.indices { doc.mentions[i].sentence = doc.sentences.firstIndex { $0.contains(doc.mentions[i].start) } ?? 0 }
        try runStage("relate.v1", on: &doc)
        let funding = doc.relations.filter { $0.type == .funding }
        #expect(funding.count == 1)
        #expect(funding.first?.subject == "prog:raise-plus" && funding.first?.object == .money(MoneyValue(currency: "HKD", min: 10_000_000_000, max: 10_000_000_000)))
    }
}

@Suite("Page dates")
struct PageDateTests {
    @Test("timestamps with zones are read in Hong Kong time; datelines in their usual forms")
    func forms() {
        #expect(PageDate.parse("2024-06-19T17:30:00Z")?.description == "2024-06-20", "01:30 the next day in Hong Kong")
        #expect(PageDate.parse("2024-06-20T09:00:00+08:00")?.description == "2024-06-20")
        // The local zone is the pipeline's (localUTCOffsetMinutes): a paper on UTC keeps the UTC day.
        #expect(PageDate.parse("2024-06-19T17:30:00Z", localOffsetMinutes: 0)?.description == "2024-06-19")
        #expect(PageDate.parse("2024/6/20")?.description == "2024-06-20")
        #expect(PageDate.find(in: "發布時間：2024年6月20日（星期四）10:00")?.description == "2024-06-20")
        #expect(PageDate.parse("2024.06.20")?.description == "2024-06-20")
        #expect(PageDate.parse("昨日") == nil)
    }
}

@Suite("Line reader")
struct LineReaderTests {
    func lines(_ bytes: [UInt8], max: Int, chunk: Int) throws -> [LineReader.Line] {
        let reader = LineReader(ChunkedStream(bytes, chunk: chunk), maxLineBytes: max)
        var out: [LineReader.Line] = []
        while let l = try reader.next() { out.append(l) }
        return out
    }

    func describe(_ l: [LineReader.Line]) -> [String] {
        l.map { if case .line(let b) = $0 { return String(decoding: b, as: UTF8.self) } else if case .tooLong(let n) = $0 { return "<\(n)>" }; return "?" }
    }

    @Test("lines across chunk boundaries, CRLF, a last line without newline; a long line is its length, never held", arguments: [1, 3, 64, 1 << 16])
    func lines(chunk: Int) throws {
        let text = "第一行\r\nsecond\n" + String(repeating: "x", count: 50) + "\nlast"
        #expect(describe(try lines(Array(text.utf8), max: 20, chunk: chunk)) == ["第一行", "second", "<50>", "last"])
    }

    @Test("bytes read past and put back")
    func skipAndUnread() throws {
        let reader = LineReader(ChunkedStream(Array("abc\ndefghij\nk\n".utf8), chunk: 2), maxLineBytes: 100)
        #expect(describe([try #require(try reader.next())]) == ["abc"])
        #expect(try reader.skip(4) == 4)
        reader.unread(Array("Z".utf8))
        #expect(describe([try #require(try reader.next())]) == ["Zhij"])
        #expect(try reader.bytes(2) == Array("k\n".utf8))
        #expect(try reader.next() == nil)
    }
}

/// A stream that hands out at most `chunk` bytes a read.
final class ChunkedStream: ByteStream {
    var bytes: [UInt8]
    let chunk: Int
    init(_ bytes: [UInt8], chunk: Int) { self.bytes = bytes; self.chunk = chunk }
    func read(max: Int) throws -> [UInt8] {
        let n = min(max, chunk, bytes.count)
        defer { bytes.removeFirst(n) }
        return Array(bytes.prefix(n))
    }
}
