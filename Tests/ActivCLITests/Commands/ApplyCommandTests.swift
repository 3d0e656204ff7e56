import Testing

@testable import ActivCLI

/// `activ apply`: feature maps in, the same layout out, every malformed map refused by line.
@Suite("apply")
struct ApplyCommandTests {
  static let twoChannels = Array("1,-2,3\n-4,5,-6\n\n0.5,-0.5,0\n1,1,1\n".utf8)

  @Test func elementwiseKeepsTheLayout() {
    expectOutput(["apply", "relu"], "1,0,3\n0,5,0\n\n0.5,0,0\n1,1,1\n", stdin: Self.twoChannels)
    expectOutput(
      ["apply", "leaky_relu(0.5)", "--grad", "--input", "-"],
      "1,0.5,1\n0.5,1,0.5\n\n1,0.5,0.5\n1,1,1\n",
      stdin: Self.twoChannels)
    expectOutput(
      ["apply", "2*x", "--precision", "2"], "2,-4,6\n-8,10,-12\n\n1,-1,0\n2,2,2\n",
      stdin: Self.twoChannels)
  }

  @Test func readsBOMCRLFCommentsAndTrailingBlankLines() {
    let input = Array("\u{FEFF}# a comment\r\n1, 2\r\n\r\n 3 ,4\r\n\r\n\r\n".utf8)
    expectOutput(["apply", "identity"], "1,2\n\n3,4\n", stdin: input)
  }

  @Test func maxoutHalvesTheChannelsAndItsGradientKeepsThem() {
    let four = Array("1,5\n\n2,4\n\n-1,0\n\n-2,3\n".utf8)
    expectOutput(["apply", "maxout"], "2,5\n\n-1,3\n", stdin: four)
    expectOutput(["apply", "maxout", "--grad"], "0,1\n\n1,0\n\n1,0\n\n0,1\n", stdin: four)
  }

  @Test func preluPerChannelAndRReLUSeeded() {
    expectOutput(
      ["apply", "prelu(weight=[0.5,2])"], "1,-1,3\n-2,5,-3\n\n0.5,-1,0\n1,1,1\n",
      stdin: Self.twoChannels)
    let first = expectSuccess(["apply", "rrelu", "--seed", "3"], stdin: Self.twoChannels)
    let again = expectSuccess(["apply", "rrelu", "--seed", "3"], stdin: Self.twoChannels)
    let other = expectSuccess(["apply", "rrelu", "--seed", "4"], stdin: Self.twoChannels)
    #expect(first == again)
    #expect(first != other)
  }

  @Test func writesAFileAtomically() throws {
    try withTemporaryDirectory { directory in
      let path = directory + "/out.csv"
      try writeFile(path, "keep me\n")
      expectFailure(
        ["apply", "relu", "-o", path], .dataError,
        "<stdin>:2: column 2: 'x' is not a number", stdin: Array("1,2\n3,x\n".utf8))
      #expect(readFile(path) == "keep me\n")
      expectOutput(["apply", "relu", "-o", path], "", stdin: Array("1,-2\n".utf8))
      #expect(readFile(path) == "1,0\n")
    }
  }

  /// Regression: numpy's `savetxt` writes spaces (tabs with `delimiter="\\t"`), and
  /// apply read only commas. The first row with two values decides the separator.
  @Test(arguments: [
    "1 -2 3\n-4 5 -6\n\n0.5 -0.5 0\n1 1 1\n",
    "1\t-2\t3\n-4\t5\t-6\n\n0.5\t-0.5\t0\n1\t1\t1\n",
    "  1   -2\t3  \r\n-4 5 -6\n\n0.5 -0.5 0\n1 1 1\n\n",
    "1.000000000000000000e+00 -2.000000000000000000e+00 3.000000000000000000e+00\n"
      + "-4e0 5e0 -6e0\n\n5e-1 -5e-1 0e0\n1 1 1\n",
  ])
  func readsSpaceAndTabSeparatedMaps(_ input: String) {
    expectOutput(["apply", "relu"], "1,0,3\n0,5,0\n\n0.5,0,0\n1,1,1\n", stdin: Array(input.utf8))
  }

  @Test func aOneColumnMapFitsEitherSeparator() {
    expectOutput(["apply", "relu"], "1\n0\n", stdin: Array("1\n-2\n".utf8))
  }

