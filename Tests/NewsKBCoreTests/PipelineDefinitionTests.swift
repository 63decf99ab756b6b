import Foundation
import NewsKBCore
import Testing

@Suite("Pipelines as data")
struct PipelineDefinitionTests {
    @Test("the stage registry lists exactly these stages")
    func registrySnapshot() {
        #expect(StageRegistry.names == [
            "decode.v1", "html.content.v1", "clean.text.v1", "detect.language.v1", "detect.region.v1", "segment.sentences.v1", "segment.words.v1",
            "recognise.money.v1", "recognise.date.v1", "recognise.names.v1", "resolve.entities.v1", "relate.v1", "relate.facts.v1",
        ])
    }

    @Test("the default pipeline loads by name with region HK and HKD for plain 元")
    func defaultPipeline() throws {
        let p = try PipelineDefinition.load(Repo.root + "/pipelines/hk-news.json")
        #expect(p.region == "HK" && p.currency == "HKD")
        #expect(p.plainCurrency(region: "CN").code == "CNY")
        #expect(p.plainCurrency(region: nil).source == .pipeline)
    }

    func write(_ json: String) -> String {
        let path = NSTemporaryDirectory() + "pipeline-\(UUID().uuidString).json"
        try! json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("an unknown stage, a stage before what it needs, or a missing lexicon fail at load")
    func validation() throws {
        let head = #"{"name":"x","version":1,"region":"HK","language":"zh-Hant","currency":"HKD","regionCurrencies":{},"stages":"#
        #expect(throws: NewsKBError.self) { try PipelineDefinition.load(write(head + #"[{"stage":"decode.v9"}]}"#)) }
        #expect(throws: NewsKBError.self) { try PipelineDefinition.load(write(head + #"[{"stage":"decode.v1"},{"stage":"relate.v1"}]}"#)) }
        #expect(throws: NewsKBError.self) {
            try PipelineDefinition.load(write(head + #"[{"stage":"decode.v1"},{"stage":"clean.text.v1"},{"stage":"detect.language.v1","lexicons":["nope.tsv"]}]}"#))
        }
    }

    /// The shipped pipeline file with its three recognisers in another order, lexicon paths made absolute.
    func reordered(_ order: [String]) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repo.root + "/pipelines/hk-news.json"))
        var json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var stages = json["stages"] as! [[String: Any]]
        for i in stages.indices {
            if let l = stages[i]["lexicons"] as? [String] { stages[i]["lexicons"] = l.map { Repo.root + "/pipelines/" + $0 } }
        }
        let slots = stages.indices.filter { order.contains(stages[$0]["stage"] as! String) }
        let moved = order.map { name in stages.first { $0["stage"] as? String == name }! }
        for (slot, stage) in zip(slots, moved) { stages[slot] = stage }
        json["stages"] = stages
        return write(String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self))
    }

    @Test("the recognisers in any order: the same output, or a load-time error naming the layer a stage lacks")
    func recognisersInAnyOrder() throws {
        let recognisers = ["recognise.money.v1", "recognise.date.v1", "recognise.names.v1"]
        let text = "標題\n\n今年5月28日，特區政府撥款100億元推行「產學研1+」計劃，由創新科技署負責，第三季檢討計劃進度。"
        func output(_ pipeline: Pipeline) throws -> [String] {
            var doc = NewsDocument(id: "t", source: "t.txt", format: .text, payload: Array(text.utf8), published: CivilDate(iso: "2024-06-20"))
            try pipeline.run(&doc)
            return doc.mentions.map { "\($0.type.rawValue) \(doc.text(of: $0)) \($0.start)" } + doc.facts.map(\.recipientText)
        }
        let expected = try output(Repo.pipeline)
        #expect(expected.contains { $0.hasPrefix("money 100億元") } && expected.contains { $0.hasPrefix("date 今年5月28日") }, "\(expected)")
        var orders: [[String]] = [[]]
        for _ in recognisers { orders = orders.flatMap { o in recognisers.filter { !o.contains($0) }.map { o + [$0] } } }
        var refused = 0
        for order in orders {
            do {
                let pipeline = try Pipeline(PipelineDefinition.load(reordered(order)))
                #expect(try output(pipeline) == expected, "\(order)")
            } catch let error as NewsKBError {
                // The names recogniser reads the amounts and dates it must not overlap.
                #expect(order.firstIndex(of: "recognise.names.v1")! < order.firstIndex(of: "recognise.date.v1")!
                        || order.firstIndex(of: "recognise.names.v1")! < order.firstIndex(of: "recognise.money.v1")!, "\(order)")
                #expect("\(error)".contains("needs") && ("\(error)".contains("money") || "\(error)".contains("dates")), "\(error)")
                refused += 1
            }
        }
        #expect(refused == 4, "names before money or dates: 4 of the 6 orders")
    }
}
