import VisitCoachModel
import Yams

/// Turns the YAML parser's errors into problems a trainer can act on: the common texts of
/// libyaml (an unclosed `[` or `{`, a wrong indentation, a stray colon, a tab, an unknown
/// escape) are recognised and named; the parser's own text is kept for the English wording.
enum YAMLSyntaxReading {
  static func report(_ error: YamlError, text: String, sink: DiagnosticSink) {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var parserText = problem
      if let context {
        parserText +=
          " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
      }
      if let spaces = misalignment(problem: problem, line: mark.line, text: text) {
        sink.error(
          mark.line, spaces.found + 1, "",
          .badIndentation(found: spaces.found, expected: spaces.expected))
        return
      }
      let kind = recognise(
        problem: problem, context: context?.text ?? "",
        character: character(at: mark.line, mark.column, in: text))
      sink.error(
        mark.line, mark.column, "",
        .yamlSyntax(kind, parserText: parserText, startLine: context?.mark.line))
    case .duplicatedKeysInMapping(let duplicates, let context):
      sink.error(
        context.mark.line, context.mark.column, "",
        .duplicateKeys(duplicates))
    case .reader(let problem, _, _, _):
      sink.error(1, 1, "", .yamlSyntax(.unreadable, parserText: problem, startLine: nil))
    default:
      sink.error(1, 1, "", .yamlSyntax(.other, parserText: "\(error)", startLine: nil))
    }
  }

  /// The kind of problem libyaml's `problem` text (and its `context`) describes.
  static func recognise(problem: String, context: String, character: Character?)
    -> YAMLSyntaxProblem
  {
    if problem.contains("did not find expected ',' or ']'") { return .unclosedList }
    if problem.contains("did not find expected ',' or '}'") { return .unclosedMapping }
    if context.contains("quoted scalar")
      && (problem.contains("end of stream") || problem.contains("document indicator"))
    {
      return .unclosedQuote
    }
    if problem.contains("unknown escape") { return .unknownEscape }
    if problem.contains("mapping values are not allowed") { return .colonInValue }
    if problem.contains("block sequence entries are not allowed") { return .listItemHere }
    if problem.contains("could not find expected ':'") { return .missingColon }
    if problem.contains("tab") { return .tab }
    if problem.contains("cannot start any token") {
      if character == "\t" { return .tab }
      return .reservedCharacter(character.map(String.init) ?? "")
    }
    if problem.contains("control characters") || problem.contains("invalid") {
      return .unreadable
    }
    return .other
  }

  /// When the parser's complaint comes from a line indented differently from the line before
  /// it (which is not a `key:` that opens a block): the spaces found and the spaces expected.
  static func misalignment(problem: String, line: Int, text: String) -> (
    found: Int, expected: Int
  )? {
    guard
      problem.contains("mapping values are not allowed")
        || problem.contains("did not find expected key")
        || problem.contains("did not find expected '-' indicator")
    else { return nil }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 2, line <= lines.count else { return nil }
    let current = lines[line - 1]
    guard let previous = lines[..<(line - 1)].last(where: isContent) else { return nil }
    let found = leadingSpaces(current)
    // The column a sibling key starts at: after `- ` when the line before opens a list item
    // and this line does not.
    var expected = leadingSpaces(previous)
    let previousBody = previous.dropFirst(expected)
    let currentBody = current.dropFirst(found)
    if previousBody.hasPrefix("- ") && !currentBody.hasPrefix("-") {
      expected += 2 + leadingSpaces(previousBody.dropFirst(2))
    }
    // `persona:` opens a block: the next line belongs deeper, so "not like the line before"
    // says nothing.
    let opener = previousBody.split(separator: "#", maxSplits: 1).first.map {
      String($0).trimmingWhitespace.hasSuffix(":")
    }
    guard found != expected, opener != true else { return nil }
    return (found: found, expected: expected)
  }

  private static func isContent(_ line: Substring) -> Bool {
    let body = line.drop(while: { $0 == " " })
    return !body.isEmpty && !body.hasPrefix("#") && body != "\r"
  }

  private static func leadingSpaces(_ line: Substring) -> Int {
    line.prefix(while: { $0 == " " }).count
  }

  /// The character at a 1-based line and column, if there is one.
  private static func character(at line: Int, _ column: Int, in text: String) -> Character? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 1, line <= lines.count, column >= 1 else { return nil }
    let scalars = Array(lines[line - 1].unicodeScalars)
    guard column <= scalars.count else { return nil }
    return Character(scalars[column - 1])
  }
}
