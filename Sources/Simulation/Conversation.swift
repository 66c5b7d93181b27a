import Foundation
import Scoring
import VisitCoachModel

/// The retailer engine: a pure, deterministic state machine. Given a scenario, a seed and the
/// trainee's turns, it scores each utterance, moves mood, patience and the clock, picks the
/// retailer's reply and records the transcript. It never reads input, prints or touches files;
/// the REPL, `replay`, the tests and the benchmarks all drive this same type.
public struct Conversation: Sendable {
  public let scenario: Scenario
  public let plan: ScoringPlan
  public private(set) var state: ConversationState
  public private(set) var transcript: Transcript
  public private(set) var scorer: Scorer
  private var rng: SplitMix64
  private let traits: Set<String>
  private let linesByEvent: [LineEvent: [RetailerLine]]
  private let lineFit: LineFit
  private var lastChoice: LineChoice?

  /// The intent (`rubrics/said.yaml`) that ends the visit once the retailer has answered it:
  /// a trainee who takes leave has left, whatever the phase.
  public static let leaveTakingIntent = "leave_taking"

  /// A line said when no authored line fits, so the retailer always answers.
  public static let fallbackLine = RetailerLine(
    id: "_fallback", text: "嗯。", event: .reply, condition: Condition(), effects: LineEffects(),
    origin: "engine")

  /// Starts a visit. Pass a precompiled `plan` to share it between many conversations.
  public init(scenario: Scenario, seed: UInt64, plan: ScoringPlan? = nil) {
    self.scenario = scenario
    let plan = plan ?? ScoringPlan(scenario: scenario)
    self.plan = plan
    scorer = Scorer(plan: plan)
    state = ConversationState(mood: scenario.persona.mood, patience: scenario.persona.patience)
    transcript = Transcript(scenarioID: scenario.id, seed: seed)
    // A series visit is stored with the memory it was played with, so re-scoring uses it; a
    // visit played on its own keeps its scenario's stand-in.
    if let place = scenario.seriesPlace {
      transcript.previous = scenario.previous
      transcript.series = place
    }
    rng = SplitMix64(seed: seed)
    traits = Set(scenario.persona.traits)
    let lineFit = LineFit(catalog: scenario.catalog)
    self.lineFit = lineFit
    linesByEvent = Dictionary(
      grouping: scenario.lines.map(lineFit.normalizingWords), by: \.event)
  }

  /// The current phase.
  public var phase: Phase { scenario.phases[state.phaseIndex] }

  /// Whether the visit has ended.
  public var isOver: Bool { state.ended != nil }

  /// What the retailer says when the trainee arrives, if anything. Call once, before any turn.
  public mutating func start() -> RetailerLine? {
    guard transcript.openingLine == nil, transcript.turns.isEmpty else { return nil }
    let line = choose(.start, context: context(metNow: [], violatedNow: [], said: nil))
    if let line {
      apply(line)
      transcript.openingLine = line.text
    }
    return line
  }

  /// The trainee says `text` to the retailer.
  public mutating func say(_ text: String) -> TurnOutcome {
    play(.say, text: text, cost: scenario.settings.secondsPerTurn + tenths(text.count))
  }

  /// The trainee waits silently (`/wait`), which costs time.
  public mutating func wait() -> TurnOutcome {
    play(.wait, text: "", cost: scenario.settings.waitSeconds)
  }

  /// The trainee looks around the store (`/look`): costs a little time, reveals every scene fact.
  public mutating func look() -> TurnOutcome {
    play(.look, text: "", cost: scenario.settings.lookSeconds)
  }

  /// Counts the stock with the retailer (`/stock`): costs the time of a look.
  public mutating func countStock() -> TurnOutcome {
    play(.stock, text: "", cost: scenario.settings.lookSeconds)
  }

  /// Moves the visit on to the next phase (`/next`).
  public mutating func next() -> TurnOutcome {
    play(.next, text: "", cost: 0)
  }

  /// The tips for the current phase, from every rubric; noted in the transcript.
  public mutating func hint() -> [String] {
    let id = phase.id
    if !transcript.hintsUsed.contains(id) { transcript.hintsUsed.append(id) }
    return scenario.rubrics.compactMap { $0.hints[id] }
  }

  /// The visit record the trainee writes after the visit (action 26). Allowed once the visit
  /// has ended; writing again replaces it.
  public mutating func writeRecord(_ record: VisitRecord) {
    transcript.record = record
  }

  /// Whether the visit is still being prepared (bag, plan, appearance): nothing said yet and the
  /// visit not over.
  public var isPreparing: Bool { transcript.turns.isEmpty && state.ended == nil }

