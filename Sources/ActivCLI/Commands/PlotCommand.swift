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
  static let output = SharedOptions.output.described(
    "Write the plot to FILE (atomically), the format from its extension: .svg for the SVG, .csv for "
      + "the plotted data as --csv writes it.")
  static let points = SharedOptions.points.described(
    "Points from MIN to MAX, both ends included: the --csv grid (default 201), and the points the "
      + "SVG and terminal curves are drawn through (default: sampled adaptively).",
    kind: .integer(2...1_000_000))
  static let noGrad = OptionSpec(long: "no-grad", value: nil, help: "Leave out the derivatives.")
  static let title = OptionSpec(
    long: "title", value: ValueSpec(name: "TEXT", kind: .text), help: "A title above the plot.")
  static let xlabel = OptionSpec(
    long: "xlabel", value: ValueSpec(name: "TEXT", kind: .text),
    help: "The x axis title (default: an italic x in the SVG, none in the terminal).")
  static let ylabel = OptionSpec(
    long: "ylabel", value: ValueSpec(name: "TEXT", kind: .text),
    help: "The y axis title (default: none).")
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
  static let columns = OptionSpec(
    long: "columns",
    value: ValueSpec(
      name: "N",
      kind: .integer(
        UInt64(TerminalPlot.minimumColumns)...UInt64(TerminalPlot.maximumColumns))),
    help: "Terminal plot width in character cells (default: COLUMNS, the terminal's width, or 80).")
  static let rows = OptionSpec(
    long: "rows",
    value: ValueSpec(
      name: "N",
      kind: .integer(UInt64(TerminalPlot.minimumRowOption)...UInt64(TerminalPlot.maximumRows))),
    help: "Terminal plot height: rows of the plot area (default: a third of the width, at least 8)."
  )

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
      output, svg, csv, points, noGrad, grad2, title, xlabel, ylabel, width, height, ylim, theme,
      legend, ascii, color, columns, rows, SharedOptions.name, SharedOptions.seed,
      SharedOptions.help,
    ],
    discussion: [
      SharedHelp.spec,
      "Without -o, --svg or --csv the plot is drawn in the terminal with braille dots (80 columns "
        + "unless --columns, COLUMNS or the terminal says otherwise), coloured as --color says: by "
        + "default only when standard output is a terminal, NO_COLOR is unset or empty and TERM is "
        + "not dumb; --color always colours even then, --color never not at all.",
      "-o FILE takes the format from FILE's extension (.svg or .csv, in any case); any other name is "
        + "refused, since activ writes no PNG: convert the SVG (rsvg-convert plot.svg -o plot.png). "
        + "-o goes with the other format's option (-o plot.svg --csv plot.csv) but not with its own "
        + "(-o plot.svg --svg other.svg), and -o - is refused: --svg - or --csv - write to standard "
        + "output. --width and --height are the SVG's pixels, --columns and --rows the terminal "
        + "plot's character cells.",
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
      "activ plot gelu -o gelu.svg --xlabel 'input x' --ylabel 'activation'",
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
    let files = try PlotFiles(parsed)
    for terminalOnly in [ascii, color, columns, rows] where files.any && parsed.has(terminalOnly) {
      throw .conflictingOptions(terminalOnly.displayName, files.optionName)
    }
    let orders = [0] + (parsed.has(noGrad) ? [] : [1]) + (parsed.has(grad2) ? [2] : [])
    let xRange = low.value...high.value
    let yRange =
      limits.count == 2
      ? limits[0]...limits[1] : automaticYRange(functions, xRange, orders)
    let plotTitle = parsed.value(title)
    let (xTitle, yTitle) = (parsed.value(xlabel), parsed.value(ylabel))
    // --points draws the curves through the --csv grid's points; without it they are sampled.
    let pointCount = parsed.value(points).flatMap(Int.init)
    let grid = pointCount.map { count in
      let points = Grid.evenlySpaced(from: low, to: high, count: count)
      return (0..<points.count).map(points.point)
    }

    if let path = files.csv {
      var settings = try OutputSettings(parsed)
      settings.path = path
      try GridOutput.write(
        functions, on: .evenlySpaced(from: low, to: high, count: pointCount ?? 201),
        orders: orders, settings: settings, console: console)
    }
    if let path = files.svg {
      let plot = SVGPlot(
        width: parsed.value(width).flatMap(Int.init) ?? 640,
        height: parsed.value(height).flatMap(Int.init) ?? 400,
        theme: parsed.value(theme).flatMap(PlotTheme.init(rawValue:)) ?? .auto,
        legend: parsed.value(legend).flatMap(LegendPlacement.init(rawValue:)) ?? .best)
      var model = PlotModel(
        sampling: functions, orders: orders,
        in: plot.viewport(
          xRange: xRange, yRange: yRange, hasTitle: plotTitle != nil, hasYLabel: yTitle != nil),
        title: plotTitle, grid: grid)
      (model.xLabel, model.yLabel) = (xTitle, yTitle)
      try OutputTarget.writing(path, console: console) { target in
        target.writer.append(plot.render(model))
      }
    }
    if !files.any {
      try TerminalPlot.checkCurveCount(functions.count * orders.count)
      let mode = parsed.value(color).flatMap(ColorMode.init(rawValue:)) ?? .auto
      var plot = TerminalPlot(
        columns: parsed.value(columns).flatMap(Int.init) ?? console.outputColumns
          ?? TerminalPlot.defaultColumns,
        color: console.colorsOutput(mode), ascii: parsed.has(ascii))
      plot.rows = parsed.value(rows).flatMap(Int.init)
      var model = PlotModel(
        sampling: functions, orders: orders, in: plot.layout(xRange: xRange, yRange: yRange),
        title: plotTitle, grid: grid)
      (model.xLabel, model.yLabel) = (xTitle, yTitle)
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

/// The files a plot command line writes: `--svg FILE`, `--csv FILE`, and `-o FILE` in the slot its
/// extension names. Checked before anything is drawn or written, so a refused command line leaves
/// every file as it was.
struct PlotFiles {
  var svg: String?
  var csv: String?
  /// The option to name when a terminal-only option comes with a file.
  var optionName: String

  var any: Bool { svg != nil || csv != nil }

  init(_ parsed: ParsedArguments) throws(CLIError) {
    svg = parsed.value(PlotCommand.svg)
    csv = parsed.value(PlotCommand.csv)
    optionName = svg != nil ? PlotCommand.svg.displayName : PlotCommand.csv.displayName
    guard let path = parsed.value(PlotCommand.output) else { return }
    let option = PlotCommand.output.displayName
    optionName = option
    switch try PlotFormat(path: path) {
    case .svg:
      if svg != nil { throw .conflictingOptions(option, PlotCommand.svg.displayName) }
      svg = path
    case .csv:
      if csv != nil { throw .conflictingOptions(option, PlotCommand.csv.displayName) }
      csv = path
    }
  }
}

/// The formats `plot -o FILE` writes, told by FILE's extension (in any case).
enum PlotFormat: String, CaseIterable {
  case svg
  case csv

  /// The format of `path`; `-` (no extension to tell it by), a name without an extension or with
  /// another one is a usage error, suggesting NAME.svg for a name without one, the nearer format
  /// for a slip (`.cvs`), and rsvg-convert for anything else (`.png`).
  init(path: String) throws(CLIError) {
    guard path != "-" else { throw .unknownPlotFormat(path: path, suggestion: nil) }
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    let dot = name.lastIndex(of: ".")
    let ext = dot.map { String(name[name.index(after: $0)...]) }
    if let ext, let format = PlotFormat(rawValue: ext.lowercased()) {
      self = format
      return
    }
    let suggestion =
      name.isEmpty
      ? nil
      : ext == nil
        ? path + ".svg"
        : ext.flatMap { closestMatch(to: $0, among: Self.allCases.map(\.rawValue)) }
          .map { Self.stem(of: path) + "." + $0 }
    throw .unknownPlotFormat(path: path, suggestion: suggestion)
  }

  /// `path` without its file name's extension (`out/gelu.png` → `out/gelu`).
  static func stem(of path: String) -> String {
    guard let dot = path.lastIndex(of: ".") else { return path }
    if let slash = path.lastIndex(of: "/"), slash > dot { return path }
    return String(path[..<dot])
  }
}
