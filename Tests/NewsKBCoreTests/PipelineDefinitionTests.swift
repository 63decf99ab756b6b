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
}
