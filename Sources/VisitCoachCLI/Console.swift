import Foundation

/// The one place that writes to the terminal. Libraries return values; commands print them here.
enum Console {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func line(_ text: String = "") { out(text + "\n") }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }
}

/// An error meant for the user: printed once, then the process exits with `code`.
struct UserFacingError: Error, CustomStringConvertible {
  var message: String
  var code: Int32

  init(_ message: String, code: Int32 = 2) {
    self.message = message
    self.code = code
  }

  var description: String { message }
}
