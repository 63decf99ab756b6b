import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NewsKBCore
import NewsKBStore

/// `newskb report`: a static HTML report of the knowledge base that works offline.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a static HTML report: funding per programme and body by year, an SVG timeline per entity, entity pages and document pages with the evidence marked.",
        discussion: """
            The report is plain files (index.html, entity/, doc/) with its style inline: no script, \\
            font or stylesheet from the network, so it opens offline and can be published as it is. \\
            Restatements of a fact in several articles count once; currencies are never added \\
            together; a lower bound is shown as ≥. The knowledge base is opened read-only.
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "The folder to write the report into (created; pages already there are replaced).")
    var output: String

    @Option(name: .long, help: "Besides every entity that gives or receives funding, pages for this many of the most mentioned.")
    var top: Int = 100

    @Option(name: .long, help: "At most this many documents listed on an entity's page.")
    var documentsPerEntity: Int = 200

    @Option(name: .long, help: "Pages for this many of the newest documents that state a fact, besides the first report of every fact.")
    var documents: Int = 2000

    func run() throws {
        let kb = try store.open(create: false, writing: false)
        let facts = try kb.fundingFacts()
        let entities = try kb.reportEntities(top: top)
        let withFacts = try kb.documentsWithFacts()
        let firstReports = Set(facts.map(\.firstDocument))
        let newest = Set(withFacts.suffix(max(0, documents)))
        let docs = withFacts.filter { firstReports.contains($0) || newest.contains($0) }
        let pages = ReportPages(entities: entities, facts: facts, counts: try kb.reportCounts(), documentPages: Set(docs),
                                kbName: FileIO.baseName(store.kb))
        let fm = FileManager.default
        for sub in ["", "/entity", "/doc"] {
            do { try fm.createDirectory(atPath: output + sub, withIntermediateDirectories: true) } catch {
                throw CLIError(message: "cannot create \(output + sub): \(error)", code: 73)
            }
        }
        var written = 0
        func write(_ html: String, _ path: String) throws {
            do { try Data(html.utf8).write(to: URL(fileURLWithPath: output + "/" + path), options: .atomic) } catch {
                throw CLIError(message: "cannot write \(output)/\(path): \(error)", code: 74)
            }
            written += 1
        }
        var titles: [String: (title: String?, published: String?)] = [:]
        for id in docs {
            guard let d = try kb.reportDocument(id) else { continue }
            titles[id] = (d.title, d.published)
            try write(pages.document(d), "doc/" + ReportHTML.fileName(id))
        }
        for e in entities {
            let story = try kb.entityStories(e.id, facts: facts, documentLimit: documentsPerEntity).first { $0.id == e.id }
            try write(pages.entity(e, story: story), "entity/" + ReportHTML.fileName(e.id))
        }
        try write(pages.index(titles: titles), "index.html")
        Console.event(level: "info", "report", message: "wrote \(written) pages to \(output): \(entities.count) entities, \(docs.count) documents, \(facts.count) funding facts",
                      [("output", output), ("pages", String(written)), ("entities", String(entities.count)), ("documents", String(docs.count)), ("facts", String(facts.count))])
    }
}
