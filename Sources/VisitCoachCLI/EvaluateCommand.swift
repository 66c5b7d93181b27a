import ArgumentParser
import Foundation
import ScenarioTesting
import Yams

/// `visitcoach evaluate`: how well the scorer agrees with labelled judgements.
struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract:
      "Measure the scorer against labelled data: pairs won, F1 per criterion, faults found.",
    discussion: """
      PATH is a JSON Lines file of pairs or labels (the calibration format, docs/Evaluation.md) \
      or a folder of them; a folder's thresholds.yaml sets the minimums unless the options do. \
      Exits 1 when a result is below its minimum. Ties count as failures.
      """)

  @Argument(help: "Evaluation files (.jsonl) or folders of them.")
  var paths: [String]

  @Flag(help: "Print the results as JSON.")
  var json = false

  @Option(help: "Minimum share of pairs where better beats worse (0–1).")
  var minPairs: Double?

  @Option(help: "Minimum share of keyword-stuffing pairs won (0–1).")
  var minStuffing: Double?

  @Option(help: "Minimum macro-F1 over the criteria present in the labels (0–1).")
  var minMacroF1: Double?

  @Option(help: "Minimum recall of faults (0–1).")
  var minFaultRecall: Double?

  @Option(help: "Minimum precision of faults (0–1).")
  var minFaultPrecision: Double?

  @Option(help: "How many disagreements to list (default 20; 0 for none).")
  var disagreements = 20

  @Flag(
    help:
      "With each wrong judgement, why: the verdict `explain` gives each mapped check (vetoed, negated, reported, not matched …)."
  )
  var why = false

  @Option(help: "The folder with setup.yaml and scenario.yaml (default: LIBRARY/evaluation).")
  var setup: String?

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  /// The minimums a folder's thresholds.yaml gives.
  struct Thresholds: Decodable {
    var pairs: Double?
    var stuffing: Double?
    var macroF1: Double?
    var faultRecall: Double?
    var faultPrecision: Double?

    enum CodingKeys: String, CodingKey {
      case pairs, stuffing
      case macroF1 = "macro_f1"
      case faultRecall = "fault_recall"
      case faultPrecision = "fault_precision"
    }
  }

  func run() throws {
    try Failure.reported {
      let location = try ScenarioLocation.resolve(scenarios)
      let files = try LabelledFiles.list(paths)
      var thresholds = Thresholds()
      for path in paths where LabelledFiles.isFolder(path) {
        if let text = try? String(contentsOfFile: path + "/thresholds.yaml", encoding: .utf8) {
          do {
            thresholds = try YAMLDecoder().decode(Thresholds.self, from: text)
          } catch {
            throw UserFacingError("\(path)/thresholds.yaml: \(error)")
          }
        }
      }
      let items = try LabelledFiles.read(files)
      let evaluator: Evaluator
      let result: EvaluationRun
      do {
        evaluator = try Evaluator(
          libraryRoot: location.root, folder: setup ?? location.root + "/evaluation")
        result = try evaluator.evaluate(items, why: why)
      } catch let error as EvaluationFileError {
        throw UserFacingError(error.description)
      }
      let checks: [(String, Double, Double?)] = [
        ("pairs won", result.pairs.rate, minPairs ?? thresholds.pairs),
        (
          "stuffing pairs won", result.pairsByTag["stuffing"]?.rate ?? 1,
          minStuffing ?? thresholds.stuffing
        ),
        ("macro-F1", result.macroF1, minMacroF1 ?? thresholds.macroF1),
        ("fault recall", result.faults.recall, minFaultRecall ?? thresholds.faultRecall),
        (
          "fault precision", result.faults.precision,
          minFaultPrecision ?? thresholds.faultPrecision
        ),
      ]
      let failed = checks.filter { check in check.2.map { check.1 < $0 } ?? false }
      if json {
        Console.out(try encodeJSON(result))
      } else {
        Console.out(
          EvaluationText.render(result, files: files, checks: checks, listing: disagreements))
      }
      if !failed.isEmpty { throw ExitCode(1) }
    }
  }
}

/// The text form of an evaluation.
enum EvaluationText {
  static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
  static func decimal(_ x: Double) -> String { String(format: "%.2f", x) }

