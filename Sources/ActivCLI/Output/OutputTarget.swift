/// Where a command's result goes: standard output, or a file written atomically.
///
/// A file is written to a temporary sibling (`.NAME.activ-XXXXXX` in the same directory) and
/// renamed over the target only after every byte is written and synced, so a failed or interrupted
/// run never leaves a half-written file and never clobbers an existing one.
final class OutputTarget {
  let writer: BufferedWriter
  private let file: (fd: Int32, temporaryPath: String, path: String)?

  private init(writer: BufferedWriter, file: (fd: Int32, temporaryPath: String, path: String)?) {
    self.writer = writer
    self.file = file
  }

  /// Opens the target: `nil` or `-` is the console's output.
  static func open(_ path: String?, console: Console) throws(CLIError) -> OutputTarget {
    guard let path, path != "-" else {
      return OutputTarget(writer: BufferedWriter(sink: console.output), file: nil)
    }
    if path.isEmpty { throw .cannotCreateOutput(path: path, reason: "the path is empty") }
    if POSIX.isDirectory(path) { throw .cannotCreateOutput(path: path, reason: "it is a directory") }
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    do {
      let (fd, temporary) = try POSIX.makeTemporaryFile(template: directory + "." + name + ".activ-XXXXXX")
      return OutputTarget(
        writer: BufferedWriter(sink: FileDescriptorSink(fd: fd)), file: (fd, temporary, path))
    } catch {
      throw .cannotCreateOutput(path: path, reason: error.message)
    }
  }

  /// The name errors use for this target.
  var displayName: String { file?.path ?? "standard output" }

  /// Writes what is buffered; for a file, syncs it and moves it into place.
  func commit() throws(CLIError) {
    do {
      try writer.flush()
    } catch {
      abandon()
      throw writeFailure(error)
    }
    guard let file else { return }
    do {
      try POSIX.synchronize(file.fd)
      try POSIX.close(file.fd)
    } catch {
      POSIX.remove(file.temporaryPath)
      throw .writeFailed(target: file.path, reason: error.message)
    }
    do {
      try POSIX.rename(file.temporaryPath, file.path)
    } catch {
      POSIX.remove(file.temporaryPath)
      throw .cannotCreateOutput(path: file.path, reason: error.message)
    }
  }

  /// Drops a file target's temporary file; nothing reaches the target path.
  func abandon() {
    guard let file else { return }
    try? POSIX.close(file.fd)
    POSIX.remove(file.temporaryPath)
  }

  /// Flushes a full buffer, turning a write failure into the error to report.
  func flushIfFull() throws(CLIError) {
    do {
      try writer.flushIfFull()
    } catch {
      abandon()
      throw writeFailure(error)
    }
  }

  private func writeFailure(_ error: SystemError) -> CLIError {
    if error.isBrokenPipe && file == nil { return .outputClosed }
    return .writeFailed(target: displayName, reason: error.message)
  }
}
