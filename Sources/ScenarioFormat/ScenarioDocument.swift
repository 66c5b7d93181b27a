import VisitCoachModel
import Yams

/// A scenario file (`scenarios/*.yaml`) as authored: optional, located values whose
/// references (traits, rubrics, phases, criteria, flags) are checked by ``ScenarioAssembler``.
struct ScenarioDocument: Sendable {
  struct PersonaDocument: Sendable {
    var name: String
    var surname: String?
    var age: Int
    var gender: Gender
    var attire: String
    var role: PersonaRole
    var traits: [Located<String>]
    var mood: Int
    var patience: Int
    var knows: [String]
    var extraFitting: [String]
    var extraUnfitting: [String]
  }

  struct PhaseDocument: Sendable {
    var id: Located<String>
    var title: String
    var enterOn: [Located<String>]
  }

  struct RubricUse: Sendable {
    var id: Located<String>
    var weight: Int?
    var disable: [Located<String>]
    var phrases: [(Located<String>, [Located<String>])]
    var points: [(Located<String>, Int)]
    /// Criterion id (short form) → the example sentence its tip shows in this scenario.
    var examples: [(Located<String>, String)]
  }

  var file: String
  var text: String
  var id: Located<String>
  var title: String
  var summary: String
  var difficulty: Int
  var customer: Customer
  var persona: PersonaDocument
  var arrival: String
  var scene: [SceneFact] = []
  var phases: [PhaseDocument] = []
  var conditions: [(Located<String>, ConditionDocument)] = []
  var lines: [LineDocument] = []
  var rubrics: [RubricUse] = []
  var settings = SimulationSettings()
  /// The stock table, brands not yet checked against the catalogue.
  var stock: [(brand: Located<String>, item: StockItem, retagFlag: Located<String>?)] = []
  var brief: Brief?
  var recordKeywords: [String] = []
  /// `preparation.needs`: visit-bag items not yet checked against the list, with the reason.
  var packingNeeds: [(item: Located<String>, reason: String)] = []
  var planGoals: [PlanGoal] = []
  /// What the earlier visit left, when this visit follows one (`previous:`).
  var previous: PreviousVisit?
  var mark: SourceMark

  init?(_ root: Yams.Node, file: String, text: String, sink: DiagnosticSink) {
    guard let r = MapReader(root, path: "", sink: sink, document: .scenario) else { return nil }
    defer { r.finish() }
    FormatVersion.check(r)
    self.file = file
    self.text = text
    mark = r.mark
    let id = r.string("id", required: true)
    self.id = id ?? Located(value: "", mark: r.mark, keyPath: "id")
    if let id,
      !id.value.unicodeScalars.allSatisfy({
        $0.isASCII
          && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-"
            || $0 == "_")
      })
    {
      sink.error(at: id.mark, "id", .invalidName(written: id.value, kind: .scenario))
    }
    title = r.string("title", required: true)?.value ?? ""
    summary = r.string("summary")?.value ?? ""
    difficulty = r.int("difficulty", in: 1...3)?.value ?? 2
    arrival =
      r.string("arrival", required: true)?.value ?? ""

    var customer = Customer(customerClass: .a, network: .urban, visit: .first)
    if let c = r.map("customer", required: true) {
      if let v = c.choice("class", CustomerClass.allCases.map(\.rawValue), required: true) {
        customer.customerClass = CustomerClass(rawValue: v.value)!
      }
      if let v = c.choice(
        "network", Network.allCases.map(\.rawValue), required: true)
      {
        customer.network = Network(rawValue: v.value)!
      }
      if let v = c.choice("visit", VisitKind.allCases.map(\.rawValue), required: true) {
        customer.visit = VisitKind(rawValue: v.value)!
      }
      customer.tier = c.int("tier", in: 1...100)?.value
      c.finish()
    }
    self.customer = customer

