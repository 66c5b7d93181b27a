import Testing
import VisitCoachModel

@testable import ScenarioFormat

/// Families used inside gapped phrases.
@Suite("Phrase interpolation")
struct PhraseInterpolationTests {
  static let persona = Persona(
    name: "王建国", surname: "王", age: 45, gender: .male, attire: "", role: .owner, traits: [],
    mood: 60, patience: 60, knows: [], address: AddressTerms(fitting: ["王老板"], unfitting: []))

  func expand(_ phrase: String, _ lexicon: [String: [String]]) -> [String] {
    let interpolation = PhraseInterpolation(persona: Self.persona, scene: [], lexicon: lexicon)
    guard case .success(let phrases) = interpolation.expand(phrase) else { return [] }
    return phrases
  }

  @Test func aFamilyKeepsItsWordsAsAlternativesOfOnePart() {
    let phrases = expand(
      "{lexicon.we}…{lexicon.slip}", ["we": ["我们", "咱们"], "slip": ["弄错", "送错"]])
    #expect(phrases.count == 1)
    #expect(GappedPhrases.parts(of: phrases[0]).count == 2)
  }

  @Test func aFamilyWordWithGapsOfItsOwnBecomesItsOwnPhrase() {
    // 没…跟上 has a gap: as an alternative of one part it would break the whole pattern.
    let phrases = expand(
      "{lexicon.we}…{lexicon.slip}", ["we": ["我们", "咱们"], "slip": ["弄错", "没…跟上"]])
    #expect(phrases.count == 2, "\(phrases)")
    let parts = phrases.map { GappedPhrases.parts(of: $0) }
    #expect(parts.contains { $0.count == 2 && $0[1] == "弄错" })
    #expect(parts.contains { $0.count == 3 && $0[1] == "没" && $0[2] == "跟上" }, "\(parts)")
  }
}