  static func render(
    _ r: EvaluationRun, files: [String], checks: [(String, Double, Double?)], listing: Int
  ) -> String {
    var out: [String] = []
    let labelled = r.criteria.values.reduce(0) {
      $0 + $1.truePositives + $1.falsePositives + $1.falseNegatives + $1.trueNegatives
    }
    out.append(
      "evaluated \(r.pairs.total) pairs and \(r.judgements) judgements from \(files.count) file(s)")
    out.append("")
    out.append(
      "pairs: better beats worse in \(r.pairs.wins) of \(r.pairs.total) (\(percent(r.pairs.rate))); ties \(r.pairs.ties), losses \(r.pairs.losses)"
    )
    func tallies(_ title: String, _ map: [String: EvaluationRun.PairTally]) {
      guard !map.isEmpty else { return }
      out.append("  \(title):")
      for (key, t) in map.sorted(by: {
        $0.value.rate < $1.value.rate || ($0.value.rate == $1.value.rate && $0.key < $1.key)
      }) {
        out.append(
          "    \(key.padding(toLength: 30, withPad: " ", startingAt: 0)) \(t.wins)/\(t.total)  \(percent(t.rate))  (ties \(t.ties), losses \(t.losses))"
        )
      }
    }
    tallies("by area", r.pairsByArea)
    tallies("by tag", r.pairsByTag)
    out.append("")
    let present = r.criteria.values.filter { $0.truePositives + $0.falseNegatives > 0 }.count
    out.append(
      "criteria: macro-F1 \(decimal(r.macroF1)) over \(present) criteria present in \(labelled) judgements"
    )
    let f = r.faults
    out.append(
      "  faults: recall \(decimal(f.recall)) at precision \(decimal(f.precision)) (found \(f.truePositives) of \(f.truePositives + f.falseNegatives); \(f.falsePositives) false alarm(s))"
    )
    out.append("  per criterion, worst F1 first (F1  precision  recall  tp/fp/fn/tn):")
    for (name, t) in r.criteria.sorted(by: {
      $0.value.f1 < $1.value.f1 || ($0.value.f1 == $1.value.f1 && $0.key < $1.key)
    }) {
      out.append(
        "    \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(t.kind == "fault" ? "fault " : "      ") \(decimal(t.f1))  \(decimal(t.precision))  \(decimal(t.recall))  \(t.truePositives)/\(t.falsePositives)/\(t.falseNegatives)/\(t.trueNegatives)\(t.detected ? "" : "  (not detected yet)")"
      )
    }
    if !r.unknownCriteria.isEmpty {
      out.append(
        "  not in setup.yaml (counted as never found): \(r.unknownCriteria.sorted().joined(separator: ", "))"
      )
    }
    if listing > 0 && !r.disagreements.isEmpty {
      out.append("")
      out.append(
        "disagreements (\(r.disagreements.count); the first \(min(listing, r.disagreements.count))):"
      )
      for d in r.disagreements.prefix(listing) {
        out.append("  \(d.id): \(d.what)")
        out.append("      \(d.detail)")
      }
    }
    let limited = checks.filter { $0.2 != nil }
    if !limited.isEmpty {
      out.append("")
      for (name, value, minimum) in limited {
        let ok = value >= minimum!
        out.append(
          "\(ok ? "ok  " : "FAIL") \(name) \(decimal(value)) (minimum \(decimal(minimum!)))")
      }
    }
    return out.joined(separator: "\n") + "\n"
  }
}

/// The labelled files `evaluate` and `learn` read: JSON Lines files, or folders of them.
enum LabelledFiles {
  static func isFolder(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      && isFolder.boolValue
  }

  /// The `.jsonl` files of `paths` (a folder's, sorted by name), or an error naming what is
  /// missing.
  static func list(_ paths: [String]) throws -> [String] {
    var files: [String] = []
    for path in paths {
      guard FileManager.default.fileExists(atPath: path) else {
        throw UserFacingError("no such file or folder: \(path)")
      }
      if isFolder(path) {
        let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        files += names.filter { $0.hasSuffix(".jsonl") }.map { path + "/" + $0 }
      } else {
        files.append(path)
      }
    }
    guard !files.isEmpty else { throw UserFacingError("no .jsonl files in \(paths)") }
    return files
  }

  /// Every item of `files`, or an error with the file and line of the first bad one.
  static func read(_ files: [String]) throws -> [EvaluationItem] {
    var items: [EvaluationItem] = []
    do {
      for file in files {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
          throw UserFacingError("cannot read \(file)")
        }
        items += try EvaluationFile.read(text, file: file)
      }
    } catch let error as EvaluationFileError {
      throw UserFacingError(error.description)
    }
    return items
  }
}