    var persona = PersonaDocument(
      name: "", surname: nil, age: 40, gender: .male, attire: "", role: .owner, traits: [],
      mood: 50,
      patience: 60, knows: [], extraFitting: [], extraUnfitting: [])
    if let p = r.map("persona", required: true) {
      persona.name = p.string("name", required: true)?.value ?? ""
      persona.surname = p.string("surname")?.value
      persona.age = p.int("age", in: 16...100, required: true)?.value ?? 40
      if let g = p.choice("gender", Gender.allCases.map(\.rawValue), required: true) {
        persona.gender = Gender(rawValue: g.value)!
      }
      persona.attire = p.string("attire")?.value ?? ""
      if let role = p.choice("role", PersonaRole.allCases.map(\.rawValue)) {
        persona.role = PersonaRole(rawValue: role.value)!
      }
      persona.traits = p.strings("traits", items: .ids)
      persona.mood = p.int("mood", in: 0...100)?.value ?? 50
      persona.patience = p.int("patience", in: 1...100)?.value ?? 60
      persona.knows = p.strings("knows").map(\.value)
      if let a = p.map("address") {
        persona.extraFitting = a.strings("fitting", items: .words).map(\.value)
        persona.extraUnfitting = a.strings("unfitting", items: .words).map(\.value)
        a.finish()
      }
      p.finish()
    }
    self.persona = persona

    var scene: [SceneFact] = []
    var sceneIDs: [String: Int] = [:]
    r.list("scene") { item, _ in
      guard let id = item.string("id", required: true) else {
        return
      }
      // `{scene.<id>}` in a rubric names one fact: a second fact with the id would be lost.
      if let first = sceneIDs[id.value] {
        r.sink.error(
          at: id.mark, id.keyPath,
          .duplicateID(kind: .sceneFact, id: id.value, firstLine: first, otherFile: nil))
      } else {
        sceneIDs[id.value] = id.mark.line
      }
      let text = item.string("text", required: true)?.value ?? ""
      let keywords = item.strings("keywords", items: .words).map(\.value)
      let hidden = item.bool("hidden")?.value ?? false
      let kind = item.choice("kind", SceneFactKind.allCases.map(\.rawValue)).flatMap {
        SceneFactKind(rawValue: $0.value)
      }
      scene.append(
        SceneFact(
          id: id.value, kind: kind ?? .context, text: text, keywords: keywords,
          visibleOnArrival: !hidden))
    }
    self.scene = scene

    var phases: [PhaseDocument] = []
    r.list("phases", required: true) { item, _ in
      guard let id = item.string("id", required: true) else { return }
      let title =
        item.string("title", required: true)?.value ?? id.value
      phases.append(
        PhaseDocument(id: id, title: title, enterOn: item.strings("enter_on", items: .ids)))
    }
    self.phases = phases

    if let c = r.map("conditions") {
      for (key, keyNode, node) in c.authorKeys(as: .condition) {
        if let doc = ConditionDocument(node, path: c.child(key), sink: sink) {
          conditions.append(
            (Located(value: key, mark: keyNode.sourceMark, keyPath: c.child(key)), doc))
        }
      }
      c.finish()
    }

    var lines: [LineDocument] = []
    r.list("lines") { item, _ in
      if let line = LineDocument(item) { lines.append(line) }
    }
    self.lines = lines

