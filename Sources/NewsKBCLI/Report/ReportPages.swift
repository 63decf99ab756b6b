#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NewsKBCore
import NewsKBStore

/// The report's pages: the index (funding by year, programmes, bodies, documents), a page
/// per entity (its chart, funding, facts and documents) and a page per document that states
/// a fact (its text with every fact's evidence marked).
struct ReportPages {
    let entities: [KnowledgeBase.ReportEntity]
    let facts: [KnowledgeBase.FundingFact]
    let funding: FundingByYear
    let counts: (documents: Int, mentions: Int, entities: Int, facts: Int)
    /// Documents that have a page.
    let documentPages: Set<String>
    /// The entities that have a page, by id.
    let byID: [String: KnowledgeBase.ReportEntity]
    let kbName: String

    init(entities: [KnowledgeBase.ReportEntity], facts: [KnowledgeBase.FundingFact], counts: (documents: Int, mentions: Int, entities: Int, facts: Int),
         documentPages: Set<String>, kbName: String) {
        self.entities = entities
        self.facts = facts
        self.funding = FundingByYear(facts)
        self.counts = counts
        self.documentPages = documentPages
        self.byID = Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.kbName = kbName
    }

    typealias H = ReportHTML

    /// How many documents the index lists by name.
    static let indexDocuments = 500

    func entityLink(_ id: String, _ name: String, depth: Int) -> String {
        guard byID[id] != nil else { return H.escape(name) }
        return "<a href=\"\(String(repeating: "../", count: depth))entity/\(H.fileName(id))\">\(H.escape(name))</a>"
    }

    func documentLink(_ id: String, _ label: String, fact: String? = nil, depth: Int) -> String {
        guard documentPages.contains(id) else { return H.escape(label) }
        return "<a href=\"\(String(repeating: "../", count: depth))doc/\(H.fileName(id))\(fact.map { "#" + H.anchor($0) } ?? "")\">\(H.escape(label))</a>"
    }

    func amount(_ f: KnowledgeBase.FundingFact) -> String {
        H.amount(currency: f.currency, min: f.amountMin, max: f.amountMax)
    }

    // MARK: index

    func index(titles: [String: (title: String?, published: String?)]) -> String {
        var b = "<h1>Programmes, bodies and their funding</h1>\n"
        b += "<p class=\"sub\">\(H.escape(kbName)): \(counts.documents) documents, \(counts.mentions) mentions, \(counts.entities) entities, \(counts.facts) funding facts in documents (\(facts.count) once each across documents)</p>\n"
        var received: [String: Int] = [:]
        for f in facts { received[f.recipient, default: 0] += 1 }
        b += "<h2>Funding by year</h2>\n<p class=\"sub\">Each fact counted once however many articles restate it; a first tranche of a total the article also gives is inside that total; currencies apart; ≥ marks a lower bound (an amount stated as 「超過」 or 「不少於」), ≤ a ceiling.</p>\n"
        b += "<table><thead><tr><th>recipient</th>" + funding.years.map { "<th>\(H.escape($0))</th>" }.joined() + "<th>all years</th></tr></thead><tbody>\n"
        let order = received.keys.sorted { a, b in
            let fa = received[a]!, fb = received[b]!
            return fa != fb ? fa > fb : (byID[a]?.name ?? a) < (byID[b]?.name ?? b)
        }
        for r in order {
            let name = byID[r]?.name ?? facts.first { $0.recipient == r }?.recipientName ?? r
            b += "<tr><td>\(entityLink(r, name, depth: 0))<br><span class=\"tag\">\(H.escape(byID[r]?.type ?? ""))</span></td>"
            for y in funding.years {
                b += "<td class=\"n\">" + funding.cell(r, y).map { H.escape($0.total.text($0.currency)) }.joined(separator: "<br>") + "</td>"
            }
            b += "<td class=\"n\">" + funding.overall(r).map { H.escape($0.total.text($0.currency)) }.joined(separator: "<br>") + "</td></tr>\n"
        }
        b += "</tbody></table>\n"
        for (label, type) in [("Programmes", "programme"), ("Bodies", "institution")] {
            let list = entities.filter { $0.type == type }
            guard !list.isEmpty else { continue }
            b += "<h2>\(label)</h2>\n<table><thead><tr><th>name</th><th>also written</th><th>mentions</th><th>documents</th><th>funding facts</th></tr></thead><tbody>\n"
            for e in list {
                let n = facts.filter { $0.recipient == e.id || $0.funder == e.id }.count
                b += "<tr><td>\(entityLink(e.id, e.name, depth: 0))</td><td>\(H.escape(e.aliases.prefix(4).joined(separator: "、")))</td>"
                b += "<td class=\"n\">\(e.mentions)</td><td class=\"n\">\(e.documents)</td><td class=\"n\">\(n)</td></tr>\n"
            }
            b += "</tbody></table>\n"
        }
        let listed = documentPages.sorted { (titles[$0]?.published ?? "", $0) > (titles[$1]?.published ?? "", $1) }
        b += "<h2>Documents that state a funding fact</h2>\n<p class=\"sub\">\(listed.count) documents, newest first\(listed.count > Self.indexDocuments ? "; the \(Self.indexDocuments) newest here, the others from their entities' pages" : "")</p>\n<ul>\n"
        for id in listed.prefix(Self.indexDocuments) {
            b += "<li>\(H.escape(titles[id]?.published ?? "undated")) · \(documentLink(id, titles[id]?.title ?? id, depth: 0))</li>\n"
        }
        b += "</ul>\n"
        return H.page(title: "Report", depth: 0, body: b)
    }

