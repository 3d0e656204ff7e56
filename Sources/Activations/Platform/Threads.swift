// Threads for the batch API: the only place in this module that starts one. POSIX threads from the
// C library, so the module needs neither Foundation nor Dispatch.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a body over the parts of an index range on several threads at once.
enum Threads {
  /// The processors online (at least 1, at most 16).
  static let processorCount: Int = {
    #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
      let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
      return Swift.max(1, Swift.min(16, Int(online)))
    #else
      return 1
    #endif
  }()

  /// Calls `body` on consecutive, disjoint parts of `0..<count` that together cover it, each part
  /// at least `minimumPart` long (one part, on the calling thread, when `count` is smaller than
  /// twice that), one part per processor at most. The calling thread takes the first part, new
  /// threads the others, and the call returns when every part is done. If a thread cannot be
  /// started, its part runs on the calling thread: the parts are the same either way.
  static func forEachPart(
    of count: Int, minimumPart: Int, _ body: (Range<Int>) -> Void
  ) {
    let parts = Swift.min(processorCount, count / Swift.max(1, minimumPart))
    guard parts > 1 else {
      body(0..<count)
      return
    }
    func part(_ index: Int) -> Range<Int> {
      (count * index / parts)..<(count * (index + 1) / parts)
    }
    withoutActuallyEscaping(body) { escapable in
      let shared = UncheckedSendable(escapable)
      var started: [(pthread_t, Int)] = []
      var leftOver: [Int] = []
      for index in 1..<parts {
        let range = part(index)
        if let thread = start({ shared.value(range) }) {
          started.append((thread, index))
        } else {
          leftOver.append(index)
        }
      }
      escapable(part(0))
      for index in leftOver { escapable(part(index)) }
      for (thread, _) in started { pthread_join(thread, nil) }
    }
  }

  /// Starts a thread that runs `work`, or nil if none could be created.
  private static func start(_ work: @escaping @Sendable () -> Void) -> pthread_t? {
    let box = Unmanaged.passRetained(Work(work)).toOpaque()
    #if canImport(Darwin)
      var thread: pthread_t? = nil
    #else
      var thread = pthread_t()
    #endif
    let status = pthread_create(
      &thread, nil,
      { context in
        let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
        work.body()
        return nil
      }, box)
    guard status == 0 else {
      Unmanaged<Work>.fromOpaque(box).release()
      return nil
    }
    #if canImport(Darwin)
      return thread
    #else
      return thread
    #endif
  }

  private final class Work: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }
}

/// A value handed to another thread whose safety the caller guarantees: the batch API's threads
/// write disjoint parts of the caller's buffers and return before the call does.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
