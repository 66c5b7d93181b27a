import Foundation

/// A value computed once, either at once or on another thread, that every reader gets: a reader
/// that comes before the work is done waits for it. The practice screen uses it to show the
/// first prompt while the scoring plan is still being compiled (the trainee types for seconds;
/// the plan takes tens of milliseconds).
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var result: Value?

  /// A value that is there already.
  public init(_ value: Value) {
    result = value
  }

  /// Starts `make()` on another thread and returns at once.
  public init(computing make: @escaping @Sendable () -> Value) {
    Thread.detachNewThread { [self] in
      // Signals (Ctrl-C, a closed terminal) are for the main thread, whose handlers the line
      // editor installed.
      var all = sigset_t()
      sigfillset(&all)
      pthread_sigmask(SIG_BLOCK, &all, nil)
      let value = make()
      condition.lock()
      result = value
      condition.broadcast()
      condition.unlock()
    }
  }

  /// The value, waiting for it if it is still being computed.
  public var value: Value {
    condition.lock()
    defer { condition.unlock() }
    while result == nil { condition.wait() }
    return result!
  }
}
