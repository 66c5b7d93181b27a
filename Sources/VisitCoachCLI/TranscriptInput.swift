import Foundation
import Simulation

/// Reads trainee input for `replay` and piped practice: one utterance per line; lines starting
/// with `/` are commands. Invalid UTF-8 is replaced, never fatal; blank lines are skipped.
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
      return try Script.parse(String(decoding: data, as: UTF8.self))
    } catch {
      throw UserFacingError(
        "\(name):\(error.line): unknown command '\(error.command)'; commands are \(Script.commands.joined(separator: " "))"
      )
    }
  }
}
