import Foundation
import Testing

@testable import ActivCLI

/// One bad invocation: the arguments, what arrives on stdin, the exit status and a phrase the
/// `error:` line must contain. `{dir}` in an argument is a scratch directory holding `existing`
/// (a file that must survive the failure), `digits.txt`, `header.csv`, `nul.txt` and `sub/`.
/// Not the shared ``ErrorCase``: a corpus case pins a phrase the `error:` line contains rather
/// than the whole message, and carries standard input and a scratch directory.
struct BadInput: Sendable, CustomTestStringConvertible {
  var arguments: [String]
  var stdin: String = ""
  var code: ExitCode
  var phrase: String

  init(_ arguments: [String], stdin: String = "", _ code: ExitCode, _ phrase: String) {
    self.arguments = arguments
    self.stdin = stdin
    self.code = code
    self.phrase = phrase
  }

  var testDescription: String {
    "activ "
      + arguments.map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 }
      .joined(separator: " ")
  }
}

/// The corpus: every command, every kind of bad input. Each case must fail with its documented
/// exit status and a one-line `error:` naming the problem, print nothing on stdout, add at most
/// three hint lines, and leave `{dir}/existing` as it was.
@Suite("Bad input corpus")
struct BadInputCorpusTests {
  static let deep = String(repeating: "(", count: 300) + "x" + String(repeating: ")", count: 300)
  static let megabyte = String(repeating: "x+", count: 500_000) + "x"
  static let digits = String(repeating: "9", count: 400)

