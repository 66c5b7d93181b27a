import Foundation

/// Runs the built `visitcoach` binary, as a user would from a shell.
public enum BinaryRunner {
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// The executable built next to the test bundle.
  public static var executable: String {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    while url.pathComponents.count > 1 {
      let candidate = url.deletingLastPathComponent().appendingPathComponent("visitcoach")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
      url.deleteLastPathComponent()
    }
    return TestLibrary.repoRoot + "/.build/debug/visitcoach"
  }

  /// Runs `visitcoach args...` in `folder` (the repository root unless given) with `stdin` as
  /// standard input.
  public static func run(
    _ args: [String], stdin: Data = Data(), environment: [String: String] = [:],
    in folder: String = TestLibrary.repoRoot
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = args
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var env = ProcessInfo.processInfo.environment
    env["LANG"] = env["LANG"] ?? "C.UTF-8"
    // Sessions from tests go to a throwaway database, never the developer's own.
    env["VISITCOACH_DB"] =
      env["VISITCOACH_DB"] ?? (Scratch.root + "visitcoach-tests-\(getpid()).sqlite")
    for (k, v) in environment { env[k] = v }
    process.environment = env
    // Standard input and error go through files, so large inputs never block on a full pipe.
    let inputPath = try temporaryFile(stdin)
    let errorPath = try temporaryFile(Data())
    let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
    let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try? input.close()
    try? errors.close()
    let errData = (try? Data(contentsOf: URL(fileURLWithPath: errorPath))) ?? Data()
    try? FileManager.default.removeItem(atPath: inputPath)
    try? FileManager.default.removeItem(atPath: errorPath)
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A temporary file holding `data`.
  public static func temporaryFile(_ data: Data, suffix: String = ".txt") throws -> String {
    let path = Scratch.root + "visitcoach-\(UUID().uuidString)\(suffix)"
    try data.write(to: URL(fileURLWithPath: path))
    return path
  }
}

extension BinaryRunner {
  /// Pids of running processes named `name` whose environment mentions `marker` (so a test
  /// signals only its own child).
  public static func processIDs(named name: String, environmentContaining marker: String) throws
    -> [Int32]
  {
    var found: [Int32] = []
    for entry in try FileManager.default.contentsOfDirectory(atPath: "/proc") {
      guard let pid = Int32(entry) else { continue }
      guard let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
        comm.trimmingCharacters(in: .whitespacesAndNewlines) == name,
        let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ"),
        String(decoding: environ, as: UTF8.self).contains(marker)
      else { continue }
      found.append(pid)
    }
    return found
  }
}
