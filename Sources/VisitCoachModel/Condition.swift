/// An inclusive range of a 0-100 state value, such as mood or patience.
public struct ValueRange: Sendable, Hashable, CustomStringConvertible, Codable {
  public var lower: Int
  public var upper: Int

  public init(_ lower: Int, _ upper: Int) {
    self.lower = lower
    self.upper = upper
  }

  /// Whether `value` lies in the range.
  public func contains(_ value: Int) -> Bool { value >= lower && value <= upper }

  public var description: String { "\(lower)-\(upper)" }

  /// Mood bands used by conditions: low (0-34), mid (35-64), high (65-100).
  public static let low = ValueRange(0, 34)
  public static let mid = ValueRange(35, 64)
  public static let high = ValueRange(65, 100)
}

/// When a retailer line may be said. Every requirement that is set must hold.
///
/// Named conditions are resolved at load time, so a `Condition` is always flat.
public struct Condition: Sendable, Hashable, Codable {
  /// The current phase is one of these.
  public var phases: Set<String> = []
  /// The persona has all of these traits.
  public var traits: Set<String> = []
  /// The persona has none of these traits.
  public var withoutTraits: Set<String> = []
  public var mood: ValueRange?
  public var patience: ValueRange?
  /// All of these flags are set.
  public var flags: Set<String> = []
  /// None of these flags is set.
  public var unset: Set<String> = []
  /// These criteria have been met at some point in the visit.
  public var met: Set<String> = []
  /// These criteria have not been met yet.
  public var missed: Set<String> = []
  /// These criteria were met by the utterance being answered.
  public var metNow: Set<String> = []
  /// These penalties were triggered by the utterance being answered.
  public var violatedNow: Set<String> = []
  /// The utterance being answered is longer than this many characters.
  public var longerThan: Int?
  /// The utterance being answered says one word of each group (as written; the engine compares
  /// them normalised, like the scorer's phrases).
  public var heard: [[String]] = []
  /// The utterance being answered says none of these words.
  public var notHeard: Set<String> = []
  /// The retailer hears each of these intents in the utterance being answered (names of the
  /// criteria of `rubrics/said.yaml`, such as `leave_taking` or `time`).
  public var said: Set<String> = []
  /// The retailer hears none of these intents in the utterance being answered.
  public var notSaid: Set<String> = []
  /// The kind of visit.
  public var visit: VisitKind?
  /// The trainee's turn number within the current phase (1-based) lies in this range.
  public var turnInPhase: ValueRange?
  /// The trainee packed all of these visit-bag items before the visit.
  public var packed: Set<String> = []
  /// The trainee packed none of these visit-bag items.
  public var notPacked: Set<String> = []

  public init() {}

  /// How specific the condition is; the engine prefers the most specific line. Each requirement
  /// counts 1, except reactions to the utterance being answered (`met_now`, `violated_now`,
  /// `longer_than`, `heard`, `said`), which count 2: answering what was just said beats
  /// describing the state.
  public var specificity: Int {
    (phases.isEmpty ? 0 : 1) + traits.count + withoutTraits.count + (mood == nil ? 0 : 1)
      + (patience == nil ? 0 : 1) + flags.count + unset.count + met.count + missed.count
      + 2 * (metNow.count + violatedNow.count + heard.count + said.count)
      + (longerThan == nil ? 0 : 2) + (notHeard.isEmpty ? 0 : 1) + (notSaid.isEmpty ? 0 : 1)
      + (visit == nil ? 0 : 1)
      + (turnInPhase == nil ? 0 : 1) + packed.count + notPacked.count
  }

  /// Combines two conditions: the result holds when both hold.
  public func merged(with other: Condition) -> Condition {
    var c = self
    c.phases =
      phases.isEmpty
      ? other.phases : (other.phases.isEmpty ? phases : phases.intersection(other.phases))
    c.traits.formUnion(other.traits)
    c.withoutTraits.formUnion(other.withoutTraits)
    c.mood = Self.intersect(mood, other.mood)
    c.patience = Self.intersect(patience, other.patience)
    c.flags.formUnion(other.flags)
    c.unset.formUnion(other.unset)
    c.met.formUnion(other.met)
    c.missed.formUnion(other.missed)
    c.metNow.formUnion(other.metNow)
    c.violatedNow.formUnion(other.violatedNow)
    if let o = other.longerThan { c.longerThan = max(longerThan ?? o, o) }
    c.heard += other.heard.filter { !c.heard.contains($0) }
    c.notHeard.formUnion(other.notHeard)
    c.said.formUnion(other.said)
    c.notSaid.formUnion(other.notSaid)
    c.visit = visit ?? other.visit
    c.turnInPhase = Self.intersect(turnInPhase, other.turnInPhase)
    c.packed.formUnion(other.packed)
    c.notPacked.formUnion(other.notPacked)
    return c
  }

  /// Whether `other` holds whenever this condition holds: every requirement of `other` is one
  /// of this condition's, or looser (a wider range, more phases allowed). Conservative: `false`
  /// when in doubt (a `heard` group is compared as written).
  public func implies(_ other: Condition) -> Bool {
    func within(_ a: ValueRange?, _ b: ValueRange?) -> Bool {
      guard let b else { return true }
      guard let a else { return false }
      return a.lower >= b.lower && a.upper <= b.upper
    }
    return (other.phases.isEmpty || (!phases.isEmpty && phases.isSubset(of: other.phases)))
      && other.traits.isSubset(of: traits) && other.withoutTraits.isSubset(of: withoutTraits)
      && within(mood, other.mood) && within(patience, other.patience)
      && within(turnInPhase, other.turnInPhase)
      && other.flags.isSubset(of: flags) && other.unset.isSubset(of: unset)
      && other.met.isSubset(of: met) && other.missed.isSubset(of: missed)
      && other.metNow.isSubset(of: metNow) && other.violatedNow.isSubset(of: violatedNow)
      && (other.longerThan.map { l in longerThan.map { $0 >= l } ?? false } ?? true)
      && other.heard.allSatisfy(heard.contains) && other.notHeard.isSubset(of: notHeard)
      && other.said.isSubset(of: said) && other.notSaid.isSubset(of: notSaid)
      && (other.visit == nil || other.visit == visit)
      && other.packed.isSubset(of: packed) && other.notPacked.isSubset(of: notPacked)
  }

  private static func intersect(_ a: ValueRange?, _ b: ValueRange?) -> ValueRange? {
    guard let a else { return b }
    guard let b else { return a }
    return ValueRange(max(a.lower, b.lower), min(a.upper, b.upper))
  }
}
