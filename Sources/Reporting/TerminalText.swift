/// Makes text that came from a trainee or a file safe to show in a terminal or a text file.
///
/// A terminal obeys control bytes: `ESC[2J` clears the screen, `OSC` sequences set the title or
/// plant links, `ESC[6n` makes the terminal type its answer into standard input. A trainee's line,
/// a retailer name in a scenario or a stored utterance must never do that to the coach reading
/// the report, so every control character is replaced by a visible stand-in: C0 controls by
/// their Unicode control pictures (`␛` for ESC, `␍` for CR, `␇` for BEL), DEL by `␡`, and C1
/// controls (U+0080–U+009F, which some terminals also obey) by `<9B>`-style hex. Line breaks and
/// tabs stay: they are layout, not commands.
public enum TerminalText {
  /// `text` with every control character shown visibly. With `keepingStyle`, colour sequences of
  /// the exact form `ESC [ digits/semicolons m` (SGR, which only colours text) stay; nothing else
  /// does.
  public static func visible(_ text: String, keepingStyle: Bool = false) -> String {
    // Fast path: most text has no control characters at all.
    if !text.utf8.contains(where: { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 || $0 == 0x7F })
      && !text.unicodeScalars.contains(where: isC1)
    {
      return text
    }
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      if keepingStyle, c.value == 0x1B, let end = styleSequenceEnd(scalars, from: i) {
        out.append(contentsOf: scalars[i...end])
        i = end + 1
        continue
      }
      appendVisible(c, to: &out)
      i += 1
    }
    return String(out)
  }

  /// JSON text with DEL and C1 controls written as `\u` escapes. JSONEncoder escapes C0
  /// controls but leaves these raw, and some terminals obey C1 `CSI` (U+009B). In JSON they can
  /// only occur inside strings, where the escape means the same character.
  public static func jsonSafe(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: { $0.value == 0x7F || isC1($0) }) else {
      return json
    }
    var out = String.UnicodeScalarView()
    for c in json.unicodeScalars {
      if c.value == 0x7F || isC1(c) {
        let hex = String(c.value, radix: 16)
        out.append(contentsOf: "\\u00\(hex)".unicodeScalars)
      } else {
        out.append(c)
      }
    }
    return String(out)
  }

  /// Whether `text` holds any control character a terminal could act on (other than line breaks
  /// and tabs).
  public static func hasControls(_ text: String) -> Bool {
    text.unicodeScalars.contains { isControl($0) }
  }

  /// Whether `c` is a control character a terminal may act on (line break and tab excluded).
  public static func isControl(_ c: Unicode.Scalar) -> Bool {
    (c.value < 0x20 && c != "\n" && c != "\t") || c.value == 0x7F || isC1(c)
  }

  private static func isC1(_ c: Unicode.Scalar) -> Bool { (0x80...0x9F).contains(c.value) }

  private static func appendVisible(_ c: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
    switch c.value {
    case 0x0A, 0x09: out.append(c)
    case 0..<0x20: out.append(Unicode.Scalar(0x2400 + c.value)!)
    case 0x7F: out.append("\u{2421}")
    case 0x80...0x9F:
      let hex = String(c.value, radix: 16, uppercase: true)
      out.append(contentsOf: "<\(hex)>".unicodeScalars)
    default: out.append(c)
    }
  }

  /// The index of the `m` closing an SGR sequence starting at `start` (an ESC), if it is one.
  private static func styleSequenceEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
    guard start + 2 < s.count, s[start + 1] == "[" else { return nil }
    var j = start + 2
    while j < s.count, j - start < 20 {
      let c = s[j]
      if c == "m" { return j }
      guard ("0"..."9").contains(c) || c == ";" else { return nil }
      j += 1
    }
    return nil
  }
}
