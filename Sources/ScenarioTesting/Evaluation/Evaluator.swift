import Foundation
import Reporting
import ScenarioFormat
import Scoring
import VisitCoachModel

/// What the scorer made of one utterance in an evaluation item.
public struct UtteranceJudgement: Sendable, Hashable {
  /// The weighted points the utterance earned (credits minus penalties, in points of the total;
  /// −100 for a blocker): what decides a pair.
  public var value: Double
  /// Check ids credited (fully or partly) in this utterance, including ones credited earlier.
  public var credited: [String]
  /// Check ids whose words the utterance meets, whether or not they apply in this phase (what
  /// a label asks: is the behaviour, or the fault, there at all).
  public var said: Set<String> = []
  /// Penalty ids that fired.
  public var violated: [String]
  /// Checks whose words were there but did not count (cancelled by a penalty, or stuffing).
  public var cancelled: [String]
  public var stuffing: Bool
}

/// Plays labelled items through the real scorer, each in a scenario built for its retailer and
/// area from `scenarios/evaluation/scenario.yaml`.
public final class Evaluator {
  private let setup: EvaluationSetup
  private let template: String
  private let library: PreparedLibrary
  private var scenarios: [String: Built] = [:]

  /// A scenario built for one kind of retailer, with its plan and what each check is worth.
  private struct Built {
    var scenario: Scenario
    var plan: ScoringPlan
    var worth: [String: Worth]
  }

  /// Points of the total a check earns (full or partial) or costs; a blocker costs 100.
  private struct Worth {
    var full: Double
    var partial: Double
    var isBlocker: Bool

    /// What every check of `scenario` is worth: its points times its area's weight over the
    /// area's points.
    static func of(_ scenario: Scenario) -> [String: Worth] {
      var worth: [String: Worth] = [:]
      for rubric in scenario.rubrics {
        let max = rubric.criteria.reduce(0) { $0 + $1.points }
        let perPoint = max > 0 ? Double(rubric.weight) / Double(max) : 0
        for c in rubric.criteria + rubric.penalties {
          worth[c.id] = Worth(
            full: Double(abs(c.points)) * perPoint, partial: Double(c.partialPoints) * perPoint,
            isBlocker: c.isBlocker)
        }
      }
      return worth
    }
  }

  /// An evaluator over the library at `libraryRoot`, with the setup and the scenario template
  /// of `folder` (normally `scenarios/evaluation`).
  public init(libraryRoot: String, folder: String) throws {
    setup = try EvaluationSetup.load(folder + "/setup.yaml")
    guard let text = try? String(contentsOfFile: folder + "/scenario.yaml", encoding: .utf8)
    else {
      throw EvaluationFileError(
        file: folder + "/scenario.yaml", line: 1, message: "cannot read the scenario template")
    }
    template = text
    library = PreparedLibrary(root: libraryRoot)
  }

  /// The label names the setup maps, with their kind.
  public var mappings: [String: EvaluationSetup.CriterionMapping] { setup.criteria }

