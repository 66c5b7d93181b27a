import VisitCoachModel

/// Expands placeholders in rubric phrases with the data of one scenario, e.g. `{address.fitting}`
/// becomes 王大爷, 大爷, 老师傅 ... for an elderly man, and `{persona.surname}老板` becomes 王老板.
struct PhraseInterpolation {
  private var values: [String: [String]] = [:]

  /// Placeholders every scenario provides (scene facts add `scene.<id>`).
  static let knownNames = [
    "address.fitting", "address.unfitting", "address.casual", "persona.name", "persona.surname",
    "scene.keywords",
    "scene.strengths", "scene.issues", "knows",
  ]

  /// Only the lexicon's families, for families that use other families.
  init(lexicon: [String: [String]]) {
    for (name, words) in lexicon { values["lexicon.\(name)"] = words }
  }

  init(persona: Persona, scene: [SceneFact], lexicon: [String: [String]] = [:]) {
    for (name, words) in lexicon { values["lexicon.\(name)"] = words }
    values["address.fitting"] = persona.address.fitting
    values["address.unfitting"] = persona.address.unfitting
    values["address.casual"] = persona.address.casual
    values["persona.name"] = [persona.name]
    values["persona.surname"] = [persona.surname]
    values["scene.keywords"] = scene.flatMap(\.keywords)
    values["scene.strengths"] = scene.filter { $0.kind == .strength }.flatMap(\.keywords)
    values["scene.issues"] = scene.filter { $0.kind == .issue }.flatMap(\.keywords)
    values["knows"] = persona.knows
    for fact in scene { values["scene.\(fact.id)"] = fact.keywords }
  }

  /// A tip's example sentence with each placeholder given its first value in this scenario
  /// (`{address.fitting}` becomes the first fitting term, e.g. 王老板), or the unknown placeholder.
  /// A placeholder without values here leaves the sentence as written.
  func sentence(_ text: String) -> Result<String, UnknownPlaceholder> {
    product(text).map { $0.first ?? text }
  }

  /// The names a phrase may use in this scenario.
  var names: [String] { values.keys.sorted() }

  /// The phrases `phrase` stands for, or the unknown placeholder name. A gapped phrase with
  /// placeholders stays one phrase: each part is expanded on its own, its alternatives joined
  /// by ``GappedPhrases/alternativeMark`` (families in different parts are not multiplied).
  func expand(_ phrase: String) -> Result<[String], UnknownPlaceholder> {
    // Byte searches: `String.contains("{")` goes through Foundation's Unicode-aware search, and
    // this runs for every phrase of every rubric at start-up.
    guard phrase.utf8.contains(UInt8(ascii: "{")), GappedPhrases.mayBeGapped(phrase) else {
      return product(phrase)
    }
    let parts = GappedPhrases.parts(of: phrase)
    guard parts.count > 1 else { return product(phrase) }
    // Each part's options, plain ones (alternatives of the part) apart from options that have
    // gaps of their own (a family word such as 我们…弄错): those cannot be alternatives of one
    // part, so each becomes a phrase of its own with its gaps in place.
    var plain: [[String]] = []
    var gapped: [[String]] = []
    for part in parts {
      switch product(part) {
      case .failure(let e): return .failure(e)
      case .success(let options):
        var unique: [String] = []
        var withGaps: [String] = []
        var seen = Set<String>()
        for option in options where seen.insert(option).inserted {
          if GappedPhrases.mayBeGapped(option), GappedPhrases.parts(of: option).count > 1 {
            withGaps.append(option)
          } else {
            unique.append(option)
          }
        }
        plain.append(unique)
        gapped.append(withGaps)
      }
    }
    let mark = String(GappedPhrases.alternativeMark)
    var phrases: [String] = []
    if plain.allSatisfy({ !$0.isEmpty }) {
      phrases.append(plain.map { $0.joined(separator: mark) }.joined(separator: "…"))
    }
    for (k, options) in gapped.enumerated() {
      for option in options {
        let others = plain.indices.filter { $0 != k }
        guard others.allSatisfy({ !plain[$0].isEmpty }) else { continue }
        let joined = plain.indices.map { $0 == k ? option : plain[$0].joined(separator: mark) }
        phrases.append(joined.joined(separator: "…"))
      }
    }
    return .success(phrases)
  }

  /// Every combination of the options of the placeholders in `phrase`.
  private func product(_ phrase: String) -> Result<[String], UnknownPlaceholder> {
    guard let open = phrase.utf8.firstIndex(of: UInt8(ascii: "{")) else {
      return .success([phrase])
    }
    guard let close = phrase.utf8[open...].firstIndex(of: UInt8(ascii: "}")) else {
      return .success([phrase])
    }
    let name = String(phrase[phrase.index(after: open)..<close])
    guard let options = values[name] else { return .failure(UnknownPlaceholder(name: name)) }
    let prefix = phrase[..<open]
    let after = phrase.index(after: close)
    // A phrase that is one placeholder (the common `{lexicon.name}`) is its options as they are.
    if prefix.isEmpty && after == phrase.endIndex { return .success(options) }
    let rest = String(phrase[after...])
    switch product(rest) {
    case .failure(let e): return .failure(e)
    case .success(let tails):
      var result: [String] = []
      for option in options {
        for tail in tails { result.append(prefix + option + tail) }
      }
      return .success(result)
    }
  }

  struct UnknownPlaceholder: Error {
    var name: String
  }
}
