import ScenarioFormat
import Scoring
import VisitCoachModel

/// Checks that go beyond the format, run by `visitcoach check` on every loaded scenario: the
/// criteria's sample sentences (their unit tests), phrases that cannot match, phrases shared by
/// a criterion and a penalty, retailer lines that can never be said, and personas without
/// fitting address terms.
public enum LibraryAudit {
  /// Every problem found in the loaded scenarios, deduplicated.
  public static func audit(_ scenarios: [Scenario]) -> [Diagnostic] {
    var found: [Diagnostic] = []
    var seen = Set<String>()
    // What the retailer hears is the same rubric for every scenario: its examples run once.
    if let first = scenarios.first(where: { $0.listening != nil }) {
      found += listeningExamples(first)
    }
    for scenario in scenarios {
      // A rubric-level problem (an example, a phrase) shows up in every scenario using the
      // rubric: report it once. Problems of the scenario itself are reported for each one.
      for d in examples(scenario) + phrases(scenario) {
        let key =
          d.keyPath
          + String(describing: d.problem).replacingOccurrences(
            of: "\"\(scenario.id)\"", with: "")
        if seen.insert(key).inserted { found.append(d) }
      }
      found += lines(scenario) + persona(scenario)
      found += foreignExamples(scenario, personas: scenarios.map(\.persona))
    }
    return DiagnosticOrder.arrange(found)
  }

  private static func at(_ scenario: Scenario) -> SourceLocation {
    SourceLocation(file: scenario.sourcePath ?? scenario.id, line: 1, column: 1)
  }

  /// Each example is scored as the first words of a phase the criterion applies in.
  static func examples(_ scenario: Scenario) -> [Diagnostic] {
    let plan = ScoringPlan(scenario: scenario.scoringOnly)
    var out: [Diagnostic] = []
    for criterion in scenario.checks where !criterion.examples.isEmpty {
      let phase =
        scenario.phases.first {
          criterion.applies.phases.isEmpty || criterion.applies.phases.contains($0.id)
        }?.id
        ?? scenario.phases[0].id
      let mood = criterion.applies.mood.map { ($0.lower + $0.upper) / 2 } ?? 60
      let applies = criterion.canApply(in: scenario)
      for example in criterion.examples where applies {
        var scorer = Scorer(plan: plan)
        for earlier in criterion.after {
          // An example of a criterion that counts only after another assumes the other was met.
          if let other = scenario.checks.first(where: { $0.id == earlier }),
            let words = other.examples.first(where: \.shouldMatch)
          {
            scorer.score(Utterance(index: 1, phase: phase, text: words.text, moodBefore: mood))
          }
        }
        let index = scorer.turnScores.count + 1
        let score = scorer.score(
          Utterance(index: index, phase: phase, text: example.text, moodBefore: mood))
        let matched =
          criterion.isPenalty
          ? score.violated.contains(criterion.id)
          : score.newlyMet.contains(criterion.id)
        guard matched != example.shouldMatch else { continue }
        let location = SourceLocation(
          file: example.file, line: example.line, column: example.column)
        out.append(
          Diagnostic(
            .error, at: location, keyPath: criterion.id,
            .exampleMismatch(
              check: criterion.id, title: criterion.title, isPenalty: criterion.isPenalty,
              shouldMatch: example.shouldMatch, scenario: scenario.id, phase: phase)))
      }
    }
    return out
  }

  /// Each example of the listening rubric (`rubrics/said.yaml`) is heard, or not, as the engine
  /// hears an utterance.
  static func listeningExamples(_ scenario: Scenario) -> [Diagnostic] {
    guard let rubric = scenario.listening, let listening = Listening(scenario: scenario) else {
      return []
    }
    var out: [Diagnostic] = []
    for criterion in rubric.criteria {
      let name = criterion.localID
      for example in criterion.examples {
        let heard = listening.hear(example.text).contains { $0.name == name }
        guard heard != example.shouldMatch else { continue }
        out.append(
          Diagnostic(
            .error,
            at: SourceLocation(file: example.file, line: example.line, column: example.column),
            keyPath: criterion.id,
            .exampleMismatch(
              check: criterion.id, title: criterion.title, isPenalty: false,
              shouldMatch: example.shouldMatch, scenario: scenario.id,
              phase: scenario.phases[0].id)))
      }
    }
    return out
  }

