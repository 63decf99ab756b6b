import ArgumentParser
import NewsKBCore
import NewsKBStore
#if canImport(Glibc)
import Glibc
#endif

/// `newskb entity`: one body or programme by any of its names, in either script.
struct EntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Show an entity by id, name or alias (Traditional or Simplified): its names, how documents write it, where it appears, its relations and funding facts.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, jsonl }

    @OptionGroup var store: StoreOptions

    @Argument(help: "An entity id (inst:itib), a name or an alias, in either script.")
    var name: String

    @Option(name: .long, help: "table or jsonl; default: table at a terminal, jsonl otherwise.")
    var format: Format?

    func run() throws {
        let stories = try store.open(create: false, writing: false).entityStories(name)
        guard !stories.isEmpty else {
            Console.error("no entity is named \(name) (try an id such as inst:itib, a name or an alias)")
            throw ExitCode(1)
        }
        let out = LineWriter()
        for s in stories {
            switch format ?? (isatty(1) == 1 ? .table : .jsonl) {
            case .jsonl:
                out.write(JSONValue.object([
                    "entity_id": .string(s.id), "type": .string(s.type), "name": .string(s.name),
                    "name_hans": s.nameHans.map { .string($0) } ?? .null, "name_en": s.nameEn.map { .string($0) } ?? .null,
                    "aliases": .array(s.aliases.map { .string($0) }), "mentions": .int(s.mentions),
                    "surfaces": .array(s.surfaces.map { .object(["text": .string($0.text), "count": .int($0.count)]) }),
                    "documents": .array(s.documents.map { .object(["doc_id": .string($0.docID), "title": $0.title.map { .string($0) } ?? .null,
                                                                   "published": $0.published.map { .string($0) } ?? .null, "mentions": .int($0.mentions)]) }),
                    "relations": .array(s.relations.map { .object(["type": .string($0.type), "subject": .string($0.subject), "object": .string($0.object), "doc_id": .string($0.docID)]) }),
                    "facts": .array(s.facts.map { f in .object([
                        "recipient": .string(f.recipient), "currency": .string(f.currency), "min": FactsCommand.number(f.amountMin),
                        "max": FactsCommand.number(f.amountMax), "funder": f.funder.map { .string($0) } ?? .null,
                        "date": f.dateStart.map { .string($0) } ?? .null, "first_reported": f.firstReported.map { .string($0) } ?? .null,
                        "documents": .array(f.documents.map { .string($0) }), "sentence": .string(f.sentence)]) })]))
            case .table:
                out.write("\(s.name) [\(s.id)] \(s.type)")
                let other = [s.nameHans.map { "Simplified \($0)" }, s.nameEn.map { "English \($0)" }].compactMap { $0 }
                if !other.isEmpty { out.write("  " + other.joined(separator: " · ")) }
                if !s.aliases.isEmpty { out.write("  aliases: " + s.aliases.joined(separator: ", ")) }
                out.write("  written as: " + s.surfaces.map { "\($0.text) ×\($0.count)" }.joined(separator: ", "))
                out.write("  \(s.mentions) mention\(s.mentions == 1 ? "" : "s") in \(s.documents.count) document\(s.documents.count == 1 ? "" : "s"), oldest first:")
                for d in s.documents { out.write("    \(d.published ?? "(undated)")  \(d.docID)  \(d.title ?? "")  (\(d.mentions))") }
                for r in s.relations { out.write("  \(r.subject) \(r.type) \(r.object)  (\(r.docID))") }
                if !s.facts.isEmpty { out.write("  funding facts:") }
                for f in s.facts {
                    let role = f.recipient == s.id ? "received" : "gave to \(f.recipientName)"
                    out.write("    \(f.firstReported ?? "(undated)")  \(role)  \(FactsCommand.amount(currency: f.currency, f.amountMin, f.amountMax, approximate: false))\(f.dateStart.map { "  dated \($0)" } ?? "")  「\(f.sentence)」")
                }
            }
        }
        guard out.flush() else { throw ExitCode(74) }
    }
}
