import Foundation

/// One folder per test process for every file and folder the tests create
/// (`visitcoach-tests-PID/` in the system's temporary folder), removed when the process exits
/// normally. A run that crashes or is killed leaves its folder; the next run removes folders
/// whose process is gone.
public enum Scratch {
  /// The folder, with a trailing slash; created, and set to be removed at exit, on first use.
  public static let root: String = {
    let base = NSTemporaryDirectory()
    let prefix = "visitcoach-tests-"
    let files = FileManager.default
    // Folders of earlier runs that did not exit normally.
    for name in (try? files.contentsOfDirectory(atPath: base)) ?? []
    where name.hasPrefix(prefix) && !name.hasSuffix(".sqlite") {
      if let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0 {
        try? files.removeItem(atPath: base + name)
      }
    }
    let path = base + prefix + "\(getpid())/"
    do {
      try files.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      preconditionFailure("cannot create the tests' scratch folder \(path): \(error)")
    }
    atexit { try? FileManager.default.removeItem(atPath: Scratch.root) }
    return path
  }()
}
