/// A function of x written as an expression, `x*sigmoid(x)` or `where(x > 0, x, 0.1*expm1(x))`,
/// with its exact first and second derivatives by forward-mode automatic differentiation.
///
/// ```swift
/// let f = try Expression.parse("x*tanh(softplus(x))")
/// f.value(1)               // 0.8650983882673103, Mish
/// f.derivative(1)          // f′(1)
/// f.secondDerivative(1)    // f″(1)
/// print(f)                 // x*tanh(softplus(x)), the normalized text
/// ```
///
/// ## Grammar
/// ```
/// expression = or
/// or         = and { "or" and }
/// and        = comparison { "and" comparison }
/// comparison = sum [ ( "<" | "<=" | ">" | ">=" | "==" | "!=" ) sum ]
/// sum        = product { ( "+" | "-" ) product }
/// product    = unary { ( "*" | "/" ) unary }
/// unary      = ( "-" | "+" ) unary | power
/// power      = primary [ ( "^" | "**" ) unary ]
/// primary    = number | "x" | "pi" | "e" | "(" expression ")" | call
/// call       = builtin "(" [ expression { "," expression } ] ")"
///            | catalogue "(" expression { "," parameter } ")"
/// parameter  = [ name "=" ] ( [ "-" | "+" ] number | word | list )
/// list       = "[" [ [ "-" ] number { "," [ "-" ] number } ] "]"
/// number     = digits [ "." [ digits ] ] [ exponent ] | "." digits [ exponent ]
/// exponent   = ( "e" | "E" ) [ "+" | "-" ] digits
/// ```
/// Loosest to tightest: `or`, `and`, comparisons (which do not chain), `+ -`, `* /`, unary minus,
/// `^` (also written `**`, the same operator). The infix operators are left-associative, `^`
/// right-associative (`2^3^2` is 2⁹); a sign binds more loosely than `^` on its left and may start
/// its exponent: `-x^2` is −(x²), `x^-2` is x⁻². Unary plus is accepted and dropped. Spaces, tabs
/// and line breaks separate tokens.
///
/// Names ignore case and `_`, like the catalogue's (`LOG1P`, `Leaky_ReLU`); `-` is always a
/// minus, so a catalogue name is written with `_` (`hard_swish(x)`). The values are `x`, `pi` and
/// `e`. The built-in functions are `exp log log1p expm1 sqrt abs sin cos tan tanh sinh cosh erf
/// erfc sign floor ceil ln log2 log10 exp2 atan asin acos asinh acosh atanh` (one argument; `ln` is
/// `log`), `hypot(a, b)`, `min(a, b, …)` and `max(a, b, …)` (two or more),
/// `clamp(v, lo, hi)` and `where(condition, a, b)`. Conditions (comparisons joined by `and` and
/// `or`) are allowed only as where's first argument. `tanh` is the built-in (the same kernel as
/// the catalogue's `tanh`, with its own exact f″).
///
/// Every catalogue function is callable: its input first, an expression, then its parameters,
/// constants checked exactly as ``Catalogue/bind(_:context:)`` checks a spec (by position in
/// declaration order, or by name): `elu(x, alpha=0.5)`, `leaky_relu(2*x, 0.2)`,
/// `gelu(x, approximate=tanh)`, `maxout(x, weights=[1,-1], biases=[0,0])`. A sweep is refused.
/// A bare catalogue name (`mish`) is not an expression; it is the catalogue's spec.
///
/// ## Values
/// Operations follow IEEE arithmetic; a domain error gives NaN (`log(-1)`, `sqrt(-x)`, `x^0.5`
/// for x < 0), never a trap. NaN in gives NaN out (a constant expression too), and a NaN value
/// has NaN derivatives. Comparisons with a NaN operand are neither true nor false: `where` then
/// gives NaN, and so do min, max and clamp with a NaN operand (as torch.maximum and torch.clamp).
/// Both branches of `where` are computed, but only the chosen one's value and derivatives are
/// used, so `where(x > 0, log(x), 0)` is 0 with derivative 0 for x <= 0.
///
/// Each operation is rounded once: `exp`, `expm1` and `tanh` are activ's double-double kernels,
/// `log`, `log1p`, `sinh`, `cosh` and powers are built on them in double-double; `sin`, `cos`,
/// `tan`, `erf` and `erfc` come from libm. `x^n` for a constant integer n (also `x^-2`, `x^(1+1)`)
/// is an exact binary powering (x³ = x·x·x, x⁻² = 1/(x·x), each rounded once), any other power
/// x^y is e^(y·log x) with y·log x in double-double, NaN for x < 0 unless y is an integer (then
/// ±|x|ʸ: `(-2)^x` is −2 at x = 1, with NaN derivatives through the exponent, which has no log
/// there), and `e^u` is exp(u). `log2`, `log10` and `exp2` are double-double too (exact at powers
/// of their base); `atan`, `asin`, `acos`, `asinh`, `acosh`, `atanh` and `hypot` come from libm. An
/// expression rounds after every operation, so it is as accurate as its formula is stable:
/// `log(1+exp(x))` loses digits for x << 0 where the catalogue's `softplus(x)` does not.
///
/// ## Derivatives
/// Forward-mode automatic differentiation to second order: every operation forms the jet
/// (f, f′, f″) from its operands' by the chain rule, f(g)′ = f′(g)·g′ and
/// f(g)″ = f″(g)·g′² + f′(g)·g″, and the product, quotient and power rules. Catalogue functions
/// supply their own analytic f, f′ and f″ (with their kink conventions). A derivative that is
/// exactly zero contributes nothing to a term, so constants never produce 0·inf (`2*x` has
/// derivative 2 at x = inf); otherwise derivatives follow floating-point arithmetic and may be
/// NaN where only a limit exists (`x*sqrt(x)` at 0, most expressions at ±inf), as in autograd.
/// At kinks, PyTorch's conventions: abs′(0) = 0 (torch.abs); `max`/`min` at a tie give the mean
/// of the tied operands' derivatives (torch.maximum's 1/2–1/2); `clamp(v, lo, hi)` gives v's
/// derivatives for lo <= v <= hi, ends included (torch.clamp), the bound's outside; `where`
/// gives the chosen branch's; `sign`, `floor` and `ceil` have derivative 0 everywhere.
///
/// ## Evaluation
/// Parsing builds a flat syntax tree; it is compiled once into a list of operations on registers
/// of jets, constant subexpressions folded. Evaluation allocates nothing per point (registers
/// live on the stack for small expressions, once per call of the batch API for large ones).
public struct Expression: Activation, CustomStringConvertible, Equatable {
  /// The longest text `parse` reads, in UTF-8 bytes.
  public static let maximumLength = 100_000
  /// The deepest nesting `parse` accepts: parentheses, calls, signs and exponents each add a
  /// level.
  public static let maximumDepth = 200
  /// The built-in functions' names, for help and completion.
  package static let builtinFunctions: [String] = Builtin.allCases.map(\.rawValue)

