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
    let glyphs = Self.asciiGlyphs(series)
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
        if let key = canvas.keys[index] {
          line.append(
            Cell(
              text: Self.brailleKeys[key % Self.brailleKeys.count],
              style: .function(series[key].functionIndex)))
          continue
        } else if ascii {
          if owner >= 0 {
            text = glyphs[owner]
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

  /// An axis title centred under the plot area (shifted left, then cut, when it does not fit).
  func axisTitleLine(_ title: String, layout: Layout) -> [Cell] {
    let width = text(title).count
    let start = max(0, min(layout.gutter + (layout.width - width) / 2, layout.columns - width))
    return cells(String(repeating: " ", count: start) + title, style: .plain, limit: layout.columns)
  }

  /// The legend: a sample of each curve's style in its colour (its ASCII mark twice, or a braille
  /// line `━━`, `┅┅`, `┈┈` for f, f′, f″, with the curve's key letter between, `━A━`, when the
  /// canvas shows keys), then its label; items wrap onto more lines when they do not fit the width.
  func legendLines(_ series: [PlotSeries], columns: Int) -> [[Cell]] {
    let glyphs = Self.asciiGlyphs(series)
    let keyed = needsKeys(series)
    var lines: [[Cell]] = []
    var line: [Cell] = []
    for (index, curve) in series.enumerated() {
      let sample: [Character]
      if ascii {
        sample = [glyphs[index], glyphs[index]]
      } else {
        let dash: Character = ["━", "┅", "┈"][min(max(curve.order, 0), 2)]
        sample =
          keyed ? [dash, Self.brailleKeys[index % Self.brailleKeys.count], dash] : [dash, dash]
      }
      var item = sample.map { Cell(text: $0, style: .function(curve.functionIndex)) }
      item += cells(" " + text(curve.label), style: .plain, limit: columns - sample.count)
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

  /// Text for the output: control characters (C0, DEL, C1: they would move the cursor or start an
  /// escape sequence) become `?`; in ASCII mode primes become `'`, the minus sign `-`, and anything
  /// else beyond ASCII `?`.
  private func text(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        result += "?"
        continue
      }
      guard ascii else {
        result.unicodeScalars.append(scalar)
        continue
      }
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
