/// The declarations (options and help) of `eval`, `grad` and `table`.
extension GridCommand.Mode {
  var spec: CommandSpec {
    switch self {
    case .eval: return GridCommand.evalSpec
    case .grad: return GridCommand.gradSpec
    case .table: return GridCommand.tableSpec
    }
  }
}

extension GridCommand {
  /// The options after the derivative options: the grid, `--name`, `--seed`, the row output.
  private static let gridAndOutput =
    SharedOptions.grid + [SharedOptions.name, SharedOptions.seed] + SharedOptions.rowOutput
    + [SharedOptions.help]

  static let evalSpec = CommandSpec(
    name: "eval", abstract: "Evaluate a function (and its derivative) over a range, as CSV.",
    positionalUsage: "SPEC [MIN MAX]",
    positionals: [
      PositionalSpec(name: "SPEC", help: "The function, e.g. mish or 'elu(alpha=0.5)'."),
      XRange.help,
    ],
    options: [SharedOptions.grad, SharedOptions.grad2] + gridAndOutput,
    discussion: [SharedHelp.spec, SharedHelp.grid, SharedHelp.jsonRows, SharedHelp.progress],
    examples: [
      "activ eval mish -3 3", "activ eval 'elu(alpha=0.5)' -2 2 --grad --points 5",
      "activ eval gelu --input xs.txt", "activ eval sigmoid -6 6 --format table --precision 6",
    ])

  static let gradSpec = CommandSpec(
    name: "grad", abstract: "Evaluate a function's derivative over a range, as CSV.",
    positionalUsage: "SPEC [MIN MAX]",
    positionals: [
      PositionalSpec(name: "SPEC", help: "The function, e.g. relu or 'swish(beta=2)'."),
      XRange.help,
    ],
    options: [order, SharedOptions.grad2] + gridAndOutput,
    discussion: [
      SharedHelp.spec, SharedHelp.grid,
      "At a kink the derivative follows PyTorch's autograd (relu'(0) = 0); 'activ info SPEC' says which side.",
      SharedHelp.jsonRows, SharedHelp.progress,
    ],
    examples: ["activ grad relu -1 1 --points 5", "activ grad 'gelu(approximate=tanh)' -4 4"])

  static let tableSpec = CommandSpec(
    name: "table", abstract: "Several functions side by side on one grid, as CSV.",
    positionalUsage: "SPEC... [MIN MAX]",
    positionals: [PositionalSpec(name: "SPEC...", help: "One or more functions."), XRange.help],
    options: [SharedOptions.grad, SharedOptions.grad2] + gridAndOutput,
    discussion: [
      SharedHelp.spec,
      "The last two arguments are the range when both are numbers. With --grad each function's "
        + "derivative column follows its value column.",
      SharedHelp.grid, SharedHelp.jsonRows, SharedHelp.progress,
    ],
    examples: [
      "activ table relu gelu mish -3 3", "activ table sigmoid tanh --grad --format table",
      "activ table relu gelu -1 1 --points 3 --format json",
    ])
}
