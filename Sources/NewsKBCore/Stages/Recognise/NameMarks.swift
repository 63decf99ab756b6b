/// Characters the name recogniser treats by what they do, from `name-marks.tsv` (roles
/// explained in its header): joiners inside a name, the one-character words the left-edge list
/// leaves to the walk, function characters, aspect marks, count openers and the characters that
/// end a word of appointment before an office title.
struct NameMarks: Sendable {
    let joiners: Set<Unicode.Scalar>
    let walk: Set<Unicode.Scalar>
    let function: ScalarSet
    let aspect: Set<Unicode.Scalar>
    let countOpeners: ScalarSet
    /// Ends a word of appointment (歷任, 新任, 升任): an office title after one is no body's head.
    let appointment: Set<Unicode.Scalar>

    init(_ t: TSVTable) throws {
        let (r, c) = (try t.column("role"), try t.column("chars"))
        var sets: [String: Set<Unicode.Scalar>] = ["joiner": [], "walk": [], "function": [], "aspect": [], "count_opener": [], "appointment": []]
        for row in t.rows {
            guard sets[t.cell(row, r)] != nil else { throw NewsKBError.lexicon("\(t.path): unknown role \(t.cell(row, r))") }
            sets[t.cell(row, r)]!.formUnion(t.cell(row, c).unicodeScalars)
        }
        for (role, set) in sets where set.isEmpty { throw NewsKBError.lexicon("\(t.path): no row of role \(role)") }
        joiners = sets["joiner"]!
        walk = sets["walk"]!
        function = ScalarSet(sets["function"]!)
        aspect = sets["aspect"]!
        countOpeners = ScalarSet(sets["count_opener"]!)
        appointment = sets["appointment"]!
    }
}
