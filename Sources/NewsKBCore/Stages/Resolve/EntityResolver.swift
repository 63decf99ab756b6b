/// Gives every institution and programme mention an entity: the lexicon entry it names
/// (any alias, either script), or a rule-made entity keyed by the Simplified folded name,
/// so the same unknown name in Traditional and Simplified text is one entity.
/// Adds `renamed_to` and `part_of` relations the lexicon and the names state.
public struct EntityResolver: DocumentStage {
    public static let stageName = "resolve.entities.v1"
    public static let requires: Set<AnnotationKey> = [.names]
    public static let assigns: Set<AnnotationKey> = [.entities]
    let lexicon: NameLexicon

    public init(config: StageConfig, pipeline: PipelineDefinition, lexicons: LexiconCache) throws {
        guard let names = pipeline.stages.first(where: { $0.stage == "recognise.names.v1" }) else {
            throw NewsKBError.pipeline("resolve.entities.v1 needs recognise.names.v1 before it")
        }
        lexicon = try NameRecognizer(config: names, pipeline: pipeline, lexicons: lexicons).lexicon
    }

    /// The entity id of a name no lexicon knows: type prefix and the comparison key.
    public static func ruleEntityID(type: MentionType, key: String) -> String {
        (type == .programme ? "prog:~" : "inst:~") + key
    }

    /// Whether an entity id was made by ``ruleEntityID(type:key:)`` rather than taken from the lexicon.
    public static func isRuleEntityID(_ id: String) -> Bool { id.utf8.contains(UInt8(ascii: "~")) }

    /// The name with a leading lexicon institution alias replaced by its full name.
    func canonical(_ name: String, published: CivilDate?) -> String {
        let plain = lexicon.folder.stripped(name)
        let scalars = Array(plain.unicodeScalars)
        guard let hit = lexicon.trie.longestMatch(in: scalars, at: 0), hit.end < scalars.count else { return plain }
        let e = lexicon.entries[lexicon.chooseIndex(hit.payload, published: published)]
        guard e.type == .institution else { return plain }
        // One script: the lexicon's name is Traditional, so a tail written in Simplified is
        // written in Traditional too (北京大学中国经济研究中心 is 北京大學中國經濟研究中心, never
        // 北京大學中国经济研究中心, a form no text holds).
        let tail = String(String.UnicodeScalarView(scalars[hit.end...]))
        return e.name + (Transliterator.hansToHant?.apply(tail) ?? tail)
    }

    /// What a rule-found name resolves by: its type and its text.
    struct RuleName: Hashable {
        var type: MentionType
        var name: String
    }

