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

/// `newskb facts`: the funding facts of the knowledge base, one row per document that
/// states a fact, with its sentence; `--linked` puts the documents reporting the same fact
/// together and totals each fact once.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "List funding facts: who got how much, from whom, when, in which document and sentence.",
        discussion: """
            Each fact once per document: a restatement inside one article is one fact; the same \
            amount for the same recipient in two articles is a row each. With --linked, those rows \
            are one fact listing every document that reports it, first reported first, and the \
            totals count it once. --entity takes an entity id, a name or an alias, in Traditional or \
            Simplified script, and lists the facts it received or gave. --since/--until compare the \
            date the text gives for the fact, else the document's date (with --linked: the first report's).
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Only facts received or given by this entity (id, name or alias).")
    var entity: String?

    @Option(name: .long, help: "Only facts of this date or later (YYYY-MM-DD).")
    var since: String?

    @Option(name: .long, help: "Only facts of this date or earlier (YYYY-MM-DD).")
    var until: String?

    @Option(name: .long, help: "Only facts whose amount can reach this many currency units (10000000000 for 100億).")
    var minAmount: String?

    @Option(name: .long, help: "Only facts in this currency (HKD, CNY, …).")
    var currency: String?

    @Flag(name: .long, help: "One fact however many documents report it, with its documents and totals.")
    var linked = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, jsonl }

    @Option(name: .long, help: "table, csv (with a header) or jsonl; default: table at a terminal, jsonl otherwise.")
    var format: Format?

    func validate() throws {
        try requireDates(since, until)
        if let m = minAmount, Decimal(string: m) == nil || m.contains(where: { !("0"..."9").contains($0) && $0 != "." }) {
            throw ValidationError("--min-amount takes a plain number of currency units, such as 10000000000")
        }
    }

    var filter: KnowledgeBase.FactFilter {
        KnowledgeBase.FactFilter(entity: entity, since: since, until: until, minAmount: minAmount.flatMap { Decimal(string: $0) }, currency: currency)
    }

    func run() throws {
        let kb = try store.open(create: false, writing: false)
        let chosen = format ?? (isatty(1) == 1 ? .table : .jsonl)
        if linked {
            try printLinked(kb, chosen)
        } else {
            try printRecords(kb, chosen)
        }
    }

    func printRecords(_ kb: KnowledgeBase, _ chosen: Format) throws {
        let out = LineWriter()
        func print(_ s: String) { out.write(s) }
        defer { if !out.flush() { Console.event(level: "error", "write_failed", message: "cannot write the facts: \(out.failure ?? "")", []) } }
        switch chosen {
        case .csv:
            print("fact_id,recipient,recipient_name,currency,min,max,approximate,funder,funder_name,date,date_source,doc_id,title,url,published,sentence")
            try kb.forEachFactRecord(filter) { f in
                print([f.factID, f.recipient, f.recipientName, f.currency, f.amountMin ?? "", f.amountMax ?? "", f.approximate ? "true" : "false",
                       f.funder ?? "", f.funderName ?? f.funderText ?? "", f.dateStart ?? "", f.dateSource ?? "", f.docID, f.title ?? "", f.url ?? "",
                       f.published ?? "", f.sentence].map(SearchCommand.csv).joined(separator: ","))
            }
        case .jsonl:
            func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
            try kb.forEachFactRecord(filter) { f in
                print(JSONValue.object([
                    "fact_id": .string(f.factID), "recipient": .string(f.recipient), "recipient_name": .string(f.recipientName),
                    "recipient_text": .string(f.recipientText), "currency": .string(f.currency),
                    "min": Self.number(f.amountMin), "max": Self.number(f.amountMax), "approximate": .bool(f.approximate),
                    "funder": text(f.funder), "funder_name": text(f.funderName), "funder_text": text(f.funderText),
                    "date": text(f.dateStart), "date_end": text(f.dateEnd), "date_source": text(f.dateSource), "purpose": text(f.purpose),
                    "doc_id": .string(f.docID), "title": text(f.title), "url": text(f.url), "published": text(f.published),
                    "sentence": .string(f.sentence)]).serialized())
            }
        case .table:
            var keys: [String: Int] = [:]
            try kb.forEachFactRecord(filter) { f in
                let date = f.dateStart.map { "  dated \($0) (\(f.dateSource ?? "text"))" } ?? ""
                print("\(f.day ?? "(undated)")  \(f.recipientName) [\(f.recipient)]  \(Self.amount(currency: f.currency, f.amountMin, f.amountMax, approximate: f.approximate))  from \(f.funderName ?? f.funderText ?? "(not named)")\(date)")
                print("    \(f.docID)  \(f.title ?? "")\(f.url.map { "  " + $0 } ?? "")")
                print("    「\(f.sentence)」")
                keys["\(f.recipient)|\(f.currency)|\(f.amountMin ?? "")|\(f.amountMax ?? "")", default: 0] += 1
            }
            let restated = keys.values.filter { $0 > 1 }.count
            if restated > 0 { print("\n\(restated) fact\(restated == 1 ? " is" : "s are") reported by more than one document; --linked lists each once, with totals") }
        }
    }

    func printLinked(_ kb: KnowledgeBase, _ chosen: Format) throws {
        let wanted = filter
        let facts = try kb.fundingFacts(entity: entity, since: since, until: until).filter { f in
            (wanted.currency.map { $0.uppercased() == f.currency } ?? true)
                && (wanted.minAmount.map { m in (f.amountMax ?? f.amountMin).flatMap { Decimal(string: $0) }.map { $0 >= m } ?? false } ?? true)
        }
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
            let amount = Self.amount(currency: f.currency, f.amountMin, f.amountMax, approximate: false)
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

    static func amount(currency: String, _ min: String?, _ max: String?, approximate: Bool) -> String {
        let lo = min.flatMap { Decimal(string: $0) }, hi = max.flatMap { Decimal(string: $0) }
        let about = approximate ? "about " : ""
        switch (lo, hi) {
        case let (a?, b?) where a == b: return "\(currency) \(about)\(grouped(a))"
        case let (a?, b?): return "\(currency) \(about)\(grouped(a))–\(grouped(b))"
        case let (a?, nil): return "\(currency) over \(grouped(a))"
        case let (nil, b?): return "\(currency) up to \(grouped(b))"
        default: return currency
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
