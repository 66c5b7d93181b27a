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
  /// What the retailer can hear (`said`, `not_said`): the intents of `rubrics/said.yaml` and
  /// `brand`.
  var intents: Set<String>
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
    func check(
      _ items: [Located<String>], in known: Set<String>, what: ReferenceKind, strictOnly: Bool
    ) -> Set<String> {
      for item in items where !known.contains(item.value) {
        if strict || !strictOnly {
          if what == .criterion || what == .penalty {
            CheckReference.check(
              item, wantsCriterion: what == .criterion, criteria: criteria, penalties: penalties,
              sink: sink)
          } else {
            sink.unknown(what, item, in: known)
          }
        }
        ok = false
      }
      return Set(items.map(\.value))
    }
    if strict {
      c.phases = check(doc.phases, in: phases, what: .phase, strictOnly: true)
    } else if !doc.phases.isEmpty {
      // A trait line names the phases it fits; it keeps those this scenario has.
      c.phases = Set(doc.phases.map(\.value)).intersection(phases)
      if c.phases.isEmpty { ok = false }
    }
    c.traits = check(doc.traits, in: traits, what: .trait, strictOnly: false)
    c.withoutTraits = check(doc.withoutTraits, in: traits, what: .trait, strictOnly: false)
    c.flags = check(doc.flags, in: flags, what: .flag, strictOnly: false)
    c.unset = check(doc.unset, in: flags, what: .flag, strictOnly: false)
    c.met = check(doc.met, in: criteria, what: .criterion, strictOnly: true)
    c.missed = check(doc.missed, in: criteria, what: .criterion, strictOnly: true)
    c.metNow = check(doc.metNow, in: criteria, what: .criterion, strictOnly: true)
    c.violatedNow = check(doc.violatedNow, in: penalties, what: .penalty, strictOnly: true)
    c.mood = doc.mood
    c.patience = doc.patience
    c.longerThan = doc.longerThan
    let heard = doc.heard.map(\.value).filter { !$0.isEmpty }
    if !heard.isEmpty { c.heard = [heard] }
    c.notHeard = Set(doc.notHeard.map(\.value).filter { !$0.isEmpty })
    c.said = check(doc.said, in: intents, what: .intent, strictOnly: false)
    c.notSaid = check(doc.notSaid, in: intents, what: .intent, strictOnly: false)
    c.visit = doc.visit
    c.turnInPhase = doc.turn
    c.packed = check(doc.packed, in: bag, what: .visitBagItem, strictOnly: false)
    c.notPacked = check(doc.notPacked, in: bag, what: .visitBagItem, strictOnly: false)
    for include in doc.includes {
      guard let target = named[include.value] else {
        sink.unknown(.namedCondition, include, in: named.keys)
        ok = false
        continue
      }
      if visiting.contains(include.value) {
        sink.error(
          at: include.mark, include.keyPath, .refersToItself(chain: visiting + [include.value]))
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
          .neverHolds(
            .disjointPhases(
              condition: include.value, itsPhases: inner.phases.sorted(),
              thesePhases: c.phases.sorted())))
        ok = false
        continue
      }
      c = c.merged(with: inner)
    }
    for (name, range) in [("mood", c.mood), ("patience", c.patience), ("turn", c.turnInPhase)] {
      if let range, range.lower > range.upper {
        sink.error(at: doc.mark, doc.path, .neverHolds(.emptyRange(key: name)))
        ok = false
      }
    }
    if !c.flags.isDisjoint(with: c.unset) {
      sink.error(at: doc.mark, doc.path, .neverHolds(.flagSetAndUnset))
      ok = false
    }
    if !c.packed.isDisjoint(with: c.notPacked) {
      sink.error(at: doc.mark, doc.path, .neverHolds(.packedAndNotPacked))
      ok = false
    }
    if !c.missed.isDisjoint(with: c.met.union(c.metNow)) {
      sink.error(
        at: doc.mark, doc.path,
        .neverHolds(.metAndMissed(c.missed.intersection(c.met.union(c.metNow)).sorted())))
      ok = false
    }
    if c.heard.contains(where: { $0.allSatisfy(c.notHeard.contains) }) {
      sink.error(at: doc.mark, doc.path, .neverHolds(.heardAndNotHeard))
      ok = false
    }
    if !c.said.isDisjoint(with: c.notSaid) {
      sink.error(at: doc.mark, doc.path, .neverHolds(.saidAndNotSaid))
      ok = false
    }
    if !c.traits.isDisjoint(with: c.withoutTraits) {
      sink.error(at: doc.mark, doc.path, .neverHolds(.traitRequiredAndExcluded))
      ok = false
    }
    return ok ? c : nil
  }
}
