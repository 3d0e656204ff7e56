import Activations

/// `activ apply SPEC`: a function applied as a layer to a feature map read as CSV.
enum ApplyCommand {
  static let gradient = SharedOptions.grad.described(
    "Write the elementwise derivative ∂y_i/∂x_i instead of y (see below for the layers).")
  static let input = SharedOptions.input.described(
    "Read the feature map from FILE (default, or -: standard input).")

  static let spec = CommandSpec(
    name: "apply",
    abstract: "Apply a function as a layer to a feature map (CSV channels), as CSV.",
    positionalUsage: "SPEC",
    positionals: [
      PositionalSpec(
        name: "SPEC",
        help:
          "A layer (frelu, meta_acon, maxout, prelu, rrelu with the parameters below), or any "
          + "catalogue function or expression, applied to every element.")
    ],
    options: [
      gradient, input, SharedOptions.seed, SharedOptions.precision, SharedOptions.output,
      SharedOptions.help,
    ],
    discussion: [
      "The feature map is CSV: each line a row of one channel, H lines of W numbers; channels are "
        + "separated by one blank line. The output has the same layout (Maxout's has C/k channels). "
        + "Lines starting with # are skipped. Values may be separated by spaces or tabs instead of "
        + "commas (numpy's savetxt): the first row with two values decides for the whole file; the "
        + "output is CSV."
    ]
      + Layers.entries.map { entry in
        let parameters = entry.parameters.map { parameter in
          "\(parameter.name) (\(parameter.summary)\(defaultText(parameter)))"
        }
        return "\(entry.name): \(entry.summary). Parameters: "
          + parameters.joined(separator: "; ") + ". --grad: \(entry.gradient)."
      }
      + [
        "Per-channel parameters take one value shared by every channel or a list of C values "
          + "(FReLU's kernel: 9 or 9·C values, row by row). For a layer, --grad writes the "
          + "diagonal of the Jacobian: each output's derivative with respect to its own input "
          + "through every path (for FReLU the condition's centre tap, for Meta-ACON the "
          + "switching factor beta); the effect of an input on its neighbours is not written. "
          + "rrelu draws its slopes from --seed (default 0) and each element's position, so a run "
          + "is reproducible on any machine."
      ],
    examples: [
      "activ apply relu --input map.csv",
      "activ apply 'frelu(kernel=[0,0,0,0,1,0,0,0,0], gamma=2)' --input map.csv",
      "activ apply 'maxout(k=2)' < four-channels.csv",
      "activ apply 'meta_acon(design=pixel)' --input map.csv --grad",
      "activ apply 'rrelu(lower=0.1, upper=0.3)' --seed 7 --input map.csv",
    ])

  private static func defaultText(_ parameter: Parameter) -> String {
    if case .none = parameter.defaultValue { return "" }
    if parameter.name == "kernel" { return "" }
    return ", default \(parameter.defaultValue.specText)"
  }

  static func run(_ parsed: ParsedArguments, console: Console) throws(CLIError) {
    let word = try parsed.onlyPositional(
      command: "apply", missing: "a SPEC (e.g. relu or 'maxout(k=2)')")
    let layer = try self.layer(word, context: parsed.bindingContext)
    let map = try FeatureMapCSV.read(from: parsed.value(input), console: console)
    let result: FeatureMap
    do {
      result = parsed.has(gradient) ? try layer.diagonalGradient(map) : try layer.forward(map)
    } catch {
      throw .layer(error)
    }
    let settings = try OutputSettings(parsed)
    try OutputTarget.writing(settings.path, console: console) { target throws(CLIError) in
      try FeatureMapCSV.write(result, numbers: settings.numbers, to: target)
    }
  }

  /// The layer a SPEC names, or its function applied elementwise.
  static func layer(_ word: String, context: BindingContext) throws(CLIError) -> any Layer {
    do {
      if let (_, layer) = try Layers.bind(word, context: context) { return layer }
    } catch {
      throw .spec(error)
    }
    return ElementwiseLayer(try SpecWords.one(word, context: context).functions[0].function)
  }
}