  /// Phrases that normalise to nothing, and phrases that alone both earn a criterion and
  /// trigger a penalty where both apply (same phase, overlapping mood).
  static func phrases(_ scenario: Scenario) -> [Diagnostic] {
    var out: [Diagnostic] = []
    var rewarded: [String: [Criterion]] = [:]
    var penalised: [String: [Criterion]] = [:]
    for c in scenario.checks {
      for phrase in c.phrases.allPhrases + c.partial.allPhrases {
        let parts = GappedPhrases.parts(of: phrase).flatMap(GappedPhrases.alternatives).map(
          TextNormalizer.normalize)
        let phrase = GappedPhrases.display(phrase)
        if parts.allSatisfy(\.isEmpty) {
          out.append(
            Diagnostic(
              .warning, at: at(scenario), keyPath: c.id, .phraseOnlyPunctuation(phrase: phrase)))
        } else if parts.contains(where: { $0.contains("|") }) {
          // Matching never crosses a clause boundary, so a comma inside a phrase stops it.
          out.append(
            Diagnostic(
              .warning, at: at(scenario), keyPath: c.id, .phrasePunctuationInside(phrase: phrase)))
        }
      }
      guard c.canApply(in: scenario), c.phrases.all.isEmpty else { continue }
      for phrase in c.phrases.any where !c.phrases.none.contains(phrase) {
        let key = TextNormalizer.normalize(phrase)
        if c.isPenalty {
          penalised[key, default: []].append(c)
        } else {
          rewarded[key, default: []].append(c)
        }
      }
    }
    let allPhases = Set(scenario.phases.map(\.id))
    for (phrase, penalties) in penalised.sorted(by: { $0.key < $1.key }) {
      for penalty in penalties {
        for criterion in rewarded[phrase] ?? [] where overlap(criterion, penalty, allPhases) {
          out.append(
            Diagnostic(
              .warning, at: at(scenario), keyPath: criterion.id,
              .phraseEarnsAndPenalises(
                phrase: phrase, criterion: criterion.id, penalty: penalty.id,
                scenario: scenario.id)))
        }
      }
    }
    return out
  }

  private static func overlap(_ a: Criterion, _ b: Criterion, _ allPhases: Set<String>) -> Bool {
    let pa = a.applies.phases.isEmpty ? allPhases : a.applies.phases
    let pb = b.applies.phases.isEmpty ? allPhases : b.applies.phases
    guard !pa.isDisjoint(with: pb) else { return false }
    let ma = a.applies.mood ?? ValueRange(0, 100)
    let mb = b.applies.mood ?? ValueRange(0, 100)
    return max(ma.lower, mb.lower) <= min(ma.upper, mb.upper)
  }

  /// Lines that wait for a criterion in a phase where it is never scored, and phases without a
  /// plain reply line.
  static func lines(_ scenario: Scenario) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let checks = Dictionary(scenario.checks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for line in scenario.lines where line.origin == scenario.id {
      let phases =
        line.condition.phases.isEmpty ? Set(scenario.phases.map(\.id)) : line.condition.phases
      for id in line.condition.metNow.union(line.condition.violatedNow) {
        guard let c = checks[id], !c.applies.phases.isEmpty else { continue }
        if c.applies.phases.isDisjoint(with: phases) {
          out.append(
            Diagnostic(
              .warning, at: at(scenario), keyPath: "lines.\(line.id)",
              .lineNeverSaid(
                line: line.id, check: id, scoredIn: c.applies.phases.sorted(),
                lineIn: phases.sorted())))
        }
      }
    }
    out += shadowed(scenario)
    for phase in scenario.phases {
      let plain = scenario.lines.contains {
        $0.event == .reply
          && ($0.condition.phases.isEmpty || $0.condition.phases.contains(phase.id))
          && $0.condition.metNow.isEmpty && $0.condition.violatedNow.isEmpty
          && $0.condition.flags.isEmpty
          && $0.condition.met.isEmpty && $0.condition.longerThan == nil && $0.condition.mood == nil
          && $0.condition.patience == nil && $0.condition.traits.isEmpty
      }
      if !plain {
        out.append(
          Diagnostic(
            .warning, at: at(scenario), keyPath: "phases.\(phase.id)",
            .noPlainReply(phase: phase.id)))
      }
      // `/hint` reads the rubrics' `hints` for the phase: a trainee stuck here gets nothing.
      if !scenario.rubrics.contains(where: { $0.hints[phase.id] != nil }) {
        out.append(
          Diagnostic(
            .warning, at: at(scenario), keyPath: "phases.\(phase.id)", .noHint(phase: phase.id)))
      }
    }
    return out
  }