  static let cases: [BadInput] = [
    // Commands and options.
    BadInput(["evl", "relu"], .usage, "unknown command 'evl' (did you mean 'eval'?)"),
    BadInput(["frobnicate"], .usage, "unknown command 'frobnicate'"),
    BadInput(["--bogus"], .usage, "unknown option '--bogus' for 'activ'"),
    BadInput(["help", "evl"], .usage, "unknown command 'evl' (did you mean 'eval'?)"),
    BadInput(["eval", "relu", "--grd"], .usage, "(did you mean '--grad'?)"),
    BadInput(["eval", "relu", "--grad=1"], .usage, "option '--grad' takes no value"),
    BadInput(["eval", "relu", "--format"], .usage, "option '--format' needs a value"),
    BadInput(["eval", "relu", "--points", "5", "--points", "6"], .usage, "given more than once"),
    BadInput(["eval", "relu", "--grad", "--grad"], .usage, "'--grad' is given more than once"),
    BadInput(["eval", "relu", "--points", "5", "--step", "1"], .usage, "cannot be used together"),
    BadInput(["eval", "relu", "--input", "-", "--points", "5"], .usage, "cannot be used together"),
    BadInput(["list", "extra"], .usage, "unexpected argument 'extra' for 'list'"),
    BadInput(["eval"], .usage, "'eval' needs a function SPEC"),
    BadInput(["info"], .usage, "'info' needs a function SPEC (or --all)"),
    BadInput(["info", "--all", "relu"], .usage, "unexpected argument 'relu' for 'info'"),
    BadInput(["completions", "tcsh"], .usage, "bad SHELL 'tcsh'; expected one of bash, zsh, fish"),
    // Numbers and ranges.
    BadInput(["eval", "relu", "nan", "1"], .usage, "MIN 'nan' is not a finite decimal number"),
    BadInput(["eval", "relu", "-inf", "1"], .usage, "MIN '-inf' is not a finite decimal"),
    BadInput(["eval", "relu", "0", "inf"], .usage, "MAX 'inf' is not a finite decimal"),
    BadInput(["eval", "relu", "1e999", "2"], .usage, "MIN '1e999' is not a finite decimal"),
    BadInput(["eval", "relu", "0x1p3", "9"], .usage, "MIN '0x1p3' is not a finite decimal"),
    BadInput(["eval", "relu", "", "1"], .usage, "MIN '' is not a finite decimal"),
    BadInput(["eval", "relu", "-1", ""], .usage, "MAX '' is not a finite decimal"),
    BadInput(["eval", "relu", "1", digits], .usage, "MAX '9999999999"),
    BadInput(["eval", "relu", "2", "1"], .usage, "MIN (2) must be less than MAX (1)"),
    BadInput(["eval", "relu", "1", "1"], .usage, "MIN (1) must be less than MAX (1)"),
    BadInput(["eval", "relu", "1"], .usage, "needs both MIN and MAX (got only '1')"),
    BadInput(
      ["eval", "relu", "1", "2", "3"], .usage, "takes one range MIN MAX, but got 3 numbers"),
    BadInput(["eval", "relu", "--points", "0"], .usage, "bad value '0' for --points"),
    BadInput(["eval", "relu", "--points", "-5"], .usage, "bad value '-5' for --points"),
    BadInput(["eval", "relu", "--points", "2.5"], .usage, "bad value '2.5' for --points"),
    BadInput(["eval", "relu", "--points", "1"], .usage, "expected a whole number from 2 to"),
    BadInput(["eval", "relu", "--points", "99999999999999999999999"], .usage, "--points"),
    BadInput(["eval", "relu", "--points", ""], .usage, "bad value '' for --points"),
    BadInput(["eval", "relu", "--step", "0"], .usage, "bad value '0' for --step"),
    BadInput(["eval", "relu", "--step", "nan"], .usage, "bad value 'nan' for --step"),
    BadInput(
      ["eval", "relu", "-1", "1", "--step", "1e-12"], .usage,
      "2000000000001 points is more than activ writes (at most 1000000000)"),
    BadInput(["eval", "relu", "--precision", "0"], .usage, "bad value '0' for --precision"),
    BadInput(["eval", "relu", "--precision", "18"], .usage, "whole number from 1 to 17"),
    BadInput(["eval", "relu", "--seed", "-1"], .usage, "bad value '-1' for --seed"),
    BadInput(["eval", "relu", "--seed", "18446744073709551616"], .usage, "for --seed"),
    BadInput(["eval", "relu", "--format", "xml"], .usage, "expected one of csv, tsv, table"),
    // Functions and parameters.
    BadInput(["eval", "mihs"], .usage, "unknown function 'mihs' (did you mean 'mish'?)"),
    BadInput(["eval", "elu(alpah=1)"], .usage, "no parameter 'alpah' (did you mean 'alpha'?)"),
    BadInput(["eval", "elu(alpha=x)"], .usage, "elu: bad value 'x' for alpha"),
    BadInput(["eval", "elu(alpha=1"], .usage, "cannot read function spec 'elu(alpha=1'"),
    BadInput(["eval", "relu(1)"], .usage, "relu takes no parameters"),
    BadInput(["eval", "leaky_relu(1, 2)"], .usage, "leaky_relu takes at most 1 parameter, got 2"),
    BadInput(
      ["eval", "leaky_relu(1,2)"], .usage,
      "leaky_relu takes 1 parameter; '1,2' looks like a decimal comma: write 1.2"),
    BadInput(
      ["table", "elu(alpha=0,5)"], .usage,
      "elu: 'alpha=0,5' looks like a decimal comma: write alpha=0.5"),
    BadInput(["table", "swish(beta=2:1:0.5)"], .usage, "the range '2:1:0.5' is empty"),
    BadInput(["table", "swish(beta=1:2:0)"], .usage, "the step of the range '1:2:0' must be > 0"),
    BadInput(
      ["table", "swish(beta=1:2:-1)"], .usage, "the step of the range '1:2:-1' must be > 0"),
    BadInput(["table", "swish(beta=1:2)"], .usage, "the range '1:2' needs a step"),
    BadInput(["table", "swish(beta=0:100:1)"], .usage, "has 101 values, more than the 64"),
    BadInput(["table", "gelu(approximate='tanh)"], .usage, "is not closed"),
    BadInput(
      ["table", "elu(alpha=1/0)"], .usage, "'1/0' is not a finite number or constant arithmetic"),
    BadInput(["eval", "elu(alpha=1,alpha=2)"], .usage, "parameter 'alpha' is given twice"),
    BadInput(["eval", "softplus(beta=0)"], .usage, "expected a finite number > 0"),
    BadInput(["eval", "gelu(approximate=tan)"], .usage, "(did you mean 'tanh'?)"),
    BadInput(["eval", "hard_tanh(min_val=2,max_val=1)"], .usage, "min_val (2) must be less than"),
    BadInput(["eval", "rrelu(lower=1,upper=0)"], .usage, "lower (1) must be <= upper (0)"),
    BadInput(["eval", "maxout(weights=[],biases=[])"], .usage, "bad value '[]' for weights"),
    BadInput(["eval", "maxout(weights=[1,2],biases=[0])"], .usage, "give one bias per weight"),
    BadInput(["eval", "swish(beta=1|1.0)"], .usage, "repeats the value 1 earlier in the sweep"),
    BadInput(
      ["eval", "acon_c(p1=1|2|3|4|5,p2=1|2|3|4|5,beta=1|2|3)"], .usage,
      "expands to 75 functions, more than the 64"),
    BadInput(["apply", "swish(beta=1|2)"], .usage, "is a sweep of 2 functions"),
    BadInput(["info", "gelu", "mish", "--format", "text"], .usage, "for several functions"),
    BadInput(
      [
        "info", "gelu",
        "swish(beta=1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19|20|21|22|23|24|25|26|27|28|29|30|31|32|33|34|35|36|37|38|39|40|41|42|43|44|45|46|47|48|49|50|51|52|53|54|55|56|57|58|59|60|61|62|63|64|65)",
      ], .usage, "expands to 65 functions"),
    BadInput(["eval", String(repeating: "a", count: 100_000)], .usage, "unknown function 'aaaa"),
    // Expressions.
    BadInput(["eval", deep], .usage, "expression nested too deeply"),
    BadInput(["eval", megabyte], .usage, "expression too long"),
    BadInput(["eval", "x^"], .usage, "expected an expression after '^'"),
    BadInput(["eval", "sin(x"], .usage, "expected ')' to close the '('"),
    BadInput(["eval", "sin(x,2)"], .usage, "sin takes 1 argument, got 2"),
    BadInput(["eval", "x + foo"], .usage, "unknown name 'foo' in the expression"),
    BadInput(["eval", "x\u{0}"], .usage, "invalid character U+0000"),
    BadInput(["eval", "x+\u{FFFD}"], .usage, "invalid character"),
    // Input data.
    BadInput(["eval", "relu", "--input", "/nonexistent/xs.txt"], .noInput, "cannot read input"),
    BadInput(["eval", "relu", "--input", "{dir}/sub"], .noInput, "Is a directory"),
    BadInput(["eval", "relu", "--input", ""], .usage, "bad value '' for --input"),
    BadInput(["eval", "relu", "--input", "{dir}/nul.txt"], .dataError, "nul.txt:2: '\\02'"),
    BadInput(
      ["eval", "relu", "--input", "{dir}/header.csv", "--column", "rleu"], .dataError,
      "header.csv:1: no column 'rleu' in the header (x, relu) (did you mean 'relu'?)"),
    BadInput(
      ["eval", "relu", "--input", "{dir}/header.csv", "--column", "9"], .dataError,
      "header.csv:1: --column 9, but the header has 2 columns"),
    BadInput(
      ["table", "relu", "--input", "-", "--column", "2"], stdin: "1,2\n3\n", .dataError,
      "<stdin>:2: this row has 1 field, so no column 2"),
    BadInput(["grad", "relu", "--column", "x"], .usage, "--column goes with --input"),
    BadInput(
      ["apply", "relu"], stdin: "1 2\n3,4\n", .dataError,
      "<stdin>:2: values separated by commas, but line 1 separates them by spaces or tabs"),
    BadInput(["eval", "relu", "--input", "-"], stdin: "1\nabc\n", .dataError, "<stdin>:2: 'abc'"),
    BadInput(["apply", "relu"], stdin: "1,2\n3\n", .dataError, "row 2 of channel 1 has 1 value"),
    BadInput(["apply", "relu"], stdin: "1,x\n", .dataError, "column 2: 'x' is not a number"),
    BadInput(["apply", "relu"], stdin: "1\n\n\n2\n", .dataError, "channel 2 is empty"),
    BadInput(["apply", "relu"], stdin: "\u{FEFF}\r\n", .dataError, "no rows"),
    BadInput(["apply", "maxout(k=3)"], stdin: "1\n\n2\n", .usage, "not a multiple of k=3"),
    BadInput(["apply", "prelu(weight=[1,2,3])"], stdin: "1\n", .usage, "weight has 3 values"),
    // Output.
    BadInput(["eval", "relu", "-o", "/nonexistent/dir/x.csv"], .cannotCreate, "cannot create"),
    BadInput(["eval", "relu", "-o", "/proc/version"], .cannotCreate, "'/proc/version'"),
    BadInput(["eval", "relu", "-o", "/dev/full"], .ioError, "No space left on device"),
    BadInput(["eval", "relu", "-o", "{dir}/sub"], .cannotCreate, "it is a directory"),
    BadInput(["eval", "relu", "-o", ""], .usage, "bad value '' for --output"),
    BadInput(["plot", "relu", "--svg", "/nonexistent/x.svg"], .cannotCreate, "cannot create"),
    BadInput(["plot", "relu", "--width", "10"], .usage, "from 240 to 4000"),
    BadInput(["plot", "relu", "--ylim", "1", "0"], .usage, "expected LO < HI"),
    BadInput(["plot", "relu", "--color", "always", "--svg", "x.svg"], .usage, "'--color' and"),
    // --points used to need --csv; now it sets every output's sampling, and only its bounds fail.
    BadInput(["plot", "relu", "--points", "1"], .usage, "bad value '1' for --points"),
    BadInput(
      ["plot", "relu", "-o", "x.png"], .usage, "for a PNG, write x.svg and run rsvg-convert"),
    BadInput(["plot", "relu", "-o", "x.cvs"], .usage, "(did you mean 'x.csv'?)"),
    BadInput(["plot", "relu", "-o", "-"], .usage, "-o - names no format"),
    BadInput(["plot", "relu", "-o", "x.svg", "--svg", "y.svg"], .usage, "'--output' and '--svg'"),
    BadInput(["plot", "relu", "-o", "x.csv", "--color", "never"], .usage, "'--color' and"),
    BadInput(["plot", "relu", "-o", "/nonexistent/x.svg"], .cannotCreate, "cannot create"),
    BadInput(["plot", "relu", "-o", "{dir}/sub/"], .usage, "cannot tell the plot format"),
    BadInput(["plot", "relu", "--rows", "0"], .usage, "from 3 to 1000"),
    BadInput(["plot", "relu", "--columns", "100000"], .usage, "from 20 to 1000"),
    BadInput(["plot", "relu", "--xlabel", ""], .usage, "bad value '' for --xlabel"),
    BadInput(["plot", "relu", "--svg", "x.svg", "--rows", "9"], .usage, "'--rows' and '--svg'"),
    BadInput(["grad", "relu", "--order", "3"], .usage, "bad value '3' for --order"),
    BadInput(["table", "relu", "1"], .usage, "needs both MIN and MAX"),
    // A failed run never clobbers an existing output file.
    BadInput(["eval", "relu", "nan", "1", "-o", "{dir}/existing"], .usage, "MIN 'nan'"),
    BadInput(["eval", "mihs", "-o", "{dir}/existing"], .usage, "unknown function 'mihs'"),
    BadInput(
      ["eval", "relu", "--input", "-", "-o", "{dir}/existing"], stdin: "1\n2\nthree\n", .dataError,
      "<stdin>:3: 'three'"),
    BadInput(
      ["apply", "relu", "-o", "{dir}/existing"], stdin: "1,2\n3,4,5\n", .dataError, "row 2"),
    BadInput(["plot", "mihs", "--svg", "{dir}/existing"], .usage, "unknown function 'mihs'"),
    BadInput(["plot", "mihs", "-o", "{dir}/existing.svg"], .usage, "unknown function 'mihs'"),
    BadInput(["plot", "relu", "-o", "{dir}/existing"], .usage, "(did you mean '"),
    BadInput(["info", "--all", "--format", "xml", "-o", "{dir}/existing"], .usage, "for --format"),
    // --format json.
    BadInput(
      ["eval", "relu", "--format", "json", "--no-header"], .usage,
      "options '--no-header' and '--format json' cannot be used together"),
    BadInput(
      ["table", "relu", "gelu", "--no-header", "--format", "json", "-o", "{dir}/existing"], .usage,
      "options '--no-header' and '--format json'"),
    BadInput(["list", "--format", "json", "--no-header"], .usage, "'--format json'"),
    BadInput(["info", "relu", "--format", "json", "--no-header"], .usage, "'--format json'"),
    BadInput(["info", "--all", "--format", "json", "--no-header"], .usage, "'--format json'"),
    BadInput(["eval", "relu", "--format", "jsno"], .usage, "(did you mean 'json'?)"),
    BadInput(
      ["eval", "relu", "--format", "JSON5"], .usage, "expected one of csv, tsv, table, json"),
    BadInput(
      ["table", "relu", "relu", "--format", "json", "-o", "{dir}/existing"], .usage,
      "column 'relu' appears twice"),
    BadInput(["eval", "x", "--format", "json"], .usage, "column 'x' appears twice"),
    BadInput(
      ["eval", "relu", "--input", "-", "--format", "json"], stdin: "1\nnull\n", .dataError,
      "<stdin>:2: 'null' is not a number"),
    BadInput(
      ["info", "--all", "--format", "json", "--latex", "relu"], .usage, "unexpected argument"),
    // The range before the functions, numbers as specs, LO:HI, grids finer than doubles.
    BadInput(["table", "-3", "3", "relu", "gelu"], .usage, "the range goes after the functions"),
    BadInput(["plot", "-3", "3", "relu"], .usage, "activ plot relu -3 3"),
    BadInput(["eval", "7"], .usage, "needs both MIN and MAX"),
    BadInput(["info", "-3"], .usage, "a constant function is an expression in x"),
    BadInput(
      ["apply", "0.5", "--input", "{dir}/digits.txt"], .usage, "'0.5' is a number where a function"),
    BadInput(
      ["grad", "relu", "\u{2212}3:3"], .usage, "write the range as two numbers: \u{2212}3 3"),
    BadInput(["plot", "relu", "--ylim", "-1:1"], .usage, "write the range as two numbers"),
    BadInput(
      ["eval", "relu", "1", "1.0000000000000002", "--points", "3"], .usage,
      "would repeat x: the range holds 2 distinct doubles"),
    BadInput(
      ["table", "relu", "gelu", "100", "100.00000000000003", "--step", "1e-15"], .usage,
      "would repeat x"),
    BadInput(["eval", "-q"], .usage, "unknown option '-q' for 'eval'"),
    BadInput(["eval", "-sinn(x)"], .usage, "unknown option '-s' for 'eval'"),
    BadInput(["eval", "relu", "\u{2212}"], .usage, "needs both MIN and MAX"),
    // Mistakes answered with the fix.
    BadInput(["eval", "gelu", "{dir}/digits.txt"], .usage, "looks like a file; to evaluate at"),
    BadInput(["eval", "{dir}/existing"], .usage, "looks like a file; to evaluate at its numbers"),
    BadInput(["table", "relu", "xs.csv", "-1", "1"], .usage, "use --input xs.csv"),
    BadInput(["eval", "gelu", "mish"], .usage, "use: activ table gelu mish"),
    BadInput(["grad", "gelu", "swish(beta=1|2)"], .usage, "grad takes one function"),
    BadInput(["eval", "gelu", "--svg", "{dir}/x.svg"], .usage, "--svg is an option of plot"),
    BadInput(["apply", "relu", "--points", "3"], .usage, "--points is an option of eval"),
    BadInput(["eval", "maxout(k=2)"], .usage, "k is a parameter of the maxout layer"),
    BadInput(["eval", "frelu(x, var=2)/2"], .usage, "var is a parameter of the frelu layer"),
    BadInput(["apply", "maxout(k=0)"], .usage, "expected a whole number from 1 to"),
    BadInput(["plot", "relu", "--xlim", "-3", "3"], .usage, "the x-range is MIN MAX"),
    BadInput(
      ["plot", "relu", "--XLIM", "-3", "3", "-o", "{dir}/existing.svg"], .usage, "no --XLIM"),
    BadInput(["grad", "relu", "--order", "3"], .usage, "expected 1 or 2"),
    BadInput(["completions", "Tcsh"], .usage, "bad SHELL 'Tcsh'"),
    BadInput(["eval", "sin(hard)"], .usage, "unknown name 'hard' in the expression"),
  ]

