import ArgumentParser
import NewsKBCore
import NewsKBStore

/// `newskb stats`: counts by type and the most mentioned entities.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print counts of documents, mentions, entities and relations by type, and the most mentioned entities.")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "How many of the most mentioned entities to list.")
    var top: Int = 10

    func run() throws {
        let s = try store.open(create: false, writing: false).stats(top: top)
        print("documents  \(s.documents)")
        print("errors     \(s.errors)")
        if s.unresolvedDates > 0 {
            print("unresolved dates \(s.unresolvedDates) (relative dates in documents with no published date; ingest them again with --published or --metadata)")
        }
        print("mentions   " + s.mentionsByType.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        print("entities   " + s.entitiesByType.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        print("relations  " + s.relationsByType.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        if !s.topEntities.isEmpty {
            print("\nmost mentioned entities:")
            for e in s.topEntities {
                print("  \(pad(String(e.mentions), 5)) mentions in \(pad(String(e.documents), 3)) documents  \(e.name)  [\(e.id)]")
            }
        }
    }

    private func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
}
