/// Checks the raw text for mistakes Chinese input methods cause, which YAML parsers report
/// confusingly or not at all: a full-width colon after a key, ideographic spaces or tabs in
/// indentation.
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
      sink.error(
        lineNumber, column, "",
        "ideographic space (U+3000, full-width space from a Chinese input method) in indentation; indent with ASCII spaces"
      )
      return
    }
    if p < line.upperBound && bytes[p] == 0x09 {
      sink.error(lineNumber, column, "", "tab in indentation; YAML indents with spaces only")
      return
    }
    // A key followed by a full-width colon, with no ASCII colon before it: `title： 问候`. Keys
    // are ASCII names; Chinese text such as `- 新品：海韵` is left alone.
    if p < line.upperBound && bytes[p] == UInt8(ascii: "-") { p += 1 }
    while p < line.upperBound && bytes[p] == 0x20 { p += 1 }
    let keyStart = p
    while p < line.upperBound, isKeyByte(bytes[p]) { p += 1 }
    guard p > keyStart, has(fullWidthColon, at: p) else { return }
    let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<p]), as: UTF8.self)
    sink.error(
      lineNumber, p - line.lowerBound + 1, key,
      "full-width colon '：' after a key (from a Chinese input method); type an ASCII colon ':' followed by a space"
    )
  }

  private static func isKeyByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
  }
}