  @Test(arguments: cases)
  func failsCleanly(_ c: BadInput) throws {
    try withTemporaryDirectory { directory in
      try writeFile(directory + "/existing", "precious\n")
      try writeFile(directory + "/digits.txt", "1\n2\n")
      try writeFile(directory + "/header.csv", "x,relu\n1,1\n")
      try writeFile(directory + "/nul.txt", bytes: Array("1\n\u{0}2\n".utf8))
      try FileManager.default.createDirectory(
        atPath: directory + "/sub", withIntermediateDirectories: false)
      let arguments = c.arguments.map { $0.replacingOccurrences(of: "{dir}", with: directory) }
      let run = activ(arguments, stdin: Array(c.stdin.utf8))
      #expect(run.status == c.code.rawValue, "exit status; stderr: \(run.stderr.prefix(300))")
      #expect(run.stdout.isEmpty, "nothing on stdout")
      let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      #expect(lines.first?.hasPrefix("error: ") == true, "an error: line")
      #expect(lines.first?.contains(c.phrase) == true, "'\(c.phrase)' in \(lines.first ?? "")")
      #expect(lines.count <= 4, "at most three hint lines: \(lines.count - 1)")
      #expect(lines.allSatisfy { $0.count <= 400 }, "short lines")
      #expect(readFile(directory + "/existing") == "precious\n", "existing file untouched")
      #expect(
        directoryListing(directory).sorted() == [
          "digits.txt", "existing", "header.csv", "nul.txt", "sub",
        ], "no stray temporary files")
    }
  }

  @Test func coversEveryCommandWithAtLeastSixtyCases() {
    #expect(Self.cases.count >= 60)
    let commands = Set(Self.cases.compactMap(\.arguments.first))
    for spec in Commands.all.map(\.spec) {
      #expect(commands.contains(spec.name), "a case for \(spec.name)")
    }
  }
}
