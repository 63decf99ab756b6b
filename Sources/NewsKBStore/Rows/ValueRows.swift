#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NewsKBCore

/// A money value as the columns of its mention or relation (amounts in whole currency
/// units as decimal text; NUMERIC stores whole amounts as exact integers).
struct MoneyColumns {
    var currency: String
    var amountMin: String?
    var amountMax: String?
    var approximate: Bool
    var currencySource: String?

    /// Binds currency, min, max, approximate and currency source; `nil` binds five nulls.
    static func bind(_ v: MoneyColumns?, to w: inout RowWriter) {
        w.text(v?.currency); w.text(v?.amountMin); w.text(v?.amountMax); w.bool(v?.approximate); w.text(v?.currencySource)
    }
}

extension MoneyColumns {
    init(_ v: MoneyValue) {
        self.init(currency: v.currency, amountMin: v.min.map(JSONValue.format), amountMax: v.max.map(JSONValue.format),
                  approximate: v.approximate, currencySource: v.currencySource.rawValue)
    }
}

/// A date value as the columns of its mention or relation (an inclusive range of ISO days).
struct DateColumns {
    var start: String
    var end: String
    var granularity: String
    var relative: Bool

    /// Binds start, end, granularity and relative; `nil` binds four nulls.
    static func bind(_ v: DateColumns?, to w: inout RowWriter) {
        w.text(v?.start); w.text(v?.end); w.text(v?.granularity); w.bool(v?.relative)
    }
}

extension DateColumns {
    init(_ v: DateValue) {
        self.init(start: v.start.description, end: v.end.description, granularity: v.granularity.rawValue, relative: v.relative)
    }
}

/// A money or date value as a mention or relation record of `extract`'s JSONL writes it
/// (`load`): the fields of both kinds, each optional.
struct ValueRecord: Decodable {
    var currency: String?
    var min: Decimal?
    var max: Decimal?
    var approximate: Bool?
    var currency_source: String?
    var start: String?
    var end: String?
    var granularity: String?
    var relative: Bool?
    var name: String?
    var lexicon_id: String?
    var method: String?

    /// A name mention's value.
    var nameValue: NameValue? {
        guard let m = method.flatMap(NameMethod.init(rawValue:)) else { return nil }
        return NameValue(lexiconID: lexicon_id, name: name ?? "", method: m)
    }

    var money: MoneyColumns? {
        guard let currency else { return nil }
        return MoneyColumns(currency: currency, amountMin: min.map { "\($0)" }, amountMax: max.map { "\($0)" },
                            approximate: approximate ?? false, currencySource: currency_source)
    }

    var date: DateColumns? {
        guard let start, let end else { return nil }
        return DateColumns(start: start, end: end, granularity: granularity ?? "day", relative: relative ?? false)
    }
}
