import ArgumentParser
import NewsKBCore

/// Refuses, as a usage error, any given value that is not a `YYYY-MM-DD` date (`--since`, `--until`).
func requireDates(_ values: String?...) throws {
    for d in values.compactMap({ $0 }) where CivilDate(iso: d) == nil {
        throw ValidationError("not a date (YYYY-MM-DD): \(d)")
    }
}
