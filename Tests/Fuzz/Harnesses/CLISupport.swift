// Shared by the harnesses that run the whole program in-process (argv, input).
import ActivCLI

#if canImport(Glibc)
  import Glibc
#endif

/// A sink that keeps nothing and fails like a closed pipe after `limit` bytes, so a run that would
/// write millions of rows ends quickly (activ then exits quietly with status 0).
final class BoundedSink: ByteSink {
  private(set) var count = 0
  let limit: Int

  init(limit: Int) {
    self.limit = limit
  }

  func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
    count += bytes.count
    if count > limit { throw SystemError(code: EPIPE) }
  }
}

/// Runs activ in-process with `stdin` as standard input and checks the exit status is one
/// activ documents: anything else is a bug the fuzzer should report.
func runActiv(_ arguments: [String], stdin: [UInt8]) {
  let output = BoundedSink(limit: 1 << 20)
  let error = BoundedSink(limit: 1 << 20)
  let console = Console(output: output, error: error) { () throws(SystemError) -> [UInt8] in stdin }
  let status = Activ.run(arguments, console: console)
  guard ExitCode.allCases.contains(where: { $0.rawValue == status }) else {
    fatalError("activ \(arguments) exited \(status)")
  }
  // Every error: a message on standard error and nothing on standard output.
  if status != 0 && (error.count == 0 || output.count != 0) {
    fatalError(
      "activ \(arguments) failed with status \(status), \(error.count) bytes of message and "
        + "\(output.count) bytes of output")
  }
}
