import Activations

/// A command: its declaration and what it does with its part of the command line.
struct Command: Sendable {
  /// How a command takes the words after its name.
  enum Runner: Sendable {
    /// Parsed against the spec first; `-h` or `--help` anywhere shows the command's help.
    case parsed(@Sendable (ParsedArguments, Console) throws(CLIError) -> Void)
    /// As written: `help` reads `-h` or a command name as its topic. Its errors point at the
    /// overview, not at a command's help.
    case words(@Sendable ([String], Console) throws(CLIError) -> Void)
  }

  let spec: CommandSpec
  let runner: Runner

  init(
    spec: CommandSpec, run: @escaping @Sendable (ParsedArguments, Console) throws(CLIError) -> Void
  ) {
    self.spec = spec
    runner = .parsed(run)
  }

  init(
    spec: CommandSpec, words run: @escaping @Sendable ([String], Console) throws(CLIError) -> Void
  ) {
    self.spec = spec
    runner = .words(run)
  }
}

/// The commands: each declared once here, in the order help lists them.
enum Commands {
  /// The commands that parse options from their spec, each with its own help page.
  static let all: [Command] =
    [GridCommand.Mode.eval, .grad, .table].map { mode in
      Command(spec: mode.spec) { parsed, console throws(CLIError) in
        try GridCommand.run(parsed, console: console, mode: mode)
      }
    } + [
      Command(spec: ApplyCommand.spec) { parsed, console throws(CLIError) in
        try ApplyCommand.run(parsed, console: console)
      },
      Command(spec: PlotCommand.spec) { parsed, console throws(CLIError) in
        try PlotCommand.run(parsed, console: console)
      },
      Command(spec: ListCommand.spec) { parsed, console throws(CLIError) in
        try ListCommand.run(parsed, console: console)
      },
      Command(spec: InfoCommand.spec) { parsed, console throws(CLIError) in
        try InfoCommand.run(parsed, console: console)
      },
      Command(spec: CompletionsCommand.spec) { parsed, console throws(CLIError) in
        try CompletionsCommand.run(parsed, console: console)
      },
    ]

  /// `help`, listed after the others; `activ`, `activ -h` and `activ --help` run it too.
  static let help = Command(spec: HelpCommand.spec, words: HelpCommand.run)

  /// Every command's name, `help` last.
  static var names: [String] { all.map(\.spec.name) + [help.spec.name] }

  /// The command called `name`; an unknown name is refused with the nearest one.
  static func named(_ name: String) throws(CLIError) -> Command {
    // Command names are enumerated words, so case-insensitive like every other (`activ Eval`).
    if let command = (all + [help]).first(where: { $0.spec.name == name.lowercased() }) {
      return command
    }
    if name.hasPrefix("-") {
      throw .unknownOption(command: "activ", option: name, suggestion: nil)
    }
    throw .unknownCommand(name, suggestion: closestMatch(to: name, among: names))
  }
}
