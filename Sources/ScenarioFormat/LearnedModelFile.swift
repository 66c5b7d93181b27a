import Foundation
import VisitCoachModel

/// The text form of a ``LearnedModel`` (`learned/NAME.tsv`), written by `visitcoach learn` and
/// read by the library: comment lines (`#`), then `bias<TAB>number`, `threshold<TAB>number`
/// and one `gram<TAB>weight` line per gram. Plain lines rather than YAML: a model has
/// thousands of grams, and a line per gram keeps diffs readable.
public enum LearnedModelFile {
  /// The folder of a library that holds learned models.
  public static let folder = "learned"
  /// The file name ending of a learned model.
  public static let suffix = ".tsv"
  /// The probability at or above which a model counts its act as there, unless its file says.
  public static let defaultThreshold = 0.5

  /// The model in `text`, named `name`, or nil with located diagnostics in `sink`.
  static func read(_ text: String, name: String, sink: DiagnosticSink) -> LearnedModel? {
    var bias: Double?
    var threshold = defaultThreshold
    var weights: [String: Double] = [:]
    var failed = false
    var lineNumber = 0
    text.enumerateLines { line, _ in
      lineNumber += 1
      if line.isEmpty || line.hasPrefix("#") { return }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 2, let value = Double(fields[1]), value.isFinite else {
        sink.error(lineNumber, 1, "", .badLearnedLine(written: String(line.prefix(80))))
        failed = true
        return
      }
      let key = String(fields[0])
      switch key {
      case "bias":
        bias = value
      case "threshold":
        guard value > 0 && value < 1 else {
          sink.error(
            lineNumber, key.count + 2, "threshold",
            .outOfRange(written: String(fields[1]), lower: 0, upper: 1))
          failed = true
          return
        }
        threshold = value
      default:
        guard LearnedFeaturesText.isGram(key) else {
          sink.error(lineNumber, 1, "", .badLearnedLine(written: String(line.prefix(80))))
          failed = true
          return
        }
        if weights[key] != nil {
          sink.error(lineNumber, 1, "", .duplicateKeys([key]))
          failed = true
          return
        }
        weights[key] = value
      }
    }
    guard let bias else {
      sink.error(1, 1, "", .learnedModelWithoutBias)
      return nil
    }
    return failed
      ? nil : LearnedModel(name: name, bias: bias, threshold: threshold, weights: weights)
  }

  /// The text of `model`, with a header that says where it came from; grams sorted, weights
  /// to four decimals, so that the same model is always the same bytes.
  public static func text(_ model: LearnedModel, header: [String]) -> String {
    var out = header.map { "# " + $0 }.joined(separator: "\n")
    if !out.isEmpty { out += "\n" }
    out += "bias\t\(format(model.bias))\nthreshold\t\(format(model.threshold))\n"
    for gram in model.weights.keys.sorted() {
      out += "\(gram)\t\(format(model.weights[gram]!))\n"
    }
    return out
  }

  static func format(_ x: Double) -> String { String(format: "%.4f", x) }

  /// Every model file of the library at `root`, by name.
  static func files(in root: String) -> [String] {
    let folder = (root as NSString).appendingPathComponent(Self.folder)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return []
    }
    return names.filter { $0.hasSuffix(suffix) }.sorted()
      .map { (folder as NSString).appendingPathComponent($0) }
  }

  /// The name of the model in `file` (its file name without the ending).
  static func name(of file: String) -> String {
    String((file as NSString).lastPathComponent.dropLast(suffix.count))
  }
}

/// What counts as a gram in a model file: one to ``LearnedModel/longestGram`` characters, none
/// of them a clause boundary, a quotation mark, a tab or a control character.
enum LearnedFeaturesText {
  static func isGram(_ text: String) -> Bool {
    let scalars = text.unicodeScalars
    guard (1...LearnedModel.longestGram).contains(scalars.count) else { return false }
    return scalars.allSatisfy {
      $0 != "|" && $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F
    }
  }
}