  /// Packs the visit bag (action 3): the item ids, added to what is already packed. Only before
  /// the first turn, since the bag is packed before arriving; returns whether it was accepted.
  @discardableResult
  public mutating func pack(_ items: [String]) -> Bool {
    guard isPreparing else { return false }
    var packed = transcript.packed ?? []
    for item in items where !packed.contains(item) { packed.append(item) }
    transcript.packed = packed
    return true
  }

  /// States the visit's purpose and plan (actions 1-2), added to what was stated before. Only
  /// before the first turn; returns whether it was accepted.
  @discardableResult
  public mutating func statePlan(_ text: String) -> Bool {
    let text = text.trimmingCharacters(in: .whitespaces)
    guard isPreparing, !text.isEmpty else { return false }
    transcript.plan = transcript.plan.map { $0 + "；" + text } ?? text
    return true
  }

  /// Notes what the trainee chose to wear and do before leaving (action 4), wardrobe item ids
  /// added to earlier choices; with none (a scenario without a wardrobe, or a visit stored
  /// before choices existed), that the appearance was checked. Only before the first turn;
  /// returns whether it was accepted.
  @discardableResult
  public mutating func checkAppearance(_ items: [String] = []) -> Bool {
    guard isPreparing else { return false }
    transcript.appearanceChecked = true
    if !items.isEmpty {
      var chosen = transcript.appearance ?? []
      for item in items where !chosen.contains(item) { chosen.append(item) }
      transcript.appearance = chosen
    }
    return true
  }

  /// Notes that the hint of `phase` was used (when rebuilding a stored visit).
  public mutating func recordHint(_ phase: String) {
    if !transcript.hintsUsed.contains(phase) { transcript.hintsUsed.append(phase) }
  }

  /// Ends the visit (the trainee leaves, or input ended). Without a reason: taking leave when the
  /// visit is in its last phase, stopping early otherwise.
  public mutating func finish(_ reason: EndReason? = nil) {
    guard state.ended == nil else { return }
    let reason = reason ?? defaultEnding
    state.ended = reason
    transcript.endedBy = reason
  }

  /// How a visit that the trainee ends now ended: taken leave in the last phase, else stopped.
  private var defaultEnding: EndReason {
    state.phaseIndex == scenario.phases.count - 1 ? .trainee : .stopped
  }

  /// The score report for the visit so far.
  public var report: ScoreReport {
    var t = transcript
    if t.endedBy == nil { t.endedBy = defaultEnding }
    return scorer.report(for: t, scenario: scenario)
  }

  // MARK: - One turn

  private mutating func play(_ kind: TurnKind, text: String, cost: Int) -> TurnOutcome {
    let index = transcript.turns.count + 1
    var entered: String?
    let prepared = kind == .say ? scorer.prepare(text) : nil
    if let prepared, state.ended == nil, let target = phaseEntered(by: prepared) {
      // The utterance belongs to a later phase (farewell words, say): it is scored there.
      enter(target)
      entered = phase.id
    }
    let phaseBefore = phase.id
    let moodBefore = state.mood
    let clockStart = state.clock
    guard state.ended == nil else {
      let turn = Turn(
        index: index, kind: kind, phase: phaseBefore, trainee: text, retailer: nil,
        retailerLineID: nil, moodBefore: moodBefore, mood: moodBefore, patience: state.patience,
        clockStart: clockStart, clock: clockStart)
      return TurnOutcome(
        turn: turn,
        score: TurnScoreSummary(met: [], partial: [], violated: [], stuffing: false, moodChange: 0),
        line: nil, enteredPhase: nil, ended: state.ended)
    }
    if kind == .say { state.turnsInPhase += 1 }
    let score = scorer.score(
      Utterance(
        index: index, kind: kind, phase: phaseBefore, text: text, moodBefore: moodBefore,
        heard: transcript.lineHeard(before: transcript.turns.count)),
      prepared: prepared)
    var (mood, patience, causes) = reactionDeltas(kind, length: text.count, score: score)
    state.mood = clamp(state.mood + mood)
    state.patience = clamp(state.patience + patience)
    advanceClock(by: cost)

    var event: LineEvent? = kind == .say ? .reply : (kind == .wait ? .wait : nil)
    if kind == .next, let target = phaseAfterNext {
      enter(target)
      entered = phase.id
      event = .next
    }

    var line: RetailerLine?
    lastChoice = nil
    var tookLeave = false
    if let event {
      let ctx = context(
        metNow: Set(score.satisfied), violatedNow: Set(score.violated),
        said: kind == .say ? text : nil)
      tookLeave = event == .reply && ctx.heard.heard(Self.leaveTakingIntent)
      line = choose(event, context: ctx) ?? (event == .reply ? Self.fallbackLine : nil)
      if let chosen = line {
        let phaseIndexBefore = state.phaseIndex
        causes.append(.line(chosen.effects.mood))
        apply(chosen)
        if state.phaseIndex != phaseIndexBefore { entered = phase.id }
        advanceClock(by: tenths(chosen.text.count))
        if chosen.effects.ends {
          state.ended = state.phaseIndex == scenario.phases.count - 1 ? .trainee : .retailerLeft
        }
      }
    }
    // The trainee took leave: the retailer has answered, and the visit is over (taken leave in
    // the last phase, stopped early before it), unless the answer calls them back into another
    // phase (a grievance raised at the door).
    if tookLeave && state.ended == nil && line?.effects.goto == nil {
      state.ended = defaultEnding
    }
    if state.ended == nil && state.patience <= 0 {
      line = leave(after: line)
      state.ended = .retailerLeft
    } else if state.ended == nil && state.clock >= scenario.customer.timeBudgetSeconds {
      line = leave(after: line)
      state.ended = .timeUp
    }
    let turn = Turn(
      index: index, kind: kind, phase: phaseBefore, trainee: text, retailer: line?.text,
      retailerLineID: line?.id, moodBefore: moodBefore, mood: state.mood, patience: state.patience,
      clockStart: clockStart, clock: state.clock)
    transcript.turns.append(turn)
    if let ended = state.ended { transcript.endedBy = ended }
    let summary = TurnScoreSummary(
      met: score.newlyMet, partial: score.newlyPartial,
      violated: score.violated + (score.stuffing ? [keywordStuffingID] : []),
      stuffing: score.stuffing, moodChange: state.mood - moodBefore,
      moodCauses: causes.filter { $0.mood != 0 })
    return TurnOutcome(
      turn: turn, score: summary, line: line, enteredPhase: entered, ended: state.ended,
      choice: lastChoice)
  }

