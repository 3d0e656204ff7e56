import Activations

/// Everything `activ info` says of one function: who it is (formulas, parameters, kinks, remark)
/// and what it does (the measured ``Properties``), as text records, JSON, or a summary row.
struct FunctionDescription {
  var name: String
  let formula: String
  let derivative: String
  let parameters: [(name: String, value: ParameterValue)]
  /// The leading text records: name, spec, formulas, parameters, kinks (or an expression's).
  let identity: [(String, String)]
  let remark: String?
  let properties: Properties
  /// For JSON: the catalogue spec, summary, aliases and kinks; nil or empty for an expression.
  let spec: String?
  let summary: String?
  let aliases: [String]
  let kinks: [Kink]
  /// How every number is written: shortest round-trip, or `--precision P` significant digits.
  let style: NumberStyle

  /// A declared kink: f′ there by the function's rule, and f there when f jumps.
  struct Kink {
    let x: Double
    let derivative: Double
    /// `left`, `right` or `average`.
    let side: String
    let jumpValue: Double?
  }

  /// With `latex`, the formulas are LaTeX: the text records add them (and the parameters'
  /// symbols), and JSON's `formula` and `derivative` carry them.
  init(bound: BoundActivation, latex: Bool = false, style: NumberStyle = .shortest) {
    let entry = bound.entry
    self.style = style
    spec = bound.label
    summary = entry.summary
    aliases = entry.aliases
    kinks = bound.function.kinks.map { kink in
      let side: String
      switch kink.rule {
      case .left: side = "left"
      case .right: side = "right"
      case .average: side = "average"
      }
      return Kink(
        x: kink.x, derivative: bound.derivative(kink.x), side: side,
        jumpValue: kink.isJump ? bound.value(kink.x) : nil)
    }
    name = entry.name
    formula = latex ? entry.latexFormula : entry.formula
    derivative = latex ? entry.latexDerivative : entry.derivativeFormula
    parameters = entry.parameters.map { ($0.name, bound.arguments.values[$0.name]!) }
    var identity = InfoCommand.identity(of: bound, style: style)
    if latex {
      let at = identity.firstIndex { $0.0 == "derivative" }.map { $0 + 1 } ?? identity.count
      var rows = [
        ("formula_latex", entry.latexFormula), ("derivative_latex", entry.latexDerivative),
      ]
      rows += entry.latexSymbols.map { ("symbol", "\($0.parameter) = \($0.symbol)") }
      identity.insert(contentsOf: rows, at: at)
    }
    self.identity = identity
    remark = bound.entry.remark
    properties = Analysis.properties(of: bound)
  }

  init(expression: Expression, latex: Bool = false, style: NumberStyle = .shortest) {
    self.style = style
    spec = nil
    summary = nil
    aliases = []
    kinks = []
    name = expression.text
    formula = "f(x) = " + expression.text
    derivative = "f'(x) by forward-mode automatic differentiation"
    parameters = []
    var identity = InfoCommand.identity(of: expression)
    if latex {
      identity.append(("formula_latex", "none: LaTeX is written for catalogue functions only"))
    }
    self.identity = identity
    remark = nil
    properties = Analysis.properties(of: expression)
  }

  // MARK: Text