  /// Lines of the scenario that can never be said (like ChatScript's `:verify`): the engine
  /// picks the highest-ranked fresh line, so a lower line is said once the higher ones were,
  /// unless a higher line that always qualifies with it closes the door the first time it is
  /// said: it ends the visit, leaves the phase, or sets a flag the lower line needs unset.
  static func shadowed(_ scenario: Scenario) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for line in scenario.lines where line.origin == scenario.id {
      // A line about a brand ranks 2 higher when the utterance names it.
      let best = line.rank + (line.about.isEmpty ? 0 : 2)
      for other in scenario.lines
      where other.id != line.id && other.event == line.event && other.rank > best
        && other.about.isEmpty && line.condition.implies(other.condition)
      {
        let door: ShadowingEffect?
        if other.effects.ends {
          door = .endsVisit
        } else if let to = other.effects.goto,
          !line.condition.phases.isEmpty, !line.condition.phases.contains(to)
        {
          door = .leavesPhase(to: to)
        } else if let flag = other.effects.set.first(where: {
          line.condition.unset.contains($0) && !other.effects.clear.contains($0)
        }) {
          door = .setsFlag(flag)
        } else {
          door = nil
        }
        guard let door else { continue }
        out.append(
          Diagnostic(
            .warning, at: at(scenario), keyPath: "lines.\(line.id)",
            .lineShadowed(line: line.id, by: other.id, door: door)))
        break
      }
    }
    return out
  }

  /// Tip examples that name a retailer of another scenario (by name, or by a term made of their
  /// surname such as 刘姐) or a catalogue brand this scenario never mentions.
  static func foreignExamples(_ scenario: Scenario, personas: [Persona]) -> [Diagnostic] {
    let own = scenario.persona
    var people: [String] = []
    for other in personas where other.surname != own.surname && other.name != own.name {
      people.append(other.name)
      people += (other.address.fitting + other.address.unfitting).filter {
        $0.count > other.surname.count && $0.hasPrefix(other.surname)
      }
    }
    let told =
      ([scenario.arrival, scenario.summary, own.name] + scenario.scene.map(\.text)
      + scenario.lines.map(\.text) + scenario.stock.map(\.brand)
      + (scenario.brief.map { $0.record + $0.news } ?? [])).joined(separator: "\n")
    let absentBrands = scenario.catalog.filter { brand in
      !(brand.names + [brand.family, brand.id]).contains { !$0.isEmpty && told.contains($0) }
    }
    var out: [Diagnostic] = []
    for criterion in scenario.checks
    where !criterion.example.isEmpty && criterion.canApply(in: scenario) {
      let text = criterion.example
      // A name the scenario itself uses (an absent owner named in the arrival) is its own.
      var words = people.filter { text.contains($0) && !told.contains($0) }
      for brand in absentBrands {
        if let name = brand.names.first(where: { $0.count > 1 && text.contains($0) }) {
          words.append(name)
        }
      }
      var seen = Set<String>()
      words = words.filter { word in
        seen.insert(word).inserted && !words.contains { $0 != word && $0.contains(word) }
      }
      guard !words.isEmpty else { continue }
      out.append(
        Diagnostic(
          .warning, at: at(scenario), keyPath: "rubrics.\(criterion.id).example",
          .exampleNamesOthers(check: criterion.id, scenario: scenario.id, words: words)))
    }
    return out
  }

  static func persona(_ scenario: Scenario) -> [Diagnostic] {
    guard scenario.persona.address.fitting.isEmpty else { return [] }
    return [
      Diagnostic(
        .error, at: at(scenario), keyPath: "persona.address",
        .noFittingAddress(
          age: scenario.persona.age, gender: scenario.persona.gender,
          role: scenario.persona.role))
    ]
  }
}
