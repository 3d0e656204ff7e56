import Activations

/// `activ plot`: curves and their derivatives as an SVG, as CSV data, or in the terminal.
enum PlotCommand {
  static let svg = OptionSpec(
    long: "svg", value: ValueSpec(name: "FILE", kind: .path),
    help: "Write the plot to FILE as SVG (atomically).")
  static let csv = OptionSpec(
    long: "csv", value: ValueSpec(name: "FILE", kind: .path),
    help:
      "Write the plotted data to FILE as CSV: x, each curve and its derivative on a regular grid (--points)."
  )
  static let points = SharedOptions.points.described(
    "Points of the --csv grid, both ends included (default 201).", kind: .integer(2...1_000_000))
  static let noGrad = OptionSpec(long: "no-grad", value: nil, help: "Leave out the derivatives.")
  static let title = OptionSpec(
    long: "title", value: ValueSpec(name: "TEXT", kind: .text), help: "A title above the plot.")
  static let width = OptionSpec(
    long: "width", value: ValueSpec(name: "PX", kind: .integer(240...4000)),
    help: "SVG width in pixels (default 640).")
  static let height = OptionSpec(
    long: "height", value: ValueSpec(name: "PX", kind: .integer(160...3000)),
    help: "SVG height in pixels (default 400).")
  static let ylim = OptionSpec(
    long: "ylim", value: ValueSpec(name: "LO HI", kind: .number(positive: false), count: 2),
    help: "The y-range (default: from the curves, see below).")
  static let theme = OptionSpec(
    long: "theme",
    value: ValueSpec(name: "THEME", kind: .choice(PlotTheme.allCases.map(\.rawValue))),
    help: "SVG colours; auto (default) is light, switching to dark where the viewer prefers dark.")
  static let legend = OptionSpec(
    long: "legend",
    value: ValueSpec(name: "WHERE", kind: .choice(LegendPlacement.allCases.map(\.rawValue))),
    help: "Legend position (default best: the corner the curves leave emptiest).")
  static let grad2 = SharedOptions.grad2.described("Draw the second derivatives too (dotted).")
  static let ascii = OptionSpec(
    long: "ascii", value: nil, help: "Terminal plot in plain ASCII instead of Unicode braille.")
  static let color = OptionSpec(
    long: "color",
    value: ValueSpec(name: "WHEN", kind: .choice(ColorMode.allCases.map(\.rawValue))),
    help:
      "Colour the terminal plot: auto (default: only on a terminal, without NO_COLOR, TERM not dumb), "
      + "always, or never.")

  static let spec = CommandSpec(
    name: "plot",
    abstract: "Plot functions and their derivatives: SVG, CSV data, or in the terminal.",
    positionalUsage: "SPEC... [MIN MAX]",
    positionals: [
      PositionalSpec(
        name: "SPEC...", help: "One or more functions; each is drawn solid, its derivative dashed."),
      XRange.help,
    ],
    options: [
      svg, csv, points, noGrad, grad2, title, width, height, ylim, theme, legend, ascii, color,
      SharedOptions.name, SharedOptions.seed, SharedOptions.help,
    ],
    discussion: [
      SharedHelp.spec,
      "Without --svg or --csv the plot is drawn in the terminal with braille dots (80 columns unless "
        + "COLUMNS or the terminal says otherwise), coloured as --color says: by default only when "
        + "standard output is a terminal, NO_COLOR is unset or empty and TERM is not dumb; "
        + "--color always colours even then, --color never not at all.",
      "The y-range covers every curve with a 5% margin, ignoring blow-ups: a curve with a pole (or "
        + "growing without bound where it stops being finite, as log(x) at 0) counts only its values "
        + "within [Q1 - 3*IQR, Q3 + 3*IQR] of its samples; a bounded curve counts all of them. With "
        + "several functions it is capped at three times the largest |MIN|, |MAX| (and 1), so one steep "
        + "curve leaves the box instead of flattening the others; --ylim sets it outright.",
      "Curves are sampled adaptively (within 0.1 px of the true curve) and exactly at the catalogue's "
        + "kinks: a corner stays sharp, and a jump of the derivative is drawn as separate pieces. Jumps "
        + "and poles of expressions (floor, sign, where, 1/x, tan) are found by bisection between "
        + "samples and break the curve too.",
    ],
    examples: [
      "activ plot gelu --svg gelu.svg",
      "activ plot relu gelu mish -3 3 --svg cmp.svg --title 'Three activations'",
      "activ plot sigmoid tanh --no-grad", "activ plot mish --csv mish.csv --points 401",
    ])

