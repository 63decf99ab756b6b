/// Gives every institution and programme mention an entity: the lexicon entry it names
/// (any alias, either script), or a rule-made entity keyed by the Simplified folded name,
/// so the same unknown name in Traditional and Simplified text is one entity.
/// Adds `renamed_to` and `part_of` relations the lexicon and the names state.
public struct EntityResolver: DocumentStage {
    public let name = "resolve.entities.v1"
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

    /// The name with a leading lexicon institution alias replaced by its full name.
    func canonical(_ name: String, doc: NewsDocument, mention m: Mention) -> String {
        let plain = lexicon.folder.stripped(name)
        let scalars = Array(plain.unicodeScalars)
        guard let hit = lexicon.trie.longestMatch(in: scalars, at: 0), hit.end < scalars.count else { return plain }
        let e = lexicon.choose(hit.payload, published: doc.published)
        guard e.type == .institution else { return plain }
        return e.name + String(String.UnicodeScalarView(scalars[hit.end...]))
    }

    /// What a name mention resolves by: its type, its text and the lexicon entry it came with.
    struct ResolvedName: Hashable {
        var type: MentionType
        var name: String
        var lexiconID: String?
    }

    /// The entity a name denotes: its lexicon entry, or a rule-made one keyed by the name.
    func entity(for nv: NameValue, type: MentionType, doc: NewsDocument, mention m: Mention) -> EntityInfo {
        if let e = nv.lexiconID.flatMap(lexicon.entry) ?? lexicon.lookup(nv.name, published: doc.published) {
            return EntityInfo(id: e.id, type: e.type, name: e.name, nameHans: e.nameHans, nameEn: e.nameEn, aliases: e.aliases)
        }
        // A name beginning with a known institution is keyed on that institution's full
        // name, so 港中大工程學院 and 香港中文大學工程學院 are one faculty.
        let full = canonical(nv.name, doc: doc, mention: m)
        let key = lexicon.folder.key(full)
        return EntityInfo(id: Self.ruleEntityID(type: type, key: key), type: type, name: full,
                          nameHans: NameFolder.simplified(full), nameEn: nil, aliases: [])
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        var entities: [String: EntityInfo] = [:]
        var firstMention: [String: Int] = [:]
        /// Names resolved earlier in this document: the same name resolves the same way.
        var resolved: [ResolvedName: String] = [:]
        for idx in doc.mentions.indices {
            guard doc.mentions[idx].type == .institution || doc.mentions[idx].type == .programme,
                  case .name(let nv) = doc.mentions[idx].value else { continue }
            let type = doc.mentions[idx].type
            let id: String
            if let known = resolved[ResolvedName(type: type, name: nv.name, lexiconID: nv.lexiconID)] {
                id = known
            } else {
                let info = entity(for: nv, type: type, doc: doc, mention: doc.mentions[idx])
                id = info.id
                resolved[ResolvedName(type: type, name: nv.name, lexiconID: nv.lexiconID)] = id
                if entities[id] == nil { entities[id] = info }
            }
            doc.mentions[idx].entityID = id
            if firstMention[id] == nil { firstMention[id] = idx }
            if nv.name != entities[id]!.name, !entities[id]!.aliases.contains(nv.name) { entities[id]!.aliases.append(nv.name) }
        }
        doc.entities = entities
        // part_of found by the recogniser: fill in the subject now that it has an id.
        for r in doc.relations.indices where doc.relations[r].type == "part_of" && doc.relations[r].subject.isEmpty {
            if let m = doc.mentions.first(where: { $0.start == doc.relations[r].evidenceStart && $0.end == doc.relations[r].evidenceEnd }), let id = m.entityID {
                doc.relations[r].subject = id
            }
        }
        doc.relations.removeAll { $0.subject.isEmpty }
        var seen = Set<Relation>()
        doc.relations = doc.relations.filter { seen.insert(Relation(type: $0.type, subject: $0.subject, subjectText: "", object: $0.object, evidenceStart: 0, evidenceEnd: 0)).inserted }
        // Lexicon facts about entities the document names: renamed_to when both names appear, part_of.
        for id in entities.keys.sorted() {
            guard let e = lexicon.entry(id), let first = firstMention[id].map({ doc.mentions[$0] }) else { continue }
            if let to = e.renamedTo, entities[to] != nil {
                doc.relations.append(Relation(type: "renamed_to", subject: id, subjectText: doc.text(of: first), object: .entity(to),
                                              evidenceStart: first.start, evidenceEnd: first.end))
            }
            if let parent = e.partOf {
                doc.relations.append(Relation(type: "part_of", subject: id, subjectText: doc.text(of: first), object: .entity(parent),
                                              evidenceStart: first.start, evidenceEnd: first.end))
            }
        }
    }
}
