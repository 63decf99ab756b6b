#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NewsKBCore

/// A row of `money_value`: a money mention's value as columns (amounts in whole currency
/// units; NUMERIC stores whole amounts as exact integers).
struct MoneyRow {
    var docID: String
    var ord: Int
    var currency: String
    var amountMin: String?
    var amountMax: String?
    var approximate: Bool
    var currencySource: String?

    static let insertSQL = """
        INSERT INTO money_value (doc_id, ord, currency, amount_min, amount_max, approximate, currency_source) VALUES (?, ?, ?, ?, ?, ?, ?)
        """

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

    func bind(to w: inout RowWriter) {
        w.text(docID); w.int(ord); w.text(currency); w.text(amountMin); w.text(amountMax)
        w.int(approximate ? 1 : 0); w.text(currencySource)
    }
}

/// A row of `date_value`: a date mention's value as columns (an inclusive range of ISO days).
struct DateRow {
    var docID: String
    var ord: Int
    var start: String
    var end: String
    var granularity: String
    var relative: Bool

    static let insertSQL = """
        INSERT INTO date_value (doc_id, ord, date_start, date_end, granularity, relative) VALUES (?, ?, ?, ?, ?, ?)
        """

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

    func bind(to w: inout RowWriter) {
        w.text(docID); w.int(ord); w.text(start); w.text(end); w.text(granularity); w.int(relative ? 1 : 0)
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
