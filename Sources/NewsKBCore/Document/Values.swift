#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An exact amount of money in a currency, with optional bounds.
///
/// `min`/`max` are in whole currency units and kept as `Decimal`, never `Double`,
/// so `301.38億` stays 30,138,000,000 exactly.
public struct MoneyValue: Hashable, Sendable {
    public var currency: String
    public var min: Decimal?
    public var max: Decimal?
    public var approximate: Bool
    /// How the currency was decided: `explicit` (written in the text), `region` (plain 元
    /// in a document from a region), or `pipeline` (the pipeline's default).
    public var currencySource: String

    public init(currency: String, min: Decimal?, max: Decimal?, approximate: Bool = false, currencySource: String = "explicit") {
        self.currency = currency
        self.min = min
        self.max = max
        self.approximate = approximate
        self.currencySource = currencySource
    }
}

/// How precisely a date mention pins its range down.
public enum DateGranularity: String, Sendable, Hashable {
    case day, part = "part_of_month", month, quarter, half, year, fiscalYear = "fiscal_year", partOfYear = "part_of_year"
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
}

/// What a recogniser knows about a name: a lexicon entry or a rule-made key.
public struct NameValue: Hashable, Sendable {
    /// The lexicon entry id when the name came from (or resolved to) the lexicon.
    public var lexiconID: String?
    /// The name as written, without quote marks.
    public var name: String
    /// How the name was found: `lexicon` or `rule`.
    public var method: String

    public init(lexiconID: String?, name: String, method: String) {
        self.lexiconID = lexiconID
        self.name = name
        self.method = method
    }
}