    // MARK: entity

    func entity(_ e: KnowledgeBase.ReportEntity, story: KnowledgeBase.EntityStory?) -> String {
        var b = "<h1>\(H.escape(e.name))</h1>\n<p class=\"sub\"><span class=\"tag\">\(H.escape(e.type))</span>"
        b += [e.nameHans, e.nameEn].compactMap { $0 }.filter { $0 != e.name }.map(H.escape).joined(separator: " · ")
        b += " · <code>\(H.escape(e.id))</code> · \(e.mentions) mentions in \(e.documents) documents</p>\n"
        if !e.aliases.isEmpty { b += "<p>Also written: \(H.escape(e.aliases.joined(separator: "、")))</p>\n" }
        let received = facts.filter { $0.recipient == e.id }
        let given = facts.filter { $0.funder == e.id && $0.recipient != e.id }
        let currencies = Set(received.map(\.currency)).sorted()
        b += "<h2>Timeline</h2>\n"
        for c in currencies.isEmpty ? [""] : currencies {
            var perYear: [String: FundingByYear.Total] = [:]
            for y in funding.years { if let t = funding.cell(e.id, y).first(where: { $0.currency == c })?.total { perYear[y] = t } }
            b += TimelineChart(title: e.name, currency: c.isEmpty ? "no funding facts" : c, funding: perYear, mentions: e.mentionsByYear).svg() + "\n"
        }
        if !received.isEmpty {
            b += "<h2>Funding by year</h2>\n<table><thead><tr><th>year</th><th>amount</th><th>facts</th></tr></thead><tbody>\n"
            for y in funding.years {
                for (c, t) in funding.cell(e.id, y) { b += "<tr><td>\(H.escape(y))</td><td class=\"n\">\(H.escape(t.text(c)))</td><td class=\"n\">\(t.facts)</td></tr>\n" }
            }
            b += "</tbody></table>\n"
        }
        for (label, list) in [("Funding received", received), ("Funding given", given)] where !list.isEmpty {
            b += "<h2>\(label)</h2>\n<ul class=\"facts\">\n"
            for f in list {
                let other = label == "Funding received"
                    ? "from " + (f.funder.map { entityLink($0, f.funderName ?? $0, depth: 1) } ?? "(not named)")
                    : "to " + entityLink(f.recipient, f.recipientName, depth: 1)
                let dated = f.dateStart.map { "dated \($0)" } ?? "first reported \(f.firstReported ?? "undated")"
                let sources = f.documents.enumerated().map { i, d in documentLink(d, d, fact: i == 0 ? f.firstFactID : nil, depth: 1) }.joined(separator: ", ")
                let part = f.isPart ? " <span class=\"tag\">part of a total the same article gives: not added again</span>" : ""
                b += "<li><strong>\(H.escape(amount(f)))</strong>\(part) \(other) · \(H.escape(dated))<br><span class=\"quote\">「\(H.escape(f.sentence))」</span><br>reported by \(f.documents.count) document\(f.documents.count == 1 ? "" : "s"): \(sources)</li>\n"
            }
            b += "</ul>\n"
        }
        if let story {
            if !story.relations.isEmpty {
                b += "<h2>Relations</h2>\n<ul>\n"
                for r in story.relations {
                    b += "<li>\(entityLink(r.subject, r.subject, depth: 1)) <em>\(H.escape(r.type))</em> \(entityLink(r.object, r.object, depth: 1))</li>\n"
                }
                b += "</ul>\n"
            }
            b += "<h2>Documents</h2>\n<ul>\n"
            for d in story.documents {
                b += "<li>\(H.escape(d.published ?? "undated")) · \(documentLink(d.docID, d.title ?? d.docID, depth: 1)) (\(d.mentions))</li>\n"
            }
            if story.documents.count < e.documents { b += "<li>… and \(e.documents - story.documents.count) more</li>\n" }
            b += "</ul>\n"
        }
        return H.page(title: e.name, depth: 1, body: b)
    }

