/// One activation that works on a whole feature map: its names, layer parameters and how to
/// build it. The catalogue's curve-view entry of the same name keeps its own parameters.
public struct LayerEntry: Sendable {
  public let name: String
  public let aliases: [String]
  /// One line: what the layer does.
  public let summary: String
  public let parameters: [Parameter]
  /// What `activ apply --grad` writes for this layer.
  public let gradient: String
  let build: @Sendable (Arguments, BindingContext) throws(SpecError) -> any Layer
}

/// The activations that are layers, not functions of one number, and the binding of their specs.
public enum Layers {
  public static let entries: [LayerEntry] = [
    LayerEntry(
      name: "frelu", aliases: ["funnel_relu"],
      summary: "max(x, T(x)), T = BatchNorm(depthwise 3×3 convolution), zero padding 1",
      parameters: [
        Parameter(
          "kernel", .realOrList(.any), default: .list(Array(repeating: 1.0 / 9, count: 9)),
          "3×3 kernel row by row: 9 values shared, or 9 per channel (default: the mean, 1/9 each)"),
        Parameter("gamma", .realOrList(.any), default: .real(1), "BatchNorm scale, per channel"),
        Parameter("beta", .realOrList(.any), default: .real(0), "BatchNorm shift, per channel"),
        Parameter("mean", .realOrList(.any), default: .real(0), "BatchNorm running mean"),
        Parameter(
          "var", .realOrList(.nonNegative), default: .real(1), "BatchNorm running variance"),
        Parameter("eps", .realOrList(.positive), default: .real(1e-5), "BatchNorm epsilon"),
      ],
      gradient:
        "1 where x > T, the centre tap's slope kernel[4]·gamma/sqrt(var+eps) where x < T, "
        + "their mean at a tie"
    ) { args, _ in
      FReLULayer(
        kernel: args.reals("kernel")!, gamma: args.reals("gamma")!, beta: args.reals("beta")!,
        mean: args.reals("mean")!, variance: args.reals("var")!, epsilon: args.reals("eps")!)
    },
    LayerEntry(
      name: "meta_acon", aliases: [],
      summary: "ACON-C with beta generated per layer, channel or pixel by two 1×1 convolutions",
      parameters: [
        Parameter("p1", .realOrList(.any), default: .real(1), "slope where the gate is open"),
        Parameter("p2", .realOrList(.any), default: .real(0), "slope where the gate is closed"),
        Parameter(
          "design", .choice(MetaACONLayer.Design.allCases.map(\.rawValue)),
          default: .word("channel"),
          "layer: one beta; channel: one per channel; pixel: beta = sigmoid(x)"),
        Parameter("r", .real(.any), default: .real(16), "reduction: hidden = max(r, n/r)"),
        Parameter(
          "w1", .realOrList(.any), default: .none, "fc1 weights, hidden×n (default: 1/n each)"),
        Parameter("b1", .realOrList(.any), default: .none, "fc1 biases, hidden (default: 0)"),
        Parameter(
          "w2", .realOrList(.any), default: .none,
          "fc2 weights, n×hidden (default: 1/hidden each)"),
        Parameter("b2", .realOrList(.any), default: .none, "fc2 biases, n (default: 0)"),
      ],
      gradient: "ACON-C′(x) plus the path through beta (the mean it is generated from, or σ(x))"
    ) { args, _ throws(SpecError) in
      let r = try wholeNumber(args, "r", of: "meta_acon")
      let design = MetaACONLayer.Design(rawValue: args.word("design"))!
      if design == .pixel,
        let network = ["r", "w1", "b1", "w2", "b2"].first(where: args.given.contains)
      {
        throw .invalidCombination(
          function: "meta_acon",
          problem:
            "\(network) belongs to the network of design=channel or design=layer; "
            + "design=pixel has no network (beta = sigmoid(x))")
      }
      return MetaACONLayer(
        p1: args.reals("p1")!, p2: args.reals("p2")!, design: design, reduction: r,
        w1: args.reals("w1"), b1: args.reals("b1"), w2: args.reals("w2"), b2: args.reals("b2"))
    },
    LayerEntry(
      name: "maxout", aliases: [],
      summary: "max over consecutive groups of k channels (C channels become C/k)",
      parameters: [
        Parameter("k", .real(.any), default: .real(2), "channels per group")
      ],
      gradient:
        "the input's shape: 1 where an element is its group's maximum (first at a tie), else 0"
    ) { args, _ throws(SpecError) in
      return MaxoutLayer(groupSize: try wholeNumber(args, "k", of: "maxout"))
    },
    LayerEntry(
      name: "prelu", aliases: ["parametric_relu"],
      summary: "leaky ReLU with a learned slope per channel",
      parameters: [
        Parameter(
          "weight", .realOrList(.any), default: .real(0.25),
          "slope for x <= 0: one shared, or one per channel")
      ],
      gradient: "1 for x > 0, else the channel's slope"
    ) { args, _ in PReLULayer(weights: args.reals("weight")!) },
    LayerEntry(
      name: "rrelu", aliases: ["randomized_leaky_relu"],
      summary: "leaky ReLU with a random slope per element in training",
      parameters: [
        Parameter("lower", .real(.any), default: .real(1.0 / 8), "lower bound of the slope"),
        Parameter("upper", .real(.any), default: .real(1.0 / 3), "upper bound of the slope"),
        Parameter(
          "training", .boolean, default: .boolean(true),
          "true: a slope per element drawn with --seed; false: (lower+upper)/2"),
      ],
      gradient: "1 for x > 0, else the element's slope"
    ) { args, context throws(SpecError) in
      let (lower, upper) = try rreluBounds(args)
      return RReLULayer(
        lower: lower, upper: upper, training: args.boolean("training"), seed: context.seed)
    },
  ]

