import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Entry point: runs the command; errors become one line on stderr and a documented exit code
/// (2 for usage errors rather than argument-parser's 64).
public enum NewsKBMain {
    public static func main(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try NewsKBCommand.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let e as CLIError {
            Console.error(e.message)
            exit(e.code)
        } catch let e as ExitCode {
            exit(e.rawValue)
        } catch {
            let code = NewsKBCommand.exitCode(for: error)
            if code == .success {
                print(NewsKBCommand.fullMessage(for: error))
                exit(0)
            }
            Console.error(NewsKBCommand.message(for: error) + (code == .validationFailure ? " (see 'newskb help')" : ""))
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
