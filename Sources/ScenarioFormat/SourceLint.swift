/// Checks the raw text for mistakes Chinese input methods cause, which YAML parsers report
/// confusingly or not at all: a full-width colon after a key, ideographic spaces or tabs in
/// indentation.
enum SourceLint {
  static func check(_ text: String, into sink: DiagnosticSink) {
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = Array(rawLine.unicodeScalars)
      var column = 0
      // Indentation.
      while column < line.count,
        line[column] == " " || line[column] == "\u{3000}" || line[column] == "\t"
      {
        if line[column] == "\u{3000}" {
          sink.error(
            lineNumber, column + 1, "",
            "ideographic space (U+3000, full-width space from a Chinese input method) in indentation; indent with ASCII spaces"
          )
          break
        }
        if line[column] == "\t" {
          sink.error(
            lineNumber, column + 1, "", "tab in indentation; YAML indents with spaces only")
          break
        }
        column += 1
      }
      // A key followed by a full-width colon, with no ASCII colon before it: `title： 问候`.
      var i = column
      if i < line.count, line[i] == "-" { i += 1 }
      while i < line.count, line[i] == " " { i += 1 }
      let keyStart = i
      while i < line.count, line[i] != ":", line[i] != "：", line[i] != "#", line[i] != "\"",
        line[i] != "'"
      {
        i += 1
      }
      // Keys are ASCII names; Chinese text such as `- 新品：海韵` is left alone.
      let isKey =
        i > keyStart
        && line[keyStart..<i].allSatisfy {
          $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0))
        }
      if i < line.count, line[i] == "：", isKey {
        let key = String(String.UnicodeScalarView(line[keyStart..<i]))
        sink.error(
          lineNumber, i + 1, key,
          "full-width colon '：' after a key (from a Chinese input method); type an ASCII colon ':' followed by a space"
        )
      }
    }
  }
}
