/// Where activ's bytes go: a file descriptor in the real program, memory in tests.
public protocol ByteSink: AnyObject {
  func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError)
}

extension ByteSink {
  /// Writes a whole array (the buffer-pointer API does not carry typed throws through).
  func write(bytes: [UInt8]) throws(SystemError) {
    var failure: SystemError?
    bytes.withUnsafeBytes { raw in
      do throws(SystemError) {
        try write(raw)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }
}

/// A sink writing straight to a file descriptor.
final class FileDescriptorSink: ByteSink {
  let fd: Int32

  init(fd: Int32) {
    self.fd = fd
  }

  func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
    try POSIX.writeAll(fd, bytes)
  }
}

/// A sink that keeps what it is given; tests read `text`, and can make it fail like a closed pipe
/// or a full disk after a number of bytes.
public final class MemorySink: ByteSink {
  public private(set) var bytes: [UInt8] = []
  let failAfter: Int?
  let failure: SystemError?

  public init() {
    failAfter = nil
    failure = nil
  }

  init(failingAfter count: Int, with failure: SystemError) {
    failAfter = count
    self.failure = failure
  }

  public var text: String { String(decoding: bytes, as: UTF8.self) }

  public func write(_ chunk: UnsafeRawBufferPointer) throws(SystemError) {
    if let failAfter, let failure, bytes.count + chunk.count > failAfter {
      bytes.append(contentsOf: chunk.prefix(failAfter - bytes.count))
      throw failure
    }
    bytes.append(contentsOf: chunk)
  }
}

/// The streams a run of activ uses. `input` reads all of standard input when a command asks.
public struct Console {
  public var output: ByteSink
  public var error: ByteSink
  public var input: () throws(SystemError) -> [UInt8]

  public init(output: ByteSink, error: ByteSink, input: @escaping () throws(SystemError) -> [UInt8])
  {
    self.output = output
    self.error = error
    self.input = input
  }

  /// The process's own standard streams.
  public static var standard: Console {
    Console(
      output: FileDescriptorSink(fd: POSIX.standardOutput),
      error: FileDescriptorSink(fd: POSIX.standardError),
      input: { () throws(SystemError) in try POSIX.readAll(POSIX.standardInput) })
  }
}

/// Collects output in a byte buffer and hands it to the sink in large chunks, so a million rows
/// cost a few hundred `write` calls.
final class BufferedWriter {
  private var buffer: [UInt8] = []
  private let sink: ByteSink
  private let chunkSize = 1 << 16

  init(sink: ByteSink) {
    self.sink = sink
    buffer.reserveCapacity(chunkSize + 1024)
  }

  func append(_ text: String) {
    buffer.append(contentsOf: text.utf8)
  }

  func append(byte: UInt8) {
    buffer.append(byte)
  }

  /// Flushes when a chunk's worth is waiting; call after each row.
  func flushIfFull() throws(SystemError) {
    if buffer.count >= chunkSize { try flush() }
  }

  func flush() throws(SystemError) {
    guard !buffer.isEmpty else { return }
    defer { buffer.removeAll(keepingCapacity: true) }
    try sink.write(bytes: buffer)
  }
}
