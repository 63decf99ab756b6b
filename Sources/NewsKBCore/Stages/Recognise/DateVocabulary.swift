/// The date words of `dates.tsv`, compiled to tries.
struct DateVocabulary: Sendable {
    enum Word: Sendable {
        case yearRelative(Int)
        case dayRelative(Int)
        case monthRelative(Int)
        case yearPart(Int, Int)
        case monthPart(Int, Int)
        case quarter(Int)
        case weekRelative(Int)
    }

    let words: ScalarTrie<Word>
    /// First characters of every date word.
    let firstScalars: ScalarSet
    /// For one-character month parts: the characters that make them part of another word.
    let blockedAfter: [Unicode.Scalar: Set<Unicode.Scalar>]

    init(table: TSVTable) throws {
        let (k, s, a, b) = (try table.column("kind"), try table.column("surface"), try table.column("a"), try table.column("b"))
        var words = ScalarTrie<Word>(folding: .widthAndCase)
        var blocked: [Unicode.Scalar: Set<Unicode.Scalar>] = [:]
        var firsts = Set<Unicode.Scalar>()
        for row in table.rows {
            if table.cell(row, k) == "block_after", let c = table.cell(row, s).unicodeScalars.first {
                blocked[c, default: []].formUnion(table.cell(row, a).unicodeScalars)
                continue
            }
            let x = Int(table.cell(row, a)) ?? 0, y = Int(table.cell(row, b)) ?? 0
            let w: Word
            switch table.cell(row, k) {
            case "year_rel": w = .yearRelative(x)
            case "day_rel": w = .dayRelative(x)
            case "month_rel": w = .monthRelative(x)
            case "year_part": w = .yearPart(x, y)
            case "month_part": w = .monthPart(x, y)
            case "quarter": w = .quarter(x)
            case "week_rel": w = .weekRelative(x)
            case let other: throw NewsKBError.lexicon("\(table.path): unknown kind '\(other)'")
            }
            for v in NameKey.scriptVariants(table.cell(row, s)) {
                words.insert(v.unicodeScalars, w)
                if let f = v.unicodeScalars.first { firsts.insert(f); firsts.insert(Scalars.foldWidthAndCase(f)) }
            }
        }
        self.words = words
        self.blockedAfter = blocked
        self.firstScalars = ScalarSet(firsts)
    }
}
