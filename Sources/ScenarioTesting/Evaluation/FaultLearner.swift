import Scoring
import VisitCoachModel

/// Learns a ``LearnedModel`` for each fault of the labelled data: logistic regression over the
/// grams ``LearnedFeatures`` reads, trained by stochastic gradient descent in a fixed order, so
/// the same files always give the same models.
///
/// A fault's positives are the utterances labelled with it; its negatives are those labelled
/// without it, every labelled utterance with no fault at all, and the better side of every
/// pair. The broad negatives matter: trained only on utterances judged for the fault (half of
/// which have it), a model fires on ordinary good sentences; with them it fires where the
/// fault's own words are.
public struct FaultLearner: Sendable {
  /// Passes over the examples.
  public var epochs = 12
  /// The step size of gradient descent.
  public var rate = 0.2
  /// The pull of every weight towards zero, per step it takes part in.
  public var decay = 1e-4
  /// Weights smaller than this (in size) are left out of the model.
  public var smallest = 0.15
  /// The share of a model's verdicts that must be right, in cross-validation on the training
  /// data, at the threshold it is given: the lowest of ``thresholds`` that reaches it.
  public var precisionWanted = 0.95
  /// The thresholds tried, lowest first; a model that reaches the precision at none gets the
  /// last.
  public var thresholds = Array(stride(from: 0.5, through: 0.95, by: 0.05))
  /// Folds of the cross-validation that chooses a model's threshold.
  public var folds = 5
  /// Faults with fewer positive utterances than this get no model.
  public var fewestPositives = 10

  public init() {}

  /// One fault's model, with what it was trained on.
  public struct Learned: Sendable {
    public var model: LearnedModel
    public var positives: Int
    public var negatives: Int
  }

  /// A model for every fault of `faults` with enough positives in `items`. `good` are more
  /// sentences known to be free of faults (the library's own examples of what meets a
  /// criterion): negatives for every model.
  public func learn(_ items: [EvaluationItem], faults: Set<String>, good: [String] = [])
    -> [Learned]
  {
    // Every utterance read once, its grams numbered densely.
    var index: [UInt64: Int32] = [:]
    var grams: [UInt64] = []
    func features(_ text: String) -> [Int32] {
      LearnedFeatures.grams(of: text).map { gram in
        if let known = index[gram] { return known }
        let next = Int32(grams.count)
        index[gram] = next
        grams.append(gram)
        return next
      }
    }
    var labelled: [(features: [Int32], judgements: [String: Bool], hasFault: Bool)] = []
    var betters: [[Int32]] = []
    for item in items {
      switch item {
      case .label(_, let utterance, let judgements):
        let hasFault = judgements.contains { faults.contains($0.key) && $0.value }
        labelled.append((features(utterance), judgements, hasFault))
      case .pair(_, let better, _, _, _):
        betters.append(features(better))
      }
    }
    for sentence in good { betters.append(features(sentence)) }
    var out: [Learned] = []
    for name in faults.sorted() {
      var examples: [(features: [Int32], present: Bool)] = []
      for entry in labelled {
        if let present = entry.judgements[name] {
          examples.append((entry.features, present))
        } else if !entry.hasFault {
          examples.append((entry.features, false))
        }
      }
      let positives = examples.filter(\.present).count
      guard positives >= fewestPositives else { continue }
      examples += betters.map { ($0, false) }
      let threshold = calibratedThreshold(examples, featureCount: grams.count)
      let (weights, bias) = train(examples, featureCount: grams.count)
      var kept: [String: Double] = [:]
      for (k, w) in weights.enumerated() where abs(w) >= smallest {
        kept[LearnedFeatures.text(grams[k])] = (w * 10_000).rounded() / 10_000
      }
      let model = LearnedModel(
        name: name, bias: (bias * 10_000).rounded() / 10_000,
        threshold: threshold, weights: kept)
      out.append(Learned(model: model, positives: positives, negatives: examples.count - positives))
    }
    return out
  }

  /// The lowest threshold at which the model's verdicts on examples it was not trained on are
  /// right often enough (``precisionWanted``): each fold is judged by a model trained on the
  /// others, with the small weights left out as in the model written.
  private func calibratedThreshold(
    _ examples: [(features: [Int32], present: Bool)], featureCount: Int
  ) -> Double {
    var judged: [(probability: Double, present: Bool)] = []
    for fold in 0..<folds {
      let training = examples.indices.filter { $0 % folds != fold }.map { examples[$0] }
      let (w, b) = train(training, featureCount: featureCount)
      for k in stride(from: fold, to: examples.count, by: folds) {
        var z = b
        for f in examples[k].features where abs(w[Int(f)]) >= smallest { z += w[Int(f)] }
        judged.append((LearnedModel.probability(logOdds: z), examples[k].present))
      }
    }
    for threshold in thresholds {
      let fired = judged.filter { $0.probability >= threshold }
      let right = fired.filter(\.present).count
      if !fired.isEmpty && Double(right) >= precisionWanted * Double(fired.count) {
        return (threshold * 100).rounded() / 100
      }
    }
    return thresholds.last ?? 0.5
  }

  /// Logistic regression by stochastic gradient descent, examples visited in an order shuffled
  /// by a fixed seed.
  private func train(_ examples: [(features: [Int32], present: Bool)], featureCount: Int)
    -> ([Double], Double)
  {
    var w = [Double](repeating: 0, count: featureCount)
    var b = 0.0
    var order = Array(examples.indices)
    var random = SplitMix64(seed: 1)
    for _ in 0..<epochs {
      // Fisher–Yates with the fixed generator.
      for i in stride(from: order.count - 1, to: 0, by: -1) {
        let j = Int(random.next() % UInt64(i + 1))
        order.swapAt(i, j)
      }
      for e in order {
        let example = examples[e]
        var z = b
        for f in example.features { z += w[Int(f)] }
        let p = LearnedModel.probability(logOdds: z)
        let g = p - (example.present ? 1 : 0)
        b -= rate * g
        for f in example.features {
          let k = Int(f)
          w[k] -= rate * (g + decay * w[k])
        }
      }
    }
    return (w, b)
  }

}

/// A small deterministic random generator (SplitMix64), for shuffling the same way every run.
struct SplitMix64 {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
