/// Help text, rendered from the command specs so it cannot drift from what the parser accepts.
enum Help {
  static let width = 100

  static func main() -> String {
    var lines = [
      "OVERVIEW: activ \(Activ.version): explore neural-network activation functions: evaluate, differentiate",
      "and tabulate them, and pipe the CSV into other tools.",
      "",
      "USAGE: activ COMMAND [ARGUMENTS] [OPTIONS]",
      "",
      "COMMANDS:",
    ]
    let nameWidth = Commands.all.map(\.spec.name.count).max()! + 2
    for command in Commands.all {
      lines.append("  " + pad(command.spec.name, nameWidth) + command.spec.abstract)
    }
    let help = Commands.help.spec
    lines += [
      "  " + pad(help.name, nameWidth) + help.abstract,
      "",
      "OPTIONS:",
      "  -h, --help    Show this help.",
      "  --version     Print activ's version.",
      "",
      "EXIT STATUS:",
    ]
    // One line per decade: sysexits puts the errors about input in the 60s, output in the 70s.
    var decades: [[ExitCode]] = []
    for code in ExitCode.allCases {
      if let last = decades.last?.last, last.rawValue / 10 == code.rawValue / 10 {
        decades[decades.count - 1].append(code)
      } else {
        decades.append([code])
      }
    }
    lines += decades.map { codes in
      "  " + codes.map { "\($0.rawValue) \($0.summary)" }.joined(separator: "   ")
    }
    lines += [
      "",
      "EXAMPLES:",
      "  activ eval mish -3 3",
      "  activ table relu gelu mish -3 3 --grad --format table",
      "  activ info gelu",
      "",
      "See 'activ help COMMAND' for a command's arguments and options, and 'activ help expressions'",
      "for the expression language.",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// The line on `--` in every command's option list (help and manual page alike).
  static let terminator =
    "End of the options: every word after it is an argument, even one that starts with '-' "
    + "(activ eval -- -x^2)."

  static func command(_ spec: CommandSpec) -> String {
    var lines = ["OVERVIEW: " + spec.abstract, ""]
    let positional = spec.positionalUsage.isEmpty ? "" : " " + spec.positionalUsage
    lines.append("USAGE: activ \(spec.name)\(positional) [OPTIONS]")
    if !spec.positionals.isEmpty {
      lines += ["", "ARGUMENTS:"]
      let nameWidth = spec.positionals.map(\.name.count).max()! + 2
      for positional in spec.positionals {
        lines += wrapped(positional.help, label: "  " + pad(positional.name, nameWidth))
      }
    }
    lines += ["", "OPTIONS:"]
    let labels = spec.options.map(label)
    let labelWidth = labels.map(\.count).max()! + 2
    for (option, text) in zip(spec.options, labels) {
      lines += wrapped(option.help, label: "  " + pad(text, labelWidth))
    }
    lines += wrapped(terminator, label: "  " + pad("--", labelWidth))
    for paragraph in spec.discussion {
      lines.append("")
      lines += wrapped(paragraph, label: "")
    }
    if !spec.examples.isEmpty {
      lines += ["", "EXAMPLES:"] + spec.examples.map { "  " + $0 }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func label(_ option: OptionSpec) -> String {
    var text = option.short.map { "-\($0), " } ?? ""
    text += "--" + option.long
    if let value = option.value {
      if case .choice(let words) = value.kind {
        text += " " + words.joined(separator: "|")
      } else {
        text += " " + value.name
      }
    }
    return text
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }

  /// `text` word-wrapped to `width`, the first line after `label`, the rest indented to match it.
  static func wrapped(_ text: String, label: String) -> [String] {
    let indent = String(repeating: " ", count: label.count)
    var lines: [String] = []
    var current = label
    var currentHasWord = false
    for word in text.split(separator: " ") {
      if currentHasWord && current.count + 1 + word.count > width {
        lines.append(current)
        current = indent
        currentHasWord = false
      }
      current += (currentHasWord ? " " : "") + word
      currentHasWord = true
    }
    lines.append(current)
    return lines
  }
}
