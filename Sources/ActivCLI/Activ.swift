import Activations

/// The activ program as a function from a command line to an exit status, so tests can run it
/// in-process with memory streams.
public enum Activ {
  static let version = "0.1.0"

  /// The `activ` executable: runs the process's command line on the standard streams and exits.
  public static func main() -> Never {
    POSIX.ignoreBrokenPipeSignal()
    POSIX.exit(run(Array(CommandLine.arguments.dropFirst()), console: .standard))
  }

  /// Runs one command line (without the program name) and returns the exit status.
  package static func run(_ arguments: [String], console: Console) -> Int32 {
    var commandName: String?
    do throws(CLIError) {
      let first = arguments.first ?? "--help"
      if first == "--version" {
        try emit("activ \(version)\n", to: console.output)
        return ExitCode.success.rawValue
      }
      // Bare `activ`, `-h` and `--help` show the overview whatever follows.
      let asksForHelp = first == "-h" || first == "--help"
      let command = asksForHelp ? Commands.help : try Commands.named(first)
      switch command.runner {
      case .words(let run):
        try run(asksForHelp ? [] : Array(arguments.dropFirst()), console)
      case .parsed(let run):
        commandName = command.spec.name
        let tokens = Lexer.tokens(Array(arguments.dropFirst()))
        if ArgumentParser.wantsHelp(tokens) {
          try emit(Help.command(command.spec), to: console.output)
          return ExitCode.success.rawValue
        }
        try run(try ArgumentParser.parse(tokens, for: command.spec), console)
      }
      return ExitCode.success.rawValue
    } catch {
      return report(error, command: commandName, console: console)
    }
  }

  private static func report(_ error: CLIError, command: String?, console: Console) -> Int32 {
    guard error != .outputClosed else { return ExitCode.success.rawValue }
    let text =
      (["error: " + error.message] + error.hints(command: command)).joined(separator: "\n") + "\n"
    try? emit(text, to: console.error)
    return error.exitCode.rawValue
  }

  /// Writes text a command gives whole (help, the version) to standard output.
  static func emit(_ text: String, to sink: ByteSink) throws(CLIError) {
    do {
      try sink.write(bytes: Array(text.utf8))
    } catch {
      if error.isBrokenPipe { throw .outputClosed }
      throw .writeFailed(target: "standard output", reason: error.message)
    }
  }
}
