import Activations

/// The activ program as a function from a command line to an exit status, so tests can run it
/// in-process with memory streams.
public enum Activ {
  public static let version = "0.1.0"

  /// The `activ` executable: runs the process's command line on the standard streams and exits.
  public static func main() -> Never {
    POSIX.ignoreBrokenPipeSignal()
    POSIX.exit(run(Array(CommandLine.arguments.dropFirst()), console: .standard))
  }

  /// Runs one command line (without the program name) and returns the exit status.
  public static func run(_ arguments: [String], console: Console) -> Int32 {
    var commandName: String?
    do {
      guard let first = arguments.first else {
        try emit(Help.main(), to: console.output)
        return ExitCode.success.rawValue
      }
      switch first {
      case "-h", "--help":
        try emit(Help.main(), to: console.output)
        return ExitCode.success.rawValue
      case "--version":
        try emit("activ \(version)\n", to: console.output)
        return ExitCode.success.rawValue
      case "help":
        if arguments.count > 2 {
          throw CLIError.unexpectedArgument(command: "help", value: arguments[2])
        }
        guard arguments.count == 2 else {
          try emit(Help.main(), to: console.output)
          return ExitCode.success.rawValue
        }
        let topic = arguments[1]
        if topic == "--man" {
          try emit(ManPage.render(), to: console.output)
        } else if ["help", "-h", "--help"].contains(topic) {
          try emit(Help.main(), to: console.output)
        } else {
          try emit(Help.command(try command(named: topic).spec), to: console.output)
        }
        return ExitCode.success.rawValue
      default:
        break
      }
      let command = try command(named: first)
      commandName = command.spec.name
      let tokens = Lexer.tokens(Array(arguments.dropFirst()))
      if ArgumentParser.wantsHelp(tokens) {
        try emit(Help.command(command.spec), to: console.output)
        return ExitCode.success.rawValue
      }
      try command.run(try ArgumentParser.parse(tokens, for: command.spec), console)
      return ExitCode.success.rawValue
    } catch let error as CLIError {
      return report(error, command: commandName, console: console)
    } catch {
      return report(
        .writeFailed(target: "standard output", reason: "\(error)"), command: commandName,
        console: console)
    }
  }

  private static func command(named name: String) throws(CLIError) -> Command {
    if let command = Commands.named(name) { return command }
    if name.hasPrefix("-") {
      throw .unknownOption(command: "activ", option: name, suggestion: nil)
    }
    let names = Commands.all.map(\.spec.name) + ["help"]
    throw .unknownCommand(name, suggestion: closestMatch(to: name, among: names))
  }

  private static func report(_ error: CLIError, command: String?, console: Console) -> Int32 {
    guard error != .outputClosed else { return ExitCode.success.rawValue }
    let text =
      (["error: " + error.message] + error.hints(command: command)).joined(separator: "\n") + "\n"
    try? emit(text, to: console.error)
    return error.exitCode.rawValue
  }

  private static func emit(_ text: String, to sink: ByteSink) throws(CLIError) {
    do {
      try sink.write(bytes: Array(text.utf8))
    } catch {
      if error.isBrokenPipe { throw .outputClosed }
      throw .writeFailed(target: "standard output", reason: error.message)
    }
  }
}
