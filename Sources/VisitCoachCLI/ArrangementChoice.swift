import ArgumentParser
import Reporting
import VisitCoachModel

/// Choosing one of the library's exams, series or route days by id, and reporting how it loaded.
enum ArrangementChoice {
  /// The id to use: `given`, or the only one there is. With `list`, prints the ids and returns
  /// nil. `plural` and `folder` word the error (no exams in exams/*.yaml; name the exam: …).
  static func pick(
    _ given: String?, from ids: [String], list: Bool, root: String, singular: String,
    plural: String, folder: String
  ) throws -> String? {
    if list {
      for id in ids { Console.line(id) }
      return nil
    }
    guard let id = given ?? (ids.count == 1 ? ids[0] : nil) else {
      throw UserFacingError(
        ids.isEmpty
          ? "the library \(root) has no \(plural) (\(folder)/*.yaml)"
          : "name the \(singular): \(ids.joined(separator: ", "))")
    }
    return id
  }

  /// Prints what loading found on standard error; the loaded value, or exit status 1 without
  /// one.
  static func loaded<Value>(
    _ value: Value?, _ diagnostics: [Diagnostic], strings: InterfaceStrings
  ) throws -> Value {
    for d in diagnostics { Console.error(strings.diagnostic(d)) }
    guard let value else { throw ExitCode(1) }
    return value
  }
}
