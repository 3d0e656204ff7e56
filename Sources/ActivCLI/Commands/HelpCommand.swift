/// `activ help [COMMAND] [--man]`: the overview, a command's help, or the manual page.
enum HelpCommand {
  static let spec = CommandSpec(
    name: "help",
    abstract: "Show help for a command (activ help eval), or the manual page (activ help --man).",
    positionalUsage: "[COMMAND|expressions] [--man]",
    positionals: [
      PositionalSpec(
        name: "COMMAND", help: "The command to describe, or the topic expressions.")
    ],
    options: [],
    discussion: [
      "Show the overview, a command's help, the expression language (activ help expressions, "
        + "the EXPRESSIONS section below), or (--man) this page."
    ])

  /// The abstract where a completion menu shows it, beside the commands' own.
  static let shortAbstract = "Show help for a command"

  /// Help on one topic: none (or `help`, `-h`, `--help`) for the overview, `--man` for the
  /// manual page, `expressions` for the expression language, or a command's name.
  static func run(_ words: [String], console: Console) throws(CLIError) {
    if words.count > 1 { throw .unexpectedArgument(command: spec.name, value: words[1]) }
    let text: String
    switch words.first {
    case nil, "help", "-h", "--help": text = Help.main()
    case "--man": text = ManPage.render()
    case ExpressionHelp.topic: text = ExpressionHelp.text()
    case let topic?: text = Help.command(try Commands.named(topic).spec)
    }
    try Activ.emit(text, to: console.output)
  }
}
