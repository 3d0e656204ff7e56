import Activations
import Foundation
import Testing

/// An exact value as the fixture writes it: the nearest double, and the offset of the true value
/// from it in units of that double's last place (within ±0.5).
struct ReferenceValue: Sendable {
  var nearest: Double
  var offset: Double

  /// Whether the true value is below the normal range (its ULP is the smallest subnormal).
  var isSubnormal: Bool { abs(nearest) < Double.leastNormalMagnitude }

  /// The distance of `computed` from the correctly rounded result `nearest`, in ULPs of
  /// `nearest` (units of the smallest subnormal below the normal range): the accuracy budget's measure, an
  /// integer for doubles in the same binade. Infinite for a NaN or an infinity where the true
  /// value is finite or a different infinity.
  func ulpsFromCorrectlyRounded(_ computed: Double) -> Double {
    if computed == nearest { return 0 }
    guard computed.isFinite, nearest.isFinite else { return .infinity }
    let unit = isSubnormal ? Double.leastNonzeroMagnitude : nearest.ulp
    return abs(computed - nearest) / unit
  }

  /// The error of `computed` against the true value itself (nearest + offset), to a fraction of an
  /// ULP: ≤ 0.5 exactly when `computed` is correctly rounded.
  func ulpsFromTrueValue(_ computed: Double) -> Double {
    if computed == nearest && offset == 0 { return 0 }
    guard computed.isFinite, nearest.isFinite else {
      return computed == nearest ? abs(offset) : .infinity
    }
    let unit = isSubnormal ? Double.leastNonzeroMagnitude : nearest.ulp
    return abs((computed - nearest) / unit - offset)
  }
}

/// One row of the mpmath fixture: a spec, a point, and the true value, derivative and second
/// derivative there.
struct ReferencePoint: Sendable {
  var spec: String
  var x: Double
  var value: ReferenceValue
  var derivative: ReferenceValue
  var secondDerivative: ReferenceValue
}

/// The fixture written by `Scripts/reference/make_reference.py` (mpmath at 60 digits), grouped by
/// spec in file order.
enum Reference {
  static let points: [ReferencePoint] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/reference.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      fatalError("cannot read \(url.path); regenerate it with Scripts/reference/make_reference.py")
    }
    var points: [ReferencePoint] = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("spec\t")
    {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      let numbers = fields.dropFirst().compactMap { Double($0) }
      guard fields.count == 8, numbers.count == 7 else {
        fatalError("malformed fixture line: \(line)")
      }
      points.append(
        ReferencePoint(
          spec: fields[0], x: numbers[0],
          value: ReferenceValue(nearest: numbers[1], offset: numbers[2]),
          derivative: ReferenceValue(nearest: numbers[3], offset: numbers[4]),
          secondDerivative: ReferenceValue(nearest: numbers[5], offset: numbers[6])))
    }
    return points
  }()

  static let specs: [String] = {
    var seen: Set<String> = []
    return points.map(\.spec).filter { seen.insert($0).inserted }
  }()

  static func points(for spec: String) -> [ReferencePoint] { points.filter { $0.spec == spec } }
}

/// Binds a spec the tests know to be valid, recording a failure (not crashing) if it is not.
func bound(_ spec: String, seed: UInt64 = 0, sourceLocation: SourceLocation = #_sourceLocation)
  -> BoundActivation?
{
  do {
    return try Catalogue.bind(spec, context: BindingContext(seed: seed))
  } catch {
    Issue.record("cannot bind \(spec): \(error)", sourceLocation: sourceLocation)
    return nil
  }
}

/// Expects two doubles to be identical, bit for bit (so -0 and 0 differ).
func expectSameBits(
  _ a: Double, _ b: Double, _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    a.bitPattern == b.bitPattern, "\(a) vs \(b) \(comment.map { "\($0)" } ?? "")",
    sourceLocation: sourceLocation)
}

/// An input the library must refuse, and the exact message of the refusal. The spec and sweep
/// tests list their refusals as these; a suite whose errors carry more (an offset, which reader
/// refused) keeps its own case type and says why.
struct ErrorCase: Sendable, CustomTestStringConvertible {
  var input: String
  var message: String

  var testDescription: String { input }
}