  static let dataErrors: [(input: String, message: String)] = [
    (
      "1,2\n3\n",
      "<stdin>:2: row 2 of channel 1 has 1 value but the first row has 2; every row needs the same number"
    ),
    ("1,2\n3,x\n", "<stdin>:2: column 2: 'x' is not a number"),
    ("1,,2\n", "<stdin>:1: column 2 is empty; write a number there"),
    (
      "1,2\n\n\n3,4\n",
      "<stdin>:3: channel 2 is empty; separate channels by exactly one blank line and start with a row"
    ),
    (
      "\n1,2\n",
      "<stdin>:1: channel 1 is empty; separate channels by exactly one blank line and start with a row"
    ),
    (
      "1,2\n\n3,4\n5,6\n",
      "<stdin>:5: channel 2 has 2 rows but channel 1 has 1; every channel needs the same size"
    ),
    (
      "1,2\n\n3,4,5\n",
      "<stdin>:3: row 1 of channel 2 has 3 values but the first row has 2; every row needs the same number"
    ),
    ("", "<stdin>:1: no rows; a feature map needs at least one row of numbers"),
    ("# only a comment\n\n", "<stdin>:1: no rows; a feature map needs at least one row of numbers"),
    ("1\u{0}2\n", "<stdin>:1: column 1: '1\\02' is not a number"),
    (
      "1 2\n3,4\n",
      "<stdin>:2: values separated by commas, but line 1 separates them by spaces or tabs; "
        + "use one separator in the whole file"
    ),
    (
      "1,2\n2,3\n\n4 5\n",
      "<stdin>:4: values separated by spaces or tabs, but line 1 separates them by commas; "
        + "use one separator in the whole file"
    ),
    ("1 2\n3 x\n", "<stdin>:2: column 2: 'x' is not a number"),
  ]

  @Test(arguments: dataErrors.indices)
  func malformedMapsAreDataErrors(_ i: Int) {
    let (input, message) = Self.dataErrors[i]
    let run = expectFailure(["apply", "relu"], .dataError, message, stdin: Array(input.utf8))
    #expect(run.stderr.contains("channels separated by one blank line"))
  }

  @Test func shapesThatDoNotFitAreUsageErrors() {
    let four = Array("1\n\n2\n\n3\n\n4\n".utf8)
    expectFailure(
      ["apply", "maxout(k=3)"], .usage,
      "maxout: the input has 4 channels, which is not a multiple of k=3; give a k that divides 4, or 3·n channels",
      stdin: four)
    expectFailure(
      ["apply", "prelu(weight=[1,2])"], .usage,
      "prelu: weight has 2 values but the input has 4 channels; give 1 (shared by every channel) or 4 (one per channel)",
      stdin: four)
    expectFailure(
      ["apply", "frelu(kernel=[1,2,3])"], .usage,
      "frelu: kernel has 3 values but the input has 4 channels; give 9 (shared by every channel) or 36 (9 per channel)",
      stdin: four)
    expectFailure(
      ["apply", "meta_acon(w2=[1,2])"], .usage,
      "meta_acon: w2 has 2 values but design=channel with 4 inputs needs a 4×16 matrix, row by row: give 64 values, or 1 for every entry",
      stdin: four)
  }

  @Test func badSpecsAndArguments() {
    expectFailure(["apply"], .usage, "'apply' needs a SPEC (e.g. relu or 'maxout(k=2)')")
    expectFailure(["apply", "relu", "extra"], .usage, "unexpected argument 'extra' for 'apply'")
    expectFailure(["apply", "rleu"], .usage, "unknown function 'rleu' (did you mean 'relu'?)")
    expectFailure(
      ["apply", "frelu(gama=2)"], .usage,
      "frelu has no parameter 'gama' (did you mean 'gamma'?); its parameters are kernel, gamma, beta, mean, var, eps"
    )
    expectFailure(
      ["apply", "prelu(weight=0.1|0.2)"], .usage,
      "'prelu(weight=0.1|0.2)' is a sweep of 2 functions, but one function is needed here; give each parameter a single value"
    )
    expectFailure(
      ["apply", "meta_acon(design=pixel, r=4)"], .usage,
      "meta_acon: r belongs to the network of design=channel or design=layer; design=pixel has no network (beta = sigmoid(x))"
    )
    expectFailure(
      ["apply", "frelu(var=-1)"], .usage,
      "frelu: bad value '-1' for var; expected a finite number >= 0, or a list of them like [0.5,1]"
    )
    expectFailure(
      ["apply", "relu", "--input", "/nonexistent/map.csv"], .noInput,
      "cannot read input '/nonexistent/map.csv': No such file or directory")
  }

  @Test func helpListsTheLayersAndTheirParameters() {
    let help = expectSuccess(["apply", "--help"])
    for text in [
      "USAGE: activ apply SPEC [OPTIONS]", "frelu:", "meta_acon:", "maxout:", "prelu:", "rrelu:",
      "Parameters: kernel", "design (", "--grad", "diagonal of the Jacobian",
    ] {
      #expect(help.contains(text), "help mentions \(text)")
    }
  }
}
