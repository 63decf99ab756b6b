/// The one table of stages a pipeline file may name.
public enum StageRegistry {
    public struct Entry: Sendable {
        public let name: String
        public let requires: Set<AnnotationKey>
        public let assigns: Set<AnnotationKey>
        public let make: @Sendable (StageConfig, PipelineDefinition, LexiconCache) throws -> any DocumentStage
    }

    public static let entries: [Entry] = [
        Entry(name: "decode.v1", requires: [.payload], assigns: [.decoded]) { c, _, _ in try CharsetDecodingStage(config: c) },
        Entry(name: "html.content.v1", requires: [.decoded], assigns: [.paragraphs]) { c, _, l in try HTMLContentStage(config: c, lexicons: l) },
        Entry(name: "clean.text.v1", requires: [.decoded], assigns: [.text]) { c, _, _ in try TextCleaner(config: c) },
        Entry(name: "detect.language.v1", requires: [.text], assigns: [.language]) { c, p, l in try LanguageDetector(config: c, pipeline: p, lexicons: l) },
        Entry(name: "segment.sentences.v1", requires: [.text], assigns: [.sentences]) { _, _, _ in SentenceSegmenter() },
        Entry(name: "segment.words.v1", requires: [.text], assigns: [.tokens]) { _, _, _ in WordSegmenter() },
        Entry(name: "recognise.money.v1", requires: [.text, .sentences], assigns: [.money]) { c, p, l in try MoneyRecognizer(config: c, pipeline: p, lexicons: l) },
        Entry(name: "recognise.date.v1", requires: [.text, .sentences], assigns: [.dates]) { c, p, l in try DateRecognizer(config: c, pipeline: p, lexicons: l) },
        Entry(name: "recognise.names.v1", requires: [.text, .tokens, .sentences], assigns: [.names]) { c, p, l in try NameRecognizer(config: c, pipeline: p, lexicons: l) },
        Entry(name: "resolve.entities.v1", requires: [.names], assigns: [.entities]) { c, p, l in try EntityResolver(config: c, pipeline: p, lexicons: l) },
        Entry(name: "relate.v1", requires: [.entities, .money, .dates, .sentences], assigns: [.relations]) { c, p, l in try RelationFinder(config: c, pipeline: p, lexicons: l) },
    ]

    public static var names: [String] { entries.map(\.name) }

    public static func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }
}
