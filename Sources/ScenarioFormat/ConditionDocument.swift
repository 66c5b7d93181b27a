import VisitCoachModel
import Yams

/// A `when:` condition as authored: every part located, references not yet checked.
struct ConditionDocument: Sendable {
  var mark: SourceMark
  var path: String
  var phases: [Located<String>] = []
  var traits: [Located<String>] = []
  var withoutTraits: [Located<String>] = []
  var mood: ValueRange?
  var patience: ValueRange?
  var flags: [Located<String>] = []
  var unset: [Located<String>] = []
  var met: [Located<String>] = []
  var missed: [Located<String>] = []
  var metNow: [Located<String>] = []
  var violatedNow: [Located<String>] = []
  var longerThan: Int?
  var heard: [Located<String>] = []
  var notHeard: [Located<String>] = []
  var said: [Located<String>] = []
  var notSaid: [Located<String>] = []
  var visit: VisitKind?
  var turn: ValueRange?
  var packed: [Located<String>] = []
  var notPacked: [Located<String>] = []
  /// Named conditions this one includes (`if:`).
  var includes: [Located<String>] = []

  static let keys = [
    "phase", "traits", "without_traits", "mood", "patience", "flags", "unset", "met", "missed",
    "met_now", "violated_now", "longer_than", "heard", "not_heard", "said", "not_said", "visit",
    "turn", "packed", "not_packed", "if",
  ]

  init?(_ node: Yams.Node, path: String, sink: DiagnosticSink) {
    guard let r = MapReader(node, path: path, sink: sink, schemaPath: "condition") else {
      return nil
    }
    mark = r.mark
    self.path = path
    phases = r.strings("phase", items: .ids)
    traits = r.strings("traits", items: .ids)
    withoutTraits = r.strings("without_traits", items: .ids)
    mood = Self.range(r, "mood")
    patience = Self.range(r, "patience")
    flags = r.strings("flags", items: .ids)
    unset = r.strings("unset", items: .ids)
    met = r.strings("met", items: .ids)
    missed = r.strings("missed", items: .ids)
    metNow = r.strings("met_now", items: .ids)
    violatedNow = r.strings("violated_now", items: .ids)
    longerThan = r.int("longer_than", in: 0...100_000)?.value
    heard = r.strings("heard", items: .words)
    notHeard = r.strings("not_heard", items: .words)
    said = r.strings("said", items: .ids)
    notSaid = r.strings("not_said", items: .ids)
    visit = r.choice("visit", VisitKind.allCases.map(\.rawValue)).flatMap {
      VisitKind(rawValue: $0.value)
    }
    turn = Self.range(r, "turn", upper: 1000)
    packed = r.strings("packed", items: .ids)
    notPacked = r.strings("not_packed", items: .ids)
    includes = r.strings("if", items: .ids)
    for (key, keyNode, _) in r.keys where !Self.keys.contains(key) {
      sink.error(
        at: keyNode.sourceMark, r.child(key),
        .unknownKey(
          key: key, suggestion: EditDistance.nearest(to: key, in: Self.keys),
          known: Self.keys.sorted(),
          ignored: false))
      r.markDealtWith(key)
    }
    r.finish()
  }

  private static func range(_ r: MapReader, _ key: String, upper: Int = 100) -> ValueRange? {
    guard let node = r.value(key, as: .range) else { return nil }
    guard case .scalar(let scalar) = node, let range = parseRange(scalar.string, upper: upper)
    else {
      r.sink.error(at: node.sourceMark, r.child(key), notARange(node, upper: upper, isScore: false))
      return nil
    }
    return range
  }

  /// The problem of `node` not being a range: Chinese quotation marks around it are named as
  /// such.
  static func notARange(_ node: Yams.Node, upper: Int, isScore: Bool) -> AuthoringProblem {
    guard let text = node.scalarText else {
      return .wrongKind(expected: .range, found: node.kind, written: nil)
    }
    if ChineseQuotes.inner(text) != nil {
      return .chineseQuotes(written: text.trimmingWhitespace, expected: .range)
    }
    return .notARange(written: text, upper: upper, isScore: isScore)
  }

  /// Parses `low`, `mid`, `high`, `<N`, `<=N`, `>N`, `>=N`, `N-M` or `N`.
  static func parseRange(_ text: String, upper: Int = 100) -> ValueRange? {
    let t = text.trimmingWhitespace.replacingOccurrences(of: " ", with: "")
    switch t {
    case "low": return .low
    case "mid": return .mid
    case "high": return .high
    default: break
    }
    func number(_ s: Substring) -> Int? { Int(s).flatMap { (0...upper).contains($0) ? $0 : nil } }
    if t.hasPrefix("<="), let n = number(t.dropFirst(2)) { return ValueRange(0, n) }
    if t.hasPrefix(">="), let n = number(t.dropFirst(2)) { return ValueRange(n, upper) }
    if t.hasPrefix("<"), let n = number(t.dropFirst()), n > 0 { return ValueRange(0, n - 1) }
    if t.hasPrefix(">"), let n = number(t.dropFirst()), n < upper {
      return ValueRange(n + 1, upper)
    }
    let parts = t.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 2, let a = number(parts[0]), let b = number(parts[1]), a <= b {
      return ValueRange(a, b)
    }
    if let n = number(Substring(t)) { return ValueRange(n, n) }
    return nil
  }
}

/// A retailer line as authored.
struct LineDocument: Sendable {
  var id: Located<String>
  var text: String
  /// Where `text` was written, for a diagnostic about it.
  var textMark: SourceMark?
  var event: LineEvent
  var when: ConditionDocument?
  var mood = 0
  var patience = 0
  var set: [Located<String>] = []
  var clear: [Located<String>] = []
  var goto: Located<String>?
  var ends = false
  var priority = 0
  /// Brands the line is about (`about:`), by id, name or family.
  var about: [Located<String>] = []

  init?(_ r: MapReader) {
    guard let id = r.string("id", required: true)
    else {
      _ = r.value("text")
      _ = r.value("on")
      _ = r.value("when")
      _ = r.value("then")
      _ = r.value("priority")
      _ = r.value("about")
      return nil
    }
    self.id = id
    let written = r.string("text", required: true)
    text = written?.value ?? ""
    textMark = written?.mark
    priority = r.int("priority", in: -10...10)?.value ?? 0
    about = r.strings("about", items: .ids)
    event =
      r.choice("on", LineEvent.allCases.map(\.rawValue)).flatMap { LineEvent(rawValue: $0.value) }
      ?? .reply
    if let node = r.value("when", as: .condition) {
      when = ConditionDocument(node, path: r.child("when"), sink: r.sink)
    }
    if let then = r.map("then") {
      mood = then.int("mood", in: -100...100)?.value ?? 0
      patience = then.int("patience", in: -100...100)?.value ?? 0
      set = then.strings("set", items: .ids)
      clear = then.strings("clear", items: .ids)
      goto = then.string("goto")
      ends = then.bool("end")?.value ?? false
      then.finish()
    }
  }
}
