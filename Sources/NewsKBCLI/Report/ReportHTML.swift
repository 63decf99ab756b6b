#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NewsKBCore

/// The pieces every report page is made of: escaping, the page shell with its inline style
/// (no stylesheet, font or script from the network), file names and amounts as people read them.
enum ReportHTML {
    /// Text made safe inside an element or a quoted attribute.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A file name for an id: the id itself where it is plain ASCII (`prog-innohk`), else its
    /// kind and a digest (`inst-3f2a…`), so any name the text gives makes a valid, short file name.
    static func fileName(_ id: String) -> String {
        let plain = id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.:".unicodeScalars.contains($0)) }
        if plain && id.utf8.count <= 80 { return id.replacing(":", with: "-") + ".html" }
        let kind = id.split(separator: ":").first.map(String.init) ?? "id"
        return kind.filter { $0.isASCII && $0.isLetter } + "-" + SHA256.hex(Array(id.utf8)).prefix(16) + ".html"
    }

    /// An amount as a Chinese reader writes it: 100億, 2,500萬, 8,000.
    static func compact(_ d: Decimal) -> String {
        func trimmed(_ v: Decimal) -> String {
            // Two decimals at most: 12.35億, 100億.
            let hundredths = ((Double("\(v)") ?? 0) * 100).rounded()
            let whole = Decimal(Int(hundredths / 100)), cents = Int(hundredths) % 100
            return FactsCommand.grouped(whole) + (cents == 0 ? "" : cents % 10 == 0 ? ".\(cents / 10)" : String(format: ".%02d", cents))
        }
        if d >= 100_000_000 { return trimmed(d / 100_000_000) + "億" }
        if d >= 10_000 { return trimmed(d / 10_000) + "萬" }
        return FactsCommand.grouped(d)
    }

    /// An amount with its currency, as a range, a lower bound (≥) or an upper bound (≤).
    static func amount(currency: String, min: Decimal?, max: Decimal?, approximate: Bool = false) -> String {
        let about = approximate ? "約" : ""
        switch (min, max) {
        case let (a?, b?) where a == b: return "\(currency) \(about)\(compact(a))"
        case let (a?, b?) where a == 0: return "\(currency) ≤ \(compact(b))"
        case let (a?, b?): return "\(currency) \(about)\(compact(a))–\(compact(b))"
        case let (a?, nil): return "\(currency) ≥ \(compact(a))"
        case let (nil, b?): return "\(currency) ≤ \(compact(b))"
        default: return currency
        }
    }

    /// An amount as a floating-point number, for drawing.
    static func double(_ d: Decimal) -> Double { Double("\(d)") ?? 0 }

    /// The same for amounts the knowledge base gives as decimal text.
    static func amount(currency: String, min: String?, max: String?, approximate: Bool = false) -> String {
        amount(currency: currency, min: min.flatMap { Decimal(string: $0) }, max: max.flatMap { Decimal(string: $0) }, approximate: approximate)
    }

    /// The anchor of a fact on its document's page (`fact:76151bc3…` → `fact-76151bc3…`).
    static func anchor(_ factID: String) -> String { factID.replacing(":", with: "-") }

    /// A whole page: its title, where the stylesheet sits relative to it, and its body.
    static func page(title: String, depth: Int, body: String) -> String {
        let up = String(repeating: "../", count: depth)
        return """
            <!DOCTYPE html>
            <html lang="zh-Hant">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · NewsKB</title>
            <style>\(style)</style>
            </head>
            <body>
            <nav><a href="\(up)index.html">NewsKB report</a></nav>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    static let style = """
        body{font-family:"Noto Sans CJK TC","Noto Sans CJK SC","Source Han Sans",system-ui,sans-serif;margin:0;color:#1d2330;background:#f7f7f4;line-height:1.55}
        nav{background:#1d2330;padding:.6em 1.5em}nav a{color:#f7f7f4;text-decoration:none;font-weight:600}
        main{max-width:1100px;margin:0 auto;padding:1em 1.5em 3em}
        h1{font-size:1.6em;margin:.6em 0 .2em}h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:1px solid #d8d6cc;padding-bottom:.2em}
        .sub{color:#5b6170;margin:0 0 1em}table{border-collapse:collapse;width:100%;background:#fff;font-size:.95em}
        th,td{border:1px solid #e1dfd6;padding:.35em .6em;text-align:left;vertical-align:top}th{background:#eeede6;font-weight:600}
        td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}a{color:#1f5fa8}
        .facts li{margin:.4em 0}.quote{color:#3b4150}.tag{display:inline-block;font-size:.8em;background:#e6e4da;border-radius:3px;padding:0 .4em;margin-right:.3em}
        .doc p{background:#fff;padding:.6em .9em;margin:.5em 0;border-left:3px solid #e1dfd6}
        mark.evidence{background:#ffe08a}mark.evidence:target{outline:2px solid #d08a00}
        .m-money{border-bottom:2px solid #2e8b57}.m-date{border-bottom:2px solid #6a5acd}.m-institution{border-bottom:2px solid #1f5fa8}.m-programme{border-bottom:2px solid #c0392b}
        .legend span{margin-right:1em}svg{background:#fff;border:1px solid #e1dfd6;max-width:100%;height:auto}
        """
}
