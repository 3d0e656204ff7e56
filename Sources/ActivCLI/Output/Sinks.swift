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

/// Bytes being formatted: text, single bytes and numbers appended in place, in memory this class
/// owns (no `String` or array per number). The write path formats rows into one of these; with
/// several threads, each formats its own chunk into its own buffer.
final class ByteBuffer: @unchecked Sendable {
  // Sendable because each buffer has one owner at a time: the thread formatting into it, then the
  // one writing it out after the hand-over (ordered by the dispatch that joins them).
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deallocate()
  }

  var isEmpty: Bool { count == 0 }

  /// The bytes so far, valid until the next append or `removeAll`.
  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  func removeAll() {
    count = 0
  }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  @inline(never)
  private func grow(to minimum: Int) {
    let newCapacity = max(minimum, capacity * 2)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  func append(_ text: String) {
    var text = text
    text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
  }

  func append(_ bytes: UnsafeRawBufferPointer) {
    guard !bytes.isEmpty else { return }
    reserve(bytes.count)
    UnsafeMutableRawPointer(base + count).copyMemory(
      from: bytes.baseAddress!, byteCount: bytes.count)
    count += bytes.count
  }

  @inline(__always)
  func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { append($0) }
  }

  /// Appends JSON's `null`.
  @inline(__always)
  func appendNull() {
    reserve(4)
    base[count] = UInt8(ascii: "n")
    base[count + 1] = UInt8(ascii: "u")
    base[count + 2] = UInt8(ascii: "l")
    base[count + 3] = UInt8(ascii: "l")
    count += 4
  }

  @inline(__always)
  func append(byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  /// Appends `x` as ``shortestDecimal(_:)`` writes it.
  @inline(__always)
  func append(shortest x: Double) {
    reserve(DecimalFormatter.scratchLength)
    count += DecimalFormatter.write(x, to: base + count)
  }

  /// Appends `x` in the given style.
  @inline(__always)
  func append(_ x: Double, style: NumberStyle) {
    switch style {
    case .shortest:
      append(shortest: x)
    case .significant(let digits):
      guard x.isFinite else { return append(shortest: x) }
      reserve(64)
      if let length = DecimalFormatter.writeSignificant(x, precision: digits, to: base + count) {
        count += length
      } else {
        count += POSIX.formatSignificant(x, precision: digits, into: base + count, capacity: 64)
      }
    }
  }
}

/// Collects output in a byte buffer and hands it to the sink in large chunks, so a million rows
/// cost a few hundred `write` calls.
final class BufferedWriter {
  let buffer: ByteBuffer
  private let sink: ByteSink
  static let chunkSize = 1 << 16

  init(sink: ByteSink) {
    self.sink = sink
    buffer = ByteBuffer(capacity: BufferedWriter.chunkSize + 1024)
  }

  func append(_ text: String) {
    buffer.append(text)
  }

  func append(byte: UInt8) {
    buffer.append(byte: byte)
  }

  /// Flushes when a chunk's worth is waiting; call after each row.
  @inline(__always)
  func flushIfFull() throws(SystemError) {
    if buffer.count >= BufferedWriter.chunkSize { try flush() }
  }

  func flush() throws(SystemError) {
    guard !buffer.isEmpty else { return }
    defer { buffer.removeAll() }
    try sink.write(buffer.bytes)
  }

  /// Writes what is buffered, then `bytes` straight to the sink.
  func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
    try flush()
    if !bytes.isEmpty { try sink.write(bytes) }
  }
}