  /// How mood and patience move after a turn: what the utterance met or violated, plus the
  /// reactions of the retailer's traits.
  private func reactionDeltas(_ kind: TurnKind, length: Int, score: TurnScore) -> (
    mood: Int, patience: Int, causes: [MoodCause]
  ) {
    var mood = score.moodChange
    var patience = score.patienceChange
    // The scorer's change includes the stuffing cost; it is named on its own.
    let stuffingCost = score.stuffing ? -Scorer.stuffingMoodCost : 0
    var causes: [MoodCause] = [.words(score.moodChange - stuffingCost), .stuffing(stuffingCost)]
    for trait in scenario.traits {
      for reaction in trait.reactions {
        let fires =
          kind == .say
          ? reaction.trigger.fires(length: length, met: score.newlyMet, violated: score.violated)
          : kind == .wait
            && (reaction.trigger == .wait
              || reaction.trigger.fires(length: 0, met: score.newlyMet, violated: []))
        if fires {
          mood += reaction.mood
          patience += reaction.patience
          causes.append(.trait(title: trait.title, trigger: reaction.trigger, mood: reaction.mood))
        }
      }
    }
    return (mood, patience, causes)
  }

  /// The retailer's parting line when patience or time runs out, joined to what they just said.
  private mutating func leave(after line: RetailerLine?) -> RetailerLine? {
    let ctx = context(metNow: [], violatedNow: [], said: nil)
    let replyChoice = lastChoice
    defer { if replyChoice != nil { lastChoice = replyChoice } }
    guard let parting = choose(.leave, context: ctx) else { return line }
    apply(parting)
    guard var combined = line, combined.id != Self.fallbackLine.id else { return parting }
    combined.text += " " + parting.text
    combined.id += "+" + parting.id
    return combined
  }

  /// The furthest later phase whose entry criteria the words of the utterance meet.
  /// With `settings.enter_within`, only that many phases ahead, and the last phase, can be
  /// entered by words: in a ten-stage visit a 吗 in the greeting must not reach the counter.
  private func phaseEntered(by prepared: PreparedUtterance) -> Int? {
    var target: Int?
    let last = scenario.phases.count - 1
    let reach = scenario.settings.enterWithin.map { state.phaseIndex + $0 } ?? last
    for i in (state.phaseIndex + 1)..<scenario.phases.count
    where (i <= reach || i == last)
      && scorer.wordsMeet(anyOf: scenario.phases[i].enterOn, in: prepared)
    {
      target = i
    }
    return target
  }

  /// Where `/next` goes: the next phase not yet visited; when every later phase has been
  /// visited, the last one (the goodbye). Nil in the last phase.
  var phaseAfterNext: Int? {
    let last = scenario.phases.count - 1
    guard state.phaseIndex < last else { return nil }
    return (state.phaseIndex + 1...last).first { !state.visited.contains($0) } ?? last
  }