  /// The aligned `field value` records of `activ info`.
  var records: [(String, String)] {
    let p = properties
    var records = identity
    records.append(("range", rangeText))
    records.append(("minimum", p.minimum.map(extremumText) ?? "none"))
    records.append(("maximum", p.maximum.map(extremumText) ?? "none"))
    records.append(("monotonic", yesNo(p.isMonotonic)))
    if !p.isMonotonic {
      records.append(("increasing", intervals(p.increasing)))
      records.append(("decreasing", intervals(p.decreasing)))
    }
    if !p.stationary.isEmpty {
      records.append(
        ("stationary", p.stationary.map { "x = " + number($0) }.joined(separator: ", ")))
    }
    records.append(("zero_centered", yesNo(p.isZeroCentered)))
    records.append(("identity_near_origin", yesNo(p.isIdentityNearOrigin)))
    let how =
      p.continuityMethod == .declared ? "declared, checked against numeric evidence" : "numeric"
    records.append(("continuity", "\(p.continuity) (\(how))"))
    records.append(("bounded_below", yesNo(p.isBoundedBelow)))
    records.append(("bounded_above", yesNo(p.isBoundedAbove)))
    records.append(("saturation", intervals(p.saturation) + " (|f'| < 0.001)"))
    records.append(("dead", intervals(p.dead)))
    records.append(("derivative_at_0", derivativeAtZeroText))
    if p.isNumeric {
      records.append(("method", "every property above is computed numerically"))
      records.append(("scanned", scannedText))
      if !p.undecided.isEmpty {
        records.append(
          (
            "undecided",
            intervals(p.undecided)
              + ": f' changes sign between samples there; increasing, decreasing, saturation, dead "
              + "and the extrema say nothing of it, range is the extremes of the samples"
          ))
      }
    }
    if let remark { records.append(("remark", remark)) }
    return records
  }

  /// What the numeric scan covered (see ``Analysis``).
  var scannedText: String {
    let far = number(Analysis.scannedExtent)
    let band = number(Analysis.denseBand)
    return "f' sampled over [-\(far), \(far)], every 0.02 on [-\(band), \(band)], "
      + "logarithmically beyond; past ±\(far) its sign is taken to continue"
  }

  /// `(0, 1)`, `[-0.308843413017, inf)`: brackets where the bound is attained.
  var rangeText: String {
    let low = properties.infimum.map { ($0.isAttained ? "[" : "(") + number($0.value) } ?? "(-inf"
    let high = properties.supremum.map { number($0.value) + ($0.isAttained ? "]" : ")") } ?? "inf)"
    return low + ", " + high
  }

  private var derivativeAtZeroText: String {
    let d = properties.derivativeAtZero
    guard d.isKink else { return number(d.value) }
    return "\(number(d.value)) (from the left \(number(d.left)), from the right \(number(d.right)))"
  }

  private func extremumText(_ e: Properties.Extremum) -> String {
    "f(\(number(e.x))) = \(number(e.value))"
  }

  // MARK: Summary row

  static let summaryColumns = [
    "name", "range", "minimum", "monotonic", "zero_centered", "identity_near_origin", "continuity",
    "f'(0)",
    "saturation", "dead",
  ]

  var summaryRow: [String] {
    let p = properties
    return [
      name, rangeText, p.minimum.map { number($0.value) } ?? "none", yesNo(p.isMonotonic),
      yesNo(p.isZeroCentered),
      yesNo(p.isIdentityNearOrigin), p.continuity.description, derivativeAtZeroShort,
      intervals(p.saturation),
      intervals(p.dead),
    ]
  }

  private var derivativeAtZeroShort: String {
    let d = properties.derivativeAtZero
    return d.isKink ? "\(number(d.left)) / \(number(d.right))" : number(d.value)
  }

  // MARK: JSON

