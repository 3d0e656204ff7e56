/// Where a command's result goes: standard output, or a file.
///
/// A regular file (new or existing) is written to a temporary sibling (`.NAME.activ-XXXXXX` in the
/// same directory) and renamed over the target only after every byte is written and synced, so a
/// failed or interrupted run never leaves a half-written file and never clobbers an existing one.
/// A symbolic link is followed and its target replaced (the link stays), keeping an existing
/// file's permissions. A FIFO or device (`/dev/null`, `/dev/stdout`) cannot be replaced, so it is
/// written in place.
final class OutputTarget {
  private enum Destination {
    case console
    case atomic(fd: Int32, temporaryPath: String, path: String)
    case inPlace(fd: Int32, path: String)
  }

  let writer: BufferedWriter
  private let destination: Destination
  private var isOpen = true
  /// Whether the bytes go to a terminal: standard output when the console says it is one, or a
  /// terminal device named with `-o` (`/dev/tty`); a regular file never.
  let isTerminal: Bool

  private init(writer: BufferedWriter, destination: Destination, isTerminal: Bool = false) {
    self.writer = writer
    self.destination = destination
    self.isTerminal = isTerminal
  }

  /// Opens the target: `nil` or `-` is the console's output. Private: commands write through
  /// ``writing(_:console:_:)``, which commits or abandons.
  private static func open(_ path: String?, console: Console) throws(CLIError) -> OutputTarget {
    guard let path, path != "-" else {
      return OutputTarget(
        writer: BufferedWriter(sink: console.output), destination: .console,
        isTerminal: console.outputIsTerminal)
    }
    if path.isEmpty { throw .cannotCreateOutput(path: path, reason: "the path is empty") }
    let mode: UInt32?
    switch POSIX.fileKind(path) {
    case .directory:
      throw .cannotCreateOutput(path: path, reason: "it is a directory")
    case .special:
      do {
        let fd = try POSIX.openForWriting(path)
        return OutputTarget(
          writer: BufferedWriter(sink: FileDescriptorSink(fd: fd)),
          destination: .inPlace(fd: fd, path: path), isTerminal: POSIX.isTerminal(fd))
      } catch {
        throw .cannotCreateOutput(path: path, reason: error.message)
      }
    case .regular(let existing):
      mode = existing
    case .missing:
      mode = nil
    }
    let target = mode == nil ? path : (POSIX.resolvedPath(path) ?? path)
    let slash = target.lastIndex(of: "/")
    let directory = slash.map { String(target[...$0]) } ?? ""
    let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
    do {
      let (fd, temporary) = try POSIX.makeTemporaryFile(
        template: directory + "." + name + ".activ-XXXXXX", mode: mode)
      return OutputTarget(
        writer: BufferedWriter(sink: FileDescriptorSink(fd: fd)),
        destination: .atomic(fd: fd, temporaryPath: temporary, path: target))
    } catch {
      throw .cannotCreateOutput(path: path, reason: error.message)
    }
  }

  /// Opens the target (as ``open(_:console:)``), lets `body` write to it, and commits; on any
  /// failure the target is abandoned, so a file is either complete or untouched.
  static func writing(
    _ path: String?, console: Console, _ body: (OutputTarget) throws(CLIError) -> Void
  ) throws(CLIError) {
    let target = try open(path, console: console)
    do {
      try body(target)
      try target.commit()
    } catch {
      target.abandon()
      throw error
    }
  }

  /// The name errors use for this target.
  var displayName: String {
    switch destination {
    case .console: return "standard output"
    case .atomic(_, _, let path), .inPlace(_, let path): return path
    }
  }

  /// Writes what is buffered; for a file, syncs it and moves it into place.
  func commit() throws(CLIError) {
    try attempt { writer throws(SystemError) in try writer.flush() }
    isOpen = false
    switch destination {
    case .console:
      return
    case .inPlace(let fd, let path):
      do {
        try POSIX.close(fd)
      } catch {
        throw .writeFailed(target: path, reason: error.message)
      }
    case .atomic(let fd, let temporaryPath, let path):
      do {
        try POSIX.synchronize(fd)
        try POSIX.close(fd)
        try POSIX.rename(temporaryPath, path)
      } catch {
        POSIX.remove(temporaryPath)
        throw .writeFailed(target: path, reason: error.message)
      }
    }
  }

  /// Drops a file target's temporary file, so nothing reaches the target path. Safe to call twice.
  func abandon() {
    guard isOpen else { return }
    isOpen = false
    switch destination {
    case .console:
      break
    case .inPlace(let fd, _):
      try? POSIX.close(fd)
    case .atomic(let fd, let temporaryPath, _):
      try? POSIX.close(fd)
      POSIX.remove(temporaryPath)
    }
  }

  /// Flushes a full buffer, turning a write failure into the error to report.
  func flushIfFull() throws(CLIError) {
    try attempt { writer throws(SystemError) in try writer.flushIfFull() }
  }

  /// Writes what is buffered, then `bytes` (a chunk formatted elsewhere), turning a write failure
  /// into the error to report.
  func write(_ bytes: UnsafeRawBufferPointer) throws(CLIError) {
    try attempt { writer throws(SystemError) in try writer.write(bytes) }
  }

  /// Runs a write of the buffered bytes; a failure abandons the target (a file never reaches its
  /// path half-written) and becomes the error to report.
  @inline(__always)
  private func attempt(_ write: (BufferedWriter) throws(SystemError) -> Void) throws(CLIError) {
    do {
      try write(writer)
    } catch {
      abandon()
      throw writeFailure(error)
    }
  }

  private func writeFailure(_ error: SystemError) -> CLIError {
    if case .console = destination, error.isBrokenPipe { return .outputClosed }
    return .writeFailed(target: displayName, reason: error.message)
  }
}
