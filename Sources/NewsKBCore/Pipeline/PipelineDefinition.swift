#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A pipeline file (`pipelines/*.json`) decoded and validated.
public struct PipelineDefinition: Codable, Sendable {
    public var name: String
    public var version: Int
    public var description: String?
    /// The region of inputs that name none (HK, CN, TW, MO…).
    public var region: String
    /// The language tag of inputs whose script cannot be told.
    public var language: String
    /// The currency of plain 元 when neither the input nor `regionCurrencies` decides it.
    public var currency: String
    /// The currency of plain 元 by the input's region.
    public var regionCurrencies: [String: String]
    public var stages: [StageConfig]

    /// The folder the pipeline file lives in; lexicon paths resolve against it.
    public var baseDirectory: String = "."
    /// The pipeline file itself.
    public var path: String = ""

    enum CodingKeys: String, CodingKey {
        case name, version, description, region, language, currency, regionCurrencies, stages
    }

    /// The absolute path of a lexicon named in a stage.
    public func lexiconPath(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : baseDirectory + "/" + relative
    }

    /// The currency plain 元 takes in a document of `region`, and how that was decided.
    public func plainCurrency(region: String?) -> (code: String, source: CurrencySource) {
        if let r = region, let c = regionCurrencies[r.uppercased()] { return (c, .region) }
        return (currency, .pipeline)
    }

    /// Loads a pipeline by file path or by name (looked up in ``searchPaths``).
    public static func load(_ nameOrPath: String) throws -> PipelineDefinition {
        let path: String
        if nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") {
            path = nameOrPath
        } else if let found = searchPaths().lazy.map({ $0 + "/" + nameOrPath + ".json" }).first(where: FileIO.exists) {
            path = found
        } else {
            throw NewsKBError.pipeline("no pipeline named '\(nameOrPath)' in \(searchPaths().joined(separator: ", ")); set NEWSKB_PIPELINES or pass a file")
        }
        guard let bytes = FileIO.readAll(path) else { throw NewsKBError.pipeline("cannot read pipeline file \(path)") }
        var def: PipelineDefinition
        do {
            def = try JSONDecoder().decode(PipelineDefinition.self, from: Data(bytes))
        } catch {
            throw NewsKBError.pipeline("\(path) is not a valid pipeline file: \(error)")
        }
        def.baseDirectory = FileIO.directory(of: path)
        def.path = path
        try def.validate()
        return def
    }

    /// Folders searched for pipelines by name: `$NEWSKB_PIPELINES`, `./pipelines`, then
    /// beside the executable: `pipelines` there and the install prefix's `share/newskb/pipelines`
    /// (`make install` puts the binary in PREFIX/bin and the pipelines there).
    public static func searchPaths() -> [String] {
        var paths: [String] = []
        if let env = FileIO.environment("NEWSKB_PIPELINES") { paths.append(contentsOf: env.split(separator: ":").map(String.init)) }
        paths.append("pipelines")
        if let exe = FileIO.executableDirectory() {
            paths.append(exe + "/pipelines")
            paths.append(FileIO.directory(of: exe) + "/share/newskb/pipelines")
        }
        return paths
    }

    /// Checks stage names, their order (`requires` before `assigns`) and lexicon files.
    public func validate() throws {
        var have: Set<AnnotationKey> = [.payload]
        for config in stages {
            guard let entry = StageRegistry.entry(config.stage) else {
                throw NewsKBError.pipeline("\(name): unknown stage '\(config.stage)'; known: \(StageRegistry.names.joined(separator: ", "))")
            }
            let missing = entry.requires.subtracting(have)
            if !missing.isEmpty {
                throw NewsKBError.pipeline("\(name): stage '\(config.stage)' needs \(missing.map(\.rawValue).sorted().joined(separator: ", ")) from an earlier stage")
            }
            have.formUnion(entry.assigns)
            for lex in config.lexicons ?? [] where !FileIO.exists(lexiconPath(lex)) {
                throw NewsKBError.pipeline("\(name): stage '\(config.stage)' lexicon \(lexiconPath(lex)) does not exist")
            }
        }
    }
}