  /// A real parameter that must be a whole number from 1 to 2²⁰ (a group size, a reduction
  /// factor): 0, -1 and 1.5 get the one message that says so.
  private static func wholeNumber(_ args: Arguments, _ name: String, of function: String)
    throws(SpecError) -> Int
  {
    let value = args.real(name)
    guard value == value.rounded(), value >= 1, value <= 0x1p20 else {
      throw .badValue(
        function: function, parameter: name, given: shortestDecimal(value),
        expected: "a whole number from 1 to \(1 << 20)")
    }
    return Int(value)
  }

  /// The layer entry a name refers to: case-insensitive, ignoring `_` and `-`.
  public static func entry(named name: String) -> LayerEntry? {
    let key = normalizedName(name)
    return entries.first { ([$0.name] + $0.aliases).contains { normalizedName($0) == key } }
  }

  /// Parses a spec that names one of the layers and builds it. Sweeps are refused: a layer is
  /// one function.
  ///
  /// - Returns: nil when the spec's name is not a layer (it may be a catalogue function or an
  ///   expression, applied elementwise).
  public static func bind(_ spec: String, context: BindingContext = BindingContext())
    throws(SpecError) -> (entry: LayerEntry, layer: any Layer)?
  {
    guard let syntax = try? SpecSyntax.parse(spec), let entry = entry(named: syntax.name) else {
      return nil
    }
    let given = try Catalogue.readArguments(
      syntax.arguments, parameters: entry.parameters, function: entry.name)
    let count = Catalogue.functionCount(given)
    guard count == 1 else { throw .sweepNotAccepted(spec: spec, count: count) }
    var values: [String: ParameterValue] = [:]
    for parameter in entry.parameters { values[parameter.name] = parameter.defaultValue }
    for parameter in given { values[parameter.name] = parameter.values[0] }
    let arguments = Arguments(values: values, given: given.map(\.name))
    return (entry, try entry.build(arguments, context))
  }
}
