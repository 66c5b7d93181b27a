import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program on a pseudo-terminal, as a person at a terminal would: keys in, screen text
/// out. Works in CI with no tty: the child gets a new session with the pty as its controlling
/// terminal (`setsid -w -c`), so Ctrl-C reaches it as SIGINT.
public final class PseudoTerminal {
  private let master: Int32
  private var closed = false
  private let process = Process()
  /// Everything the program printed so far.
  public private(set) var output = [UInt8]()
  private var cursor = 0

  /// Starts `executable args...` with a clean environment plus `environment` (pass nil values
  /// to leave a variable unset).
  public init(_ executable: String, _ args: [String], environment: [String: String] = [:]) throws {
    master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    // posix_openpt, grantpt, unlockpt and ptsname are not visible from Swift: use the ioctls.
    guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0,
      ioctl(master, 0x8004_5430, &number) == 0
    else {
      throw POSIXError(.EIO)
    }
    var size = winsize(ws_row: 40, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
    guard slave >= 0 else { throw POSIXError(.EIO) }
    let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
    process.arguments = ["-w", "-c", executable] + args
    process.environment = environment
    process.standardInput = handle
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    try handle.close()
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    if !closed { close(master) }
  }

  /// Closes the terminal, as closing the window does: the program gets SIGHUP and every read
  /// and write on the terminal fails from then on. Returns its exit status (nil on timeout).
  public func closeTerminal(timeout: Double = 10) -> Int32? {
    if !closed {
      close(master)
      closed = true
    }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    return process.isRunning ? nil : process.terminationStatus
  }

  /// Types `text` (use \u{03} for Ctrl-C, \u{04} for Ctrl-D, \u{1b}[D for Left, \u{7f} for
  /// Backspace, \t for Tab, \r for Enter).
  public func send(_ text: String) {
    var bytes = Array(text.utf8)
    _ = write(master, &bytes, bytes.count)
  }

  /// Waits until `needle` appears in output not yet consumed by an earlier `expect`, and
  /// consumes up to it. Returns false on timeout or when the program ends first.
  @discardableResult
  public func expect(_ needle: String, timeout: Double = 10) -> Bool {
    let target = Array(needle.utf8)
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let range = find(target) {
        cursor = range
        return true
      }
      if Date() > deadline { return false }
      var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
      if poll(&fds, 1, 100) > 0 {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        if n > 0 {
          output += buffer[0..<n]
        } else if !process.isRunning {
          return find(target).map {
            cursor = $0
            return true
          } ?? false
        }
      }
    }
  }

  private func find(_ target: [UInt8]) -> Int? {
    guard !target.isEmpty, output.count - cursor >= target.count else { return nil }
    var i = cursor
    while i + target.count <= output.count {
      if output[i] == target[0] && Array(output[i..<(i + target.count)]) == target {
        return i + target.count
      }
      i += 1
    }
    return nil
  }

  /// The program's output as text (escape sequences included).
  public var text: String { String(decoding: output, as: UTF8.self) }

  /// Waits for the program to exit and returns its status (nil on timeout).
  public func exitStatus(timeout: Double = 10) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline {
      var buffer = [UInt8](repeating: 0, count: 4096)
      var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
      if poll(&fds, 1, 50) > 0 {
        let n = read(master, &buffer, buffer.count)
        if n > 0 { output += buffer[0..<n] }
      }
    }
    return process.isRunning ? nil : process.terminationStatus
  }
}
