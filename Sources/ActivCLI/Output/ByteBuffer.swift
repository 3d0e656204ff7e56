/// Bytes being formatted: text, single bytes, and what formatters write in place (numbers, see
/// ``NumberStyle``), in memory this class owns (no `String` or array per number). The write path formats rows into one of these; with
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

  @inline(__always)
  func append(byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  /// Lets `write` put at most `maximum` bytes at the end, in place, and keeps the count it
  /// returns: how formatters write numbers with no `String` on the way.
  @inline(__always)
  func append(reserving maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
    reserve(maximum)
    count += write(base + count)
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
