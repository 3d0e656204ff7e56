import Activations
import Foundation
import Testing

@testable import ActivCLI

/// Common argument mistakes answered with the fix (a file where a
/// SPEC goes, two functions to eval, another command's option, a layer's parameter, --xlim), and
/// the consistency of enumerated words, unknown names and suggestions across commands.
@Suite("errors: mistakes answered with the fix")
struct MistakeMessageTests {
  static func usageHint(_ command: String) -> [String] {
    ["run 'activ help \(command)' for usage"]
  }

  static let cases: [ErrorCase] = [
    // A file name where a SPEC or the range goes: --input reads it.
    ErrorCase(
      arguments: ["eval", "gelu", "xs.txt"], code: .usage,
      message: "'xs.txt' looks like a file; to evaluate at its numbers use --input xs.txt",
      hints: usageHint("eval")),
    ErrorCase(
      arguments: ["eval", "xs.csv"], code: .usage,
      message: "'xs.csv' looks like a file; to evaluate at its numbers use --input xs.csv"),
    ErrorCase(
      arguments: ["table", "relu", "gelu", "data/X.TSV"], code: .usage,
      message: "'data/X.TSV' looks like a file; to evaluate at its numbers use --input data/X.TSV"),
    ErrorCase(
      arguments: ["grad", "mish", "my data.dat", "-1", "1"], code: .usage,
      message:
        "'my data.dat' looks like a file; to evaluate at its numbers use --input 'my data.dat'"),
    // Several functions to eval or grad: table compares them, with the range and --grad.
    ErrorCase(
      arguments: ["eval", "gelu", "mish"], code: .usage,
      message: "eval takes one function; to compare several use: activ table gelu mish",
      hints: usageHint("eval")),
    ErrorCase(
      arguments: ["eval", "gelu", "elu(alpha=0.5)", "-3", "3"], code: .usage,
      message:
        "eval takes one function; to compare several use: activ table gelu 'elu(alpha=0.5)' -3 3"),
    ErrorCase(
      arguments: ["grad", "gelu", "mish"], code: .usage,
      message: "grad takes one function; to compare several use: activ table gelu mish --grad"),
    ErrorCase(
      arguments: ["grad", "gelu", "mish", "--order", "2"], code: .usage,
      message: "grad takes one function; to compare several use: activ table gelu mish --grad2"),
    // A word that is no function stays an unexpected argument.
    ErrorCase(
      arguments: ["eval", "gelu", "mihs"], code: .usage,
      message: "unexpected argument 'mihs' for 'eval'"),
    // Another command's option names that command, with the command line to run.
    ErrorCase(
      arguments: ["eval", "gelu", "--svg", "x.svg"], code: .usage,
      message: "--svg is an option of plot: activ plot gelu --svg x.svg",
      hints: usageHint("eval")),
    ErrorCase(
      arguments: ["table", "relu", "gelu", "-1", "1", "--format", "csv", "--ascii"], code: .usage,
      message: "--ascii is an option of plot: activ plot relu gelu -1 1 --ascii"),
    ErrorCase(
      arguments: ["eval", "relu", "--ylim", "0", "1"], code: .usage,
      message: "--ylim is an option of plot: activ plot relu --ylim 0 1"),
    ErrorCase(
      arguments: ["list", "--all"], code: .usage,
      message: "--all is an option of info: activ info --all"),
    ErrorCase(
      arguments: ["list", "--input", "x"], code: .usage,
      message: "--input is an option of eval, grad, table and apply, not of list"),
    ErrorCase(
      arguments: ["plot", "relu", "--format", "csv"], code: .usage,
      message: "--format is an option of eval, grad, table, list and info, not of plot"),
    // plot --grad is no typo of --grad2: plot draws f′ already.
    ErrorCase(
      arguments: ["plot", "relu", "--grad"], code: .usage,
      message:
        "plot draws f′ beside f by default (--no-grad leaves it out); --grad is an option of "
        + "eval, table and apply, not of plot"),
    // A layer's parameter given to the curve.
    ErrorCase(
      arguments: ["eval", "maxout(k=2)"], code: .usage,
      message:
        "k is a parameter of the maxout layer; use activ apply 'maxout(k=2)' on a feature map, "
        + "or maxout(weights=…, biases=…) as a curve"),
    ErrorCase(
      arguments: ["plot", "frelu(kernel=[1,2,3,4,5,6,7,8,9])"], code: .usage,
      message:
        "kernel is a parameter of the frelu layer; use activ apply "
        + "'frelu(kernel=[1,2,3,4,5,6,7,8,9])' on a feature map, or frelu(t=…) as a curve"),
    ErrorCase(
      arguments: ["info", "meta_acon(design=pixel)"], code: .usage,
      message:
        "design is a parameter of the meta_acon layer; use activ apply 'meta_acon(design=pixel)' "
        + "on a feature map, or meta_acon(p1=…, p2=…) as a curve"),
    ErrorCase(
      arguments: ["table", "maxout(kk=2)"], code: .usage,
      message: "maxout has no parameter 'kk'; its parameters are weights, biases"),
    // maxout's k (and meta_acon's r): one message for 0, negatives and fractions.
    ErrorCase(
      arguments: ["apply", "maxout(k=0)"], code: .usage,
      message: "maxout: bad value '0' for k; expected a whole number from 1 to 1048576"),
    ErrorCase(
      arguments: ["apply", "maxout(k=1.5)"], code: .usage,
      message: "maxout: bad value '1.5' for k; expected a whole number from 1 to 1048576"),
    ErrorCase(
      arguments: ["apply", "maxout(k=-2)"], code: .usage,
      message: "maxout: bad value '-2' for k; expected a whole number from 1 to 1048576"),
    ErrorCase(
      arguments: ["apply", "meta_acon(r=0)"], code: .usage,
      message: "meta_acon: bad value '0' for r; expected a whole number from 1 to 1048576"),
    // --xlim and its kin: the range is MIN MAX, never a suggestion of --ylim.
    ErrorCase(
      arguments: ["plot", "relu", "--xlim", "-3", "3"], code: .usage,
      message:
        "plot has no --xlim; the x-range is MIN MAX after the functions: activ plot relu -3 3",
      hints: usageHint("plot")),
    ErrorCase(
      arguments: ["plot", "relu", "gelu", "--x-lim=-3:3", "--ascii"], code: .usage,
      message:
        "plot has no --x-lim; the x-range is MIN MAX after the functions: "
        + "activ plot relu gelu -3 3 --ascii"),
    ErrorCase(
      arguments: ["eval", "relu", "--xmin", "-1"], code: .usage,
      message:
        "eval has no --xmin; the x-range is MIN MAX after the functions: activ eval relu MIN MAX"),
    ErrorCase(
      arguments: ["table", "relu", "--range"], code: .usage,
      message:
        "table has no --range; the x-range is MIN MAX after the functions: "
        + "activ table relu MIN MAX"),
    // A number out of a set of numbers has no near miss.
    ErrorCase(
      arguments: ["grad", "relu", "--order", "3"], code: .usage,
      message: "bad value '3' for --order; expected 1 or 2"),
    ErrorCase(
      arguments: ["grad", "relu", "--order", "x"], code: .usage,
      message: "bad value 'x' for --order; expected 1 or 2"),
    // Other tools' names for an option suggest activ's; a single letter is no near miss.
    ErrorCase(
      arguments: ["plot", "relu", "--ymin", "0"], code: .usage,
      message: "unknown option '--ymin' for 'plot' (did you mean '--ylim'?)"),
    ErrorCase(
      arguments: ["eval", "relu", "--n", "5"], code: .usage,
      message: "unknown option '--n' for 'eval' (did you mean '--points'?)"),
    ErrorCase(
      arguments: ["eval", "relu", "--dx", "0.1"], code: .usage,
      message: "unknown option '--dx' for 'eval' (did you mean '--step'?)"),
    ErrorCase(
      arguments: ["list", "--q"], code: .usage, message: "unknown option '--q' for 'list'"),
    ErrorCase(
      arguments: ["list", "--o", "x"], code: .usage,
      message: "unknown option '--o' for 'list' (did you mean '--output'?)"),
    // Near misses among words still help.
    ErrorCase(
      arguments: ["completions", "bsh"], code: .usage,
      message: "bad SHELL 'bsh'; expected one of bash, zsh, fish (did you mean 'bash'?)"),
    ErrorCase(
      arguments: ["eval", "relu", "--precison", "3"], code: .usage,
      message: "unknown option '--precison' for 'eval' (did you mean '--precision'?)"),
    // One wording for unknown names in an expression; the catalogue's for a bare SPEC name.
    ErrorCase(
      arguments: ["eval", "hard+x"], code: .usage,
      message:
        "unknown name 'hard' in the expression (did you mean 'hard_sigmoid'?); the variable is x",
      hints: ["  hard+x", "  ^"]),
    ErrorCase(
      arguments: ["eval", "foo(x)"], code: .usage,
      message: "unknown name 'foo' in the expression", hints: ["  foo(x)", "  ^"]),
    ErrorCase(
      arguments: ["eval", "y"], code: .usage, message: "unknown function 'y'",
      hints: ["run 'activ list' for the catalogue"]),
  ]

