import CompactCoding
import VisitCoachModel

/// Turns a scenario document, with the trait and rubric documents of its library, into a
/// validated ``Scenario``, reporting every broken reference with its location.
struct ScenarioAssembler {
  let traits: [String: TraitDocument]
  let rubrics: [String: RubricDocument]
  /// Every criterion id (`rubric.criterion`) of the library, for checking trait files.
  let libraryCriteria: Set<String>
  let libraryPenalties: Set<String>
  /// Flags set by any trait line.
  let traitFlags: Set<String>
  /// The brand catalogue.
  let catalog: [Brand]
  /// The visit-bag list.
  let visitBag: [VisitItem]
  let wardrobe: [WardrobeItem]
  /// The catalogue files' text, for fingerprints (hashing the brands' descriptions went
  /// through reflection, a tenth of the library's load time).
  var catalogText = ""
  /// Concept families of the shared lexicon (`scenarios/lexicon/`), by name; rubric phrases use
  /// them as `{lexicon.name}`.
  var lexicon: [String: [String]] = [:]
  /// The lexicon files' text, for fingerprints.
  var lexiconText = ""
  /// Learned models (`learned/`), by name; a check names one with `learned:`.
  var learned: [String: LearnedModel] = [:]
  /// The learned model files' text, for fingerprints.
  var learnedText = ""

  /// The rubric every scenario is scored with, whether it names it or not.
  static let requiredRubric = "compliance"
  /// The rubric of what the retailer hears (intents and slots for lines), never scored.
  static let listeningRubric = Rubric.listeningID

