// The batch API: one call evaluates an activation and its derivatives over many points, into
// buffers the caller owns, with no dynamic dispatch and no allocation per point.

/// How many points a thread takes at least: below twice this a batch runs on the calling thread
/// alone (starting a thread costs about as much as evaluating a few thousand points).
let minimumPointsPerThread = 16_384

/// Points generated at a time by the grid form, on the stack.
private let gridChunk = 1024

extension Activation {
  /// Evaluates at every point of `xs`, writing f, f′ and f″ to those outputs that are given (each
  /// at least as long as `xs`; output `i` belongs to `xs[i]`); only the orders asked for are
  /// computed, and they are bit for bit what ``value(_:)``, ``derivative(_:)`` and
  /// ``secondDerivative(_:)`` return.
  ///
  /// The loop is specialised for the concrete type: called on a `GELU` (or on an `any Activation`
  /// holding one, which dispatches once per call) it runs GELU's own kernels inline. A batch of
  /// more than 2 × 16,384 points is split into as many consecutive parts as there are processors,
  /// each evaluated on its own thread (the calling thread takes the first); every point is
  /// computed by the same code either way, so the results do not depend on the split. The call
  /// returns when every output is written. The buffers must not overlap `xs` or each other.
  public func evaluate(
    _ xs: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>?,
    first: UnsafeMutableBufferPointer<Double>?, second: UnsafeMutableBufferPointer<Double>?
  ) {
    for output in [values, first, second] {
      precondition((output?.count ?? xs.count) >= xs.count, "an output is shorter than the input")
    }
    let outputs = UncheckedSendable((xs, values, first, second))
    Threads.forEachPart(of: xs.count, minimumPart: minimumPointsPerThread) { range in
      let (xs, values, first, second) = outputs.value
      evaluateSerially(self, xs, range, values, first, second)
    }
  }

  /// Evaluates on the grid of `count` evenly spaced points from `lower` to `upper`, both included:
  /// xᵢ = lower + i·h with h = (upper − lower)/(count − 1), except that the last point is `upper`
  /// itself (one point: `lower`). Writes x (if `xs` is given), f, f′ and f″ to the given outputs,
  /// each at least `count` long, exactly as ``evaluate(_:values:first:second:)`` would at those
  /// points; large grids are split across the processors in the same way.
  public func evaluate(
    gridFrom lower: Double, to upper: Double, count: Int,
    xs: UnsafeMutableBufferPointer<Double>? = nil, values: UnsafeMutableBufferPointer<Double>?,
    first: UnsafeMutableBufferPointer<Double>?, second: UnsafeMutableBufferPointer<Double>?
  ) {
    precondition(count >= 0, "a grid cannot have a negative number of points")
    for output in [xs, values, first, second] {
      precondition((output?.count ?? count) >= count, "an output is shorter than the grid")
    }
    let step = count > 1 ? (upper - lower) / Double(count - 1) : 0
    let outputs = UncheckedSendable((xs, values, first, second))
    Threads.forEachPart(of: count, minimumPart: minimumPointsPerThread) { range in
      let (xs, values, first, second) = outputs.value
      withUnsafeTemporaryAllocation(of: Double.self, capacity: gridChunk) { chunk in
        var start = range.lowerBound
        while start < range.upperBound {
          let end = Swift.min(start + gridChunk, range.upperBound)
          for i in start..<end {
            chunk[i - start] = i == count - 1 && count > 1 ? upper : lower + Double(i) * step
          }
          let points = UnsafeBufferPointer(rebasing: chunk[0..<(end - start)])
          if let xs {
            _ = UnsafeMutableBufferPointer(rebasing: xs[start..<end]).update(fromContentsOf: points)
          }
          // The requirement, so an existential caller still runs the concrete type's loop.
          self.evaluate(
            points, values: values.map { UnsafeMutableBufferPointer(rebasing: $0[start..<end]) },
            first: first.map { UnsafeMutableBufferPointer(rebasing: $0[start..<end]) },
            second: second.map { UnsafeMutableBufferPointer(rebasing: $0[start..<end]) })
          start = end
        }
      }
    }
  }

  /// f, f′ and f″ at every point of `xs`, as arrays (a convenience over
  /// ``evaluate(_:values:first:second:)``).
  public func evaluate(_ xs: [Double]) -> (values: [Double], first: [Double], second: [Double]) {
    var values = [Double](repeating: 0, count: xs.count)
    var first = values
    var second = values
    xs.withUnsafeBufferPointer { input in
      values.withUnsafeMutableBufferPointer { v in
        first.withUnsafeMutableBufferPointer { f in
          second.withUnsafeMutableBufferPointer { s in
            evaluate(input, values: v, first: f, second: s)
          }
        }
      }
    }
    return (values, first, second)
  }
}

/// The loop over `range` for one concrete activation type, one branch per combination of outputs
/// so the loop body holds no test of which are wanted.
@inline(__always)
func evaluateSerially<F: Activation>(
  _ function: F, _ xs: UnsafeBufferPointer<Double>, _ range: Range<Int>,
  _ values: UnsafeMutableBufferPointer<Double>?, _ first: UnsafeMutableBufferPointer<Double>?,
  _ second: UnsafeMutableBufferPointer<Double>?
) {
  switch (values, first, second) {
  case (let v?, let d?, nil):
    for i in range {
      let (value, derivative) = function.valueAndDerivative(xs[i])
      v[i] = value
      d[i] = derivative
    }
  case (let v?, nil, nil):
    for i in range { v[i] = function.value(xs[i]) }
  case (nil, let d?, nil):
    for i in range { d[i] = function.derivative(xs[i]) }
  case (nil, nil, let s?):
    for i in range { s[i] = function.secondDerivative(xs[i]) }
  case (let v?, let d?, let s?):
    for i in range {
      let jet = function.jet(xs[i])
      v[i] = jet.value
      d[i] = jet.first
      s[i] = jet.second
    }
  default:
    for i in range {
      let x = xs[i]
      values?[i] = function.value(x)
      first?[i] = function.derivative(x)
      second?[i] = function.secondDerivative(x)
    }
  }
}

extension BoundActivation {
  /// The bound function's batch evaluation (see ``Activation/evaluate(_:values:first:second:)``):
  /// one dynamic dispatch per call, then the concrete type's own loop.
  public func evaluate(
    _ xs: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>?,
    first: UnsafeMutableBufferPointer<Double>?, second: UnsafeMutableBufferPointer<Double>?
  ) {
    function.evaluate(xs, values: values, first: first, second: second)
  }

  /// The bound function's grid evaluation (see
  /// ``Activation/evaluate(gridFrom:to:count:xs:values:first:second:)``).
  public func evaluate(
    gridFrom lower: Double, to upper: Double, count: Int,
    xs: UnsafeMutableBufferPointer<Double>? = nil, values: UnsafeMutableBufferPointer<Double>?,
    first: UnsafeMutableBufferPointer<Double>?, second: UnsafeMutableBufferPointer<Double>?
  ) {
    function.evaluate(
      gridFrom: lower, to: upper, count: count, xs: xs, values: values, first: first,
      second: second)
  }

  /// f and f′ at once (see ``Activation/valueAndDerivative(_:)``).
  public func valueAndDerivative(_ x: Double) -> (value: Double, first: Double) {
    function.valueAndDerivative(x)
  }
}
