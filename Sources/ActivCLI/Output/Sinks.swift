/// Where activ's bytes go: a file descriptor in the real program, memory in tests.
package protocol ByteSink: AnyObject {
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
package final class MemorySink: ByteSink {
  package private(set) var bytes: [UInt8] = []
  let failAfter: Int?
  let failure: SystemError?

  package init() {
    failAfter = nil
    failure = nil
  }

  init(failingAfter count: Int, with failure: SystemError) {
    failAfter = count
    self.failure = failure
  }

  package var text: String { String(decoding: bytes, as: UTF8.self) }

  package func write(_ chunk: UnsafeRawBufferPointer) throws(SystemError) {
    if let failAfter, let failure, bytes.count + chunk.count > failAfter {
      bytes.append(contentsOf: chunk.prefix(failAfter - bytes.count))
      throw failure
    }
    bytes.append(contentsOf: chunk)
  }
}