  let tree: Tree
  let program: Program
  private let printed: String

  private init(tree: Tree) {
    self.tree = tree
    program = Program(compiling: tree)
    printed = tree.printed()
  }

  /// Parses and compiles an expression; catalogue functions that draw random numbers
  /// (`rrelu(x, training=true)`) use seed 0.
  public static func parse(_ text: String) throws(ExpressionError) -> Expression {
    try parse(text, context: BindingContext())
  }

  /// Parses and compiles an expression, binding its catalogue functions with `context`.
  public static func parse(_ text: String, context: BindingContext)
    throws(ExpressionError) -> Expression
  {
    Expression(tree: try Parser.parse(text, context: context))
  }

  /// Parses and compiles an expression in which each name of `constants` stands for its number
  /// (a catalogue entry's ``Definition`` with its bound arguments).
  static func parse(_ text: String, constants: [String: Double]) throws(ExpressionError)
    -> Expression
  {
    Expression(tree: try Parser.parse(text, context: BindingContext(), constants: constants))
  }

  /// The expression printed from its tree with the fewest parentheses that parse back to the
  /// same tree: canonical names, shortest round-trip numbers, catalogue parameters by name
  /// (`leaky_relu(2*x, negative_slope=0.2)`), spaces around `+ -`, comparisons, `and`, `or`.
  /// The spaces can make it longer than the text parsed (up to about twice for `x+x+…`), so the
  /// text of an expression near ``maximumLength`` may be too long to parse again.
  public var text: String { printed }

  /// The normalized text (``text``).
  public var description: String { printed }

  /// None: an expression declares no kinks, even where its parts have them (`abs(x)` at 0); its
  /// derivatives there follow the conventions in the type's documentation.
  public var kinks: [Kink] { [] }

  public func value(_ x: Double) -> Double {
    program.withRegisters { program.run($0, x, order: 0).value }
  }

  public func derivative(_ x: Double) -> Double {
    program.withRegisters { program.run($0, x, order: 1).first }
  }

  public func secondDerivative(_ x: Double) -> Double {
    program.withRegisters { program.run($0, x, order: 2).second }
  }

  /// f(x), f′(x) and f″(x) in one pass.
  public func jet(_ x: Double) -> (value: Double, first: Double, second: Double) {
    let jet = program.withRegisters { program.run($0, x, order: 2) }
    return (jet.value, jet.first, jet.second)
  }

  /// Evaluates at every point of `xs`, writing f, f′ and f″ to those outputs that are given (each
  /// at least as long as `xs`); only the derivatives asked for are computed. The batch API of
  /// ``Activation``: one pass of the program per point, large batches split across the
  /// processors (each part with its own registers), bit for bit the scalar results.
  public func evaluate(
    _ xs: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>?,
    first: UnsafeMutableBufferPointer<Double>?, second: UnsafeMutableBufferPointer<Double>?
  ) {
    for output in [values, first, second] {
      precondition((output?.count ?? xs.count) >= xs.count, "an output is shorter than the input")
    }
    let order = second != nil ? 2 : (first != nil ? 1 : 0)
    // Large batches are split across the processors as for the catalogue's functions; each part
    // has its own registers.
    let outputs = UncheckedSendable((xs, values, first, second))
    Threads.forEachPart(of: xs.count, minimumPart: minimumPointsPerThread) { range in
      let (xs, values, first, second) = outputs.value
      program.withRegisters { registers in
        for index in range {
          let jet = program.run(registers, xs[index], order: order)
          values?[index] = jet.value
          first?[index] = jet.first
          second?[index] = jet.second
        }
      }
    }
  }

  /// Whether two expressions have the same syntax tree: the same structure, operators and
  /// numbers, and catalogue functions with the same canonical spec (`lrelu(x, 0.2)` equals
  /// `leaky_relu(x, negative_slope=0.2)`; `x+1` does not equal `1+x`).
  public static func == (a: Expression, b: Expression) -> Bool {
    a.tree.nodes == b.tree.nodes
  }
}
