import VisitCoachModel
import Yams

/// A phrase set as authored: phrases may hold placeholders such as `{address.fitting}`.
struct PhraseSetDocument: Sendable {
  var any: [Located<String>] = []
  var all: [[Located<String>]] = []
  var none: [Located<String>] = []

  init() {}

  init?(_ r: MapReader) {
    any = r.strings("any", items: .words)
    none = r.strings("none", items: .words)
    if let node = r.value("all") {
      guard case .sequence(let groups) = node else {
        r.sink.error(
          at: node.sourceMark, r.child("all"),
          .wrongKind(expected: .listOfPhraseLists, found: node.kind, written: node.scalarText))
        return
      }
      for (i, group) in groups.enumerated() {
        all.append(
          MapReader.strings(group, path: "\(r.child("all"))[\(i)]", sink: r.sink, items: .words))
      }
    }
    r.finish()
  }

  var isEmpty: Bool { any.isEmpty && all.isEmpty }
  var phrases: [Located<String>] { any + all.flatMap { $0 } + none }
}

/// A criterion or penalty as authored in a rubric file.
struct CriterionDocument: Sendable {
  var id: Located<String>
  var title: String
  var isPenalty: Bool
  var points: Int
  var measure: Measure = .words
  /// The visit-bag item a `with_item` measure names, checked against the catalogue by the library.
  var withItem: Located<String>?
  var match = PhraseSetDocument()
  var partial = PhraseSetDocument()
  /// `situated: { when: [...], any: [...] }`: words that count only in a situation.
  var situatedWhen: [Located<String>] = []
  var situatedAny: [Located<String>] = []
  var partialPoints: Int?
  var similarGood: [Located<String>] = []
  var similarBad: [Located<String>] = []
  var similarThreshold = 0.5
  /// `learned: NAME`: a learned model (`learned/NAME.tsv`) that also meets the check.
  var learned: Located<String>?
  var negation = true
  var waitingCounts = false
  var phases: [Located<String>] = []
  var traits: [Located<String>] = []
  var withoutTraits: [Located<String>] = []
  var visit: VisitKind?
  var classes: [CustomerClass] = []
  var mood: ValueRange?
  var window: Int?
  var after: [Located<String>] = []
  var before: [Located<String>] = []
  var blocker = false
  var cancels: [Located<String>] = []
  /// `yields_to`: penalties that, firing in the same utterance, stand in for this one.
  var yieldsTo: [Located<String>] = []
  var maxCount = 2
  var moodEffect: Int
  var patienceEffect: Int
  var tip: String
  var example: String
  /// Where `example` was written, for a placeholder error.
  var exampleAt: Located<String>?
  var group: String?
  var examples: [CriterionExample] = []
  var isPromise = false
  /// Credit for a courteous or caring act, cancelled by any penalty in the same utterance.
  var isCourtesy = false
  /// Counts only when the utterance takes up the line heard.
  var picksUp = false
  /// Counts fully only when the utterance reports back on the earlier visit's promise.
  var recallsPromise = false
  /// Counts only when the utterance names a brand above the store's tier.
  var beyondTier = false
  /// Counts only when its words occur in this many clauses.
  var clausesAtLeast = 1

