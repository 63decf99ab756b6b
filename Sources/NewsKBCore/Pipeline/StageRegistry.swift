/// The one table of stages a pipeline file may name.
public enum StageRegistry {
    /// One stage a pipeline file may name: its name and layers (from its type) and how to build it.
    public struct Entry: Sendable {
        public let name: String
        public let requires: Set<AnnotationKey>
        public let assigns: Set<AnnotationKey>
        public let make: @Sendable (StageConfig, PipelineDefinition, LexiconCache) throws -> any DocumentStage

        /// The entry of a stage type: its name and layers come from the type itself.
        init<S: DocumentStage>(_ type: S.Type, make: @escaping @Sendable (StageConfig, PipelineDefinition, LexiconCache) throws -> S) {
            name = S.stageName
            requires = S.requires
            assigns = S.assigns
            self.make = { try make($0, $1, $2) }
        }
    }

    public static let entries: [Entry] = [
        Entry(CharsetDecodingStage.self) { c, _, _ in try CharsetDecodingStage(config: c) },
        Entry(HTMLContentStage.self) { c, _, l in try HTMLContentStage(config: c, lexicons: l) },
        Entry(TextCleaner.self) { c, _, _ in try TextCleaner(config: c) },
        Entry(LanguageDetector.self) { c, p, l in try LanguageDetector(config: c, pipeline: p, lexicons: l) },
        Entry(RegionDetector.self) { c, p, l in try RegionDetector(config: c, pipeline: p, lexicons: l) },
        Entry(SentenceSegmenter.self) { _, _, _ in SentenceSegmenter() },
        Entry(WordSegmenter.self) { c, _, l in try WordSegmenter(config: c, lexicons: l) },
        Entry(MoneyRecognizer.self) { c, p, l in try MoneyRecognizer(config: c, pipeline: p, lexicons: l) },
        Entry(DateRecognizer.self) { c, p, l in try DateRecognizer(config: c, pipeline: p, lexicons: l) },
        Entry(NameRecognizer.self) { c, p, l in try NameRecognizer(config: c, pipeline: p, lexicons: l) },
        Entry(EntityResolver.self) { c, p, l in try EntityResolver(config: c, pipeline: p, lexicons: l) },
        Entry(RelationFinder.self) { c, p, l in try RelationFinder(config: c, pipeline: p, lexicons: l) },
        Entry(FactFinder.self) { c, p, l in try FactFinder(config: c, pipeline: p, lexicons: l) },
    ]

    public static var names: [String] { entries.map(\.name) }

    public static func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }
}