  /// One JSON object, its keys in a fixed order; unbounded ends and absent extrema are null.
  var json: String {
    let p = properties
    var fields: [(String, String)] = [("name", jsonString(name))]
    if let spec, let summary {
      fields += [
        ("spec", jsonString(spec)), ("summary", jsonString(summary)),
        ("aliases", "[" + aliases.map(jsonString).joined(separator: ", ") + "]"),
      ]
    } else {
      fields.append(("expression", jsonString(name)))
    }
    fields += [
      ("formula", jsonString(formula)),
      ("derivative", jsonString(derivative)),
      (
        "parameters",
        "["
          + parameters.map {
            "{\"name\": \(jsonString($0.name)), \"value\": \(jsonValue($0.value))}"
          }
          .joined(separator: ", ") + "]"
      ),
    ]
    if spec != nil {
      fields.append(
        (
          "kinks",
          "["
            + kinks.map { k in
              "{\"x\": \(jsonNumber(k.x)), \"derivative\": \(jsonNumber(k.derivative)), "
                + "\"side\": \(jsonString(k.side)), \"jump\": \(k.jumpValue != nil), "
                + "\"value\": \(jsonNumber(k.jumpValue))}"
            }.joined(separator: ", ") + "]"
        ))
    }
    fields.append(
      (
        "range",
        "{\"infimum\": \(jsonNumber(p.infimum?.value)), \"supremum\": \(jsonNumber(p.supremum?.value)), "
          + "\"infimum_attained\": \(p.infimum?.isAttained ?? false), "
          + "\"supremum_attained\": \(p.supremum?.isAttained ?? false)}"
      ))
    fields.append(
      (
        "minimum",
        p.minimum.map { "{\"x\": \(jsonNumber($0.x)), \"value\": \(jsonNumber($0.value))}" }
          ?? "null"
      ))
    fields.append(
      (
        "maximum",
        p.maximum.map { "{\"x\": \(jsonNumber($0.x)), \"value\": \(jsonNumber($0.value))}" }
          ?? "null"
      ))
    fields.append(("monotonic", "\(p.isMonotonic)"))
    fields.append(("increasing", jsonIntervals(p.increasing)))
    fields.append(("decreasing", jsonIntervals(p.decreasing)))
    fields.append(
      ("stationary", "[" + p.stationary.map { jsonNumber($0) }.joined(separator: ", ") + "]"))
    fields.append(("zero_centered", "\(p.isZeroCentered)"))
    fields.append(("identity_near_origin", "\(p.isIdentityNearOrigin)"))
    fields.append(("continuity", jsonString(p.continuity.description)))
    fields.append(("continuity_method", jsonString(p.continuityMethod.rawValue)))
    fields.append(("bounded_below", "\(p.isBoundedBelow)"))
    fields.append(("bounded_above", "\(p.isBoundedAbove)"))
    fields.append(("saturation", jsonIntervals(p.saturation)))
    fields.append(("dead", jsonIntervals(p.dead)))
    let d = p.derivativeAtZero
    fields.append(
      (
        "derivative_at_0",
        "{\"value\": \(jsonNumber(d.value)), \"left\": \(jsonNumber(d.left)), "
          + "\"right\": \(jsonNumber(d.right)), \"kink\": \(d.isKink)}"
      ))
    if p.isNumeric {
      let far = jsonNumber(Analysis.scannedExtent)
      let band = jsonNumber(Analysis.denseBand)
      fields.append(
        (
          "scanned",
          "{\"extent\": [-\(far), \(far)], \"dense\": [-\(band), \(band)], \"step\": 0.02}"
        ))
      fields.append(("undecided", jsonIntervals(p.undecided)))
    }
    fields.append(("remark", remark.map(jsonString) ?? "null"))
    return "{" + fields.map { "\(jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }
}

// MARK: Formatting

private func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }

extension FunctionDescription {
  /// Every number of `info` in one style: text, tables and JSON alike (-0 reads as 0).
  fileprivate func number(_ x: Double) -> String { style.format(x + 0) }

  fileprivate func intervals(_ list: [Properties.Interval]) -> String {
    guard !list.isEmpty else { return "none" }
    return list.map { i in
      let left = i.lower == -.infinity ? "(-inf" : "[" + number(i.lower)
      let right = i.upper == .infinity ? "inf)" : number(i.upper) + "]"
      return left + ", " + right
    }.joined(separator: " ")
  }

  fileprivate func jsonNumber(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "null" }
    return number(x)
  }

  fileprivate func jsonIntervals(_ list: [Properties.Interval]) -> String {
    "["
      + list.map { "[\(jsonNumber($0.lower)), \(jsonNumber($0.upper))]" }
      .joined(separator: ", ") + "]"
  }
}

private func jsonNumber(_ x: Double?) -> String {
  guard let x, x.isFinite else { return "null" }
  return shortestDecimal(x)
}

/// A parameter value in JSON: a number (null when not finite), true/false, a string, an array of
/// numbers, or null for no value.
func jsonValue(_ value: ParameterValue) -> String {
  switch value {
  case .real(let r): return jsonNumber(r)
  case .boolean(let b): return "\(b)"
  case .word(let w): return jsonString(w)
  case .list(let values): return "[" + values.map { jsonNumber($0) }.joined(separator: ", ") + "]"
  case .none: return "null"
  }
}
