import Foundation
import LineEditing
import Reporting

/// Who is practising, so reports and the coach's views name the trainee rather than the Unix
/// account (`root` on a shared training machine). In order: `--trainee`, `$VISITCOACH_TRAINEE`,
/// the name kept in `$XDG_CONFIG_HOME/visitcoach/trainee` (asked for on the first interactive
/// practice), and only then the login name, with a note saying how to set it.
enum TraineeIdentity {
  /// The file that keeps the name: one line, readable only by the user.
  static var file: String {
    let env = ProcessInfo.processInfo.environment
    if let config = env["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return config + "/visitcoach/trainee"
    }
    let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.config/visitcoach/trainee"
  }

  /// The file that keeps the group, next to the name.
  static var groupFile: String { (file as NSString).deletingLastPathComponent + "/group" }

  /// The trainee's group (a class, a county office), optional: `--group`, `$VISITCOACH_GROUP`,
  /// or the one kept when the name was first asked.
  static func group(option: String?) -> String? {
    first(option, environment: "VISITCOACH_GROUP", kept: groupFile)
  }

  /// The name given by option, environment or the kept file, if any.
  static func known(option: String?) -> String? {
    first(option, environment: "VISITCOACH_TRAINEE", kept: file)
  }

  /// The option, else the environment variable, else the kept file: the first that says something.
  private static func first(_ option: String?, environment: String, kept: String) -> String? {
    if let option = clean(option) { return option }
    if let env = clean(ProcessInfo.processInfo.environment[environment]) { return env }
    return clean(try? String(contentsOfFile: kept, encoding: .utf8))
  }

  /// The name for a session: the known one, else (on a terminal) asked for and kept, else the
  /// login name with a note on standard error.
  static func resolve(option: String?, reader: LineReader?, strings: InterfaceStrings) -> String {
    if let name = known(option: option) { return name }
    if let reader {
      Console.line(strings.askName)
      if case .line(let raw) = reader.read(prompt: strings.namePrompt), let name = clean(raw) {
        keep(name)
        Console.line(InterfaceStrings.fill(strings.nameKept, name, file))
        // The group is optional: Enter skips it.
        if case .line(let raw) = reader.read(prompt: strings.groupPrompt), let group = clean(raw) {
          keep(group, in: groupFile)
        }
        Console.line()
        return name
      }
    }
    let login = PracticeCommand.loginName
    Console.error(
      "visitcoach: no trainee name set; using the login name '\(login)' (set it with --trainee NAME, VISITCOACH_TRAINEE, or by practising once on a terminal)"
    )
    return login
  }

  /// Keeps `name` for later sessions (best effort: a read-only home still practises).
  static func keep(_ name: String, in path: String = file) {
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    _ = FileManager.default.createFile(
      atPath: path, contents: Data((name + "\n").utf8), attributes: [.posixPermissions: 0o600])
  }

  /// The name without surrounding space and line ends, at most 40 characters; nil when nothing
  /// is left. (Control characters are kept as typed: every text output shows them visibly.)
  private static func clean(_ text: String?) -> String? {
    guard let text else { return nil }
    let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return name.isEmpty ? nil : String(name.prefix(40))
  }
}
