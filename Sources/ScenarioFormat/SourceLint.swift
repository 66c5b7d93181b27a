import VisitCoachModel

/// Checks the raw text for mistakes Chinese input methods cause, which YAML parsers report
/// confusingly or not at all: a full-width colon after a key, ideographic spaces or tabs in
/// indentation; and for an unquoted comparison (`mood: >=35`), which YAML reads as the start of
/// a folded text and reports as a scanner error.
///
/// It reads UTF-8 bytes (every file of a scenario passes through here before a practice session
/// starts): the marks it looks for are ASCII or fixed three-byte sequences, and UTF-8 cannot
/// contain one of those in the middle of another character.
enum SourceLint {
  /// U+3000 IDEOGRAPHIC SPACE and U+FF1A FULLWIDTH COLON in UTF-8.
  private static let ideographicSpace: (UInt8, UInt8, UInt8) = (0xE3, 0x80, 0x80)
  private static let fullWidthColon: (UInt8, UInt8, UInt8) = (0xEF, 0xBC, 0x9A)

  static func check(_ text: String, into sink: DiagnosticSink) {
    var text = text
    text.withUTF8 { bytes in
      var lineNumber = 0
      var start = 0
      while start <= bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        lineNumber += 1
        checkLine(bytes, start..<end, lineNumber, sink)
        start = end + 1
      }
    }
  }

  private static func checkLine(
    _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ lineNumber: Int,
    _ sink: DiagnosticSink
  ) {
    func has(_ mark: (UInt8, UInt8, UInt8), at p: Int) -> Bool {
      p + 2 < line.upperBound && bytes[p] == mark.0 && bytes[p + 1] == mark.1
        && bytes[p + 2] == mark.2
    }
    // Indentation: ASCII spaces only. Everything before the first other byte is one column per
    // byte, so a byte offset is the column a trainer's editor shows.
    var p = line.lowerBound
    while p < line.upperBound && bytes[p] == 0x20 { p += 1 }
    let column = p - line.lowerBound + 1
    if has(ideographicSpace, at: p) {
      sink.error(lineNumber, column, "", .ideographicSpaceIndentation)
      return
    }
    if p < line.upperBound && bytes[p] == 0x09 {
      sink.error(lineNumber, column, "", .tabIndentation)
      return
    }
    if line.contains(where: { bytes[$0] == UInt8(ascii: ">") }) {
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self)
      for (column, key, written) in UnquotedComparison.find(in: text) {
        sink.error(lineNumber, column, key, .unquotedComparison(written: written))
      }
    }
    // A key followed by a full-width colon, with no ASCII colon before it: `title： 问候`. Keys
    // are ASCII names; Chinese text such as `- 新品：海韵` is left alone.
    if p < line.upperBound && bytes[p] == UInt8(ascii: "-") { p += 1 }
    while p < line.upperBound && bytes[p] == 0x20 { p += 1 }
    let keyStart = p
    while p < line.upperBound, isKeyByte(bytes[p]) { p += 1 }
    guard p > keyStart, has(fullWidthColon, at: p) else { return }
    let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<p]), as: UTF8.self)
    sink.error(lineNumber, p - line.lowerBound + 1, key, .fullWidthColon(key: key))
  }

  private static func isKeyByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
  }
}

/// `key: >=35` written without quotes. YAML reads `>` at the start of a value as a folded
/// block of text, so the line does not parse (or, with `>3`, silently swallows what follows).
enum UnquotedComparison {
  /// Keys whose values are ranges, where even `>N` (without `=`) is a comparison.
  static let rangeKeys: Set<String> = ["mood", "patience", "turn", "total"]

  /// Each unquoted comparison on `line`: its 1-based column (in Unicode scalars), its key and
  /// what was written.
  static func find(in line: String) -> [(column: Int, key: String, written: String)] {
    let chars = Array(line.unicodeScalars).map(\.value)
    func text(_ range: Range<Int>) -> String {
      String(String.UnicodeScalarView(chars[range].compactMap { Unicode.Scalar($0) }))
    }
    let space: UInt32 = 0x20
    let colon: UInt32 = 0x3A
    let greater: UInt32 = 0x3E
    let equals: UInt32 = 0x3D
    let beforeKey: Set<UInt32> = [0x20, 0x7B, 0x2C, 0x2D]  // space { , -
    let closing: Set<UInt32> = [0x2C, 0x7D, 0x5D]  // , } ]
    var found: [(column: Int, key: String, written: String)] = []
    // A comment line is not read.
    if let first = chars.first(where: { $0 != space }), first == 0x23 { return [] }
    var c = 0
    while c < chars.count {
      defer { c += 1 }
      // `key:` then at least one space then `>`.
      guard chars[c] == colon, c + 1 < chars.count, chars[c + 1] == space else { continue }
      var keyStart = c
      while keyStart > 0, isKeyScalar(chars[keyStart - 1]) { keyStart -= 1 }
      guard keyStart < c, keyStart == 0 || beforeKey.contains(chars[keyStart - 1]) else {
        continue
      }
      var v = c + 1
      while v < chars.count, chars[v] == space { v += 1 }
      guard v < chars.count, chars[v] == greater else { continue }
      var end = v + 1
      let hasEquals = end < chars.count && chars[end] == equals
      if hasEquals { end += 1 }
      while end < chars.count, chars[end] == space { end += 1 }
      let digitsStart = end
      while end < chars.count, chars[end] >= 0x30, chars[end] <= 0x39 { end += 1 }
      guard end > digitsStart else { continue }
      var after = end
      while after < chars.count, chars[after] == space { after += 1 }
      let closesFlow = after < chars.count && closing.contains(chars[after])
      // Then the end of the line (or `\r`, or a comment), or the end of a flow item.
      guard after == chars.count || closesFlow || chars[after] == 0x23 || chars[after] == 0x0D
      else { continue }
      let key = text(keyStart..<c)
      guard hasEquals || closesFlow || rangeKeys.contains(key) else { continue }
      found.append((column: v + 1, key: key, written: text(v..<end)))
      c = end - 1
    }
    return found
  }

  private static func isKeyScalar(_ s: UInt32) -> Bool {
    (s >= 0x61 && s <= 0x7A) || (s >= 0x41 && s <= 0x5A) || (s >= 0x30 && s <= 0x39) || s == 0x5F
  }
}