  func assemble(
    _ doc: ScenarioDocument, sink: DiagnosticSink, traitSinks: [String: DiagnosticSink],
    rubricSinks: [String: DiagnosticSink]
  ) -> Scenario? {
    var placeholderErrors = false

    // Traits.
    var traitDocs: [TraitDocument] = []
    for t in doc.persona.traits {
      if let trait = traits[t.value] {
        traitDocs.append(trait)
      } else {
        sink.unknown(.trait, t, in: traits.keys)
      }
    }

    // Persona and its address terms.
    let p = doc.persona
    let surname = p.surname ?? p.name.first.map(String.init) ?? ""
    var address = AddressBook.terms(
      surname: surname, age: p.age, gender: p.gender, role: p.role, visit: doc.customer.visit)
    address.fitting += p.extraFitting.filter { !address.fitting.contains($0) }
    address.unfitting = address.unfitting.filter { !p.extraFitting.contains($0) }
    address.unfitting += p.extraUnfitting.filter { !address.unfitting.contains($0) }
    address.fitting = address.fitting.filter { !p.extraUnfitting.contains($0) }
    address.casual = address.casual.filter {
      !p.extraFitting.contains($0) && !p.extraUnfitting.contains($0)
    }
    let persona = Persona(
      name: p.name, surname: surname, age: p.age, gender: p.gender, attire: p.attire, role: p.role,
      traits: traitDocs.map(\.id.value), mood: p.mood, patience: p.patience, knows: p.knows,
      address: address)

    // Phases.
    var phaseIDs = Set<String>()
    for phase in doc.phases where !phaseIDs.insert(phase.id.value).inserted {
      sink.error(
        at: phase.id.mark, phase.id.keyPath,
        .duplicateID(kind: .phase, id: phase.id.value, firstLine: nil, otherFile: nil))
    }
    // Taking leave ends the visit as completed only in the last phase: a phase after the
    // farewell turns every polite goodbye into 「零售户请你离开」.
    if let farewell = doc.phases.firstIndex(where: { $0.id.value == Self.farewellPhase }),
      farewell < doc.phases.count - 1
    {
      let after = doc.phases[farewell + 1]
      sink.error(
        at: after.id.mark, after.id.keyPath,
        .phaseAfterFarewell(phase: after.id.value, farewell: Self.farewellPhase))
    }

    // Rubrics, tuned and interpolated.
    let interpolation = PhraseInterpolation(persona: persona, scene: doc.scene, lexicon: lexicon)
    var rubrics: [Rubric] = []
    var uses = doc.rubrics
    // Compliance is never optional: a scenario may tune it with `use: compliance`, not drop it.
    if self.rubrics[Self.requiredRubric] != nil,
      !uses.contains(where: { $0.id.value == Self.requiredRubric })
    {
      uses.append(
        ScenarioDocument.RubricUse(
          id: Located(value: Self.requiredRubric, mark: doc.mark, keyPath: "rubrics"), weight: nil,
          disable: [], phrases: [], points: [], examples: []))
    }
    for use in uses {
      if use.id.value == Self.listeningRubric {
        sink.error(at: use.id.mark, use.id.keyPath, .listeningRubricScored(rubric: use.id.value))
        continue
      }
      guard let rubricDoc = self.rubrics[use.id.value] else {
        sink.unknown(.rubric, use.id, in: self.rubrics.keys)
        continue
      }
      if rubrics.contains(where: { $0.id == rubricDoc.id.value }) {
        sink.error(at: use.id.mark, use.id.keyPath, .rubricUsedTwice(rubric: use.id.value))
        continue
      }
      rubrics.append(
        rubric(
          rubricDoc, use: use, interpolation: interpolation, sink: sink,
          placeholderSink: rubricSinks[rubricDoc.id.value] ?? sink, failed: &placeholderErrors))
    }
    if !rubrics.isEmpty && rubrics.allSatisfy({ $0.weight == 0 }) {
      sink.error(at: doc.rubrics.first?.id.mark ?? doc.mark, "rubrics", .allWeightsZero)
    }
    let criteria = Set(rubrics.flatMap(\.criteria).map(\.id))
    let penalties = Set(rubrics.flatMap(\.penalties).map(\.id))
    // What the retailer hears: the listening rubric, read like any rubric against this persona.
    var listening: Rubric?
    if let saidDoc = self.rubrics[Self.listeningRubric] {
      let use = ScenarioDocument.RubricUse(
        id: Located(value: Self.listeningRubric, mark: doc.mark, keyPath: "rubrics"), weight: nil,
        disable: [], phrases: [], points: [], examples: [])
      listening = rubric(
        saidDoc, use: use, interpolation: interpolation, sink: sink,
        placeholderSink: rubricSinks[Self.listeningRubric] ?? sink, failed: &placeholderErrors)
    }
    let intents = Set(
      (listening?.criteria ?? []).map(\.localID)
        + [HeardIntent.brand])

    for phase in doc.phases {
      for ref in phase.enterOn where !criteria.contains(ref.value) {
        CheckReference.check(
          ref, wantsCriterion: true, criteria: criteria, penalties: penalties, sink: sink)
      }
    }

    // Lines and their conditions.
    let flags = Set(doc.lines.flatMap { $0.set.map(\.value) }).union(
      traitDocs.flatMap { $0.lines.flatMap { $0.set.map(\.value) } })
    let named = Dictionary(
      doc.conditions.map { ($0.0.value, $0.1) }, uniquingKeysWith: { a, _ in a })
    let bagIDs = Set(visitBag.map(\.id))
    let resolver = ConditionResolver(
      phases: phaseIDs, traits: Set(traits.keys), flags: flags, criteria: criteria,
      penalties: penalties, bag: bagIDs, intents: intents,
      named: named, strict: true, sink: sink)
    for (name, condition) in doc.conditions {
      _ = resolver.resolve(condition, visiting: [name.value])
    }
    var lines: [RetailerLine] = []
    var lineIDs: [String: LineOwner] = [:]
    for line in doc.lines {
      checkPreviousPlaceholders(line, previous: doc.previous, sink: sink)
      // A reply answers an utterance, which counts in the phase's turns: turn 0 never comes.
      if line.event == .reply, let turn = line.when?.turn, turn.upper == 0 {
        sink.error(at: line.when?.mark ?? line.id.mark, line.id.keyPath, .replyAtTurnZero)
      }
      if let condition = resolver.resolve(line.when),
        let built = retailerLine(
          line, condition, origin: doc.id.value, phases: phaseIDs, intents: intents, strict: true,
          sink: sink)
      {
        lines.append(built)
      }
      if let first = lineIDs[line.id.value] {
        sink.error(
          at: line.id.mark, line.id.keyPath,
          .duplicateLineID(id: line.id.value, trait: nil, alsoIn: first))
      }
      lineIDs[line.id.value] = .scenario
    }
    for trait in traitDocs {
      let traitSink = traitSinks[trait.id.value] ?? sink
      let traitResolver = ConditionResolver(
        phases: phaseIDs, traits: Set(traits.keys), flags: flags.union(traitFlags),
        criteria: criteria,
        penalties: penalties, bag: bagIDs, intents: intents, named: [:], strict: false,
        sink: traitSink)
      for line in trait.lines {
        checkPreviousPlaceholders(line, previous: doc.previous, sink: traitSink)
        if let first = lineIDs[line.id.value] {
          sink.error(
            at: doc.mark, "persona.traits",
            .duplicateLineID(id: line.id.value, trait: trait.id.value, alsoIn: first))
        }
        lineIDs[line.id.value] = .trait(trait.id.value)
        // Lines about phases or criteria this scenario lacks simply never fire here.
        guard let condition = traitResolver.resolve(line.when),
          let built = retailerLine(
            line, condition, origin: RetailerLine.traitOrigin(trait.id.value), phases: phaseIDs,
            intents: intents, strict: false, sink: traitSink)
        else { continue }
        lines.append(built)
      }
    }

    guard !sink.hasErrors, !placeholderErrors,
      !doc.phases.isEmpty
    else {
      if doc.phases.isEmpty && !sink.hasErrors {
        sink.error(at: doc.mark, "phases", .noPhases)
      }
      return nil
    }
    let traitModels = traitDocs.map { t in
      Trait(
        id: t.id.value, title: t.title, summary: t.summary, advice: t.advice,
        reactions: t.reactions.map {
          Reaction(trigger: $0.trigger, mood: $0.mood, patience: $0.patience)
        },
        lines: lines.filter { $0.trait == t.id.value })
    }
    // The stock table names catalogue brands by id or by name.
    var stock: [StockItem] = []
    let brands = catalog.map { ($0.id, $0.names) }
    for (brand, item, retagFlag) in doc.stock {
      if let retagFlag, !flags.contains(retagFlag.value) {
        sink.unknown(.flag, retagFlag, in: flags)
      }
      guard let id = resolve(brand, in: brands, kind: .brand, sink)
      else { continue }
      var resolved = item
      resolved.brand = id
      stock.append(resolved)
    }
    // Preparation needs name visit-bag items by id or by name.
    var needs: [PackingNeed] = []
    let items = visitBag.map { ($0.id, $0.names) }
    for (item, reason) in doc.packingNeeds {
      guard let id = resolve(item, in: items, kind: .visitBagItem, sink)
      else { continue }
      needs.append(PackingNeed(item: id, reason: reason))
    }
    if sink.hasErrors { return nil }

    var hasher = Fingerprint()
    hasher.add(doc.text)
    hasher.add(catalogText)
    hasher.add(lexiconText)
    hasher.add(learnedText)
    for t in traitDocs { hasher.add(t.text) }
    for u in doc.rubrics { if let r = self.rubrics[u.id.value] { hasher.add(r.text) } }
    if let said = self.rubrics[Self.listeningRubric] { hasher.add(said.text) }
    var scenario = Scenario(
      id: doc.id.value, title: doc.title, summary: doc.summary, difficulty: doc.difficulty,
      customer: doc.customer, persona: persona, scene: doc.scene, arrival: doc.arrival,
      phases: doc.phases.map {
        Phase(id: $0.id.value, title: $0.title, enterOn: $0.enterOn.map(\.value))
      },
      lines: lines, traits: traitModels, rubrics: rubrics, settings: doc.settings,
      flags: flags.sorted(), fingerprint: hasher.hex, sourcePath: doc.file)
    scenario.catalog = catalog
    scenario.listening = listening
    scenario.stock = stock
    scenario.brief = doc.brief
    scenario.recordKeywords = doc.recordKeywords
    scenario.visitBag = visitBag
    scenario.wardrobe = wardrobe
    scenario.packingNeeds = needs
    scenario.planGoals = doc.planGoals
    scenario.previous = doc.previous
    // A phase entered by a criterion's words that can never apply to this retailer can never
    // be entered by words.
    for phase in doc.phases {
      for id in phase.enterOn {
        guard let criterion = scenario.checks.first(where: { $0.id == id.value }),
          !criterion.canApply(in: scenario)
        else { continue }
        sink.error(
          at: id.mark, id.keyPath,
          .neverApplies(
            check: id.value, retailer: scenario.persona.name, traits: scenario.persona.traits,
            phase: phase.id.value))
      }
    }
    return scenario
  }

