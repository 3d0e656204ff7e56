import Activations

/// Everything `activ info` says of one function: who it is (formulas, parameters, kinks, remark)
/// and what it does (the measured ``Properties``), as text records, JSON, or a summary row.
struct FunctionDescription {
  let name: String
  let formula: String
  let derivative: String
  let parameters: [(name: String, value: ParameterValue)]
  /// The leading text records: name, spec, formulas, parameters, kinks (or an expression's).
  let identity: [(String, String)]
  let remark: String?
  let properties: Properties

  /// With `latex`, the formulas are LaTeX: the text records add them (and the parameters'
  /// symbols), and JSON's `formula` and `derivative` carry them.
  init(bound: BoundActivation, latex: Bool = false) {
    let entry = bound.entry
    name = entry.name
    formula = latex ? entry.latexFormula : entry.formula
    derivative = latex ? entry.latexDerivative : entry.derivativeFormula
    parameters = entry.parameters.map { ($0.name, bound.arguments.values[$0.name]!) }
    var identity = InfoCommand.identity(of: bound)
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

  init(expression: Expression, latex: Bool = false) {
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
    if p.isNumeric { records.append(("method", "every property above is computed numerically")) }
    if let remark { records.append(("remark", remark)) }
    return records
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
    "f(\(precise(e.x))) = \(precise(e.value))"
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
      name, rangeText, p.minimum.map { precise($0.value) } ?? "none", yesNo(p.isMonotonic),
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
    var fields: [(String, String)] = [
      ("name", jsonString(name)), ("formula", jsonString(formula)),
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
    fields.append(("zero_centered", "\(p.isZeroCentered)"))
    fields.append(("identity_near_origin", "\(p.isIdentityNearOrigin)"))
    fields.append(("continuity", jsonString(p.continuity.description)))
    fields.append(("bounded_below", "\(p.isBoundedBelow)"))
    fields.append(("bounded_above", "\(p.isBoundedAbove)"))
    fields.append(("saturation", jsonIntervals(p.saturation)))
    fields.append(("dead", jsonIntervals(p.dead)))
    return "{" + fields.map { "\(jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }
}

// MARK: Formatting

private func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }

private func number(_ x: Double) -> String { shortestDecimal(x) }

/// 15 significant digits: extrema are found to ~1e-15, more digits would only show noise.
private func precise(_ x: Double) -> String { NumberStyle.significant(15).format(x) }

private func intervals(_ list: [Properties.Interval]) -> String {
  list.isEmpty ? "none" : list.map(\.description).joined(separator: " ")
}

private func jsonNumber(_ x: Double?) -> String {
  guard let x, x.isFinite else { return "null" }
  return shortestDecimal(x)
}

private func jsonIntervals(_ list: [Properties.Interval]) -> String {
  "[" + list.map { "[\(jsonNumber($0.lower)), \(jsonNumber($0.upper))]" }.joined(separator: ", ")
    + "]"
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