    var rubrics: [RubricUse] = []
    r.list("rubrics", required: true) {
      item, _ in
      guard let use = item.string("use", required: true) else { return }
      var u = RubricUse(
        id: use, weight: item.int("weight", in: 0...100)?.value,
        disable: item.strings("disable", items: .ids),
        phrases: [], points: [], examples: [])
      if let p = item.map("phrases") {
        for (key, keyNode, _) in p.authorKeys(as: .texts) {
          u.phrases.append(
            (
              Located(value: key, mark: keyNode.sourceMark, keyPath: p.child(key)),
              p.strings(key, items: .words)
            ))
        }
        p.finish()
      }
      if let p = item.map("points") {
        for (key, keyNode, _) in p.authorKeys(as: .integer(0...100)) {
          if let n = p.int(key, in: 0...100) {
            u.points.append(
              (Located(value: key, mark: keyNode.sourceMark, keyPath: p.child(key)), n.value))
          }
        }
        p.finish()
      }
      if let p = item.map("example") {
        for (key, keyNode, _) in p.authorKeys(as: .text) {
          if let text = p.string(key) {
            u.examples.append(
              (Located(value: key, mark: keyNode.sourceMark, keyPath: p.child(key)), text.value))
          }
        }
        p.finish()
      }
      rubrics.append(u)
    }
    self.rubrics = rubrics

    var stock: [(brand: Located<String>, item: StockItem, retagFlag: Located<String>?)] = []
    r.list("stock") { item, _ in
      guard let brand = item.string("brand", required: true) else {
        return
      }
      let count = item.int("stock", in: 0...10_000, required: true)?.value ?? 0
      let tagged = item.int("tagged_price", in: 0...10_000)?.value ?? 0
      let selling = item.int("selling_price", in: 0...10_000)?.value ?? tagged
      let weekly = item.double("weekly_sales", in: 0...10_000)?.value ?? 0
      let daysOut = item.int("days_out", in: 0...365)?.value ?? 0
      var row = StockItem(
        brand: brand.value, stock: count, taggedPrice: tagged, sellingPrice: selling,
        weeklySales: weekly, daysOut: daysOut)
      var retagFlag: Located<String>?
      if let retag = item.map("retag") {
        retagFlag = retag.string("flag", required: true)
        let price = retag.int("price", in: 0...10_000, required: true)
        if let retagFlag, let price {
          row.retag = StockItem.Retag(flag: retagFlag.value, price: price.value)
        }
        retag.finish()
      }
      stock.append((brand, row, retagFlag))
    }
    self.stock = stock
    if let record = r.map("record") {
      recordKeywords = record.strings("complaint", items: .words).map(\.value)
      record.finish()
    }
    if let p = r.map("preparation") {
      p.list("needs", required: true) { need, _ in
        guard let item = need.string("item", required: true) else {
          return
        }
        let reason = need.string("why", required: true)?.value ?? ""
        packingNeeds.append((item, reason))
      }
      p.list("goals") { goal, _ in
        let words = goal.strings("words", items: .words).map(\.value)
        if words.isEmpty {
          goal.sink.error(at: goal.mark, goal.path, .goalWithoutWords)
        }
        let reason = goal.string("why", required: true)?.value ?? ""
        planGoals.append(PlanGoal(words: words, reason: reason))
      }
      p.finish()
    }
    if let p = r.map("previous") {
      let record = p.string("record")?.value
      let promises = p.strings("promises").map(\.value)
      let followed = PreviousVisit(
        when: p.string("when")?.value ?? "", record: record.map(VisitRecord.init(line:)),
        promises: promises)
      if followed.isEmpty {
        p.sink.error(at: p.mark, p.path, .previousEmpty)
      }
      previous = followed
      p.finish()
    }
    if let b = r.map("brief") {
      brief = Brief(record: b.strings("record").map(\.value), news: b.strings("news").map(\.value))
      b.finish()
    }

    if let s = r.map("settings") {
      if let v = s.int("pass_mark", in: 0...100) { settings.passMark = v.value }
      if let v = s.int("seconds_per_turn", in: 0...600) { settings.secondsPerTurn = v.value }
      if let v = s.int("tenths_per_character", in: 0...100) {
        settings.tenthsPerCharacter = v.value
      }
      if let v = s.int("wait_seconds", in: 0...3600) { settings.waitSeconds = v.value }
      if let v = s.int("look_seconds", in: 0...3600) { settings.lookSeconds = v.value }
      if let v = s.int("enter_within", in: 1...64) { settings.enterWithin = v.value }
      s.finish()
    }
  }
}
