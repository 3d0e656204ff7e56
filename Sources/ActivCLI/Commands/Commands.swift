import Activations

/// A command: its declaration and what it does with a parsed command line.
struct Command: Sendable {
  let spec: CommandSpec
  let run: @Sendable (ParsedArguments, Console) throws(CLIError) -> Void
}

/// The commands, in the order help lists them.
enum Commands {
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

  static func named(_ name: String) -> Command? { all.first { $0.spec.name == name } }
}
