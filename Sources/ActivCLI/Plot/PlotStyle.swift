/// Colours, dash styles and fonts of activ's plots.
enum PlotStyle {
  /// Okabe–Ito, colour-blind safe, in the order the design notes give: on white, and on dark.
  static let lightPalette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
  static let darkPalette = ["#56B4E9", "#E69F00", "#2BD1A0", "#E3A6C9", "#F0E442", "#D55E00"]
  /// The dash families, one per pass through the palette: function i is drawn in colour
  /// i mod 6 with family i / 6 (mod the number of families), whose entries are f, f′ and f″.
  /// The first family (f solid, f′ dashed, f″ dotted) is redundant with colour, so the curves of
  /// one function stay apart in grey print; the second (long-dashed, dash-dotted,
  /// dash-dot-dotted) keeps functions 7…12 apart from 1…6 of the same colour. Every curve of up to
  /// 12 functions therefore has its own (colour, dash) pair; past 12 the styles repeat, and the
  /// legend's order and each curve's `<title>` tell the curves apart.
  static let dashes = [["", "6 4", "2 3"], ["12 4", "8 3 2 3", "8 3 2 3 2 3"]]
  /// How the dashes of ``dashes`` read in the description.
  static let dashNames = [
    ["solid", "dashed", "dotted"], ["long-dashed", "dash-dotted", "dash-dot-dotted"],
  ]
  /// The colour index and dash family of the function at `functionIndex`, and its dash for
  /// derivative `order`.
  static func style(functionIndex: Int, order: Int, paletteCount: Int) -> (
    colour: Int, family: Int, order: Int
  ) {
    (
      functionIndex % paletteCount, (functionIndex / paletteCount) % dashes.count,
      min(max(order, 0), 2)
    )
  }
  static let fonts =
    "system-ui, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\", \"Liberation Sans\", \"DejaVu Sans\", sans-serif"

  struct Theme {
    var background: String
    var text: String
    var grid: String
    var zero: String
    var frame: String
    var legendBackground: String
    var palette: [String]
  }

  static let light = Theme(
    background: "#ffffff", text: "#222222", grid: "#e6e6e6", zero: "#8c8c8c", frame: "#555555",
    legendBackground: "#ffffff", palette: lightPalette)
  static let dark = Theme(
    background: "#1b1b1f", text: "#e4e4e4", grid: "#34343a", zero: "#8f8f96", frame: "#a0a0a8",
    legendBackground: "#1b1b1f", palette: darkPalette)
}

/// Where the legend goes.
enum LegendPlacement: String, CaseIterable, Sendable {
  case best
  case upperLeft = "upper-left"
  case upperRight = "upper-right"
  case lowerLeft = "lower-left"
  case lowerRight = "lower-right"
  case none
}

/// Which colours an SVG uses: light, dark, or light with a `prefers-color-scheme: dark` style.
enum PlotTheme: String, CaseIterable, Sendable {
  case light
  case dark
  case auto
}
