// The only file in this module that touches the C library: file descriptors, files, signals and
// printf-style formatting. Everything else talks to these wrappers.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#else
  #error("activ needs a POSIX C library")
#endif

/// An `errno` value with its message, as the C library words it.
package struct SystemError: Error, Equatable, Sendable {
  package let code: Int32

  package init(code: Int32) {
    self.code = code
  }

  package var message: String {
    // Raised by readAll, not the system: say what the limit is.
    if code == EFBIG {
      return
        "it holds more than \(POSIX.maximumInputBytes >> 20) MiB, the most activ reads from one input; split it"
    }
    return String(cString: strerror(code))
  }
  var isBrokenPipe: Bool { code == EPIPE }
  var isDirectory: Bool { code == EISDIR }
  static let brokenPipe = SystemError(code: EPIPE)
  static let noSpace = SystemError(code: ENOSPC)
  static var current: SystemError { SystemError(code: errno) }
}

enum POSIX {
  static let standardInput: Int32 = 0
  static let standardOutput: Int32 = 1
  static let standardError: Int32 = 2

  /// A closed pipe must surface as EPIPE from `write`, not kill the process, so `| head` can end
  /// activ quietly with status 0.
  static func ignoreBrokenPipeSignal() {
    signal(SIGPIPE, SIG_IGN)
  }

  /// The processors online (at least 1).
  static var processorCount: Int {
    max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1)
  }

  /// Writes all of `bytes`, retrying short writes and EINTR.
  static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) {
    var offset = 0
    while offset < bytes.count {
      let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw SystemError.current
      }
      offset += written
    }
  }

  /// The whole content of a file descriptor.
  /// The most `readAll` reads: input is read whole (a feature map needs all of it), so an
  /// endless source such as /dev/zero must stop somewhere.
  static let maximumInputBytes = 512 << 20

  /// Everything up to end of file; EFBIG past ``maximumInputBytes``.
  static func readAll(_ fd: Int32) throws(SystemError) -> [UInt8] {
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw SystemError.current
      }
      if count == 0 { return result }
      if result.count + count > maximumInputBytes { throw SystemError(code: EFBIG) }
      result.append(contentsOf: chunk[0..<count])
    }
  }

  /// The whole content of the file at `path`; refuses directories with EISDIR.
  static func readFile(_ path: String) throws(SystemError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw SystemError.current }
    defer { _ = cClose(fd) }
    var info = stat()
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      throw SystemError(code: EISDIR)
    }
    return try readAll(fd)
  }

  /// What is at a path, following symbolic links.
  enum FileKind {
    case missing
    case regular(mode: UInt32)
    case directory
    /// A FIFO, device or socket: written in place, since it cannot be replaced atomically.
    case special
  }

  static func fileKind(_ path: String) -> FileKind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .regular(mode: UInt32(info.st_mode & 0o7777))
    case S_IFDIR: return .directory
    default: return .special
    }
  }

  /// The canonical path (symbolic links resolved), or nil if it cannot be resolved.
  static func resolvedPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Opens an existing file, FIFO or device for writing, truncating a regular file.
  static func openForWriting(_ path: String) throws(SystemError) -> Int32 {
    let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
    if fd < 0 { throw SystemError.current }
    return fd
  }

  /// Creates a uniquely named, empty file from a template ending in `XXXXXX`, with `mode` (or, for
  /// nil, the mode an ordinary create would give: 0666 less the umask); returns its descriptor and
  /// actual path.
  static func makeTemporaryFile(template: String, mode: UInt32?) throws(SystemError) -> (
    Int32, String
  ) {
    var bytes = Array(template.utf8CString)
    let fd = bytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if fd < 0 { throw SystemError.current }
    let permissions: mode_t
    if let mode {
      permissions = mode_t(mode)
    } else {
      let mask = umask(0)
      umask(mask)
      permissions = 0o666 & ~mask
    }
    fchmod(fd, permissions)
    return (fd, bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
  }

  static func synchronize(_ fd: Int32) throws(SystemError) {
    if fsync(fd) != 0 && errno != EINVAL && errno != EROFS { throw SystemError.current }
  }

  static func close(_ fd: Int32) throws(SystemError) {
    if cClose(fd) != 0 && errno != EINTR { throw SystemError.current }
  }

  static func rename(_ from: String, _ to: String) throws(SystemError) {
    if cRename(from, to) != 0 { throw SystemError.current }
  }

  static func exit(_ status: Int32) -> Never {
    cExit(status)
  }

  static func remove(_ path: String) {
    _ = unlink(path)
  }

  /// `x` with `precision` significant digits, like C's `%.*g` in the C locale (activ never calls
  /// `setlocale`, so the decimal separator is always `.`).
  static func formatSignificant(_ x: Double, precision: Int) -> String {
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = buffer.withUnsafeMutableBufferPointer {
      formatSignificant(x, precision: precision, into: $0.baseAddress!, capacity: $0.count)
    }
    return String(decoding: buffer[0..<count], as: UTF8.self)
  }

  /// `x` with `precision` significant digits (`%.*g`, never locale-dependent here) written at
  /// `out`, which has room for `capacity` bytes (64 is always enough); returns the length.
  static func formatSignificant(
    _ x: Double, precision: Int, into out: UnsafeMutablePointer<UInt8>, capacity: Int
  ) -> Int {
    let count = withVaList([Int32(precision), x]) { arguments in
      out.withMemoryRebound(to: CChar.self, capacity: capacity) {
        vsnprintf($0, capacity, "%.*g", arguments)
      }
    }
    return min(Int(count), capacity - 1)
  }
}

private func cExit(_ status: Int32) -> Never { exit(status) }
private func cClose(_ fd: Int32) -> Int32 { close(fd) }
private func cRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }

// What Console.standard asks of the system (whether a descriptor is a terminal, its width, the
// environment variables that decide width and colour), and the clock of progress redraws.
extension POSIX {
  /// Whether `fd` is a terminal.
  static func isTerminal(_ fd: Int32) -> Bool {
    isatty(fd) == 1
  }

  /// Seconds on a clock that never goes back (for progress redraws), from an arbitrary start.
  static var monotonicSeconds: Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
  }

  /// The value of an environment variable, or nil if it is not set.
  static func environmentVariable(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// The width in character cells of the terminal on `fd`, or nil if `fd` is not a terminal or
  /// does not know its size.
  static func terminalColumns(_ fd: Int32) -> Int? {
    var size = winsize()
    guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
