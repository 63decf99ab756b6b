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
    /// How the currency was decided.
    public var currencySource: CurrencySource

    public init(currency: String, min: Decimal?, max: Decimal?, approximate: Bool = false, currencySource: CurrencySource = .explicit) {
        self.currency = currency
        self.min = min
        self.max = max
        self.approximate = approximate
        self.currencySource = currencySource
    }
}

/// How an amount's currency was decided (the record's `currency_source`).
public enum CurrencySource: String, Sendable, Hashable {
    /// Written in the text (港元, HK$, 人民幣).
    case explicit
    /// Plain 元 in a document from a region (HKD in Hong Kong, CNY on the mainland).
    case region
    /// Plain 元 where the region decides nothing: the pipeline's default currency.
    case pipeline
}
