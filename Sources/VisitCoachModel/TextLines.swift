/// Splits text into lines whatever the line ends: `\n` (Unix), `\r\n` (Windows) and a lone `\r`
/// (old Mac). Splitting a Swift `String` on `"\n"` misses Windows files entirely, because
/// `"\r\n"` is one `Character`; this works on Unicode scalars instead.
public enum TextLines {
  /// The lines of `text`, without their line ends. A final line end does not start a new line.
  public static func split(_ text: String) -> [String] {
    var lines: [String] = []
    var current = String.UnicodeScalarView()
    var afterCR = false
    for scalar in text.unicodeScalars {
      if afterCR {
        afterCR = false
        if scalar == "\n" { continue }
      }
      switch scalar {
      case "\n":
        lines.append(String(current))
        current = String.UnicodeScalarView()
      case "\r":
        lines.append(String(current))
        current = String.UnicodeScalarView()
        afterCR = true
      default:
        current.append(scalar)
      }
    }
    if !current.isEmpty { lines.append(String(current)) }
    return lines
  }
}
