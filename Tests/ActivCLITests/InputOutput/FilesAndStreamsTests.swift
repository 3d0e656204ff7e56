import Foundation
import Testing

@testable import ActivCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Input files, output files and streams")
struct FilesAndStreamsTests {
  // MARK: --input

  @Test("--input: one number per line")
  func inputFile() throws {
    try withTemporaryDirectory { dir in
      try writeFile(dir + "xs.txt", "-1\n0.5\n2\n")
      expectOutput(["eval", "relu", "--input", dir + "xs.txt"], "x,relu\n-1,0\n0.5,0.5\n2,2\n")
    }
  }

  @Test("--input skips blank lines and # comments, accepts CRLF, a BOM and spaces")
  func inputLenient() throws {
    try withTemporaryDirectory { dir in
      let bytes: [UInt8] =
        [0xEF, 0xBB, 0xBF] + Array("# xs\r\n\r\n  1  \r\n\t\n   # note\n-2\r\n\n".utf8)
      try writeFile(dir + "xs.txt", bytes: bytes)
      expectOutput(["eval", "relu", "--input", dir + "xs.txt"], "x,relu\n1,1\n-2,0\n")
    }
  }

  @Test("--input takes the first column of a CSV or TSV")
  func inputFirstColumn() throws {
    try withTemporaryDirectory { dir in
      try writeFile(dir + "xy.csv", "1,10\n-1,20\n3\t30\n")
      expectOutput(["eval", "relu", "--input", dir + "xy.csv"], "x,relu\n1,1\n-1,0\n3,3\n")
    }
  }

  @Test("--input accepts nan and inf, as activ prints them")
  func inputNonFinite() throws {
    try withTemporaryDirectory { dir in
      try writeFile(dir + "xs.txt", "nan\ninf\n-inf\n")
      expectOutput(
        ["eval", "relu", "--input", dir + "xs.txt"], "x,relu\nnan,nan\ninf,inf\n-inf,0\n")
    }
  }

  @Test("--input with no numbers writes the header only")
  func inputEmpty() throws {
    try withTemporaryDirectory { dir in
      try writeFile(dir + "xs.txt", "# nothing\n\n")
      expectOutput(["table", "relu", "tanh", "--input", dir + "xs.txt"], "x,relu,tanh\n")
    }
  }

  @Test("--input missing: 66")
  func inputMissing() throws {
    try withTemporaryDirectory { dir in
      let path = dir + "absent.txt"
      let run = expectFailure(
        ["eval", "relu", "--input", path], .noInput,
        "cannot read input '\(path)': No such file or directory")
      #expect(lines(run.stderr).count == 1)
    }
  }

  @Test("--input a directory: 66")
  func inputDirectory() throws {
    try withTemporaryDirectory { dir in
      expectFailure(
        ["eval", "relu", "--input", dir], .noInput, "cannot read input '\(dir)': Is a directory")
    }
  }

