/// Terminal display width: CJK and other East Asian wide characters take two cells.
public enum DisplayWidth {
  /// The number of terminal cells `text` occupies. Colour escape sequences (ESC [ … m) take
  /// none.
  public static func of(_ text: some StringProtocol) -> Int {
    var cells = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if endsEscape(scalar) { inEscape = false }
        continue
      }
      if scalar == "\u{1B}" {
        inEscape = true
        continue
      }
      cells += width(of: scalar)
    }
    return cells
  }

  /// Cells for one scalar: 0 for combining marks and controls, 2 for wide, else 1.
  public static func width(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    if v < 0x300 { return 1 }
    if (v >= 0x300 && v <= 0x36F) || v == 0x200B || v == 0x200D || (v >= 0xFE00 && v <= 0xFE0F) {
      return 0
    }
    if (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0x33FF)
      || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF)
      || (v >= 0xA000 && v <= 0xA4CF)
      || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF)
      || (v >= 0xFE30 && v <= 0xFE4F)
      || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6)
      || (v >= 0x1F300 && v <= 0x1F64F)
      || (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x20000 && v <= 0x3FFFD)
    {
      return 2
    }
    return 1
  }

  /// `text` padded with spaces to `cells` display cells.
  public static func pad(_ text: String, to cells: Int) -> String {
    let w = of(text)
    return w >= cells ? text : text + String(repeating: " ", count: cells - w)
  }

  /// Splits `text` into lines of at most `cells` display cells. Chinese breaks between any two
  /// characters, but a line never starts with closing punctuation (，。、；：！？）」 …) and ASCII
  /// words stay whole when they fit on a line.
  public static func wrap(_ text: String, width cells: Int) -> [String] {
    guard cells > 1 else { return [text] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line: [Character] = []
      var lineWidth = 0
      let characters = Array(paragraph)
      var index = 0
      while index < characters.count {
        let character = characters[index]
        index += 1
        if character == "\u{1B}" {
          // A colour escape sequence goes whole onto the current line and takes no cells.
          line.append(character)
          while index < characters.count {
            let c = characters[index]
            line.append(c)
            index += 1
            if let scalar = c.unicodeScalars.first, endsEscape(scalar) { break }
          }
          continue
        }
        let w = of(String(character))
        if lineWidth + w > cells && !line.isEmpty {
          if character == " " {
            // A break at a space: the space goes, it does not start the next line.
            lines.append(String(line))
            line = []
            lineWidth = 0
            continue
          }
          var carried: [Character] = []
          if endsWithEscape(line) {
            // Never carry part of a colour sequence: the line breaks here as it is.
          } else if noLineStart.contains(character), line.count > 1 {
            // Take the last character along, so the punctuation does not start the line.
            carried = [line.removeLast()]
          } else if character.isASCII && character.isLetter
            || character.isASCII && character.isNumber
          {
            // Move a partial ASCII word to the next line, if the word is short enough.
            var k = line.count
            while k > 0, line[k - 1].isASCII,
              line[k - 1].isLetter || line[k - 1].isNumber || line[k - 1] == "/"
            { k -= 1 }
            if k > 0, line.count - k < cells / 2 {
              carried = Array(line[k...])
              line.removeSubrange(k...)
            }
          }
          lines.append(String(line))
          line = carried
          lineWidth = carried.reduce(0) { $0 + of(String($1)) }
        }
        line.append(character)
        lineWidth += w
      }
      lines.append(String(line))
    }
    return lines
  }

  /// Whether `scalar` is the final byte of an escape sequence after ESC: a letter or one of
  /// @\\]^_`{|}~ (the `[` that opens it is not).
  private static func endsEscape(_ scalar: Unicode.Scalar) -> Bool {
    scalar != "[" && scalar.value >= 0x40 && scalar.value <= 0x7E
  }

  /// Whether the line ends in a colour escape sequence (nothing printable after its last ESC).
  private static func endsWithEscape(_ line: [Character]) -> Bool {
    guard let escape = line.lastIndex(of: "\u{1B}") else { return false }
    var i = escape + 1
    while i < line.count {
      let c = line[i]
      i += 1
      if let scalar = c.unicodeScalars.first, endsEscape(scalar) { break }
    }
    return i >= line.count
  }

  /// Characters that must not begin a line.
  private static let noLineStart: Set<Character> = [
    "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "”", "’", "》", "〉", "…", "—", ",", ".", "!",
    "?", ";", ":", ")",
  ]
}