  /// How the scorer judges `utterance` said in the moment `context` describes.
  public func judge(_ utterance: String, in context: EvaluationContext, surnameFrom lines: [String])
    throws -> UtteranceJudgement
  {
    let built = try self.scenario(for: context, surname: surname(in: lines))
    let scenario = built.scenario
    let (scorer, last, heard) = play(context.context + [utterance], in: context, built: built)
    var result = judgement(last, worth: built.worth)
    let prepared = scorer.prepare(utterance)
    // A penalty in the line that names a criterion in its `cancels` contradicts that act (talking
    // on while "waiting"): its words are there, but the behaviour is not. A blanket `*` only
    // voids the points, and the act itself was still done (a courteous opener before a fault).
    let penalties = Dictionary(
      scenario.checks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var contradicted = Set<String>()
    for id in last.violated {
      guard let penalty = penalties[id] else { continue }
      for target in penalty.cancels where target != "*" { contradicted.insert(target) }
    }
    for mapping in setup.criteria.values {
      for id in mapping.checks
      where !contradicted.contains(id) && scorer.wordsMeet(anyOf: [id], in: prepared, heard: heard)
      {
        result.said.insert(id)
      }
    }
    return result
  }

  /// The moment an item's lines are said in: the phase of its area, the retailer's mood, and
  /// what the lines answer (what can be seen in the shop, then the retailer's line).
  private func moment(_ context: EvaluationContext, built: Built)
    -> (phase: String, mood: Int, heard: String)
  {
    let heard = (context.situation.compactMap { setup.situations?[$0] } + [context.retailerSaid])
      .filter { !$0.isEmpty }.joined(separator: "｜")
    return (
      setup.phases[context.area] ?? built.scenario.phases[0].id,
      setup.moods[context.retailer.mood] ?? 50, heard
    )
  }

  /// Plays `lines` in one phase, in the item's moment: the scorer after them and the last
  /// line's score. The earlier lines come first so that only what the utterance itself earns
  /// or costs is judged.
  private func play(_ lines: [String], in context: EvaluationContext, built: Built)
    -> (scorer: Scorer, last: TurnScore, heard: String)
  {
    let (phase, mood, heard) = moment(context, built: built)
    var scorer = Scorer(plan: built.plan)
    var last = TurnScore()
    for (i, line) in lines.enumerated() {
      last = scorer.score(
        Utterance(index: i + 1, phase: phase, text: line, moodBefore: mood, heard: heard))
    }
    return (scorer, last, heard)
  }

  /// Why the scorer did or did not see `checks` in `utterance`: each check's verdict as
  /// `explain` records it (vetoed, negated, reported, not matched …), for a disagreement.
  public func why(
    _ utterance: String, in context: EvaluationContext, surnameFrom lines: [String],
    checks: [String]
  ) throws -> [CheckExplanation] {
    let built = try self.scenario(for: context, surname: surname(in: lines))
    let (phase, mood, heard) = moment(context, built: built)
    let before = play(context.context, in: context, built: built).scorer
    let said = Utterance(
      index: context.context.count + 1, phase: phase, text: utterance, moodBefore: mood,
      heard: heard)
    var after = before
    let result = after.score(said)
    return before.explain(said, result: result).filter { checks.contains($0.id) }
  }

  private func judgement(_ turn: TurnScore, worth: [String: Worth]) -> UtteranceJudgement {
    var value = 0.0
    for id in turn.newlyMet { value += worth[id]?.full ?? 0 }
    for id in turn.newlyPartial { value += worth[id]?.partial ?? 0 }
    for id in turn.violated {
      value -= worth[id].map { $0.isBlocker ? 100 : $0.full } ?? 0
    }
    var credited = turn.satisfied
    for id in turn.newlyMet + turn.newlyPartial where !credited.contains(id) { credited.append(id) }
    return UtteranceJudgement(
      value: value, credited: credited, violated: turn.violated, cancelled: turn.cancelled,
      stuffing: turn.stuffing)
  }

  /// The family name a line addresses the retailer by (刘姐, 王老板, 张大爷 …), if any.
  func surname(in lines: [String]) -> String? {
    let titles = [
      "老板", "大姐", "大哥", "姐", "哥", "大爷", "阿姨", "师傅", "奶奶", "爷爷", "叔", "婶", "店长", "经理", "老师",
    ]
    for line in lines {
      let chars = Array(line)
      for (i, c) in chars.enumerated() where setup.surnames.contains(c) && i + 1 < chars.count {
        let rest = String(chars[(i + 1)...])
        if titles.contains(where: { rest.hasPrefix($0) }) { return String(c) }
      }
    }
    return nil
  }

  private func scenario(for context: EvaluationContext, surname: String?) throws -> Built {
    let r = context.retailer
    var traits = r.traits
    if context.situation.contains(where: setup.busySituations.contains), !traits.contains("busy") {
      traits.append("busy")
    }
    if r.ageBand == "elderly", !traits.contains("elderly") { traits.append("elderly") }
    let family = surname ?? "王"
    let values: [String: String] = [
      "network": traits.contains("rural_sideline") ? "rural" : "urban",
      // Most visits are repeat visits (a route is walked every week); first only when said.
      "visit": context.situation.contains("first_visit") ? "first" : "repeat",
      "name": family + (r.gender == "female" ? "秀英" : "建国"),
      "surname": family,
      "age": String(setup.ages[r.ageBand] ?? 45),
      "gender": r.gender == "female" ? "female" : "male",
      "role": r.role == "assistant" ? "assistant" : "owner",
      "traits": traits.joined(separator: ", "),
      "mood": String(setup.moods[r.mood] ?? 50),
    ]
    let key = values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
      separator: ";")
    if let known = scenarios[key] { return known }
    var text = template
    for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
    let result = library.load(scenarioText: text, file: "evaluation(\(context.id)).yaml")
    guard let scenario = result.scenarios.first else {
      throw EvaluationFileError(
        file: "scenario.yaml", line: 1,
        message:
          "the evaluation scenario does not load for \(context.id): \(result.errors.map(InterfaceStrings.forLanguage(.en).diagnostic).joined(separator: "; "))"
      )
    }
    // Scoring only: what the retailer hears would be compiled for every persona and never used.
    let built = Built(
      scenario: scenario, plan: ScoringPlan(scenario: scenario.scoringOnly),
      worth: Worth.of(scenario))
    scenarios[key] = built
    return built
  }
}