  @Test("fails with the fix: status, message and hints; nothing on stdout", arguments: cases)
  func fails(_ testCase: ErrorCase) {
    testCase.check()
  }

  /// A word with a data file's extension that reads as a function stays a function, and an
  /// existing file without one is recognised too.
  @Test("what looks like a file")
  func looksLikeFile() throws {
    #expect(SpecWords.looksLikeFile("xs.txt"))
    #expect(SpecWords.looksLikeFile("a/b.CSV"))
    #expect(!SpecWords.looksLikeFile("mish"))
    #expect(!SpecWords.looksLikeFile("elu(alpha=0.5)"))
    #expect(!SpecWords.looksLikeFile("x*0.5"))
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("activ-mistakes-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("numbers").path
    try Data("1\n2\n".utf8).write(to: URL(fileURLWithPath: file))
    #expect(SpecWords.looksLikeFile(file))
    expectFailure(
      ["eval", "relu", file], .usage,
      "'\(file)' looks like a file; to evaluate at its numbers use --input \(file)")
  }

  struct CaseFold: Sendable, CustomTestStringConvertible {
    var written: [String]
    var canonical: [String]
    var testDescription: String { written.joined(separator: " ") }
  }

  /// Enumerated words are case-insensitive everywhere: option values, the SHELL of completions,
  /// command names, `help`'s topic, catalogue choice and boolean parameters.
  static let folds: [CaseFold] = [
    CaseFold(written: ["completions", "Bash"], canonical: ["completions", "bash"]),
    CaseFold(written: ["completions", "ZSH"], canonical: ["completions", "zsh"]),
    CaseFold(written: ["eval", "relu", "--format", "CSV"], canonical: ["eval", "relu"]),
    CaseFold(
      written: ["plot", "relu", "--ascii", "--legend", "Upper-Left", "--color", "Never"],
      canonical: ["plot", "relu", "--ascii", "--legend", "upper-left", "--color", "never"]),
    CaseFold(written: ["Eval", "relu", "-1", "1"], canonical: ["eval", "relu", "-1", "1"]),
    CaseFold(written: ["help", "Eval"], canonical: ["help", "eval"]),
    CaseFold(
      written: ["eval", "gelu(approximate=TANH)", "--no-header"],
      canonical: ["eval", "gelu(approximate=tanh)", "--no-header"]),
    CaseFold(
      written: ["list", "--format", "JSON"], canonical: ["list", "--format", "json"]),
  ]

  @Test("enumerated words are case-insensitive", arguments: folds)
  func caseInsensitive(_ fold: CaseFold) {
    let canonical = expectSuccess(fold.canonical)
    #expect(!canonical.isEmpty)
    #expect(expectSuccess(fold.written) == canonical)
  }

  /// `list` writes a table by default: its --help and the manual page say so, not csv.
  @Test("list's default format is table in its help and the manual page")
  func listDefaultFormat() {
    let help = expectSuccess(["list", "--help"])
    #expect(help.contains("table (default"))
    #expect(!help.contains("csv (default)"))
    let man = expectSuccess(["help", "--man"])
    let listSection = man.components(separatedBy: "activ list").dropFirst().first ?? ""
    #expect(listSection.contains("table (default"))
    #expect(expectSuccess(["list"]).hasPrefix("name "))
  }

  @Test("the library names a layer's parameter given to a curve")
  func layerParameterFromLibrary() {
    #expect(
      throws: SpecError.layerParameter(
        function: "maxout", name: "k", written: "k=2|3", curve: ["weights", "biases"])
    ) {
      try Catalogue.bindAll("maxout(k=2|3)")
    }
  }
}
