/// Keys that make names comparable across scripts and variants (the folded form entities are found by).
public enum NameKey {
    /// The word and its Simplified form (when different).
    public static func scriptVariants(_ word: String) -> [String] {
        guard let hans = Transliterator.hantToHans?.apply(word), hans != word else { return [word] }
        return [word, hans]
    }

    /// A word written in Simplified (a list taken from a Simplified dictionary) and its
    /// Traditional form (when different).
    public static func traditionalVariants(_ word: String) -> [String] {
        guard let hant = Transliterator.hansToHant?.apply(word), hant != word else { return [word] }
        return [word, hant]
    }
}
