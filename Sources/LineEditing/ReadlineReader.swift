// Every access to readline's C globals lives in this file, behind @preconcurrency (Swift 6
// treats them as shared mutable state). See TECH-NOTES §1.
@preconcurrency import CReadline
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

private let completionWords = Mutex<[String]>([])
let wakePipeRead = Atomic<Int32>(-1)
private let wakePipeWrite = Atomic<Int32>(-1)
private let lineInterrupted = Atomic<Bool>(false)
let terminationRequested = Atomic<Bool>(false)

/// Whether SIGTERM or SIGHUP asked the session to end.
public enum TerminationSignal {
  public static var requested: Bool { terminationRequested.load(ordering: .relaxed) }
}

/// Byte written by the signal handler: 1 for SIGINT, 2 for SIGTERM/SIGHUP.
private func onSignal(_ signal: Int32) {
  var byte: UInt8 = signal == SIGINT ? 1 : 2
  if signal != SIGINT { terminationRequested.store(true, ordering: .relaxed) }
  _ = write(wakePipeWrite.load(ordering: .relaxed), &byte, 1)
}

// readline passes the number of matches returned so far as `state`, so this can be stateless.
private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32)
  -> UnsafeMutablePointer<CChar>?
{
  let prefix = text.map { String(cString: $0) } ?? ""
  let matches = completionWords.withLock { $0.filter { $0.hasPrefix(prefix) } }
  return Int(state) < matches.count ? strdup(matches[Int(state)]) : nil
}

private func attemptedCompletion(
  _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  rl_attempted_completion_over = 1  // never fall back to file names
  return start == 0 ? rl_completion_matches(text, completionGenerator) : nil
}

/// Reads one byte for readline, waking up for signals: Ctrl-C discards the line (bash-style
/// `^C`), SIGTERM/SIGHUP end input. A flag alone is not enough: readline blocks SIGINT while it
/// redraws, so the signal arrives outside read() and would be noticed only at the next key.
private func getcWakingForSignals(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
  let input = fileno(stream)
  let wake = wakePipeRead.load(ordering: .relaxed)
  while true {
    if terminationRequested.load(ordering: .relaxed) { return EOF }
    var fds = [
      pollfd(fd: input, events: Int16(POLLIN), revents: 0),
      pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
    ]
    if poll(&fds, 2, -1) < 0 {
      if errno == EINTR { continue }
      return EOF
    }
    if fds[1].revents & Int16(POLLIN) != 0 {
      var bytes = [UInt8](repeating: 0, count: 64)
      let n = read(wake, &bytes, bytes.count)
      if n > 0 && bytes[0..<n].contains(2) || terminationRequested.load(ordering: .relaxed) {
        return EOF
      }
      lineInterrupted.store(true, ordering: .relaxed)
      rl_point = rl_end
      rl_insert_text("^C")
      rl_redisplay()
      return 10  // newline: readline returns and the caller drops the line
    }
    if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
      var c: UInt8 = 0
      let n = read(input, &c, 1)
      if n == 1 { return Int32(c) }
      if n < 0 && errno == EINTR { continue }
      return EOF  // closed terminal
    }
  }
}

/// Line editing with GNU readline: CJK-aware cursor movement, history kept in a file (capped and
/// written after every line, so it survives a crash), Tab completion, and signal handling that
/// never kills the session.
public final class ReadlineReader: LineReader {
  private let historyFile: String
  private let historyLimit: Int32

  public init(historyFile: String, historyLimit: Int32 = 1000) {
    self.historyFile = historyFile
    self.historyLimit = historyLimit
    rl_readline_name = UnsafePointer(strdup("visitcoach"))  // `$if visitcoach` in ~/.inputrc
    rl_attempted_completion_function = attemptedCompletion
    rl_catch_signals = 0
    rl_catch_sigwinch = 1
    rl_getc_function = getcWakingForSignals
    using_history()
    stifle_history(historyLimit)
    let directory = (historyFile as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    if read_history(historyFile) != 0 { _ = write_history(historyFile) }  // creates the file
  }

  public func read(prompt: String) -> LineInput {
    lineInterrupted.store(false, ordering: .relaxed)
    guard let raw = readline(prompt) else { return .end }
    defer { free(raw) }
    if lineInterrupted.exchange(false, ordering: .relaxed) { return .interrupted }
    if terminationRequested.load(ordering: .relaxed) { return .end }
    return .line(
      String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self))
  }

  public func setCompletions(_ words: [String]) {
    completionWords.withLock { $0 = words }
  }

  public func remember(_ line: String) {
    add_history(line)
    _ = append_history(1, historyFile)
  }

  public func finish() {
    _ = history_truncate_file(historyFile, historyLimit)
  }
}

/// Process-wide terminal set-up, done once before any reading.
public enum TerminalSetup {
  /// Whether standard input is a terminal.
  public static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
  /// Whether standard output is a terminal.
  public static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// Locale for readline: the environment's, or C.UTF-8 when it has no UTF-8 locale (in the C
  /// locale readline reads Chinese bytes as Meta keys and destroys the line).
  public static func prepareLocale() {
    setlocale(LC_ALL, "")
    if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
  }

  /// Installs the signal handlers: SIGINT discards the line, SIGTERM and SIGHUP end the session
  /// like Ctrl-D, SIGPIPE is ignored. Also clears any inherited signal mask (children of test
  /// runners inherit blocked signals).
  public static func installSignalHandlers() {
    var fds: [Int32] = [-1, -1]
    _ = pipe(&fds)
    for fd in fds {
      _ = fcntl(fd, F_SETFL, O_NONBLOCK)
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    // Touch every global the handler uses before installing it (Swift globals are lazy).
    wakePipeRead.store(fds[0], ordering: .relaxed)
    wakePipeWrite.store(fds[1], ordering: .relaxed)
    terminationRequested.store(false, ordering: .relaxed)
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = onSignal
      action.sa_flags = SA_RESTART
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
    }
    signal(SIGPIPE, SIG_IGN)
    var none = sigset_t()
    sigemptyset(&none)
    pthread_sigmask(SIG_SETMASK, &none, nil)
  }

  /// The terminal's width in columns (80 when unknown).
  public static var columns: Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    if let env = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(env), n > 0 {
      return n
    }
    return 80
  }
}
