#if canImport(Glibc)
import Glibc
#endif

extension StageConfig {
    /// A decimal option, or `fallback` when the pipeline file does not set it.
    public func doubleOption(_ key: String, default fallback: Double) throws -> Double {
        guard let s = options?[key] else { return fallback }
        guard let v = Double(s), v.isFinite else { throw NewsKBError.pipeline("stage \(stage): option \(key) must be a number, not '\(s)'") }
        return v
    }

    /// An integer option, or `fallback` when the pipeline file does not set it.
    public func intOption(_ key: String, default fallback: Int) throws -> Int {
        guard let s = options?[key] else { return fallback }
        guard let v = Int(s) else { throw NewsKBError.pipeline("stage \(stage): option \(key) must be a whole number, not '\(s)'") }
        return v
    }
}