  init?(_ r: MapReader, isPenalty: Bool) {
    guard let id = r.string("id", required: true) else {
      for (key, _, _) in r.keys { r.markDealtWith(key) }
      return nil
    }
    self.id = id
    self.isPenalty = isPenalty
    title = r.string("title", required: true)?.value ?? id.value
    points = r.int("points", in: 0...100, required: true)?.value ?? 1
    if let m = r.map("match") {
      match = PhraseSetDocument(m) ?? PhraseSetDocument()
    }
    if let p = r.map("partial") {
      partial = PhraseSetDocument(p) ?? PhraseSetDocument()
    }
    if let s = r.map("situated") {
      situatedWhen = s.strings("when", items: .words)
      situatedAny = s.strings("any", items: .words)
      if situatedWhen.isEmpty || situatedAny.isEmpty {
        r.sink.error(at: s.mark, s.path, .situatedIncomplete)
      }
      s.finish()
    }
    partialPoints = r.int("partial_points", in: 0...100)?.value
    if let s = r.map("similar") {
      similarGood = s.strings("good")
      similarBad = s.strings("bad")
      similarThreshold = s.double("threshold", in: 0.1...1.0)?.value ?? 0.5
      s.finish()
    }
    learned = r.string("learned")
    negation = r.bool("negation")?.value ?? true
    waitingCounts = r.bool("waiting_counts")?.value ?? false
    if let a = r.map("applies") {
      phases = a.strings("phase", items: .ids)
      traits = a.strings("traits", items: .ids)
      withoutTraits = a.strings("without_traits", items: .ids)
      visit = a.choice("visit", VisitKind.allCases.map(\.rawValue)).flatMap {
        VisitKind(rawValue: $0.value)
      }
      classes = a.choices("class", CustomerClass.allCases.map(\.rawValue)).compactMap {
        CustomerClass(rawValue: $0.value)
      }
      if let node = a.value("mood") {
        if case .scalar(let s) = node, let range = ConditionDocument.parseRange(s.string) {
          mood = range
        } else {
          r.sink.error(
            at: node.sourceMark, a.child("mood"),
            ConditionDocument.notARange(node, upper: 100, isScore: false))
        }
      }
      a.finish()
    }
    window = r.int("window", in: 1...100)?.value
    after = r.strings("after", items: .ids)
    before = r.strings("before", items: .ids)
    blocker = r.bool("blocker")?.value ?? false
    cancels = r.strings("cancels", items: .ids)
    yieldsTo = r.strings("yields_to", items: .ids)
    maxCount = r.int("max_count", in: 1...100)?.value ?? 2
    moodEffect = r.int("mood", in: -100...100)?.value ?? (isPenalty ? -8 : 3)
    patienceEffect = r.int("patience", in: -100...100)?.value ?? (isPenalty ? -5 : 0)
    tip = r.string("tip")?.value ?? ""
    exampleAt = r.string("example")
    example = exampleAt?.value ?? ""
    group = r.string("group")?.value
    isPromise = r.bool("promise")?.value ?? false
    isCourtesy = r.bool("courtesy")?.value ?? false
    picksUp = r.bool("picks_up")?.value ?? false
    recallsPromise = r.bool("recalls_promise")?.value ?? false
    beyondTier = r.bool("beyond_tier")?.value ?? false
    clausesAtLeast = r.int("clauses_at_least", in: 1...10)?.value ?? 1
    if let e = r.map("examples") {
      for (key, match) in [("match", true), ("no_match", false)] {
        for text in e.strings(key) {
          examples.append(
            CriterionExample(
              text: text.value, shouldMatch: match, file: r.sink.file, line: text.mark.line,
              column: text.mark.column))
        }
      }
      e.finish()
    }
    if let m = r.map("measure") {
      let kinds = [
        "phase_seconds_at_most", "utterance_chars_at_most", "substitution", "pricier_substitute",
        "stock_advice",
        "stock_push", "record_content", "record_complaint", "record_promises", "record_next_goal",
        "stock_permission", "packed_needed", "phase_seconds_at_least", "met_times", "with_item",
        "product_facts", "wrong_product_fact", "looked_first", "plan_goals", "appearance_checked",
      ]
      let judged: [(String, Measure)] = [
        ("substitution", .substitution), ("pricier_substitute", .pricierSubstitute),
        ("stock_advice", .stockAdvice),
        ("stock_push", .stockPush), ("record_complaint", .recordComplaint),
        ("record_promises", .recordPromises),
        ("stock_permission", .stockPermission), ("packed_needed", .packedNeeded),
        ("wrong_product_fact", .wrongProductFact), ("looked_first", .lookedFirst),
        ("plan_goals", .planGoals), ("appearance_checked", .appearanceChecked),
      ]
      if let n = m.int("phase_seconds_at_most", in: 1...100_000) {
        measure = .phaseDurationAtMost(n.value)
      } else if let n = m.int("phase_seconds_at_least", in: 1...100_000) {
        measure = .phaseDurationAtLeast(n.value)
      } else if let n = m.int("utterance_chars_at_most", in: 1...100_000) {
        measure = .utterancesAtMost(n.value)
      } else if let n = m.int("met_times", in: 2...100) {
        measure = .metTimes(n.value)
      } else if let n = m.int("product_facts", in: 1...6) {
        measure = .productFacts(n.value)
      } else if let item = m.string("with_item") {
        measure = .withItem(item.value)
        withItem = item
      } else if let (_, kind) = judged.first(where: { m.bool($0.0)?.value == true }) {
        measure = kind
      } else if let n = m.int("record_content", in: 1...1000) {
        measure = .recordContent(n.value)
      } else if let n = m.int("record_next_goal", in: 1...1000) {
        measure = .recordNextGoal(n.value)
      } else {
        r.sink.error(at: m.mark, m.path, .noMeasure(kinds: kinds.sorted()))
      }
      m.finish()
    }
    if measure.judgesWords, match.isEmpty, situatedAny.isEmpty, similarGood.isEmpty,
      learned == nil, !waitingCounts
    {
      r.sink.error(at: r.mark, r.path, .neverMet(check: id.value))
    }
    if !isPenalty && tip.isEmpty {
      r.sink.warning(at: r.mark, r.path, .noTip(check: id.value))
    }
  }
}

/// A rubric file (`scenarios/rubrics/*.yaml`) as authored.
struct RubricDocument: Sendable {
  var file: String
  var text: String
  var id: Located<String>
  var title: String
  var weight: Int
  var hints: [String: String] = [:]
  var criteria: [CriterionDocument] = []
  var penalties: [CriterionDocument] = []

  init?(_ root: Yams.Node, file: String, text: String, sink: DiagnosticSink) {
    guard let r = MapReader(root, path: "", sink: sink, document: .rubric) else { return nil }
    defer { r.finish() }
    FormatVersion.check(r)
    guard let id = r.string("id", required: true) else { return nil }
    self.file = file
    self.text = text
    self.id = id
    title = r.string("title", required: true)?.value ?? id.value
    weight = r.int("weight", in: 0...100, required: true)?.value ?? 0
    if let h = r.map("hints") {
      for (key, _, _) in h.authorKeys(as: .text) {
        if let text = h.string(key) { hints[key] = text.value }
      }
      h.finish()
    }
    var criteria: [CriterionDocument] = []
    r.list("criteria") { item, _ in
      if let c = CriterionDocument(item, isPenalty: false) { criteria.append(c) }
    }
    var penalties: [CriterionDocument] = []
    r.list("penalties") { item, _ in
      if let c = CriterionDocument(item, isPenalty: true) { penalties.append(c) }
    }
    if criteria.isEmpty && penalties.isEmpty {
      sink.error(at: r.mark, "criteria", .noCriteria(rubric: id.value))
    }
    self.criteria = criteria
    self.penalties = penalties
    var seen: [String: SourceMark] = [:]
    for c in criteria + penalties {
      if let first = seen[c.id.value] {
        sink.error(
          at: c.id.mark, c.id.keyPath,
          .duplicateID(kind: .check, id: c.id.value, firstLine: first.line, otherFile: nil))
      }
      seen[c.id.value] = c.id.mark
    }
  }
}
