import Foundation
import Reporting
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The errno of the first failed write to standard output (0 while every write succeeded).
private let outputFailure = Atomic<Int32>(0)
/// Whether our own colour codes may pass (set by a practice session that paints its screen).
private let styleAllowed = Atomic<Bool>(false)

/// The one place that writes to the terminal. Libraries return values; commands print them here.
///
/// Writes never crash the program: a closed terminal, a full disk (`> /dev/full`) or a reader
/// that went away (`| head`) only stop further output, so a practice session still stores its
/// ending and report. ``exitStatus`` tells `main` whether output was lost. Every text passes
/// ``TerminalText/visible(_:keepingStyle:)``: control and escape sequences that came from a
/// trainee or a file are shown visibly, never obeyed.
enum Console {
  static func out(_ text: String) {
    outDocument(TerminalText.visible(text, keepingStyle: styleAllowed.load(ordering: .relaxed)))
  }

  /// Writes a document whose every field already passed ``TerminalText/visible(_:keepingStyle:)``
  /// and whose own line ends are part of its format: a CSV, cell by cell, with CRLF rows.
  static func outDocument(_ text: String) {
    guard outputFailure.load(ordering: .relaxed) == 0 else { return }
    if let error = writeAll(STDOUT_FILENO, text) {
      outputFailure.store(error, ordering: .relaxed)
    }
  }

  static func line(_ text: String = "") { out(text + "\n") }

  static func error(_ text: String) {
    _ = writeAll(STDERR_FILENO, TerminalText.visible(text.hasSuffix("\n") ? text : text + "\n"))
  }

  /// Writes `text` to standard error exactly as given (the progress bar's own control codes).
  static func errorRaw(_ text: String) { _ = writeAll(STDERR_FILENO, text) }

  /// Lets the exact colour sequences (`ESC[…m`) of the session screen through.
  static func allowStyle(_ allowed: Bool) { styleAllowed.store(allowed, ordering: .relaxed) }

  /// Whether a write to standard output failed, and why (for the exit status).
  static var outputError: Int32? {
    let e = outputFailure.load(ordering: .relaxed)
    return e == 0 ? nil : e
  }

  /// Writes every byte, retrying interrupted and partial writes; returns errno on failure.
  private static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
    var bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeMutableBytes { buffer in
        write(fd, buffer.baseAddress! + done, buffer.count - done)
      }
      if n > 0 {
        done += n
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        return n < 0 ? errno : EIO
      }
    }
    return nil
  }
}

/// An error meant for the user: printed once, then the process exits with `code`.
struct UserFacingError: Error, CustomStringConvertible {
  var message: String
  var code: Int32

  init(_ message: String, code: Int32 = 2) {
    self.message = message
    self.code = code
  }

  var description: String { message }
}
