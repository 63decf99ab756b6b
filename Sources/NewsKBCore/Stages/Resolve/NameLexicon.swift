/// One institution or programme of the curated lexicon.
public struct LexiconEntry: Sendable, Hashable {
    public var id: String
    public var type: MentionType
    public var name: String
    public var nameHans: String
    public var nameEn: String?
    public var aliases: [String]
    public var partOf: String?
    public var renamedTo: String?
    public var renamedOn: CivilDate?
    /// The region the body belongs to, where two regions' bodies share a name (教育部 in
    /// Beijing and in Taipei); nil for a name only one body has.
    public var region: String? = nil
}

/// The institutions and programmes lexicons compiled into one trie over folded names,
/// Traditional and Simplified, with ambiguity settled by rename dates.
/// A class: the recogniser and the resolver share one, never copied.
public final class NameLexicon: Sendable {
    public let folder: NameFolder
    public let entries: [LexiconEntry]
    let byID: [String: Int]
    let trie: ScalarTrie<[Int]>
    /// Folded Simplified key of every name and alias → entry indexes.
    let byKey: [String: [Int]]

    public init(tables: [(TSVTable, MentionType)], folder: NameFolder) throws {
        self.folder = folder
        var entries: [LexiconEntry] = []
        for (table, type) in tables {
            let c = (id: try table.column("id"), name: try table.column("name"), en: try table.column("name_en"), aliases: try table.column("aliases"),
                     partOf: try table.column("part_of"), renamedTo: try table.column("renamed_to"), renamedOn: try table.column("renamed_on"),
                     region: try? table.column("region"))
            for row in table.rows {
                let name = table.cell(row, c.name)
                let id = table.cell(row, c.id)
                guard !id.isEmpty, !name.isEmpty else { throw NewsKBError.lexicon("\(table.path): a row lacks id or name") }
                let on = table.cell(row, c.renamedOn)
                entries.append(LexiconEntry(
                    id: id, type: type, name: name, nameHans: Transliterator.hantToHans?.apply(folder.standardised(name)) ?? name,
                    nameEn: table.cell(row, c.en).isEmpty ? nil : table.cell(row, c.en),
                    aliases: table.cell(row, c.aliases).split(separator: "|").map(String.init),
                    partOf: table.cell(row, c.partOf).isEmpty ? nil : table.cell(row, c.partOf),
                    renamedTo: table.cell(row, c.renamedTo).isEmpty ? nil : table.cell(row, c.renamedTo),
                    renamedOn: on.isEmpty ? nil : CivilDate(iso: on),
                    region: c.region.map { table.cell(row, $0) }.flatMap { $0.isEmpty ? nil : $0 }))
            }
        }
        var byID: [String: Int] = [:]
        for (i, e) in entries.enumerated() {
            if byID[e.id] != nil { throw NewsKBError.lexicon("duplicate lexicon id \(e.id)") }
            byID[e.id] = i
        }
        var surfaces: [String: [Int]] = [:]   // folded surface (either script) → entries
        var byKey: [String: [Int]] = [:]
        for (i, e) in entries.enumerated() {
            for surface in [e.name] + e.aliases + (e.nameEn.map { [$0] } ?? []) {
                let f = folder.folded(surface)
                let hans = Transliterator.hantToHans?.apply(f) ?? f
                for v in Set([f, hans]) where !(surfaces[v]?.contains(i) ?? false) { surfaces[v, default: []].append(i) }
                if !(byKey[hans]?.contains(i) ?? false) { byKey[hans, default: []].append(i) }
            }
        }
        let f = folder
        var trie = ScalarTrie<[Int]>(folding: .names(f))
        for (surface, ids) in surfaces { trie.insert(surface.unicodeScalars, ids) }
        self.entries = entries
        self.byID = byID
        self.trie = trie
        self.byKey = byKey
    }

    public func entry(_ id: String) -> LexiconEntry? { byID[id].map { entries[$0] } }

    /// The entry a written name denotes, if the lexicon knows it under any alias or script.
    public func lookup(_ name: String, published: CivilDate?, region: String? = nil) -> LexiconEntry? {
        guard let ids = byKey[folder.key(name)] else { return nil }
        return entries[chooseIndex(ids, published: published, region: region)]
    }

    /// Among entries sharing an alias, the one of the document's region when regions'
    /// bodies share the name (教育部 in a Taiwan paper is Taipei's; elsewhere the first
    /// listed), then the one in office on the published date (創科局 before 2022-07-01 is
    /// 創新及科技局, after it 創新科技及工業局).
    func chooseIndex(_ ids: [Int], published: CivilDate?, region: String? = nil) -> Int {
        if ids.count == 1 { return ids[0] }
        var ids = ids
        if let region, case let local = ids.filter({ entries[$0].region == region }), !local.isEmpty {
            ids = local
        } else if case let first = ids.first(where: { entries[$0].region != nil }).flatMap({ entries[$0].region }), let first {
            // No body of this region has the name: the first listed region's, and the names no region claims.
            ids = ids.filter { entries[$0].region == nil || entries[$0].region == first }
        }
        if ids.count == 1 { return ids[0] }
        for i in ids {
            guard let to = entries[i].renamedTo, let on = entries[i].renamedOn, let successor = ids.first(where: { entries[$0].id == to }) else { continue }
            if let p = published, p < on { return i }
            return successor
        }
        return ids[0]
    }
}
