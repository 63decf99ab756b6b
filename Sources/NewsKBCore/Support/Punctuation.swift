/// The punctuation the stages test for, in one place: each set is named for what it
/// marks, and the sets that extend another are built from it.
public enum Punctuation {
    /// Opening Chinese quote marks and book-title marks, each with its closing mark.
    public static let quotePairs: [(open: Unicode.Scalar, close: Unicode.Scalar)] =
        [("「", "」"), ("『", "』"), ("《", "》"), ("〈", "〉"), ("“", "”")]
    /// Book-title marks: what they enclose is a title (a book, a law, a periodical).
    public static let titleOpeners: Set<Unicode.Scalar> = ["《", "〈"]
    /// The closing mark of each opening one.
    public static let closing: [Unicode.Scalar: Unicode.Scalar] = Dictionary(uniqueKeysWithValues: quotePairs.map { ($0.open, $0.close) })
    /// The opening mark of each closing one.
    public static let opening: [Unicode.Scalar: Unicode.Scalar] = Dictionary(uniqueKeysWithValues: quotePairs.map { ($0.close, $0.open) })
    /// Every quote or title mark, Chinese pairs and the ASCII double quote.
    public static let quoteMarkScalars: [Unicode.Scalar] = quotePairs.flatMap { [$0.open, $0.close] } + ["\""]
    public static let quoteMarks = ScalarSet(quoteMarkScalars)
    /// What a name may be written around or between without changing it: quote marks,
    /// single quotes, spaces (also ideographic) and middle dots.
    public static let transparentInNames = ScalarSet(quoteMarkScalars + Array("‘’' \u{3000}·・".unicodeScalars))

    /// What ends a clause in Chinese text: comma, full stop, semicolon, ! and ?, a line break.
    public static let clauseBreakScalars = Array("，。；！？\n".unicodeScalars)
    public static let clauseBreaks = ScalarSet(clauseBreakScalars)
    /// A clause break or a 「」『』 quote: where a name's head may not reach back across.
    public static let clauseBreaksAndQuotes = ScalarSet(clauseBreakScalars + Array("「」『』".unicodeScalars))
    /// Clause breaks with the colon and their ASCII forms: where a relation's evidence stops.
    public static let clauseEnds = ScalarSet(clauseBreakScalars + Array("：,;!?".unicodeScalars))
    /// What may follow a bound word after an amount (以上, 以下) for it to be a bound.
    public static let afterAmountBound = ScalarSet("的，。、；".unicodeScalars)
    /// Punctuation that running Chinese prose is full of and navigation is not.
    public static let prose = ScalarSet("。，；：、".unicodeScalars)
    /// What a paragraph of prose ends with.
    public static let paragraphEnds = ScalarSet("。！？」”".unicodeScalars)
}
