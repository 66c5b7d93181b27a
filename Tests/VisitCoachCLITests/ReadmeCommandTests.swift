import Foundation
import Testing
import VisitCoachTestSupport

/// Every command the README shows runs as written in a checkout after `make run`: through the
/// `./visitcoach` launcher, from the checkout's folder, with no terminal.
@Suite("README commands")
struct ReadmeCommandTests {
  /// The commands a reader would copy: `$ ` lines of code blocks, and inline code that starts
  /// with `./visitcoach ` and holds no placeholder (`SCENARIO`, `[--seed N]`, `…`).
  static func commands(in readme: String) -> [String] {
    var found: [String] = []
    var inBlock = false
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        inBlock.toggle()
        continue
      }
      if inBlock, line.hasPrefix("$ ") {
        var command = String(line.dropFirst(2))
        if let comment = command.range(of: " #") {
          command = String(command[..<comment.lowerBound])
        }
        found.append(command.trimmingCharacters(in: .whitespaces))
      }
    }
    let spans = readme.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map(
      \.element)
    for span in spans where span.hasPrefix("./visitcoach") {
      let placeholder =
        span.contains("[") || span.contains("…") || span.contains("\\|")
        || span.split(separator: " ").contains { word in
          word.count > 1 && word.allSatisfy { $0.isUppercase || $0 == "_" || $0 == "." }
        }
      if !placeholder { found.append(String(span)) }
    }
    return found
  }

  @Test func everyReadmeCommandRunsAsWritten() throws {
    let readme = try String(contentsOfFile: TestLibrary.repoRoot + "/README.md", encoding: .utf8)
    let commands = Self.commands(in: readme)
    #expect(commands.count >= 6, "\(commands)")
    #expect(commands.allSatisfy { $0.hasPrefix("./visitcoach") }, "\(commands)")
    // A checkout after `make run`: the launcher, the library and the built program.
    let checkout = Scratch.root + "visitcoach-readme-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: checkout) }
    let fm = FileManager.default
    try fm.createDirectory(atPath: checkout + "/.build/debug", withIntermediateDirectories: true)
    try fm.copyItem(atPath: TestLibrary.repoRoot + "/visitcoach", toPath: checkout + "/visitcoach")
    try fm.createSymbolicLink(
      atPath: checkout + "/scenarios", withDestinationPath: TestLibrary.scenariosRoot)
    try fm.createSymbolicLink(
      atPath: checkout + "/.build/debug/visitcoach", withDestinationPath: BinaryRunner.executable)
    try "刘姐，您好！\n您先忙，我等您。\n".write(
      toFile: checkout + "/lines.txt", atomically: true, encoding: .utf8)
    for command in commands {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", command]
      process.currentDirectoryURL = URL(fileURLWithPath: checkout)
      var env = ProcessInfo.processInfo.environment
      env["HOME"] = checkout + "/home"
      env["VISITCOACH_DB"] = checkout + "/home/visitcoach.sqlite"
      env["VISITCOACH_TRAINEE"] = "读说明的人"
      env["XDG_CONFIG_HOME"] = nil
      env["XDG_STATE_HOME"] = nil
      env["XDG_CACHE_HOME"] = nil
      process.environment = env
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = FileHandle.nullDevice
      let errors = checkout + "/stderr.txt"
      _ = fm.createFile(atPath: errors, contents: nil)
      process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
      try process.run()
      process.waitUntilExit()
      let stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
      // With nothing left unfinished, `resume` says so plainly (and runs, which is the point).
      let nothingToResume =
        command.hasSuffix("resume") && stderr.contains("no unfinished session to resume")
      #expect(process.terminationStatus == 0 || nothingToResume, "\(command): \(stderr)")
      #expect(!stderr.contains("not found"), "\(command): \(stderr)")
    }
  }
}