  @Test("a bad input line: 65, naming the file and line")
  func inputBadLine() throws {
    try withTemporaryDirectory { dir in
      let path = dir + "xs.txt"
      try writeFile(path, "1\n\n# c\nabc\n2\n")
      let run = expectFailure(
        ["eval", "relu", "--input", path], .dataError, "\(path):4: 'abc' is not a number")
      #expect(
        lines(run.stderr).dropFirst().map(String.init) == [
          "input holds one number per line (the first column of a CSV, or the one --column picks); "
            + "blank lines, lines starting with # and a first line that is not a number (a header) "
            + "are skipped"
        ])
      try writeFile(path, "1\r\n1e999\r\n")
      expectFailure(
        ["eval", "relu", "--input", path], .dataError, "\(path):2: '1e999' is not a number")
      // Only the first line can be a header: a word further down is still an error.
      try writeFile(path, "x,y\n1,2\ny,x\n")
      expectFailure(
        ["eval", "relu", "--input", path], .dataError, "\(path):3: 'y,x' is not a number")
    }
  }

  /// One `--input` reading: what is piped in, the `--column` (nil for none) and the rows out.
  struct ColumnCase: Sendable, CustomTestStringConvertible {
    var input: String
    var column: String?
    var expected: String
    var testDescription: String { "\(input.debugDescription) --column \(column ?? "-")" }
  }

  static let columnCases: [ColumnCase] = [
    // Regression: activ's own CSV piped back in; its header was an error.
    ColumnCase(
      input: "x,relu\n-1,0\n2,2\n", column: nil,
      expected: "x,gelu\n-1,-0.15865525393145705\n2,1.9544997361036416\n"),
    ColumnCase(
      input: "# made by activ\n\nx,relu\n-1,0\n", column: nil,
      expected: "x,gelu\n-1,-0.15865525393145705\n"),
    ColumnCase(
      input: "x\trelu\n3\t-1\n", column: "relu", expected: "x,gelu\n-1,-0.15865525393145705\n"),
    ColumnCase(
      input: "x,relu,mish\n0,2,-1\n", column: "3", expected: "x,gelu\n-1,-0.15865525393145705\n"),
    ColumnCase(input: "x,relu\n0,2\n", column: "2", expected: "x,gelu\n2,1.9544997361036416\n"),
    // Without a header, --column N still picks a column.
    ColumnCase(
      input: "0,2\n5,-1\n", column: "2",
      expected: "x,gelu\n2,1.9544997361036416\n-1,-0.15865525393145705\n"),
    ColumnCase(input: "x,relu\n", column: "relu", expected: "x,gelu\n"),
  ]

  @Test(arguments: columnCases)
  func inputHeaderAndColumn(_ c: ColumnCase) {
    let column = c.column.map { ["--column", $0] } ?? []
    expectOutput(["eval", "gelu", "--input", "-"] + column, c.expected, stdin: Array(c.input.utf8))
  }

  @Test("eval's own output read back: activ eval relu | activ eval gelu --input -")
  func ownOutputRoundTrip() {
    let first = expectSuccess(["table", "relu", "tanh", "-1", "1", "--points", "5"])
    let byName = expectSuccess(
      ["eval", "identity", "--input", "-", "--column", "tanh"], stdin: Array(first.utf8))
    let byIndex = expectSuccess(
      ["eval", "identity", "--input", "-", "--column", "3"], stdin: Array(first.utf8))
    #expect(byName == byIndex)
    let tanhs = first.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[2] }
    let read = byName.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
    #expect(read == tanhs)
  }

  static let columnErrors: [ErrorCase] = [
    ErrorCase(
      arguments: ["eval", "relu", "--input", "-", "--column", "rleu"], code: .dataError,
      message: "<stdin>:1: no column 'rleu' in the header (x, relu) (did you mean 'relu'?)",
      hints: ["--column takes a header name or a column number from 1"]),
    ErrorCase(
      arguments: ["eval", "relu", "--input", "-", "--column", "3"], code: .dataError,
      message: "<stdin>:1: --column 3, but the header has 2 columns"),
    ErrorCase(
      arguments: ["eval", "relu", "--input", "-", "--column", "0"], code: .usage,
      message: "bad value '0' for --column; expected a column name or a number from 1"),
    ErrorCase(
      arguments: ["eval", "relu", "--column", "2"], code: .usage,
      message: "--column goes with --input; add --input FILE (- for standard input)"),
  ]

  @Test(arguments: columnErrors)
  func inputColumnErrors(_ c: ErrorCase) {
    let run = expectFailure(c.arguments, c.code, c.message, stdin: Array("x,relu\n1,2\n".utf8))
    if let hints = c.hints { #expect(lines(run.stderr).dropFirst().map(String.init) == hints) }
  }

  @Test("--column: a short data row, and a name without a header, are named by line")
  func inputColumnDataErrors() {
    expectFailure(
      ["eval", "relu", "--input", "-", "--column", "2"], .dataError,
      "<stdin>:3: this row has 1 field, so no column 2", stdin: Array("x,y\n1,2\n3\n".utf8))
    expectFailure(
      ["eval", "relu", "--input", "-", "--column", "y"], .dataError,
      "<stdin>:1: --column 'y' names a column, but the input has no header line; "
        + "pick the column by its number, --column N", stdin: Array("1,2\n".utf8))
  }

  @Test("a bad line on standard input is named <stdin>")
  func stdinBadLine() {
    expectFailure(
      ["eval", "relu", "--input", "-"], .dataError, "<stdin>:2: 'one' is not a number",
      stdin: Array("1\none\n".utf8))
  }

  @Test("control bytes in a bad line are escaped, long lines cut")
  func badLineEscaped() {
    expectFailure(
      ["eval", "relu", "--input", "-"], .dataError, "<stdin>:2: 'a\\x1b\\0b' is not a number",
      stdin: [UInt8(ascii: "1"), 10, UInt8(ascii: "a"), 0x1B, 0, UInt8(ascii: "b"), 10])
    let long = String(repeating: "z", count: 80)
    expectFailure(
      ["eval", "relu", "--input", "-"], .dataError,
      "<stdin>:2: '\(String(repeating: "z", count: 60))…' is not a number",
      stdin: Array(("1\n" + long).utf8))
  }

  /// Regression (`InputReader.printable`): each byte >= 0x80 was once shown as a Latin-1
  /// character, so UTF-8 text in a bad line was garbled ("é" printed as "Ã©").
  @Test("a bad line with UTF-8 text is shown as written")
  func badLineUTF8() {
    expectFailure(
      ["eval", "relu", "--input", "-"], .dataError, "<stdin>:2: 'é' is not a number",
      stdin: Array("1\né\n".utf8))
  }

  /// Regression (`InputReader.printable`): control bytes below 0x10 once got one hex digit, so
  /// the escape ran into what follows: byte 0x01 then "2" printed as "\x12", which reads as 0x12.
  @Test("control bytes are escaped with two hex digits")
  func badLineEscapeUnambiguous() {
    expectFailure(
      ["eval", "relu", "--input", "-"], .dataError, "<stdin>:2: 'a\\x012' is not a number",
      stdin: [UInt8(ascii: "1"), 10, UInt8(ascii: "a"), 0x01, UInt8(ascii: "2"), 10])
  }

  @Test("failing to read standard input: 66")
  func stdinUnreadable() {
    let output = MemorySink()
    let error = MemorySink()
    let console = Console(output: output, error: error) { () throws(SystemError) -> [UInt8] in
      throw SystemError(code: EIO)
    }
    let status = Activ.run(["eval", "relu", "--input", "-"], console: console)
    #expect(status == 66)
    #expect(output.text == "")
    #expect(error.text == "error: cannot read input '<stdin>': Input/output error\n")
  }

  // MARK: -o

  @Test("-o writes the file atomically and nothing to stdout")
  func outputFile() throws {
    try withTemporaryDirectory { dir in
      expectOutput(["eval", "relu", "-1", "1", "--points", "3", "-o", dir + "out.csv"], "")
      #expect(readFile(dir + "out.csv") == "x,relu\n-1,0\n0,0\n1,1\n")
      expectOutput(["grad", "relu", "-1", "1", "--points", "3", "-o" + dir + "g.csv"], "")
      #expect(readFile(dir + "g.csv") == "x,relu_grad\n-1,0\n0,0\n1,1\n")
      expectOutput(["info", "relu", "--format", "json", "--output=" + dir + "info.json"], "")
      #expect(readFile(dir + "info.json")?.hasPrefix("{\"name\": \"relu\"") == true)
      #expect(
        directoryListing(dir) == ["g.csv", "info.json", "out.csv"], "no temporary files left")
    }
  }

  @Test("-o replaces an existing file")
  func outputReplaces() throws {
    try withTemporaryDirectory { dir in
      try writeFile(dir + "out.csv", "old content that is longer than the new one\n")
      expectOutput(
        ["eval", "relu", "-1", "1", "--points", "2", "--no-header", "-o", dir + "out.csv"], "")
      #expect(readFile(dir + "out.csv") == "-1,0\n1,1\n")
    }
  }

  @Test("-o into a missing directory: 73, nothing created")
  func outputMissingDirectory() throws {
    try withTemporaryDirectory { dir in
      let path = dir + "nope/out.csv"
      expectFailure(
        ["eval", "relu", "-o", path], .cannotCreate,
        "cannot create output file '\(path)': No such file or directory")
      #expect(!FileManager.default.fileExists(atPath: dir + "nope"))
      #expect(directoryListing(dir) == [])
    }
  }

  @Test("-o a directory: 73")
  func outputDirectory() throws {
    try withTemporaryDirectory { dir in
      expectFailure(
        ["eval", "relu", "-o", dir], .cannotCreate,
        "cannot create output file '\(dir)': it is a directory")
      #expect(directoryListing(dir) == [])
    }
  }

  @Test("a failing run leaves an existing output file untouched and no temporary file")
  func outputNotClobbered() throws {
    try withTemporaryDirectory { dir in
      let path = dir + "out.csv"
      try writeFile(path, "keep me\n")
      expectFailure(
        ["eval", "mihs", "-o", path], .usage, "unknown function 'mihs' (did you mean 'mish'?)")
      expectFailure(
        ["eval", "relu", "2", "1", "-o", path], .usage, "MIN (2) must be less than MAX (1)")
      expectFailure(
        ["eval", "relu", "--input", dir + "absent", "-o", path], .noInput,
        "cannot read input '\(dir)absent': No such file or directory")
      try writeFile(dir + "bad.txt", "1\nzzz\n")
      expectFailure(
        ["eval", "relu", "--input", dir + "bad.txt", "-o", path], .dataError,
        "\(dir)bad.txt:2: 'zzz' is not a number")
      #expect(readFile(path) == "keep me\n")
      #expect(directoryListing(dir) == ["bad.txt", "out.csv"])
    }
  }

  @Test("a failing run does not create a new output file")
  func outputNotCreated() throws {
    try withTemporaryDirectory { dir in
      expectFailure(
        ["eval", "softplus(beta=0)", "-o", dir + "out.csv"], .usage,
        "softplus: bad value '0' for beta; expected a finite number > 0")
      #expect(directoryListing(dir) == [])
    }
  }

  /// Regression (`OutputTarget.open`/`commit`): the temporary file was once renamed over the
  /// path itself, so a symbolic link was replaced by a regular file instead of being written
  /// through. As root, `-o /dev/stdout` replaced the system's /dev/stdout symlink this way.
  @Test("-o through a symbolic link writes the link's target and keeps the link")
  func outputThroughSymlink() throws {
    try withTemporaryDirectory { dir in
      try writeFile(dir + "real.csv", "old\n")
      try FileManager.default.createSymbolicLink(
        atPath: dir + "link.csv", withDestinationPath: dir + "real.csv")
      expectOutput(["eval", "relu", "-1", "1", "--points", "2", "-o", dir + "link.csv"], "")
      let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: dir + "link.csv")
      #expect(destination == dir + "real.csv", "link.csv is no longer a symbolic link")
      #expect(readFile(dir + "real.csv") == "x,relu\n-1,0\n1,1\n")
    }
  }

  /// Regression (`OutputTarget.open`/`commit`): a FIFO (like a device such as /dev/null) was
  /// once replaced by a regular file instead of receiving the output.
  @Test("-o into a FIFO writes into the pipe and keeps the FIFO")
  func outputIntoFIFO() throws {
    try withTemporaryDirectory { dir in
      let path = dir + "pipe"
      try #require(mkfifo(path, 0o600) == 0)
      let reader = open(path, O_RDONLY | O_NONBLOCK)
      try #require(reader >= 0)
      defer { close(reader) }
      expectOutput(["eval", "relu", "-1", "1", "--points", "2", "-o", path], "")
      var info = stat()
      #expect(lstat(path, &info) == 0)
      #expect(info.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = read(reader, &buffer, buffer.count)
      #expect(
        String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "x,relu\n-1,0\n1,1\n")
    }
  }

  @Test("--input - reads standard input")
  func standardInput() {
    expectOutput(
      ["eval", "relu", "--input", "-"], "x,relu\n-2,0\n0.5,0.5\n", stdin: Array("-2\n0.5\n".utf8))
    expectOutput(["eval", "relu", "--input", "-"], "x,relu\n", stdin: [])
  }

  @Test("-o - is standard output")
  func outputDash() {
    expectOutput(
      ["eval", "relu", "-1", "1", "--points", "3", "-o", "-"], "x,relu\n-1,0\n0,0\n1,1\n")
  }

  // MARK: Pipes and full disks

  @Test("a closed pipe ends the run quietly with status 0", arguments: [0, 5, 70_000])
  func brokenPipe(after count: Int) {
    let output = MemorySink(failingAfter: count, with: .brokenPipe)
    let run = activ(["eval", "relu", "-1", "1", "--points", "1000000"], output: output)
    #expect(run.status == 0)
    #expect(run.stderr == "")
    #expect(output.bytes.count == count)
  }

  @Test("a closed pipe while writing help or small output is also quiet")
  func brokenPipeSmall() {
    for arguments in [["--help"], ["help", "eval"], ["--version"], ["list"], ["info", "mish"]] {
      let run = activ(arguments, output: MemorySink(failingAfter: 3, with: .brokenPipe))
      #expect(run.status == 0, "activ \(arguments)")
      #expect(run.stderr == "", "activ \(arguments)")
    }
  }

  @Test("a full disk on stdout: 74 with the system's message")
  func diskFull() {
    for arguments in [
      ["eval", "relu", "-1", "1", "--points", "3"],
      ["eval", "relu", "-1", "1", "--points", "1000000"],
      ["eval", "relu", "-1", "1", "--points", "3", "--format", "table"], ["--help"], ["list"],
    ] {
      let run = activ(arguments, output: MemorySink(failingAfter: 10, with: .noSpace))
      #expect(run.status == 74, "activ \(arguments)")
      #expect(
        run.stderr == "error: cannot write to standard output: No space left on device\n",
        "activ \(arguments)")
    }
  }
}
