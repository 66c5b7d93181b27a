import Foundation
import Yams

/// How `evaluate` turns an item into something the scorer can judge, and what its criterion
/// names mean in the rubrics: `scenarios/evaluation/setup.yaml` (docs/Evaluation.md). Content,
/// not code: a trainer maps a new label name to checks without touching Swift.
public struct EvaluationSetup: Sendable, Decodable {
  /// One label name of the calibration format and the checks that stand for it.
  public struct CriterionMapping: Sendable, Decodable {
    /// `positive` (the behaviour) or `fault`.
    public var kind: String
    /// Check ids (`rubric.criterion`); the behaviour is predicted present when any of them is
    /// credited in the utterance (a fault: when any of them fires). Empty: not detected yet.
    public var checks: [String]
  }

  public var version: Int
  /// Age for each age band.
  public var ages: [String: Int]
  /// Rapport (0–100) for each mood.
  public var moods: [String: Int]
  /// The phase an item of each area is spoken in.
  public var phases: [String: String]
  /// Situations in which the shop is busy right now (the persona gets the `busy` trait).
  public var busySituations: [String]
  /// What the trainee sees for each situation of an item (`minor_at_counter`: a child in school
  /// uniform at the counter), read with the retailer's last line as the moment the utterance
  /// answers. Situations not listed add nothing.
  public var situations: [String: String]?
  /// Family names, for reading the one the trainee uses (刘姐 → 刘).
  public var surnames: String
  public var criteria: [String: CriterionMapping]

  enum CodingKeys: String, CodingKey {
    case version, ages, moods, phases, criteria, surnames, situations
    case busySituations = "busy_situations"
  }

  /// Reads `setup.yaml`.
  public static func load(_ path: String) throws -> EvaluationSetup {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw EvaluationFileError(file: path, line: 1, message: "cannot read the evaluation setup")
    }
    do {
      return try YAMLDecoder().decode(EvaluationSetup.self, from: text)
    } catch {
      throw EvaluationFileError(file: path, line: 1, message: "\(error)")
    }
  }
}
