#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An SVG timeline of one programme or body: funding per year as bars (one chart per
/// currency; a lower bound drawn open at the top), and its mentions per year as dots.
struct TimelineChart {
    var title: String
    var currency: String
    /// `YYYY` → total, for the years with funding in this currency.
    var funding: [String: FundingByYear.Total]
    /// `YYYY` → mentions.
    var mentions: [String: Int]

    func svg() -> String {
        let known = (Array(funding.keys) + Array(mentions.keys)).compactMap { Int($0) }
        guard let first = known.min(), let last = known.max() else { return "" }
        let years = Array(first...max(last, first))
        let width = 760.0, left = 70.0, right = 20.0, top = 34.0, barArea = 150.0, base = top + barArea
        let height = base + 70
        let step = (width - left - right) / Double(years.count)
        let peak = funding.values.map { ReportHTML.double($0.max ?? $0.min) }.max() ?? 0
        let most = mentions.values.max() ?? 0
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" width="\(Int(width))" height="\(Int(height))" role="img">
            <title>\(ReportHTML.escape(title)): funding per year (\(currency)) and mentions per year</title>
            <text x="\(left)" y="20" font-size="13" fill="#1d2330">\(ReportHTML.escape(currency)) per year · mentions per year</text>
            <line x1="\(left)" y1="\(base)" x2="\(width - right)" y2="\(base)" stroke="#9a9a90"/>

            """
        for (i, y) in years.enumerated() {
            let x = left + Double(i) * step
            let cx = x + step / 2
            out += "<text x=\"\(f(cx))\" y=\"\(f(base + 16))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6170\">\(y)</text>\n"
            if let t = funding[String(y)], peak > 0 {
                let value = ReportHTML.double(t.max ?? t.min)
                let h = Swift.max(2, value / peak * (barArea - 18))
                let w = Swift.min(step * 0.6, 60)
                let open = t.max == nil
                out += "<rect x=\"\(f(cx - w / 2))\" y=\"\(f(base - h))\" width=\"\(f(w))\" height=\"\(f(h))\" fill=\"\(open ? "#9ec5e8" : "#1f5fa8")\"\(open ? " stroke=\"#1f5fa8\" stroke-dasharray=\"4 3\"" : "")><title>\(y): \(ReportHTML.escape(t.text(currency)))</title></rect>\n"
                let label = ReportHTML.escape(t.text(currency).replacingOccurrences(of: currency + " ", with: ""))
                out += "<text x=\"\(f(cx))\" y=\"\(f(base - h - 4))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1d2330\">\(label)</text>\n"
            }
            if let n = mentions[String(y)], most > 0 {
                let r = 2 + 8 * (Double(n) / Double(most)).squareRoot()
                out += "<circle cx=\"\(f(cx))\" cy=\"\(f(base + 40))\" r=\"\(f(r))\" fill=\"#c0392b\" fill-opacity=\"0.7\"><title>\(y): \(n) mentions</title></circle>\n"
            }
        }
        out += "<text x=\"\(f(left - 8))\" y=\"\(f(base + 44))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6170\">mentions</text>\n</svg>"
        return out
    }

    private func f(_ v: Double) -> String { String(format: "%.1f", v) }
}
