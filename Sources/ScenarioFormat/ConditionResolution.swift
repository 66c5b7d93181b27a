import VisitCoachModel

/// Checks the references in line conditions (phases, traits, flags, criteria, named
/// conditions) and turns condition documents into flat ``Condition`` values.
struct ConditionResolver {
  var phases: Set<String>
  var traits: Set<String>
  var flags: Set<String>
  var criteria: Set<String>
  var penalties: Set<String>
  /// Visit-bag item ids, for `packed` and `not_packed`.
  var bag: Set<String>
  var named: [String: ConditionDocument]
  /// Whether unknown phases and criteria are errors (scenario lines) or make the line inert
  /// (trait lines, which serve many scenarios).
  var strict: Bool
  let sink: DiagnosticSink
  /// Named conditions already resolved: each is resolved once, so conditions that include each
  /// other in a diamond cost linear time, not time doubling per level (and report their
  /// problems once).
  private let memo = Memo()

  private final class Memo {
    var resolved: [String: Condition?] = [:]
  }

  /// The flat condition, or nil when a reference is unknown (an error is reported when strict).
  func resolve(_ doc: ConditionDocument?, visiting: [String] = []) -> Condition? {
    guard let doc else { return Condition() }
    var c = Condition()
    var ok = true
    func check(_ items: [Located<String>], in known: Set<String>, what: String, strictOnly: Bool)
      -> Set<String>
    {
      for item in items where !known.contains(item.value) {
        if strict || !strictOnly {
          sink.error(
            at: item.mark, item.keyPath,
            "unknown \(what) '\(item.value)'\(Suggestions.hint(item.value, in: known)); known: \(Suggestions.list(known))"
          )
        }
        ok = false
      }
      return Set(items.map(\.value))
    }
    if strict {
      c.phases = check(doc.phases, in: phases, what: "phase", strictOnly: true)
    } else if !doc.phases.isEmpty {
      // A trait line names the phases it fits; it keeps those this scenario has.
      c.phases = Set(doc.phases.map(\.value)).intersection(phases)
      if c.phases.isEmpty { ok = false }
    }
    c.traits = check(doc.traits, in: traits, what: "trait", strictOnly: false)
    c.withoutTraits = check(doc.withoutTraits, in: traits, what: "trait", strictOnly: false)
    c.flags = check(doc.flags, in: flags, what: "flag (no line sets it)", strictOnly: false)
    c.unset = check(doc.unset, in: flags, what: "flag (no line sets it)", strictOnly: false)
    c.met = check(doc.met, in: criteria, what: "criterion", strictOnly: true)
    c.missed = check(doc.missed, in: criteria, what: "criterion", strictOnly: true)
    c.metNow = check(doc.metNow, in: criteria, what: "criterion", strictOnly: true)
    c.violatedNow = check(doc.violatedNow, in: penalties, what: "penalty", strictOnly: true)
    c.mood = doc.mood
    c.patience = doc.patience
    c.longerThan = doc.longerThan
    let heard = doc.heard.map(\.value).filter { !$0.isEmpty }
    if !heard.isEmpty { c.heard = [heard] }
    c.notHeard = Set(doc.notHeard.map(\.value).filter { !$0.isEmpty })
    c.visit = doc.visit
    c.turnInPhase = doc.turn
    c.packed = check(doc.packed, in: bag, what: "visit-bag item", strictOnly: false)
    c.notPacked = check(doc.notPacked, in: bag, what: "visit-bag item", strictOnly: false)
    for include in doc.includes {
      guard let target = named[include.value] else {
        sink.error(
          at: include.mark, include.keyPath,
          "unknown named condition '\(include.value)'\(Suggestions.hint(include.value, in: named.keys)); defined under 'conditions:': \(Suggestions.list(named.keys))"
        )
        ok = false
        continue
      }
      if visiting.contains(include.value) {
        let chain = (visiting + [include.value]).joined(separator: " -> ")
        sink.error(
          at: include.mark, include.keyPath,
          "condition '\(include.value)' refers to itself (\(chain))")
        ok = false
        continue
      }
      let inner: Condition?
      if let known = memo.resolved[include.value] {
        inner = known
      } else {
        inner = resolve(target, visiting: visiting + [include.value])
        memo.resolved[include.value] = .some(inner)
      }
      guard let inner else {
        ok = false
        continue
      }
      if !c.phases.isEmpty && !inner.phases.isEmpty && c.phases.isDisjoint(with: inner.phases) {
        sink.error(
          at: include.mark, include.keyPath,
          "'\(include.value)' requires phase \(Suggestions.list(inner.phases)) but this condition requires \(Suggestions.list(c.phases)); it can never hold"
        )
        ok = false
        continue
      }
      c = c.merged(with: inner)
    }
    for (name, range) in [("mood", c.mood), ("patience", c.patience), ("turn", c.turnInPhase)] {
      if let range, range.lower > range.upper {
        sink.error(
          at: doc.mark, doc.path,
          "\(name) requirements contradict each other; this condition can never hold")
        ok = false
      }
    }
    if !c.flags.isDisjoint(with: c.unset) {
      sink.error(
        at: doc.mark, doc.path,
        "a flag is required both set and unset; this condition can never hold")
      ok = false
    }
    if !c.packed.isDisjoint(with: c.notPacked) {
      sink.error(
        at: doc.mark, doc.path,
        "an item is required both packed and not packed; this condition can never hold")
      ok = false
    }
    if !c.missed.isDisjoint(with: c.met.union(c.metNow)) {
      sink.error(
        at: doc.mark, doc.path,
        "a criterion is required both met and missed (\(Suggestions.list(c.missed.intersection(c.met.union(c.metNow)))); this condition can never hold"
      )
      ok = false
    }
    if c.heard.contains(where: { $0.allSatisfy(c.notHeard.contains) }) {
      sink.error(
        at: doc.mark, doc.path,
        "every word of 'heard' is also in 'not_heard'; this condition can never hold")
      ok = false
    }
    if !c.traits.isDisjoint(with: c.withoutTraits) {
      sink.error(
        at: doc.mark, doc.path,
        "a trait is both required and excluded; this condition can never hold")
      ok = false
    }
    return ok ? c : nil
  }
}
