#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NewsKBCore

/// A money value as the columns of its mention or relation (amounts in whole currency
/// units; NUMERIC stores whole amounts as exact integers).
struct MoneyRow {
    var docID: String
    var ord: Int
    var currency: String
    var amountMin: String?
    var amountMax: String?
    var approximate: Bool
    var currencySource: String?

    init(docID: String, ord: Int, _ v: MoneyValue) {
        self.init(docID: docID, ord: ord, currency: v.currency, amountMin: v.min.map { "\($0)" }, amountMax: v.max.map { "\($0)" },
                  approximate: v.approximate, currencySource: v.currencySource.rawValue)
    }

    init(docID: String, ord: Int, currency: String, amountMin: String?, amountMax: String?, approximate: Bool, currencySource: String?) {
        self.docID = docID
        self.ord = ord
        self.currency = currency
        self.amountMin = amountMin
        self.amountMax = amountMax
        self.approximate = approximate
        self.currencySource = currencySource
    }

    /// Binds currency, min, max, approximate and currency source; `nil` binds five nulls.
    static func bind(_ v: MoneyRow?, to w: inout RowWriter) {
        w.text(v?.currency); w.text(v?.amountMin); w.text(v?.amountMax)
        if let v { w.int(v.approximate ? 1 : 0) } else { w.text(nil) }
        w.text(v?.currencySource)
    }
}

/// A date value as the columns of its mention or relation (an inclusive range of ISO days).
struct DateRow {
    var docID: String
    var ord: Int
    var start: String
    var end: String
    var granularity: String
    var relative: Bool

    init(docID: String, ord: Int, _ v: DateValue) {
        self.init(docID: docID, ord: ord, start: v.start.description, end: v.end.description, granularity: v.granularity.rawValue, relative: v.relative)
    }

    init(docID: String, ord: Int, start: String, end: String, granularity: String, relative: Bool) {
        self.docID = docID
        self.ord = ord
        self.start = start
        self.end = end
        self.granularity = granularity
        self.relative = relative
    }

    /// Binds start, end, granularity and relative; `nil` binds four nulls.
    static func bind(_ v: DateRow?, to w: inout RowWriter) {
        w.text(v?.start); w.text(v?.end); w.text(v?.granularity)
        if let v { w.int(v.relative ? 1 : 0) } else { w.text(nil) }
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

    func money(docID: String, ord: Int) -> MoneyRow? {
        guard let currency else { return nil }
        return MoneyRow(docID: docID, ord: ord, currency: currency, amountMin: min.map { "\($0)" }, amountMax: max.map { "\($0)" },
                        approximate: approximate ?? false, currencySource: currency_source)
    }

    func date(docID: String, ord: Int) -> DateRow? {
        guard let start, let end else { return nil }
        return DateRow(docID: docID, ord: ord, start: start, end: end, granularity: granularity ?? "day", relative: relative ?? false)
    }
}