  private mutating func enter(_ index: Int) {
    guard index != state.phaseIndex else { return }
    state.phaseIndex = index
    state.visited.insert(index)
    state.turnsInPhase = 0
  }

  private mutating func apply(_ line: RetailerLine) {
    state.said.insert(line.id)
    let e = line.effects
    state.mood = clamp(state.mood + e.mood)
    state.patience = clamp(state.patience + e.patience)
    state.flags.formUnion(e.set)
    state.flags.subtract(e.clear)
    if let goto = e.goto, let i = scenario.phases.firstIndex(where: { $0.id == goto }) {
      enter(i)
    }
  }

  private mutating func advanceClock(by seconds: Int) {
    let before = state.clock / 60
    state.clock += max(0, seconds)
    let minutes = state.clock / 60 - before
    guard minutes > 0 else { return }
    for reaction in scenario.traits.flatMap(\.reactions) where reaction.trigger == .perMinute {
      state.mood = clamp(state.mood + reaction.mood * minutes)
      state.patience = clamp(state.patience + reaction.patience * minutes)
    }
  }

  /// The state a line's condition is read against; `said` is the utterance being answered.
  private func context(metNow: Set<String>, violatedNow: Set<String>, said: String?)
    -> ConditionContext
  {
    ConditionContext(
      state: state, phase: phase.id, traits: traits, visit: scenario.customer.visit, scorer: scorer,
      metNow: metNow, violatedNow: violatedNow, utteranceLength: said?.count ?? 0,
      heard: said.map {
        lineFit.hear(
          $0, listening: plan.listening,
          after: transcript.lineHeard(before: transcript.turns.count))
      } ?? .nothing,
      packed: Set(transcript.packed ?? []))
  }

  /// Picks a line for `event`: among lines whose condition holds and that fit the brands the
  /// utterance names, the highest-ranked (priority, then specificity, plus 2 for a line about a
  /// brand the utterance names) group that still has a line not yet said (or the
  /// highest-ranked group if all were said), at random within the group.
  private mutating func choose(_ event: LineEvent, context: ConditionContext) -> RetailerLine? {
    // Indices, not copies: a full visit has a hundred lines, and copying each one that
    // qualified was a fifth of a turn.
    lastChoice = nil
    guard let lines = linesByEvent[event] else { return nil }
    var candidates: [Int] = []
    var offTopic: [String] = []
    for i in lines.indices where lines[i].condition.holds(in: context) {
      if lines[i].fits(context.heard) {
        candidates.append(i)
      } else {
        offTopic.append(lines[i].id)
      }
    }
    guard !candidates.isEmpty else { return nil }
    func rank(_ i: Int) -> Int {
      lines[i].rank + (lines[i].isAbout(context.heard) ? 2 : 0)
    }
    let levels = Set(candidates.map(rank)).sorted(by: >)
    var group = candidates.filter { rank($0) == levels[0] }
    for level in levels {
      let fresh = candidates.filter { rank($0) == level && !state.said.contains(lines[$0].id) }
      if !fresh.isEmpty {
        group = fresh
        break
      }
    }
    let chosenIndex = group[Int(rng.next() % UInt64(group.count))]
    var chosen = lines[chosenIndex]
    // A series visit: the retailer quotes what the trainee promised last time.
    if let previous = scenario.previous { chosen.text = previous.filling(chosen.text) }
    // The retailer quotes what was just said (`{said.time}`).
    chosen.text = RetailerLine.fillingSaid(chosen.text, with: context.heard.quotes)
    lastChoice = LineChoice(
      candidates: candidates.sorted { rank($0) > rank($1) }.map {
        (lines[$0].id, rank($0), state.said.contains(lines[$0].id))
      },
      chosen: chosen.id, rank: rank(chosenIndex), offTopic: offTopic,
      brandsHeard: context.heard.brands.sorted(), intentsHeard: context.heard.intents)
    return chosen
  }

  private func tenths(_ characters: Int) -> Int {
    characters * scenario.settings.tenthsPerCharacter / 10
  }

  private func clamp(_ value: Int) -> Int { min(100, max(0, value)) }
}

extension ReactionTrigger {
  /// Whether an utterance of `length` characters that met and violated these ids sets the
  /// reaction off (time and waiting triggers are handled elsewhere).
  func fires(length: Int, met: [String], violated: [String]) -> Bool {
    switch self {
    case .longerThan(let limit): return length > limit
    case .met(let id): return met.contains(id)
    case .violated(let id): return violated.contains(id)
    case .perMinute, .wait: return false
    }
  }
}