  static func run(_ parsed: ParsedArguments, console: Console) throws(CLIError) {
    let (specs, writtenRange) = try XRange.split(parsed.positionals, command: "plot")
    guard !specs.isEmpty else { throw .missingArgument(command: "plot", name: "a function SPEC") }
    let functions = try SpecWords.functions(specs, parsed: parsed)
    let range = try XRange.checked(writtenRange)
    let (low, high) = (range.low, range.high)
    let limits = parsed.allValues(ylim).compactMap(parseDecimal)
    if limits.count == 2 && !(limits[0] < limits[1]) {
      throw .badOptionValue(
        option: "--ylim", value: parsed.allValues(ylim).joined(separator: " "), expected: "LO < HI")
    }
    if parsed.has(points) && !parsed.has(csv) {
      throw .missingArgument(command: "plot", name: "--csv FILE for --points")
    }
    for file in [svg, csv] {
      for terminalOnly in [ascii, color] where parsed.has(file) && parsed.has(terminalOnly) {
        throw .conflictingOptions(terminalOnly.displayName, file.displayName)
      }
    }
    let orders = [0] + (parsed.has(noGrad) ? [] : [1]) + (parsed.has(grad2) ? [2] : [])
    let xRange = low.value...high.value
    let yRange =
      limits.count == 2
      ? limits[0]...limits[1] : automaticYRange(functions, xRange, orders)
    let plotTitle = parsed.value(title)

    if let path = parsed.value(csv) {
      let count = parsed.value(points).flatMap(Int.init) ?? 201
      var settings = try OutputSettings(parsed)
      settings.path = path
      try GridOutput.write(
        functions, on: .evenlySpaced(from: low, to: high, count: count), orders: orders,
        settings: settings,
        console: console)
    }
    if let path = parsed.value(svg) {
      let plot = SVGPlot(
        width: parsed.value(width).flatMap(Int.init) ?? 640,
        height: parsed.value(height).flatMap(Int.init) ?? 400,
        theme: parsed.value(theme).flatMap(PlotTheme.init(rawValue:)) ?? .auto,
        legend: parsed.value(legend).flatMap(LegendPlacement.init(rawValue:)) ?? .best)
      let model = PlotModel(
        sampling: functions, orders: orders,
        in: plot.viewport(xRange: xRange, yRange: yRange, hasTitle: plotTitle != nil),
        title: plotTitle)
      try OutputTarget.writing(path, console: console) { target in
        target.writer.append(plot.render(model))
      }
    }
    if !parsed.has(svg) && !parsed.has(csv) {
      let mode = parsed.value(color).flatMap(ColorMode.init(rawValue:)) ?? .auto
      let plot = TerminalPlot(
        columns: console.outputColumns ?? TerminalPlot.defaultColumns,
        color: console.colorsOutput(mode), ascii: parsed.has(ascii))
      let model = PlotModel(
        sampling: functions, orders: orders, in: plot.layout(xRange: xRange, yRange: yRange),
        title: plotTitle)
      try OutputTarget.writing(nil, console: console) { target in
        target.writer.append(plot.render(model))
      }
    }
  }

