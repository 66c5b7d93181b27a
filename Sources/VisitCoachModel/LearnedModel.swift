import Foundation

/// A behaviour recognised from labelled examples rather than from written phrases: a logistic
/// model over the character 1–3-grams of an utterance, trained by `visitcoach learn` on the
/// labelled development split and kept in the library (`learned/NAME.tsv`).
///
/// Phrase lists see only the sayings someone wrote down; trainers' labelled sentences show
/// which characters and short words go with a fault however it is said (没人查, 放心卖, 您就当没看见).
/// The model is fixed data, so the same utterance always gets the same verdict, and a verdict
/// names the grams that weighed most towards it.
public struct LearnedModel: Sendable, Hashable, Codable {
  /// The model's name (the labelled criterion it was trained for, e.g. `hides_from_inspection`).
  public var name: String
  /// The log-odds of an utterance with none of the grams.
  public var bias: Double
  /// The probability at or above which the behaviour counts as there.
  public var threshold: Double
  /// Each gram's weight: its contribution to the log-odds when the utterance has it.
  public var weights: [String: Double]

  public init(name: String, bias: Double, threshold: Double, weights: [String: Double]) {
    self.name = name
    self.bias = bias
    self.threshold = threshold
    self.weights = weights
  }

  /// The longest gram a model weighs, in characters.
  public static let longestGram = 3

  /// The probability that log-odds `z` stand for (the logistic function), clamped so that no
  /// input overflows: what training and scoring both compare with a threshold.
  public static func probability(logOdds z: Double) -> Double {
    1 / (1 + exp(-min(max(z, -40), 40)))
  }
}
