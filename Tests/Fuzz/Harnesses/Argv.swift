// libFuzzer harness: the argument lexer, parser and every command, through `Activ.run`.
//
// The input is a command line: arguments separated by NUL bytes (as the kernel passes them).
// Inputs that could touch the file system or run long are skipped: an option that names a file
// (--output/-o, --svg, --csv, --input) must be given `-`, --points is at most 9999, and --step
// is not combined with --format table (up to 100000 rows held in memory: slow under ASan).
// Output is discarded after 1 MiB (like a closed pipe), which bounds --step grids and sweeps.
import ActivCLI

/// Options whose value is a file path: only `-` (the standard streams) is let through.
let pathOptions: Set<String> = ["output", "svg", "csv", "input"]

/// Whether running `arguments` stays inside the process and finishes quickly.
func isSafe(_ arguments: [String]) -> Bool {
  var index = 0
  var step = false
  var table = false
  while index < arguments.count {
    let argument = arguments[index]
    index += 1
    if argument == "--" { break }
    if argument.hasPrefix("--") {
      let body = argument.dropFirst(2)
      let name = body.prefix { $0 != "=" }
      let inline = body.firstIndex(of: "=").map { body[body.index(after: $0)...] }
      let value = inline.map(String.init) ?? (index < arguments.count ? arguments[index] : nil)
      if pathOptions.contains(String(name)), value != nil, value != "-" { return false }
      if name == "points", let value, value.count > 4 { return false }
      if name == "step" { step = true }
      if name == "format", value?.lowercased() != "csv", value?.lowercased() != "tsv" {
        table = true
      }
    } else if argument.hasPrefix("-o") {
      // -o FILE, -oFILE, -o=FILE: only `-o -`.
      guard argument == "-o", index < arguments.count, arguments[index] == "-" else { return false }
    }
  }
  return !(step && table)
}

let standardInput = Array("0\n1.5\n-2\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArgv(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
    String(decoding: $0, as: UTF8.self)
  }
  guard arguments.count <= 64, isSafe(arguments) else { return -1 }
  runActiv(size == 0 ? [] : arguments, stdin: standardInput)
  return 0
}
