import Foundation
import Testing

/// The built `activ`: `.build/debug/activ`, else `.build/release/activ`.
private func activBinary(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
  for configuration in ["debug", "release"] {
    let url = packageRoot.appendingPathComponent(".build/\(configuration)/activ")
    if FileManager.default.isExecutableFile(atPath: url.path) { return url }
  }
  let root = packageRoot.path
  Issue.record(
    "no activ at \(root)/.build/debug/activ or .build/release/activ: run 'swift build' first",
    sourceLocation: sourceLocation)
  throw BinaryMissing()
}

private struct BinaryMissing: Error {}

/// What a child process did.
private struct ProcessResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs `executable` with `arguments`; standard output goes to a pipe unless `stdout` is given.
private func runProcess(
  _ executable: URL, _ arguments: [String], stdin: String? = nil, stdout: FileHandle? = nil
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  let outputPipe = Pipe()
  let errorPipe = Pipe()
  process.standardOutput = stdout ?? outputPipe
  process.standardError = errorPipe
  let inputPipe = Pipe()
  process.standardInput = stdin == nil ? FileHandle.nullDevice : inputPipe
  try process.run()
  if let stdin {
    inputPipe.fileHandleForWriting.write(Data(stdin.utf8))
    try inputPipe.fileHandleForWriting.close()
  }
  let output = stdout == nil ? outputPipe.fileHandleForReading.readDataToEndOfFile() : Data()
  let error = errorPipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
    stderr: String(decoding: error, as: UTF8.self))
}

@Suite("End to end: the built activ binary")
struct EndToEndTests {
  @Test("eval mish -3 3: status 0, 122 lines")
  func evalMish() throws {
    let result = try runProcess(try activBinary(), ["eval", "mish", "-3", "3"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 123 && lines.last == "", "122 lines, each ending in a newline")
    #expect(lines.first == "x,mish")
    #expect(lines.dropFirst().first?.hasPrefix("-3,") == true)
    #expect(lines.dropFirst(2).first?.hasPrefix("-2.95,") == true)
  }

  @Test("| head -n 1 closes the pipe early: activ exits 0 silently")
  func pipeIntoHead() throws {
    let binary = try activBinary()
    let script =
      "set -o pipefail; \"$0\" eval relu -1 1 --points 1000000 | head -n 1; exit ${PIPESTATUS[0]}"
    let result = try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", script, binary.path])
    #expect(result.status == 0)
    #expect(result.stdout == "x,relu\n")
    #expect(result.stderr == "")
  }

  @Test("> /dev/full: status 74 with the message")
  func diskFull() throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"), "cannot open /dev/full")
    defer { try? full.close() }
    let result = try runProcess(try activBinary(), ["eval", "relu", "-1", "1"], stdout: full)
    #expect(result.status == 74)
    #expect(result.stderr == "error: cannot write to standard output: No space left on device\n")
  }

  @Test("a usage error: status 64, message on stderr only")
  func usageError() throws {
    let result = try runProcess(try activBinary(), ["eval", "relu", "1", "-1"])
    #expect(result.status == 64)
    #expect(result.stdout == "")
    #expect(
      result.stderr
        == "error: MIN (1) must be less than MAX (-1)\nrun 'activ help eval' for usage\n")
  }

  @Test("-h: status 0, help on stdout only")
  func help() throws {
    let binary = try activBinary()
    for arguments in [["-h"], ["eval", "-h"], ["eval", "nosuchfn", "--bogus", "-h"]] {
      let result = try runProcess(binary, arguments)
      #expect(result.status == 0, "activ \(arguments)")
      #expect(result.stdout.hasPrefix("OVERVIEW: "), "activ \(arguments)")
      #expect(result.stderr == "", "activ \(arguments)")
    }
  }

  @Test("--input - reads standard input")
  func standardInput() throws {
    let result = try runProcess(
      try activBinary(), ["eval", "relu", "--input", "-"], stdin: "-1\n2\n")
    #expect(result.status == 0)
    #expect(result.stdout == "x,relu\n-1,0\n2,2\n")
    #expect(result.stderr == "")
  }
}
