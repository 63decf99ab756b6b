#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How precisely a date mention pins its range down.
public enum DateGranularity: String, Sendable, Hashable {
    case day, partOfMonth = "part_of_month", month, quarter, half, year, fiscalYear = "fiscal_year", partOfYear = "part_of_year"
}

/// An inclusive range of days a date expression denotes.
public struct DateValue: Hashable, Sendable {
    public var start: CivilDate
    public var end: CivilDate
    public var granularity: DateGranularity
    /// True when the year or day came from the published date or the context, not the expression.
    public var relative: Bool

    public init(start: CivilDate, end: CivilDate, granularity: DateGranularity, relative: Bool = false) {
        self.start = start
        self.end = end
        self.granularity = granularity
        self.relative = relative
    }

    /// Whole years, 1 January of `first` to 31 December of `last` (one year when they are equal).
    public static func years(_ first: Int, _ last: Int, relative: Bool = false) -> DateValue {
        DateValue(start: CivilDate(year: first, month: 1, day: 1), end: CivilDate(year: last, month: 12, day: 31), granularity: .year, relative: relative)
    }
}
