// Where a test goes. A test of one command's behaviour (its arguments, what it prints, its
// errors, its JSON document) goes in that command's file under Commands/: a new `eval` option
// is tested in Commands/Grid/GridCommandTests.swift (eval, grad and table share one grid
// command), its refusals in that file's `errorCases`. A behaviour several commands share has a
// suite named for it: Parsing/ (lexer, argument parser), InputOutput/ (--input, -o, pipes, full
// disks, progress), Output/ (the JSON framing of rows, the record layout CSV, TSV and JSON share,
// the decimal formatter, the parallel write path), Errors/ (unknown commands, exit statuses, the
// bad-input corpus, fuzzing regressions), EndToEndTests.swift (the built binary). So `list
// --format json` is tested in ListCommandTests, but how `eval --format json` frames its rows is
// JSONOutputTests'. Golden/ holds the reference SVGs; see the golden test in
// Commands/Plot/PlotTests.swift for how to refresh them.

import Activations
import Foundation
import Testing

@testable import ActivCLI

/// What one in-process run of `Activ.run` produced.
struct RunResult {
  var status: Int32
  var stdout: String
  var stderr: String

  /// The first line of standard error, without its newline.
  var firstErrorLine: Substring { stderr.prefix { $0 != "\n" } }
}

/// Runs activ in-process on memory streams. `stdin` is what `--input -` reads; `output` lets a
/// test pass a sink that fails like a closed pipe or a full disk.
func activ(
  _ arguments: [String], stdin: [UInt8] = [], output: MemorySink = MemorySink()
) -> RunResult {
  let error = MemorySink()
  let console = Console(output: output, error: error) { () throws(SystemError) -> [UInt8] in stdin }
  let status = Activ.run(arguments, console: console)
  return RunResult(status: status, stdout: output.text, stderr: error.text)
}

/// Runs `arguments` and expects success with exactly `expected` on standard output and nothing
/// on standard error.
@discardableResult
func expectOutput(
  _ arguments: [String], _ expected: String, stdin: [UInt8] = [],
  sourceLocation: SourceLocation = #_sourceLocation
) -> RunResult {
  let run = activ(arguments, stdin: stdin)
  #expect(run.status == 0, "exit status of activ \(arguments)", sourceLocation: sourceLocation)
  #expect(run.stdout == expected, "stdout of activ \(arguments)", sourceLocation: sourceLocation)
  #expect(run.stderr == "", "stderr of activ \(arguments)", sourceLocation: sourceLocation)
  return run
}

/// Runs `arguments` and expects success with nothing on standard error; returns standard output.
@discardableResult
func expectSuccess(
  _ arguments: [String], stdin: [UInt8] = [], sourceLocation: SourceLocation = #_sourceLocation
) -> String {
  let run = activ(arguments, stdin: stdin)
  #expect(run.status == 0, "exit status of activ \(arguments)", sourceLocation: sourceLocation)
  #expect(run.stderr == "", "stderr of activ \(arguments)", sourceLocation: sourceLocation)
  return run.stdout
}

/// Runs `arguments` and expects the failure `code`, nothing on standard output, and standard
/// error starting with the line `error: <message>`.
@discardableResult
func expectFailure(
  _ arguments: [String], _ code: ExitCode, _ message: String, stdin: [UInt8] = [],
  sourceLocation: SourceLocation = #_sourceLocation
) -> RunResult {
  let run = activ(arguments, stdin: stdin)
  expectFailure(run, code, message, arguments: arguments, sourceLocation: sourceLocation)
  return run
}

/// Checks a finished run for the failure `code` with the message `error: <message>`.
func expectFailure(
  _ run: RunResult, _ code: ExitCode, _ message: String, arguments: [String],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    run.status == code.rawValue, "exit status of activ \(arguments)", sourceLocation: sourceLocation
  )
  #expect(run.stdout == "", "stdout of activ \(arguments)", sourceLocation: sourceLocation)
  #expect(
    run.stderr.hasPrefix("error: "), "stderr of activ \(arguments)", sourceLocation: sourceLocation)
  #expect(
    run.stderr.hasSuffix("\n"), "stderr of activ \(arguments)", sourceLocation: sourceLocation)
  #expect(
    run.firstErrorLine == "error: " + message, "stderr of activ \(arguments)",
    sourceLocation: sourceLocation)
}

/// The package's root directory, found from this file's place (Tests/ActivCLITests/), so tests in
/// any folder below reach the repository's files the same way.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Parses `text` with Foundation as an array of objects.
func parseJSONObjects(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
  -> [[String: Any]]
{
  let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
  return try #require(object as? [[String: Any]], sourceLocation: sourceLocation)
}

/// A number as JSONSerialization read it. It keeps a non-integer as an `NSDecimalNumber` with
/// the exact decimal digits, whose `doubleValue` is off by an ulp here and there on Linux; the
/// digits themselves convert exactly.
func jsonDouble(_ value: Any?) -> Double? {
  if let decimal = value as? NSDecimalNumber { return Double(decimal.description) }
  return (value as? NSNumber)?.doubleValue
}

/// The lines of a text that ends with a newline (no empty last element).
func lines(_ text: String) -> [Substring] {
  var result = text.split(separator: "\n", omittingEmptySubsequences: false)
  if result.last == "" { result.removeLast() }
  return result
}

/// The comma-separated fields of each line (activ's numbers never need quoting).
func csvRows(_ text: String) -> [[Substring]] {
  lines(text).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
}

/// Creates a fresh directory, passes its path (ending in `/`) to `body`, and removes it after.
@discardableResult
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("activ-cli-tests-" + UUID().uuidString).path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
  defer { try? FileManager.default.removeItem(atPath: path) }
  return try body(path + "/")
}

/// Writes `text` to the file at `path`.
func writeFile(_ path: String, _ text: String) throws {
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// Writes raw `bytes` to the file at `path`.
func writeFile(_ path: String, bytes: [UInt8]) throws {
  try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// The text of the file at `path`, or nil when there is none.
func readFile(_ path: String) -> String? {
  FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

/// The names in a directory, sorted (hidden ones included, so temporary files show up).
func directoryListing(_ path: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

/// A command line that must fail: its exit status, message, and (when given) the hint lines.
/// Each command's tests list their failures as these.
struct ErrorCase: Sendable, CustomTestStringConvertible {
  var arguments: [String]
  var code: ExitCode
  var message: String
  var hints: [String]? = nil

  var testDescription: String { "activ " + arguments.joined(separator: " ") }

  /// Runs the command line: the status, nothing on standard output, the message, the hints.
  func check(sourceLocation: SourceLocation = #_sourceLocation) {
    let run = expectFailure(arguments, code, message, sourceLocation: sourceLocation)
    if let hints {
      #expect(
        lines(run.stderr).dropFirst().map(String.init) == hints, sourceLocation: sourceLocation)
    }
  }
}
