import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What reading one line produced.
public enum LineInput: Sendable, Equatable {
  /// A line of text (without the newline).
  case line(String)
  /// Ctrl-C: the line being typed was discarded; ask again.
  case interrupted
  /// End of input: Ctrl-D on an empty line, a closed terminal, SIGTERM, or end of a pipe.
  case end
}

/// Reads the trainee's lines: GNU readline on a terminal, plain reads otherwise.
public protocol LineReader: AnyObject {
  /// Shows `prompt` (terminals only) and reads one line.
  func read(prompt: String) -> LineInput
  /// Words Tab completes at the start of the line.
  func setCompletions(_ words: [String])
  /// Remembers a line in the history.
  func remember(_ line: String)
  /// Saves and trims the history; restores the terminal.
  func finish()
}

/// Reads lines from a pipe or file as they arrive: no prompt, no echo, no editing. Any line end
/// works (`\n`, `\r\n`, a lone `\r`); invalid UTF-8 is replaced, never fatal. SIGTERM and SIGHUP
/// (with ``TerminalSetup/installSignalHandlers()``) end the input at once, even while waiting,
/// so the caller can store how the visit ended.
public final class PlainLineReader: LineReader {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  private var skipLineFeed = false
  /// Bytes of one line kept at most; the rest of an over-long line is dropped while reading, so
  /// a line with no end can't fill memory. Far above any utterance limit.
  public static let maximumLineBytes = 4 << 20

  /// A reader of file descriptor `fd` (standard input by default).
  public init(fileDescriptor fd: Int32 = STDIN_FILENO) {
    self.fd = fd
  }

  public func read(prompt: String) -> LineInput {
    var line: [UInt8] = []
    while true {
      if TerminationSignal.requested { return .end }
      if start < buffer.count {
        let available = buffer[start...]
        if skipLineFeed {
          skipLineFeed = false
          if available.first == 0x0A {
            start += 1
            continue
          }
        }
        if let end = available.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
          append(buffer[start..<end], to: &line)
          skipLineFeed = buffer[end] == 0x0D
          start = end + 1
          return .line(String(decoding: line, as: UTF8.self))
        }
        append(available, to: &line)
        start = buffer.count
      }
      if atEnd {
        return line.isEmpty ? .end : .line(String(decoding: line, as: UTF8.self))
      }
      fill()
    }
  }

  private func append(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8]) {
    let room = Self.maximumLineBytes - line.count
    if room > 0 { line.append(contentsOf: bytes.prefix(room)) }
  }

  /// Reads what is there (waiting for it, or for a termination signal).
  private func fill() {
    buffer.removeAll(keepingCapacity: true)
    start = 0
    guard waitForInput() else {
      atEnd = true
      return
    }
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        buffer.append(contentsOf: chunk[0..<n])
        return
      }
      if n < 0 && errno == EINTR {
        if TerminationSignal.requested { break }
        continue
      }
      break
    }
    atEnd = true
  }

  /// Waits until input is readable; false when a termination signal came first.
  private func waitForInput() -> Bool {
    let wake = wakePipeRead.load(ordering: .relaxed)
    while true {
      if TerminationSignal.requested { return false }
      var fds = [
        pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
        pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, wake >= 0 ? 2 : 1, -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return true  // let read() report the problem
      }
      if wake >= 0, fds[1].revents & Int16(POLLIN) != 0 {
        var bytes = [UInt8](repeating: 0, count: 64)
        _ = Glibc.read(wake, &bytes, bytes.count)
        if TerminationSignal.requested { return false }
        continue  // SIGINT on a pipe: nothing to discard
      }
      if fds[0].revents != 0 { return true }
    }
  }

  public func setCompletions(_ words: [String]) {}
  public func remember(_ line: String) {}
  public func finish() {}
}
