import NewsKBCore

/// At most `limit` error records for one input file (`--max-errors-per-file`): a file of a
/// million bad lines gives `limit` records and one more that says how many were left out.
/// Failures arrive in input order, so a file's are consecutive.
struct ErrorCap {
    let limit: Int
    private var file: String?
    private var kept = 0
    private var dropped = 0

    init(limit: Int) { self.limit = limit }

    /// The records to keep for `f`: itself while under the limit, and, when it starts a new
    /// file, the summary of the previous file's left-out errors.
    mutating func admit(_ f: InputFailure) -> [InputFailure] {
        var out: [InputFailure] = []
        if f.location.file != file {
            out += finish()
            file = f.location.file
        }
        if kept < limit {
            kept += 1
            out.append(f)
        } else {
            dropped += 1
        }
        return out
    }

    /// The summary record of the current file's left-out errors, if any; then starts afresh.
    mutating func finish() -> [InputFailure] {
        defer { file = nil; kept = 0; dropped = 0 }
        guard dropped > 0, let file else { return [] }
        return [InputFailure(InputLocation(file: file, key: "more-errors"), docID: nil, stage: "read", code: .input,
                             "\(dropped) more errors in this file were not recorded (limit \(limit), --max-errors-per-file)")]
    }
}
