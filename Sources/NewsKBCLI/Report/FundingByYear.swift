#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NewsKBStore

/// Funding per recipient, year and currency, each fact once however many documents restate
/// it (the knowledge base's linked facts), currencies never added together.
struct FundingByYear {
    /// The sum of one recipient's facts of one year in one currency.
    struct Total: Equatable {
        /// The sum of the facts' lower ends (a fact that states only a ceiling adds nothing).
        var min: Decimal = 0
        /// The sum of the upper ends, or nil when a fact has none (then the total is a lower bound).
        var max: Decimal? = 0
        var facts = 0

        mutating func add(min a: Decimal?, max b: Decimal?) {
            min += a ?? 0
            if let m = max, let b { max = m + b } else { max = nil }
            facts += 1
        }

        func text(_ currency: String) -> String { ReportHTML.amount(currency: currency, min: min, max: max) }
    }

    /// recipient → year (`YYYY`, or `undated`) → currency → total.
    private(set) var totals: [String: [String: [String: Total]]] = [:]
    /// Every year any fact falls in, in order.
    private(set) var years: [String] = []

    /// The year a fact counts in: the date its text gives, else its first report's.
    static func year(_ f: KnowledgeBase.FundingFact) -> String {
        (f.dateStart ?? f.firstReported).map { String($0.prefix(4)) } ?? "undated"
    }

    init(_ facts: [KnowledgeBase.FundingFact]) {
        var seen = Set<String>()
        // A part of a total the same report gives (its first tranche) is inside that total.
        for f in facts where !f.isPart {
            let y = Self.year(f)
            totals[f.recipient, default: [:]][y, default: [:]][f.currency, default: Total()]
                .add(min: f.amountMin.flatMap { Decimal(string: $0) }, max: f.amountMax.flatMap { Decimal(string: $0) })
            seen.insert(y)
        }
        years = seen.sorted()
    }

    /// One recipient's totals in a year, currencies in order.
    func cell(_ recipient: String, _ year: String) -> [(currency: String, total: Total)] {
        (totals[recipient]?[year] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// One recipient's totals over all years, per currency.
    func overall(_ recipient: String) -> [(currency: String, total: Total)] {
        var sum: [String: Total] = [:]
        for (_, byCurrency) in totals[recipient] ?? [:] {
            for (c, t) in byCurrency {
                var s = sum[c] ?? Total(min: 0, max: 0, facts: 0)
                s.min += t.min
                s.max = s.max.flatMap { a in t.max.map { a + $0 } }
                s.facts += t.facts
                sum[c] = s
            }
        }
        return sum.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