  /// The phase a visit is completed in.
  static let farewellPhase = Phase.farewellID

  /// A line that quotes the earlier visit (`{previous.promise}`) needs a scenario with
  /// `previous:`, and only the known placeholders, closed.
  private func checkPreviousPlaceholders(
    _ line: LineDocument, previous: PreviousVisit?, sink: DiagnosticSink
  ) {
    var rest = Substring(line.text)
    let mark = line.textMark ?? line.id.mark
    while let open = rest.firstRange(of: "{previous.") {
      let close = rest[open.upperBound...].firstIndex(of: "}")
      let name = "previous." + rest[open.upperBound..<(close ?? rest.endIndex)]
      if close == nil || !PreviousVisit.placeholders.contains(name) {
        sink.error(
          at: mark, line.id.keyPath,
          DiagnosticSink.unknown(.placeholder, name, in: PreviousVisit.placeholders))
      } else if previous == nil {
        sink.error(
          at: mark, line.id.keyPath, .previousPlaceholderWithoutPrevious(placeholder: name))
      }
      guard let close else { return }
      rest = rest[rest.index(after: close)...]
    }
  }

  private func retailerLine(
    _ line: LineDocument, _ condition: Condition, origin: String, phases: Set<String>,
    intents: Set<String>, strict: Bool, sink: DiagnosticSink
  ) -> RetailerLine? {
    // A line that quotes what was said (`{said.time}`) can only answer an utterance that says it.
    var condition = condition
    for name in RetailerLine.saidSlots(in: line.text) {
      if intents.contains(name) {
        condition.said.insert(name)
      } else {
        sink.error(
          at: line.textMark ?? line.id.mark, line.id.keyPath,
          DiagnosticSink.unknown(
            .placeholder, RetailerLine.saidPrefix + name,
            in: Set(intents.map { RetailerLine.saidPrefix + $0 })))
        return nil
      }
    }
    var effects = LineEffects()
    effects.mood = line.mood
    effects.patience = line.patience
    effects.set = line.set.map(\.value)
    effects.clear = line.clear.map(\.value)
    effects.ends = line.ends
    if let goto = line.goto {
      if phases.contains(goto.value) {
        effects.goto = goto.value
      } else {
        // A trait line that moves to a phase this scenario lacks never fires here.
        if strict {
          sink.unknown(.phase, goto, in: phases)
        }
        return nil
      }
    }
    var built = RetailerLine(
      id: line.id.value, text: line.text, event: line.event, condition: condition, effects: effects,
      origin: origin)
    built.priority = line.priority
    for brand in line.about {
      let match = catalog.first {
        $0.family == brand.value || $0.id == brand.value || $0.names.contains(brand.value)
      }
      if let match {
        if !built.about.contains(match.family) { built.about.append(match.family) }
      } else {
        sink.unknown(.brand, brand, in: Set(catalog.map(\.family)))
      }
    }
    return built
  }

