import Scoring
import VisitCoachModel

/// A visit being played, with the steps that made it, so `/undo` and `/restart` can rebuild it:
/// the engine is deterministic, so replaying the remaining steps gives the same state.
public struct VisitRun: Sendable {
  public let scenario: Scenario
  public let seed: UInt64
  public let plan: ScoringPlan
  public private(set) var conversation: Conversation
  public private(set) var steps: [ScriptStep] = []
  /// What the retailer said on arrival.
  public private(set) var opening: RetailerLine?

  public init(scenario: Scenario, seed: UInt64, plan: ScoringPlan? = nil) {
    self.scenario = scenario
    self.seed = seed
    self.plan = plan ?? ScoringPlan(scenario: scenario)
    conversation = Conversation(scenario: scenario, seed: seed, plan: self.plan)
    opening = conversation.start()
  }

  /// Asks for the hints of the current phase (a `/hint` step): records the step and that the
  /// phase's hints were used, and returns them (one per rubric that has one).
  public mutating func hint() -> [String] {
    steps.append(.hint)
    return conversation.hint()
  }

  /// Plays one step; returns the turn it produced, if any. Steps after the visit ended do nothing.
  @discardableResult
  public mutating func perform(_ step: ScriptStep) -> TurnOutcome? {
    switch step {
    case .say(let text):
      guard !conversation.isOver else { return nil }
      steps.append(step)
      return conversation.say(text)
    case .wait:
      guard !conversation.isOver else { return nil }
      steps.append(step)
      return conversation.wait()
    case .look:
      guard !conversation.isOver else { return nil }
      steps.append(step)
      return conversation.look()
    case .stock:
      guard !conversation.isOver else { return nil }
      steps.append(step)
      return conversation.countStock()
    case .next:
      guard !conversation.isOver else { return nil }
      steps.append(step)
      return conversation.next()
    case .hint:
      _ = hint()
      return nil
    case .pack(let text):
      let items = scenario.bagItems(in: text).items.map(\.id)
      guard conversation.pack(items) else { return nil }
      steps.append(step)
      return nil
    case .plan(let text):
      guard conversation.statePlan(text) else { return nil }
      steps.append(step)
      return nil
    case .ready(let text):
      // With a wardrobe, the check is the choice: naming nothing checks nothing.
      let items = scenario.wardrobeItems(in: text).items.map(\.id)
      guard items.isEmpty == scenario.wardrobe.isEmpty, conversation.checkAppearance(items)
      else { return nil }
      steps.append(step)
      return nil
    case .record(let text):
      steps.append(step)
      conversation.writeRecord(VisitRecord(line: text))
      return nil
    case .undo:
      _ = undo()
      return nil
    case .restart:
      restart()
      return nil
    case .quit:
      conversation.finish()
      return nil
    case .show:
      return nil
    }
  }

  /// Rebuilds a stored visit: plays its turns again (the engine is deterministic, so the state
  /// comes out the same when the scenario has not changed) and notes the hints used. Returns
  /// the index of the first turn that came out differently, if any.
  public mutating func rebuild(from transcript: Transcript) -> Int? {
    var firstDifference: Int?
    // The bag was packed before the first turn; item ids name items too.
    if let packed = transcript.packed { perform(.pack(packed.joined(separator: " "))) }
    if let plan = transcript.plan { perform(.plan(plan)) }
    if let chosen = transcript.appearance {
      perform(.ready(chosen.joined(separator: " ")))
    } else if transcript.appearanceChecked == true {
      // Stored before the choices existed: the plain declaration it was.
      conversation.checkAppearance()
      steps.append(.ready(""))
    }
    for stored in transcript.turns {
      let step: ScriptStep
      switch stored.kind {
      case .say: step = .say(stored.trainee)
      case .wait: step = .wait
      case .look: step = .look
      case .stock: step = .stock
      case .next: step = .next
      }
      let outcome = perform(step)
      if firstDifference == nil,
        outcome?.turn.retailer != stored.retailer || outcome?.turn.phase != stored.phase
      {
        firstDifference = stored.index
      }
    }
    for phase in transcript.hintsUsed { conversation.recordHint(phase) }
    if let record = transcript.record { conversation.writeRecord(record) }
    return firstDifference
  }

  /// Takes back the last turn (and the retailer's answer). Returns what was taken back.
  public mutating func undo() -> ScriptStep? {
    guard
      let last = steps.lastIndex(where: {
        switch $0 {
        case .hint, .record, .pack, .plan, .ready: return false
        default: return true
        }
      })
    else {
      return nil
    }
    let removed = steps[last]
    let kept = steps.enumerated().filter { $0.offset != last }.map(\.element)
    restart()
    for step in kept { perform(step) }
    return removed
  }

  /// Starts the visit again from arrival.
  public mutating func restart() {
    conversation = Conversation(scenario: scenario, seed: seed, plan: plan)
    opening = conversation.start()
    steps = []
  }

  /// Plays every step of a script, as `replay` and piped practice do.
  public mutating func play(_ script: [ScriptStep]) {
    for step in script {
      if case .quit = step {
        conversation.finish()
        break
      }
      perform(step)
    }
  }
}
