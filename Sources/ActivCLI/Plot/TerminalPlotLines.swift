/// The lines of a terminal plot as cells (a character and what colours it), and how they become
/// text.
extension TerminalPlot {

  /// What colours a cell.
  enum Style: Equatable {
    case plain
    case axis
    case function(Int)
  }

  struct Cell {
    var text: Character
    var style: Style
  }

  func plotLines(_ canvas: TerminalCanvas, layout: Layout, series: [PlotSeries]) -> [[Cell]] {
    var lines: [[Cell]] = []
    for row in 0..<layout.height {
      let label = layout.yLabels.last { $0.row == row }?.text ?? ""
      var line = cells(
        String(repeating: " ", count: layout.gutter - 2 - label.count) + label + " ",
        style: .plain, limit: layout.gutter - 1)
      let ticked = layout.yLabels.contains { $0.row == row }
      line.append(Cell(text: ascii ? (ticked ? "+" : "|") : (ticked ? "┤" : "│"), style: .plain))
      for column in 0..<layout.width {
        let index = row * layout.width + column
        let owner = canvas.owner[index]
        let style: Style
        if owner >= 0 {
          style = .function(series[owner].functionIndex)
        } else {
          style = canvas.axis[index] != 0 ? .axis : .plain
        }
        let text: Character
        if ascii {
          if owner >= 0 {
            let marks = Self.asciiMarks[series[owner].functionIndex % Self.asciiMarks.count]
            text = series[owner].order > 0 ? marks.derivative : marks.f
          } else {
            text = Self.asciiAxes[Int(canvas.axis[index])]
          }
        } else {
          let bits = canvas.bits[index] | canvas.axis[index]
          text = bits == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(bits))!)
        }
        line.append(Cell(text: text, style: style))
      }
      lines.append(line)
    }
    return lines
  }

  /// The bottom of the frame, with a tick under each labelled x and under x = 0.
  func axisLine(_ layout: Layout) -> [Cell] {
    var text = String(repeating: " ", count: layout.gutter - 1) + (ascii ? "+" : "└")
    let zero = layout.zeroColumn.map { $0 / layout.dotsPerCell.x }
    let ticked = Set(layout.xLabels.map(\.column) + (zero.map { [$0] } ?? []))
    for column in 0..<layout.width {
      text += ticked.contains(column) ? (ascii ? "+" : "┬") : (ascii ? "-" : "─")
    }
    return cells(text, style: .plain, limit: layout.columns)
  }

  /// Each x label centred under its tick (moved inside the line at the edges), skipped where it
  /// would touch a label already placed.
  func xLabelLine(_ layout: Layout) -> [Cell] {
    var line = [Character](repeating: " ", count: layout.columns)
    var taken: [Range<Int>] = []
    for label in layout.xLabels {
      let text = Array(label.text)
      let centred = layout.gutter + label.column - (text.count - 1) / 2
      let start = max(0, min(layout.columns - text.count, centred))
      let range = start..<min(layout.columns, start + text.count)
      let padded = (start - 1)..<(range.upperBound + 1)
      if taken.allSatisfy({ !$0.overlaps(padded) }) {
        for (i, c) in zip(range, text) { line[i] = c }
        taken.append(range)
      }
    }
    return line.map { Cell(text: $0, style: .plain) }
  }

  /// The legend: a sample of each curve's style in its colour, then its label; items wrap onto
  /// more lines when they do not fit the width.
  func legendLines(_ series: [PlotSeries], columns: Int) -> [[Cell]] {
    var lines: [[Cell]] = []
    var line: [Cell] = []
    for curve in series {
      let sample: Character
      if ascii {
        let marks = Self.asciiMarks[curve.functionIndex % Self.asciiMarks.count]
        sample = curve.order > 0 ? marks.derivative : marks.f
      } else {
        sample = curve.order > 0 ? "┅" : "━"
      }
      var item = [Cell](
        repeating: Cell(text: sample, style: .function(curve.functionIndex)), count: 2)
      item += cells(" " + text(curve.label), style: .plain, limit: columns - 2)
      if !line.isEmpty && line.count + 3 + item.count > columns {
        lines.append(line)
        line = []
      }
      if !line.isEmpty { line += cells("   ", style: .plain, limit: 3) }
      line += item
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// `text` as plain cells, at most `limit` of them.
  func cells(_ text: String, style: Style, limit: Int) -> [Cell] {
    self.text(text).prefix(max(0, limit)).map { Cell(text: $0, style: style) }
  }

  /// Text for the output: in ASCII mode primes become `'`, the minus sign `-`, and anything else
  /// beyond ASCII `?`.
  private func text(_ text: String) -> String {
    guard ascii else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\u{2032}": result += "'"
      case "\u{2033}": result += "''"
      case "\u{2212}": result += "-"
      default: result += scalar.isASCII ? String(scalar) : "?"
      }
    }
    return result
  }

  /// One line of output: trailing blanks dropped, colour codes where the style changes (blanks
  /// keep the current colour), a reset before the newline.
  func serialize(_ line: [Cell]) -> String {
    var end = line.count
    while end > 0 && line[end - 1].text == " " { end -= 1 }
    var result = ""
    var current = Style.plain
    for cell in line[0..<end] {
      if color && cell.style != current && cell.text != " " {
        switch cell.style {
        case .plain: result += "\u{1B}[0m"
        case .axis: result += "\u{1B}[38;5;\(Self.axisColor)m"
        case .function(let index):
          result += "\u{1B}[38;5;\(Self.palette[index % Self.palette.count])m"
        }
        current = cell.style
      }
      result.append(cell.text)
    }
    if current != .plain { result += "\u{1B}[0m" }
    return result + "\n"
  }

}
