/// Parameter values written as more than a decimal: constant arithmetic (`1/2`, `2*pi`) and
/// inclusive ranges (`0.5:4:0.5`).
enum ParameterArithmetic {
  /// The value of constant arithmetic, read by the expression parser (`1/2`, `2*pi`, `sqrt(2)`,
  /// `pi-1`), or nil when the text is not an expression, mentions x, or is not finite.
  static func constant(_ text: String) -> Double? {
    guard text.utf8.count <= 1000, let expression = try? Expression.parse(text),
      !expression.tree.nodes.contains(where: { $0.kind == .variable })
    else { return nil }
    let value = expression.value(0)
    return value.isFinite ? value : nil
  }

  /// Why a range `START:END:STEP` cannot be expanded.
  enum RangeProblem: Error {
    case notDecimals
    case needsStep
    case stepNotPositive
    case empty
    case tooManyDigits
    case tooMany(Int)
  }

  /// The values of an inclusive range `START:END:STEP` of decimals, formed as exact decimals
  /// (START + k·STEP in integers at the finest exponent, rounded once), so `0:1:0.1` ends at
  /// exactly 1 and no value drifts. END is included when a step lands on it. At most `limit`
  /// values.
  static func range(_ text: String, limit: Int) throws(RangeProblem) -> [(Double, String)] {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3 else {
      if parts.count == 2 && parts.allSatisfy({ DecimalNumeral($0) != nil }) {
        throw .needsStep
      }
      throw .notDecimals
    }
    let numerals = parts.map { DecimalNumeral($0.trimmingSpaces) }
    guard let start = numerals[0], let end = numerals[1], let step = numerals[2] else {
      throw .notDecimals
    }
    guard step.value > 0 else { throw .stepNotPositive }
    guard start.value <= end.value else { throw .empty }
    guard let a = start.exact, let b = end.exact, let h = step.exact else { throw .tooManyDigits }
    let exponent = min(a.exponent, b.exponent, h.exponent)
    func scaled(_ m: (mantissa: Int64, exponent: Int)) -> Int64? {
      var value = m.mantissa
      for _ in 0..<(m.exponent - exponent) {
        let (product, overflow) = value.multipliedReportingOverflow(by: 10)
        if overflow || abs(product) >= DecimalNumeral.exactLimit { return nil }
        value = product
      }
      return value
    }
    guard let low = scaled(a), let high = scaled(b), let stride = scaled(h), stride > 0 else {
      throw .tooManyDigits
    }
    let count = (high - low) / stride + 1
    guard count <= Int64(limit) else { throw .tooMany(Int(count)) }
    return (0..<count).map { k in
      let mantissa = low + k * stride
      let value = Double("\(mantissa)e\(exponent)")!
      return (value, shortestDecimal(value))
    }
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