  private func rubric(
    _ doc: RubricDocument, use: ScenarioDocument.RubricUse, interpolation: PhraseInterpolation,
    sink rubricSink: DiagnosticSink, placeholderSink: DiagnosticSink, failed: inout Bool
  ) -> Rubric {
    let localIDs = Set((doc.criteria + doc.penalties).map(\.id.value))
    var disabled = Set<String>()
    for d in use.disable {
      if localIDs.contains(d.value) {
        disabled.insert(d.value)
      } else {
        rubricSink.error(at: d.mark, d.keyPath, notInRubric(doc, d.value, localIDs))
      }
    }
    var extra: [String: [String]] = [:]
    for (key, phrases) in use.phrases {
      if localIDs.contains(key.value) {
        for phrase in phrases {
          switch interpolation.expand(phrase.value) {
          case .success(let list): extra[key.value, default: []] += list
          case .failure(let e):
            rubricSink.error(
              at: phrase.mark, phrase.keyPath,
              DiagnosticSink.unknown(.placeholder, e.name, in: interpolation.names))
          }
        }
      } else {
        rubricSink.error(at: key.mark, key.keyPath, notInRubric(doc, key.value, localIDs))
      }
    }
    var points: [String: Int] = [:]
    for (key, value) in use.points {
      if localIDs.contains(key.value) {
        points[key.value] = value
      } else {
        rubricSink.error(at: key.mark, key.keyPath, notInRubric(doc, key.value, localIDs))
      }
    }
    var examples: [String: Located<String>] = [:]
    for (key, text) in use.examples {
      if localIDs.contains(key.value) {
        examples[key.value] = Located(value: text, mark: key.mark, keyPath: key.keyPath)
      } else {
        rubricSink.error(at: key.mark, key.keyPath, notInRubric(doc, key.value, localIDs))
      }
    }
    func qualify(_ ref: String) -> String { ref.contains(".") ? ref : "\(doc.id.value).\(ref)" }
    var failedExpansion = false
    func expand(_ phrases: [Located<String>]) -> [String] {
      var out: [String] = []
      for phrase in phrases {
        switch interpolation.expand(phrase.value) {
        case .success(let list): out += list
        case .failure(let e):
          failedExpansion = true
          placeholderSink.error(
            at: phrase.mark, phrase.keyPath,
            DiagnosticSink.unknown(.placeholder, e.name, in: interpolation.names))
        }
      }
      return out
    }
    /// The example the tip shows here: the scenario's own, else the rubric's, placeholders filled.
    func example(_ c: CriterionDocument) -> String {
      let sink = examples[c.id.value] == nil ? placeholderSink : rubricSink
      guard let written = examples[c.id.value] ?? c.exampleAt else { return c.example }
      switch interpolation.sentence(written.value) {
      case .success(let text): return text
      case .failure(let e):
        failedExpansion = true
        sink.error(
          at: written.mark, written.keyPath,
          DiagnosticSink.unknown(.placeholder, e.name, in: interpolation.names))
        return written.value
      }
    }
    func build(_ c: CriterionDocument) -> Criterion? {
      guard !disabled.contains(c.id.value) else { return nil }
      var applies = Applicability()
      applies.phases = Set(c.phases.map(\.value))
      applies.traits = Set(c.traits.map(\.value))
      applies.withoutTraits = Set(c.withoutTraits.map(\.value))
      applies.visit = c.visit
      applies.classes = Set(c.classes)
      applies.mood = c.mood
      let match = PhraseSet(
        any: expand(c.match.any) + (extra[c.id.value] ?? []), all: c.match.all.map(expand),
        none: expand(c.match.none))
      let partial = PhraseSet(
        any: expand(c.partial.any), all: c.partial.all.map(expand), none: expand(c.partial.none))
      let similar: SimilarExamples? =
        c.similarGood.isEmpty && c.similarBad.isEmpty
        ? nil
        : SimilarExamples(
          good: c.similarGood.map(\.value), bad: c.similarBad.map(\.value),
          threshold: c.similarThreshold)
      let pts = points[c.id.value] ?? c.points
      var criterion = Criterion(
        id: "\(doc.id.value).\(c.id.value)", localID: c.id.value, title: c.title,
        isPenalty: c.isPenalty,
        points: pts, measure: c.measure, phrases: match, partial: partial,
        partialPoints: c.partialPoints ?? pts / 2, similar: similar, negationGuard: c.negation,
        metByWaiting: c.waitingCounts, applies: applies, window: c.window,
        after: c.after.map { qualify($0.value) }, before: c.before.map { qualify($0.value) },
        isBlocker: c.blocker, cancels: c.cancels.map { $0.value == "*" ? "*" : qualify($0.value) },
        maxCount: c.maxCount, mood: c.moodEffect, patience: c.patienceEffect, tip: c.tip,
        example: example(c),
        group: c.group.map { "\(doc.id.value).\($0)" })
      criterion.examples = c.examples
      criterion.situated = SituatedPhrases(
        when: expand(c.situatedWhen), any: expand(c.situatedAny))
      criterion.isPromise = c.isPromise
      criterion.isCourtesy = c.isCourtesy
      criterion.picksUp = c.picksUp
      criterion.recallsPromise = c.recallsPromise
      criterion.beyondTier = c.beyondTier
      criterion.clausesAtLeast = c.clausesAtLeast
      criterion.yieldsTo = c.yieldsTo.map { qualify($0.value) }
      criterion.refersToScene = (c.match.any + c.match.all.flatMap { $0 }).contains {
        // Only phrases with a brace pay for the substring search.
        $0.value.contains(Character("{")) && $0.value.contains("{scene.")
      }
      if let name = c.learned {
        if let model = learned[name.value] {
          criterion.learned = model
        } else {
          placeholderSink.unknown(.learnedModel, name, in: learned.keys)
        }
      }
      return criterion
    }
    let rubric = Rubric(
      id: doc.id.value, title: doc.title, weight: use.weight ?? doc.weight,
      criteria: doc.criteria.compactMap(build), penalties: doc.penalties.compactMap(build),
      hints: doc.hints)
    if failedExpansion { failed = true }
    return rubric
  }

  /// The id of the shared-list entry `name` gives by id or by name; otherwise an error at
  /// `name` with a suggestion and the ids the list has.
  private func resolve(
    _ name: Located<String>, in entries: [(id: String, names: [String])], kind: ReferenceKind,
    _ sink: DiagnosticSink
  ) -> String? {
    if let match = entries.first(where: { $0.id == name.value || $0.names.contains(name.value) }) {
      return match.id
    }
    sink.unknown(kind, name, in: entries.map(\.id))
    return nil
  }

  /// `written` is not a criterion or penalty of the rubric `doc`.
  private func notInRubric(_ doc: RubricDocument, _ written: String, _ localIDs: Set<String>)
    -> AuthoringProblem
  {
    .notInRubric(
      rubric: doc.id.value, written: written,
      suggestion: EditDistance.nearest(to: written, in: localIDs), known: localIDs.sorted())
  }
}
