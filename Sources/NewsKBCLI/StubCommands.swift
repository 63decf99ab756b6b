import ArgumentParser
struct IngestCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "ingest") }
struct ExportCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "export") }
struct StatsCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "stats") }
