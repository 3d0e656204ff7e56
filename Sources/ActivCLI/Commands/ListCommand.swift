import Activations

/// `activ list`: the catalogue, one function per row.
enum ListCommand {
  static let spec = CommandSpec(
    name: "list",
    abstract: "List the catalogue: names, aliases, parameters and what each function is.",
    positionalUsage: "", positionals: [],
    options: [
      SharedOptions.format, SharedOptions.noHeader, SharedOptions.output, SharedOptions.help,
    ],
    discussion: [
      "The default format here is table; --format csv gives one row per function for scripts."
    ],
    examples: ["activ list", "activ list --format csv | cut -d, -f1"])

  static func run(_ parsed: ParsedArguments, console: Console) throws(CLIError) {
    if let extra = parsed.positionals.first {
      throw .unexpectedArgument(command: "list", value: extra)
    }
    let settings = OutputSettings(parsed, defaultFormat: .table)
    try settings.write(
      header: ["name", "aliases", "parameters", "description"],
      alignments: [.left, .left, .left, .left],
      console: console
    ) { writer throws(CLIError) in
      for entry in Catalogue.entries {
        let parameters = entry.parameters.map { "\($0.name)=\($0.defaultValue.specText)" }
        try writer.write([
          entry.name, entry.aliases.joined(separator: " "), parameters.joined(separator: " "),
          entry.summary,
        ])
      }
    }
  }
}
