/// What a stage needs from earlier stages and adds for later ones.
public enum AnnotationKey: String, Sendable, Hashable, CaseIterable {
    case payload, decoded, paragraphs, text, language, region, sentences, tokens
    case money, dates, names, entities, relations, facts
}
