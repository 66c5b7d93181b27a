import Foundation
import VisitCoachModel

/// The grams a ``LearnedModel`` weighs: every run of one to three characters of a normalised
/// utterance that stays inside one clause, each once, packed into a number (21 bits per
/// character). Training (`visitcoach learn`) and scoring both read utterances through this one
/// type, so a model sees the same grams it was trained on.
public enum LearnedFeatures {
  /// The grams of `text` (normalised here), sorted, each once. Words inside quotation marks
  /// and someone else's reported words are left out, as for phrases: they are not the
  /// trainee's own act.
  public static func grams(of text: String) -> [UInt64] {
    var normalized = TextNormalizer.normalize(text)
    return normalized.withUTF8 { bytes in
      grams(
        normalized: bytes,
        skipping: PreparedUtterance.quotedSpans(bytes) + ReportedSpeech.spans(bytes))
    }
  }

  /// The grams of already normalised bytes, leaving out the bytes of `skipping` (quoted and
  /// reported words, see ``grams(of:)``).
  static func grams(normalized bytes: UnsafeBufferPointer<UInt8>, skipping: [Range<Int>])
    -> [UInt64]
  {
    guard !bytes.isEmpty else { return [] }
    let skipped = ByteWords.marks(skipping, count: bytes.count)
    var grams: [UInt64] = []
    grams.reserveCapacity(bytes.count * 2)
    // The last two characters of the current clause, 0 when there are none.
    var previous: UInt64 = 0
    var beforePrevious: UInt64 = 0
    var i = 0
    while i < bytes.count {
      let lead = bytes[i]
      let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      var scalar = UInt64(
        length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07)
      for k in 1..<max(length, 1) where i + k < bytes.count {
        scalar = scalar << 6 | UInt64(bytes[i + k] & 0x3F)
      }
      let isBoundary = lead == UInt8(ascii: "|") || lead == TextNormalizer.quote
      if isBoundary || (!skipped.isEmpty && skipped[i]) {
        previous = 0
        beforePrevious = 0
      } else {
        grams.append(scalar)
        if previous != 0 {
          grams.append(previous << 21 | scalar)
          if beforePrevious != 0 { grams.append((beforePrevious << 21 | previous) << 21 | scalar) }
        }
        beforePrevious = previous
        previous = scalar
      }
      i += length
    }
    grams.sortUnique()
    return grams
  }

  /// The packed form of a gram written as text, or nil when it is not one to three
  /// characters (after normalising, which a model file's grams already are).
  public static func pack(_ gram: String) -> UInt64? {
    let scalars = Array(gram.unicodeScalars)
    guard (1...LearnedModel.longestGram).contains(scalars.count) else { return nil }
    return scalars.reduce(0) { $0 << 21 | UInt64($1.value) }
  }

  /// The text of a packed gram.
  public static func text(_ gram: UInt64) -> String {
    var scalars: [Unicode.Scalar] = []
    var rest = gram
    while rest != 0 {
      if let s = Unicode.Scalar(UInt32(rest & 0x1F_FFFF)) { scalars.insert(s, at: 0) }
      rest >>= 21
    }
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    return text
  }
}

/// The learned models of a plan's checks, compiled for scoring: one table from gram to the
/// weights it carries, so an utterance's grams are looked up once for every model.
struct LearnedIndex: Sendable {
  /// Each model's bias and threshold, in model order.
  let models: [(bias: Double, threshold: Double)]
  /// The model of each check (-1: none).
  let modelOfCheck: [Int32]
  /// For each gram, the models that weigh it: `entries[range]` of (model, weight).
  private let table: GramTable
  private let entries: [(model: Int32, weight: Double)]

  init(checks: [CompiledCheck]) {
    var models: [(bias: Double, threshold: Double)] = []
    var byName: [String: Int] = [:]
    var modelOfCheck = [Int32](repeating: -1, count: checks.count)
    var weighted: [UInt64: [(model: Int32, weight: Double)]] = [:]
    for (i, check) in checks.enumerated() {
      guard let model = check.criterion.learned else { continue }
      if let known = byName[model.name] {
        modelOfCheck[i] = Int32(known)
        continue
      }
      let m = models.count
      byName[model.name] = m
      models.append((model.bias, model.threshold))
      modelOfCheck[i] = Int32(m)
      for (gram, weight) in model.weights {
        guard let packed = LearnedFeatures.pack(gram) else { continue }
        weighted[packed, default: []].append((Int32(m), weight))
      }
    }
    var table: [UInt64: Range<Int>] = [:]
    var entries: [(model: Int32, weight: Double)] = []
    for (gram, list) in weighted {
      table[gram] = entries.count..<(entries.count + list.count)
      entries += list
    }
    self.models = models
    self.modelOfCheck = modelOfCheck
    self.table = GramTable(table)
    self.entries = entries
  }

  var isEmpty: Bool { models.isEmpty }

  /// Each model's log-odds for an utterance with these grams.
  func logOdds(_ grams: [UInt64]) -> [Double] {
    var z = models.map(\.bias)
    for gram in grams {
      guard let range = table[gram] else { continue }
      for k in range { z[Int(entries[k].model)] += entries[k].weight }
    }
    return z
  }

  /// Whether check `check`'s model judges the utterance to be the act: its probability in
  /// percent and the (up to three) grams that weighed most towards it, or nil. A gram inside
  /// one already named is left out, and a verdict needs a word of two characters or more
  /// among them.
  func verdict(check: Int, logOdds z: [Double], grams: [UInt64]) -> (percent: Int, words: [String])?
  {
    let m = Int(modelOfCheck[check])
    guard m >= 0 else { return nil }
    let probability = LearnedModel.probability(logOdds: z[m])
    guard probability >= models[m].threshold else { return nil }
    var weights: [(gram: UInt64, weight: Double)] = []
    for gram in grams {
      guard let range = table[gram] else { continue }
      for k in range where Int(entries[k].model) == m && entries[k].weight > 0 {
        weights.append((gram, entries[k].weight))
      }
    }
    weights.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.gram < $1.gram }
    var words: [String] = []
    for (gram, _) in weights where words.count < 3 {
      let text = LearnedFeatures.text(gram)
      if words.contains(where: { $0.contains(text) || text.contains($0) }) { continue }
      words.append(text)
    }
    // A verdict the trainee can be shown: at least one word of two characters or more among
    // the grams that weighed most. Single characters alone (多、订、条) are a tendency of the
    // data, not a reason.
    guard words.contains(where: { $0.unicodeScalars.count >= 2 }) else { return nil }
    return (Int((probability * 100).rounded()), words)
  }
}
