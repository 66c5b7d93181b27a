import Foundation

/// Database work done in order on a thread of its own, so reading the next batch and writing
/// the last one overlap with scoring on every core (`rescore`).
///
/// Jobs run one at a time in the order they were given. A failed write is kept and stops every
/// later job; ``failure()`` and ``finish()`` throw it where the caller can stop.
final class DatabaseLane: @unchecked Sendable {
  private let queue = DispatchQueue(label: "visitcoach.database")
  private let lock = NSLock()
  private var writeError: Error?

  /// The result of a read, waited for where it is needed.
  final class Pending<T: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var result: Result<T, Error>?

    fileprivate func fulfil(_ result: Result<T, Error>) {
      self.result = result
      ready.signal()
    }

    /// Waits for the read and gives its value, or throws what it threw.
    func wait() throws -> T {
      ready.wait()
      ready.signal()
      return try result!.get()
    }
  }

  /// Starts `body` after the jobs before it; its value is waited for with ``Pending/wait()``.
  func read<T: Sendable>(_ body: @escaping @Sendable () throws -> T) -> Pending<T> {
    let pending = Pending<T>()
    queue.async { [self] in
      if let error = currentError() {
        pending.fulfil(.failure(error))
      } else {
        pending.fulfil(Result { try body() })
      }
    }
    return pending
  }

  /// Starts `body` after the jobs before it; an error it throws is kept for ``failure()``.
  func write(_ body: @escaping @Sendable () throws -> Void) {
    queue.async { [self] in
      guard currentError() == nil else { return }
      do { try body() } catch {
        lock.lock()
        writeError = error
        lock.unlock()
      }
    }
  }

  /// Throws the error of a write that failed so far, if any.
  func failure() throws {
    if let error = currentError() { throw error }
  }

  /// Waits for every job and throws the error of a write that failed.
  func finish() throws {
    queue.sync {}
    try failure()
  }

  private func currentError() -> Error? {
    lock.lock()
    defer { lock.unlock() }
    return writeError
  }
}
