import ArgumentParser
import Foundation
import ScenarioFormat
import Scoring
import VisitCoachModel

/// `visitcoach lexicon`: look into the shared lexicon and into how a sentence is read.
struct LexiconCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lexicon",
    abstract: "Show a concept family of the lexicon, or how the scorer reads a sentence.",
    subcommands: [LexiconTryCommand.self, LexiconShowCommand.self])
}

/// `visitcoach lexicon try "句子"`.
struct LexiconTryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "try",
    abstract:
      "How a sentence is read: normalised text, clauses, quoted speech, negated words, concept families and the checks its words meet."
  )

  @Argument(help: "The sentence, as a trainee would type it.")
  var sentence: String

  @Option(help: "The scenario whose rubrics to read it with (default: the default scenario).")
  var scenario: String?

  @Option(
    help:
      "What the retailer had just said (and what the shop shows): situated words are read in it.")
  var heard: String = ""

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  func run() throws {
    try Failure.reported {
      let location = try ScenarioLocation.resolve(scenarios)
      let chosen = try location.scenario(scenario)
      let scorer = Scorer(plan: ScoringPlan(scenario: chosen))
      let prepared = scorer.prepare(sentence)
      var normalized = prepared.normalized
      Console.line("normalised: \(normalized)")
      let clauses = normalized.split(whereSeparator: { $0 == "|" || $0 == "\"" })
      Console.line("clauses: \(clauses.count): \(clauses.joined(separator: " / "))")
      var quoted: [String] = []
      var negated: [String] = []
      var families: [(String, [String])] = []
      let lexicon = PreparedLibrary(root: location.root).lexicon
      normalized.withUTF8 { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        for span in PreparedUtterance.quotedSpans(bytes) {
          quoted.append(
            String(decoding: bytes[(span.lowerBound + 1)..<span.upperBound], as: UTF8.self))
        }
        for (name, words) in lexicon.sorted(by: { $0.key < $1.key }) {
          var found: [String] = []
          for word in words {
            let w = TextNormalizer.normalize(word)
            guard !w.isEmpty, let range = text.range(of: w) else { continue }
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            if NegationGuard.isNegated(bytes, before: start) {
              negated.append(w)
            } else {
              found.append(w)
            }
          }
          if !found.isEmpty { families.append((name, found)) }
        }
      }
      if !quoted.isEmpty {
        Console.line(
          "quoted (reported speech, counts for nothing): \(quoted.joined(separator: "、"))")
      }
      if !negated.isEmpty {
        Console.line("negated: \(Array(Set(negated)).sorted().joined(separator: "、"))")
      }
      Console.line("concept families:")
      if families.isEmpty { Console.line("  (none)") }
      for (name, words) in families { Console.line("  \(name): \(words.joined(separator: "、"))") }
      Console.line(
        "checks whose words it meets in \(chosen.id) (phase, order and mood aside)"
          + (heard.isEmpty ? ":" : ", after 「\(heard)」:"))
      let met = scorer.wordsMet(in: prepared, heard: heard)
      if met.isEmpty { Console.line("  (none)") }
      let titles = Dictionary(chosen.checks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      for (id, words) in met {
        let c = titles[id]
        let kind =
          c?.isPenalty == true ? (c?.isBlocker == true ? "blocker" : "penalty") : "criterion"
        Console.line("  \(id) \(c?.title ?? "") [\(kind)]: \(words.joined(separator: "、"))")
      }
    }
  }
}

/// `visitcoach lexicon show NAME`.
struct LexiconShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "List the concept families, or the words of one.")

  @Argument(help: "A concept family (without 'lexicon.'); none lists them all.")
  var name: String?

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  func run() throws {
    try Failure.reported {
      let location = try ScenarioLocation.resolve(scenarios)
      let lexicon = PreparedLibrary(root: location.root).lexicon
      guard let name else {
        for (family, words) in lexicon.sorted(by: { $0.key < $1.key }) {
          Console.line(
            "\(family) (\(words.count)): \(words.prefix(8).joined(separator: "、"))\(words.count > 8 ? "…" : "")"
          )
        }
        return
      }
      let key = name.hasPrefix("lexicon.") ? String(name.dropFirst(8)) : name
      guard let words = lexicon[key] else {
        throw UserFacingError(
          "no concept family '\(key)'"
            + (EditDistance.nearest(to: key, in: Array(lexicon.keys)).map {
              "; did you mean '\($0)'?"
            } ?? ""))
      }
      Console.line("\(key): \(words.joined(separator: "、"))")
      Console.line("use it in a rubric phrase as \"{lexicon.\(key)}\"")
    }
  }
}
