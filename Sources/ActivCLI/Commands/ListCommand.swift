import Activations

/// `activ list`: the catalogue, one function per row.
enum ListCommand {
  static let spec = CommandSpec(
    name: "list",
    abstract: "List the catalogue: names, aliases, parameters and what each function is.",
    positionalUsage: "", positionals: [],
    options: [
      SharedOptions.format.described(
        "table (default, aligned columns for reading), csv, tsv, or json (one array, an object "
          + "per function)."),
      SharedOptions.noHeader, SharedOptions.output, SharedOptions.help,
    ],
    discussion: [
      "The default format here is table; --format csv gives one row per function for scripts.",
      "With --format json each function is an object: name and description are strings, aliases "
        + "an array of strings, parameters an array of {\"name\": ..., \"default\": ...} objects "
        + "(the default a number, true/false, a string, an array of numbers, or null where the "
        + "parameter has none).",
    ],
    examples: ["activ list", "activ list --format csv | cut -d, -f1", "activ list --format json"])

  static func run(_ parsed: ParsedArguments, console: Console) throws(CLIError) {
    if let extra = parsed.positionals.first {
      throw .unexpectedArgument(command: "list", value: extra)
    }
    let settings = try OutputSettings(parsed, defaultFormat: .table)
    try settings.write(
      header: ["name", "aliases", "parameters", "description"],
      alignments: [.left, .left, .left, .left],
      console: console
    ) { writer throws(CLIError) in
      for entry in Catalogue.entries {
        if writer.isJSON {
          let parameters = entry.parameters.map {
            "{\"name\": \(jsonString($0.name)), \"default\": \(jsonValue($0.defaultValue))}"
          }
          try writer.write(json: [
            jsonString(entry.name),
            "[" + entry.aliases.map(jsonString).joined(separator: ", ") + "]",
            "[" + parameters.joined(separator: ", ") + "]", jsonString(entry.summary),
          ])
          continue
        }
        let parameters = entry.parameters.map { "\($0.name)=\($0.defaultValue.specText)" }
        try writer.write([
          entry.name, entry.aliases.joined(separator: " "), parameters.joined(separator: " "),
          entry.summary,
        ])
      }
    }
  }
}