  /// The y-range from what the curves do on the x-range: their finite values on a fine grid (and
  /// just inside each kink), with a 5% margin; a flat picture gets ±max(0.5, 10%) around its level.
  ///
  /// Blow-ups are ignored: a curve that blows up on the range (a pole, or a value growing without
  /// bound towards where it is not finite, see ``blowsUp(_:at:)``) counts only its values within
  /// Tukey's far-out fences, [Q1 − 3·IQR, Q3 + 3·IQR] of its samples, so `1/x` keeps the shape of a
  /// hyperbola; a curve that stays bounded (exp, relu) counts all its values. With several
  /// functions the range is then capped at ±3·max(|MIN|, |MAX|, 1), so one steep curve leaves the
  /// box instead of flattening the others.
  static func automaticYRange(
    _ functions: [NamedFunction], _ xRange: ClosedRange<Double>, _ orders: [Int]
  ) -> ClosedRange<Double> {
    var low = Double.infinity
    var high = -Double.infinity
    let (a, b) = (xRange.lowerBound, xRange.upperBound)
    for function in functions {
      var xs = (0...1000).map { a + (b - a) * Double($0) / 1000 }
      for kink in function.kinks where kink.x > a && kink.x < b {
        xs += [kink.x.nextDown, kink.x, kink.x.nextUp]
      }
      xs.sort()
      for order in orders {
        let f = { function.evaluate($0, order: order) }
        let ys = xs.map(f)
        var values = ys.filter(\.isFinite)
        if blowsUp(f, at: zip(xs, ys).map { PlotPoint(x: $0, y: $1) }) {
          let sorted = values.sorted()
          let q1 = quantile(sorted, 0.25)
          let q3 = quantile(sorted, 0.75)
          let spread = q3 > q1 ? q3 - q1 : max(abs(q1), 1)
          values = sorted.filter { $0 >= q1 - 3 * spread && $0 <= q3 + 3 * spread }
        }
        for y in values {
          low = min(low, y)
          high = max(high, y)
        }
      }
    }
    guard low <= high else { return -1...1 }
    if functions.count > 1 {
      let cap = 3 * max(abs(a), abs(b), 1)
      low = max(low, -cap)
      high = min(high, cap)
    }
    if high - low <= 0 {
      let pad = max(0.5, abs(low) * 0.1)
      return (low - pad)...(high + pad)
    }
    let margin = (high - low) * 0.05
    return (low - margin)...(high + margin)
  }

  /// The `p`-quantile of sorted, non-empty `values` (linear interpolation between order
  /// statistics).
  static func quantile(_ values: [Double], _ p: Double) -> Double {
    let position = p * Double(values.count - 1)
    let below = Int(position.rounded(.down))
    let above = min(below + 1, values.count - 1)
    return values[below] + (values[above] - values[below]) * (position - Double(below))
  }

  /// Whether the curve sampled at `samples` (sorted by x) blows up: near a sample where |y| has a
  /// local maximum (or next to a non-finite sample), zooming in 48 times by halves towards the
  /// largest |f| finds a value over 4 times as large, or the sample is over 1000 times its
  /// neighbours (it lies next to a pole already). A smooth peak stays about its sampled height;
  /// a pole grows by many orders of magnitude, a logarithm's end by several times.
  static func blowsUp(_ f: (Double) -> Double, at samples: [PlotPoint]) -> Bool {
    func magnitude(_ y: Double) -> Double { y.isFinite ? abs(y) : -1 }
    for i in samples.indices where samples[i].y.isFinite && samples[i].y != 0 {
      let here = abs(samples[i].y)
      let before = i > 0 ? samples[i - 1] : nil
      let after = i + 1 < samples.count ? samples[i + 1] : nil
      // Only local maxima of |y| inside the range, or samples beside a non-finite one.
      let neighbours = [before, after].compactMap { $0 }
      guard neighbours.count == 2 || neighbours.contains(where: { !$0.y.isFinite }) else {
        continue
      }
      guard neighbours.allSatisfy({ magnitude($0.y) <= here || !$0.y.isFinite }) else { continue }
      var low = before?.x ?? samples[i].x
      var high = after?.x ?? samples[i].x
      var best = samples[i]
      for _ in 0..<48 {
        let xs = [(low + best.x) / 2, (best.x + high) / 2].filter {
          $0 > low && $0 < high && $0 != best.x
        }
        guard !xs.isEmpty else { break }
        let points = (xs.map { PlotPoint(x: $0, y: f($0)) } + [best]).sorted { $0.x < $1.x }
        let top = points.indices.max { magnitude(points[$0].y) < magnitude(points[$1].y) }!
        best = points[top]
        // The bracket shrinks to the best point's neighbours.
        if top > 0 { low = points[top - 1].x }
        if top + 1 < points.count { high = points[top + 1].x }
      }
      // A sample already next to a pole towers over its neighbours instead.
      let nextLargest = neighbours.map { magnitude($0.y) }.max() ?? 0
      if magnitude(best.y) > 4 * here || here > 1000 * nextLargest { return true }
    }
    return false
  }
}
