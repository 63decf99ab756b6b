import Foundation
import NewsKBCore

/// Where the tests find the repository, `../shared` and the pipeline: the one place that
/// knows the checkout's layout (found from this file's path).
public enum Repository {
    /// The repository root.
    public static let root: String = {
        let here = #filePath
        return String(here[..<here.firstRange(of: "/Tests/")!.lowerBound])
    }()

    /// `../shared` beside the repository, when present (tests that need it skip without it).
    public static var shared: String? {
        FileManager.default.fileExists(atPath: root + "/../shared/CONTRACT.md") ? root + "/../shared" : nil
    }

    /// The repository's pipeline, built once.
    public static let pipeline: Pipeline = try! Pipeline.load(root + "/pipelines/hk-news.json")

    /// A temporary folder of the test's own.
    public static func tempDir() -> String {
        let d = NSTemporaryDirectory() + "newskb-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
}