    /// The entity a name denotes: its lexicon entry, or a rule-made one keyed by the name.
    func entity(for nv: NameValue, type: MentionType, published: CivilDate?, region: String? = nil) -> EntityInfo {
        if let e = nv.lexiconID.flatMap(lexicon.entry) ?? lexicon.lookup(nv.name, published: published, region: region) {
            return EntityInfo(id: e.id, type: e.type, name: e.name, nameHans: e.nameHans, nameEn: e.nameEn, aliases: e.aliases)
        }
        // A name beginning with a known institution is keyed on that institution's full
        // name, so 港中大工程學院 and 香港中文大學工程學院 are one faculty.
        let full = canonical(nv.name, published: published)
        let key = lexicon.folder.key(full)
        return EntityInfo(id: Self.ruleEntityID(type: type, key: key), type: type, name: full,
                          nameHans: NameFolder.simplified(full), nameEn: nil, aliases: [])
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        // Entities in order of first mention, found by id.
        var infos: [EntityInfo] = []
        var firstMention: [Int] = []
        var byID: [String: Int] = [:]
        /// Rule-found names resolved earlier in this document resolve the same way.
        var ruleNames: [RuleName: Int] = [:]
        /// This document's rule-found names so far (folded), with their entities: a new rule-found
        /// name that is the tail of an earlier one (省委 after 中共河北省委, 工程學院 after
        /// 香港中文大學工程學院) is that body. Looked through only for a name not seen before.
        var ruleKeys: [(key: [Unicode.Scalar], type: MentionType, entity: Int)] = []
        let published = doc.published
        for idx in doc.mentions.indices {
            let type = doc.mentions[idx].type
            guard type == .institution || type == .programme, case .name(let nv) = doc.mentions[idx].value else { continue }
            let k: Int
            if let lid = nv.lexiconID, let known = byID[lid] {
                k = known
            } else if nv.lexiconID == nil, let known = ruleNames[RuleName(type: type, name: nv.name)] {
                k = known
            } else {
                // A rule-found name not seen before, folded once: the tail of an earlier one, or new.
                let key = nv.lexiconID == nil ? Array(lexicon.folder.key(nv.name).unicodeScalars) : []
                if nv.lexiconID == nil,
                   let full = ruleKeys.last(where: { $0.type == type && $0.key.count > key.count && $0.key.suffix(key.count).elementsEqual(key) }) {
                    k = full.entity
                } else {
                    let info = entity(for: nv, type: type, published: published, region: doc.region)
                    if let known = byID[info.id] {
                        k = known
                    } else {
                        k = infos.count
                        byID[info.id] = k
                        infos.append(info)
                        firstMention.append(idx)
                    }
                    if nv.lexiconID == nil { ruleKeys.append((key, type, k)) }
                }
                if nv.lexiconID == nil { ruleNames[RuleName(type: type, name: nv.name)] = k }
            }
            doc.mentions[idx].entityID = infos[k].id
            if nv.name != infos[k].name, !infos[k].aliases.contains(nv.name) { infos[k].aliases.append(nv.name) }
        }
        var entities: [String: EntityInfo] = [:]
        for e in infos { entities[e.id] = e }
        doc.entities = entities
        // part_of found by the recogniser: fill in the subject now that it has an id.
        for r in doc.relations.indices where doc.relations[r].type == .partOf && doc.relations[r].subject.isEmpty {
            if let m = doc.mentions.first(where: { $0.start == doc.relations[r].evidenceStart && $0.end == doc.relations[r].evidenceEnd }), let id = m.entityID {
                doc.relations[r].subject = id
            }
        }
        doc.relations.removeAll { $0.subject.isEmpty }
        var seen = Set<Relation>()
        doc.relations = doc.relations.filter { seen.insert(Relation(type: $0.type, subject: $0.subject, subjectText: "", object: $0.object, evidenceStart: 0, evidenceEnd: 0)).inserted }
        // Lexicon facts about entities the document names: renamed_to when both names appear, part_of.
        for id in entities.keys.sorted() {
            guard let e = lexicon.entry(id), let k = byID[id] else { continue }
            let first = doc.mentions[firstMention[k]]
            if let to = e.renamedTo, entities[to] != nil {
                doc.relations.append(Relation(type: .renamedTo, subject: id, subjectText: doc.text(of: first), object: .entity(to),
                                              evidenceStart: first.start, evidenceEnd: first.end))
            }
            if let parent = e.partOf {
                doc.relations.append(Relation(type: .partOf, subject: id, subjectText: doc.text(of: first), object: .entity(parent),
                                              evidenceStart: first.start, evidenceEnd: first.end))
            }
        }
        // A relation's object is an entity of the document even when the text names it only
        // inside another name (港中大 in 港中大工程學院) or not at all (a lexicon parent), so it
        // can be looked up wherever the record goes; an object no lexicon knows is dropped.
        doc.relations.removeAll { r in
            guard case .entity(let object) = r.object, doc.entities[object] == nil else { return false }
            guard let p = lexicon.entry(object) else { return true }
            doc.entities[object] = EntityInfo(id: p.id, type: p.type, name: p.name, nameHans: p.nameHans, nameEn: p.nameEn, aliases: p.aliases)
            return false
        }
    }
}
