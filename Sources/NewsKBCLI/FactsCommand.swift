import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NewsKBCore
import NewsKBStore

/// `newskb facts`: the funding facts of the knowledge base, each once however many
/// documents report it, with the sentence that states it.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "List funding facts: who got how much, from whom, when, first reported where, and the sentence.",
        discussion: """
            A fact reported by several documents (same recipient, same amount) is listed once, with \
            every document that reports it; the totals count it once. --entity takes an entity id, \
            a name or an alias, in Traditional or Simplified script, and lists the facts it received or gave.
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Only facts received or given by this entity (id, name or alias).")
    var entity: String?

    @Option(name: .long, help: "Only facts first reported on or after this date (YYYY-MM-DD).")
    var since: String?

    @Option(name: .long, help: "Only facts first reported on or before this date (YYYY-MM-DD).")
    var until: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, jsonl }

    @Option(name: .long, help: "table, csv (with a header) or jsonl; default: table at a terminal, jsonl otherwise.")
    var format: Format?

    func validate() throws {
        try requireDates(since, until)
    }

    func run() throws {
        let facts = try store.open(create: false, writing: false).fundingFacts(entity: entity, since: since, until: until)
        let chosen = format ?? (isatty(1) == 1 ? .table : .jsonl)
        if chosen == .csv {
            print("recipient,recipient_name,currency,min,max,funder,funder_name,date,first_reported,first_doc,documents,sentence")
            for f in facts {
                print([f.recipient, f.recipientName, f.currency, f.amountMin ?? "", f.amountMax ?? "", f.funder ?? "", f.funderName ?? "",
                       f.dateStart ?? "", f.firstReported ?? "", f.firstDocument, f.documents.joined(separator: " "), f.sentence]
                    .map(SearchCommand.csv).joined(separator: ","))
            }
            return
        }
        if chosen == .jsonl {
            for f in facts {
                let obj: JSONValue = .object([
                    "recipient": .string(f.recipient), "recipient_name": .string(f.recipientName), "currency": .string(f.currency),
                    "min": Self.number(f.amountMin), "max": Self.number(f.amountMax),
                    "funder": f.funder.map { .string($0) } ?? .null, "funder_name": f.funderName.map { .string($0) } ?? .null,
                    "date": f.dateStart.map { .string($0) } ?? .null, "first_reported": f.firstReported.map { .string($0) } ?? .null,
                    "first_doc": .string(f.firstDocument), "documents": .array(f.documents.map { .string($0) }),
                    "sentence": .string(f.sentence)])
                print(obj.serialized())
            }
            return
        }
        var totals: [String: [String: Decimal]] = [:]
        for f in facts {
            let amount = Self.amount(f)
            let date = f.dateStart.map { " dated \($0)" } ?? ""
            print("\(f.firstReported ?? "(undated)")  \(f.recipientName) [\(f.recipient)]  \(amount)  from \(f.funderName ?? "(not named)")\(date)")
            print("    \(f.documents.count) document\(f.documents.count == 1 ? "" : "s"): \(f.documents.joined(separator: ", "))")
            print("    「\(f.sentence)」")
            if let v = f.amountMin.flatMap({ Decimal(string: $0) }) { totals[f.recipientName, default: [:]][f.currency, default: 0] += v }
        }
        if !totals.isEmpty {
            print("\ntotals (each fact once; lower bounds where a range):")
            for name in totals.keys.sorted() {
                for (currency, v) in totals[name]!.sorted(by: { $0.key < $1.key }) { print("  \(name)  \(currency) \(Self.grouped(v))") }
            }
        }
    }

    /// An amount as a JSON number when whole (as amounts are), else its decimal text.
    static func number(_ s: String?) -> JSONValue {
        guard let s else { return .null }
        return Int(s).map { .int($0) } ?? .string(s)
    }

    static func amount(_ f: KnowledgeBase.FundingFact) -> String {
        let lo = f.amountMin.flatMap { Decimal(string: $0) }, hi = f.amountMax.flatMap { Decimal(string: $0) }
        switch (lo, hi) {
        case let (a?, b?) where a == b: return "\(f.currency) \(grouped(a))"
        case let (a?, b?): return "\(f.currency) \(grouped(a))–\(grouped(b))"
        case let (a?, nil): return "\(f.currency) over \(grouped(a))"
        case let (nil, b?): return "\(f.currency) up to \(grouped(b))"
        default: return f.currency
        }
    }

    /// A whole amount with thousands separators (10,000,000,000).
    static func grouped(_ d: Decimal) -> String {
        let s = "\(d)"
        let parts = s.split(separator: ".", maxSplits: 1)
        var head = Array(parts[0])
        var out: [Character] = []
        while head.count > 3 {
            out = [","] + head.suffix(3) + out
            head.removeLast(3)
        }
        return String(head + out) + (parts.count > 1 ? "." + parts[1] : "")
    }
}
