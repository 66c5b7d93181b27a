import Foundation
import Reporting

/// Agreement between the scorer and the labels of a set of items: pairs won, tied and lost,
/// precision, recall and F1 per criterion, and every disagreement with what the scorer saw.
public struct EvaluationRun: Sendable, Encodable {
  /// Wins, ties and losses of better over worse. A tie is a failure: the scorer could not tell.
  public struct PairTally: Sendable, Encodable, Hashable {
    public var wins = 0
    public var ties = 0
    public var losses = 0
    public var total: Int { wins + ties + losses }
    public var rate: Double { total == 0 ? 0 : Double(wins) / Double(total) }

    enum CodingKeys: String, CodingKey { case wins, ties, losses, rate }
    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(wins, forKey: .wins)
      try c.encode(ties, forKey: .ties)
      try c.encode(losses, forKey: .losses)
      try c.encode(EvaluationRun.rounded(rate), forKey: .rate)
    }
  }

  /// Confusion counts of one criterion.
  public struct CriterionTally: Sendable, Encodable, Hashable {
    public var kind: String
    /// Whether the setup maps the criterion to any check.
    public var detected: Bool
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    public var trueNegatives = 0
    public var precision: Double {
      truePositives + falsePositives == 0
        ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    public var recall: Double {
      truePositives + falseNegatives == 0
        ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    public var f1: Double {
      precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    enum CodingKeys: String, CodingKey {
      case kind, detected, tp, fp, fn, tn, precision, recall, f1
    }
    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(kind, forKey: .kind)
      try c.encode(detected, forKey: .detected)
      try c.encode(truePositives, forKey: .tp)
      try c.encode(falsePositives, forKey: .fp)
      try c.encode(falseNegatives, forKey: .fn)
      try c.encode(trueNegatives, forKey: .tn)
      try c.encode(EvaluationRun.rounded(precision), forKey: .precision)
      try c.encode(EvaluationRun.rounded(recall), forKey: .recall)
      try c.encode(EvaluationRun.rounded(f1), forKey: .f1)
    }
  }

  /// One item the scorer got wrong, with what it saw.
  public struct Disagreement: Sendable, Encodable, Hashable {
    public var id: String
    public var what: String
    public var detail: String
  }

  public var pairs = PairTally()
  public var pairsByArea: [String: PairTally] = [:]
  public var pairsByTag: [String: PairTally] = [:]
  public var criteria: [String: CriterionTally] = [:]
  public var judgements = 0
  /// Label names the setup does not know (they count as never detected).
  public var unknownCriteria: Set<String> = []
  public var disagreements: [Disagreement] = []

  /// A rate as reported: three decimals.
  static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

  /// Mean F1 over the criteria that are present (true) at least once.
  public var macroF1: Double {
    let present = criteria.values.filter { $0.truePositives + $0.falseNegatives > 0 }
    return present.isEmpty ? 0 : present.map(\.f1).reduce(0, +) / Double(present.count)
  }

  /// Faults pooled: how many present faults were found, and how many found ones were real.
  public var faults: CriterionTally {
    var pooled = CriterionTally(kind: "fault", detected: true)
    for t in criteria.values where t.kind == "fault" {
      pooled.truePositives += t.truePositives
      pooled.falsePositives += t.falsePositives
      pooled.falseNegatives += t.falseNegatives
      pooled.trueNegatives += t.trueNegatives
    }
    return pooled
  }

  enum CodingKeys: String, CodingKey {
    case pairs
    case pairsByArea = "pairs_by_area"
    case pairsByTag = "pairs_by_tag"
    case criteria, judgements
    case macroF1 = "macro_f1"
    case faults
    case unknownCriteria = "unknown_criteria"
    case disagreements
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(pairs, forKey: .pairs)
    try c.encode(pairsByArea, forKey: .pairsByArea)
    try c.encode(pairsByTag, forKey: .pairsByTag)
    try c.encode(criteria, forKey: .criteria)
    try c.encode(judgements, forKey: .judgements)
    try c.encode(EvaluationRun.rounded(macroF1), forKey: .macroF1)
    try c.encode(faults, forKey: .faults)
    try c.encode(unknownCriteria.sorted(), forKey: .unknownCriteria)
    try c.encode(disagreements, forKey: .disagreements)
  }
}

extension Evaluator {
  /// Evaluates every item. With `why`, a wrong judgement lists each mapped check's verdict as
  /// `explain` records it (what was vetoed, negated, reported, or not matched at all).
  public func evaluate(_ items: [EvaluationItem], why: Bool = false) throws -> EvaluationRun {
    var run = EvaluationRun()
    for item in items {
      switch item {
      case .pair(let context, let better, let worse, _, let tags):
        let lines = [better, worse] + context.context + [context.retailerSaid]
        let b = try judge(better, in: context, surnameFrom: lines)
        let w = try judge(worse, in: context, surnameFrom: lines)
        func tally(_ t: inout EvaluationRun.PairTally) {
          if b.value > w.value + 1e-9 {
            t.wins += 1
          } else if abs(b.value - w.value) <= 1e-9 {
            t.ties += 1
          } else {
            t.losses += 1
          }
        }
        tally(&run.pairs)
        tally(&run.pairsByArea[context.area, default: .init()])
        for tag in tags { tally(&run.pairsByTag[tag, default: .init()]) }
        if b.value <= w.value + 1e-9 {
          run.disagreements.append(
            .init(
              id: context.id,
              what: b.value == w.value ? "tie" : "worse scored higher",
              detail:
                "better \(Self.format(b.value)) \(Self.trace(b)) | worse \(Self.format(w.value)) \(Self.trace(w))"
            ))
        }
      case .label(let context, let utterance, let judgements):
        let lines = [utterance] + context.context + [context.retailerSaid]
        let j = try judge(utterance, in: context, surnameFrom: lines)
        for (name, present) in judgements.sorted(by: { $0.key < $1.key }) {
          run.judgements += 1
          guard let mapping = mappings[name] else {
            run.unknownCriteria.insert(name)
            continue
          }
          let predicted =
            mapping.kind == "fault"
            ? mapping.checks.contains { j.violated.contains($0) || j.said.contains($0) }
            : mapping.checks.contains { j.credited.contains($0) || j.said.contains($0) }
          var t =
            run.criteria[name]
            ?? .init(kind: mapping.kind, detected: !mapping.checks.isEmpty)
          switch (present, predicted) {
          case (true, true): t.truePositives += 1
          case (false, true): t.falsePositives += 1
          case (true, false): t.falseNegatives += 1
          case (false, false): t.trueNegatives += 1
          }
          run.criteria[name] = t
          if present != predicted {
            var detail = Self.trace(j)
            if why {
              let verdicts = try self.why(
                utterance, in: context, surnameFrom: lines, checks: mapping.checks)
              // Worded as `explain --lang en --all` words them; a penalty that did not fire
              // has no line there.
              let words = InterfaceStrings.forLanguage(.en)
              detail +=
                "\n      why: "
                + verdicts.map {
                  words.explanation($0, all: true)
                    ?? "· \($0.id): \($0.verdict == .vetoed ? "vetoed by a match.none phrase" : "not matched")"
                }
                .joined(separator: "\n           ")
            }
            run.disagreements.append(
              .init(
                id: context.id, what: "\(name) expected \(present), scored \(predicted)",
                detail: detail))
          }
        }
      }
    }
    return run
  }

  static func format(_ value: Double) -> String { String(format: "%+.2f", value) }

  /// What the scorer saw in an utterance, for a disagreement.
  static func trace(_ j: UtteranceJudgement) -> String {
    var parts: [String] = []
    if !j.credited.isEmpty { parts.append("credited [\(j.credited.joined(separator: ", "))]") }
    if !j.violated.isEmpty { parts.append("penalised [\(j.violated.joined(separator: ", "))]") }
    if !j.cancelled.isEmpty { parts.append("cancelled [\(j.cancelled.joined(separator: ", "))]") }
    if j.stuffing { parts.append("stuffing") }
    return parts.isEmpty ? "(nothing)" : parts.joined(separator: " ")
  }
}