    // MARK: document

    func document(_ d: KnowledgeBase.ReportDocument) -> String {
        var b = "<h1>\(H.escape(d.title ?? d.id))</h1>\n<p class=\"sub\">\(H.escape(d.published ?? "undated")) · <code>\(H.escape(d.id))</code> · \(H.escape(d.source))"
        if let u = d.url { b += " · <a href=\"\(H.escape(u))\">\(H.escape(u))</a>" }
        b += "</p>\n<p class=\"legend\"><mark class=\"evidence\">evidence of a funding fact</mark> <span class=\"m-money\">amount</span> <span class=\"m-date\">date</span> <span class=\"m-institution\">body</span> <span class=\"m-programme\">programme</span></p>\n<div class=\"doc\">\n"
        if !d.facts.isEmpty {
            b += "<h2>Funding facts</h2>\n<ul class=\"facts\">\n"
            for f in d.facts {
                let name = byID[f.recipient]?.name ?? f.recipient
                b += "<li><a href=\"#\(H.anchor(f.factID))\">\(H.escape(H.amount(currency: f.currency, min: f.amountMin, max: f.amountMax, approximate: f.approximate)))</a> to \(entityLink(f.recipient, name, depth: 1))</li>\n"
            }
            b += "</ul>\n<h2>Text</h2>\n"
        }
        let scalars = Array(d.text.unicodeScalars)
        var evidence = [Int](repeating: -1, count: scalars.count + 1)
        for (k, f) in d.facts.enumerated() {
            for i in f.evidence where i < scalars.count && evidence[i] < 0 { evidence[i] = k }
        }
        var mention = [Int](repeating: -1, count: scalars.count + 1)
        for (k, m) in d.mentions.enumerated() {
            for i in m.start..<min(m.end, scalars.count) where mention[i] < 0 { mention[i] = k }
        }
        var anchored = Set<Int>()
        // Paragraphs are separated by blank lines; a line break inside one is kept.
        var start = 0
        func paragraph(_ a: Int, _ z: Int) {
            guard a < z else { return }
            var p = "<p>"
            var i = a
            while i < z {
                var j = i + 1
                while j < z && evidence[j] == evidence[i] && mention[j] == mention[i] && !(mention[i] >= 0 && d.mentions[mention[i]].start == j) { j += 1 }
                var piece = String(String.UnicodeScalarView(scalars[i..<j]))
                piece = H.escape(piece).replacing("\n", with: "<br>")
                if mention[i] >= 0 {
                    let m = d.mentions[mention[i]]
                    let cls = "m-\(m.type)"
                    if let id = m.entityID, byID[id] != nil {
                        piece = "<a class=\"\(cls)\" href=\"../entity/\(H.fileName(id))\">\(piece)</a>"
                    } else {
                        piece = "<span class=\"\(cls)\">\(piece)</span>"
                    }
                }
                if evidence[i] >= 0 {
                    let k = evidence[i]
                    let id = anchored.insert(k).inserted ? " id=\"\(H.anchor(d.facts[k].factID))\"" : ""
                    piece = "<mark class=\"evidence\"\(id) title=\"funding fact: \(H.escape(d.facts[k].recipient))\">\(piece)</mark>"
                }
                p += piece
                i = j
            }
            b += p + "</p>\n"
        }
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\n", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                paragraph(start, i)
                while i < scalars.count && scalars[i] == "\n" { i += 1 }
                start = i
                continue
            }
            i += 1
        }
        paragraph(start, scalars.count)
        b += "</div>\n"
        return H.page(title: d.title ?? d.id, depth: 1, body: b)
    }
}
