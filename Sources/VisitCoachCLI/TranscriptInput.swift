import Foundation
import Simulation
import TraineeInput
import VisitCoachModel

/// Reads trainee input for `replay` and piped practice: one utterance per line, any line ends;
/// lines starting with `/` are commands. Invalid UTF-8 is replaced, never fatal; blank lines are
/// skipped; over-long lines are cut with a note on standard error.
enum TranscriptInput {
  static func read(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw UserFacingError("cannot read input file '\(path)'")
    }
    return data
  }

  static func steps(from data: Data, name: String) throws -> [ScriptStep] {
    do {
      let reading = try Script.read(String(decoding: data, as: UTF8.self))
      for cut in reading.cutLines { noteCut(name: name, line: cut.line, cut.length) }
      return reading.steps
    } catch {
      throw UserFacingError(unknownCommand(name: name, line: error.line, error.command))
    }
  }

  /// The message for an unknown command on a line.
  static func unknownCommand(name: String, line: Int, _ command: String) -> String {
    let shown = command.count > 40 ? String(command.prefix(40)) + "…" : command
    return
      "\(name):\(line): unknown command '\(shown)'; commands are \(Script.commands.joined(separator: " "))"
  }

  /// Tells (on standard error) that a line was cut to the utterance limit.
  static func noteCut(name: String, line: Int, _ length: Int) {
    Console.error(
      "visitcoach: \(name):\(line): the line has \(length) characters; only the first \(Script.maximumLineLength) are kept"
    )
  }
}
