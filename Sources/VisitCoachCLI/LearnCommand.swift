import ArgumentParser
import Foundation
import ScenarioFormat
import ScenarioTesting

/// `visitcoach learn`: learns a model for each fault from labelled data and writes it to the
/// library's `learned/` folder, where a rubric's `learned:` key can use it.
struct LearnCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "learn",
    abstract: "Learn fault models from labelled data into the library's learned/ folder.",
    discussion: """
      PATH is a JSON Lines file of labels and pairs (the calibration format, docs/Evaluation.md) \
      or a folder of them: the development split, never the held-out test split. Each fault of \
      the evaluation setup with enough labelled utterances gets learned/NAME.tsv. The same files \
      always give the same models. With --check nothing is written, and the command fails when \
      a model file differs from what the data gives.
      """)

  @Argument(help: "Labelled files (.jsonl) or folders of them (the development split).")
  var paths: [String]

  @Flag(help: "Write nothing; fail when a model file is not what the data gives.")
  var check = false

  @Option(help: "The folder with setup.yaml (default: LIBRARY/evaluation).")
  var setup: String?

  @Option(
    help: ArgumentHelp(
      "The precision each model's verdicts must reach in cross-validation on the data; its threshold is the lowest that does.",
      valueName: "P"))
  var precision: Double = FaultLearner().precisionWanted

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  func validate() throws {
    guard precision > 0, precision <= 1 else {
      throw ValidationError("--precision must be above 0 and at most 1, e.g. 0.95")
    }
  }

  func run() throws {
    try Failure.reported {
      let location = try ScenarioLocation.resolve(scenarios)
      let items = try LabelledFiles.read(try LabelledFiles.list(paths))
      let setupFile = (setup ?? location.root + "/evaluation") + "/setup.yaml"
      let faults: Set<String>
      do {
        faults = Set(
          try EvaluationSetup.load(setupFile).criteria.filter { $0.value.kind == "fault" }.keys)
      } catch let error as EvaluationFileError {
        throw UserFacingError(error.description)
      }
      // The library's examples of what meets a criterion, and of what does not trigger a
      // penalty: sentences trainers wrote as good, negatives for every model.
      var good = Set<String>()
      for scenario in ScenarioLibrary.load(root: location.root).scenarios {
        for criterion in scenario.rubrics.flatMap(\.checks) {
          for example in criterion.examples where example.shouldMatch != criterion.isPenalty {
            good.insert(example.text)
          }
        }
      }
      var learner = FaultLearner()
      learner.precisionWanted = precision
      let learned = learner.learn(items, faults: faults, good: good.sorted())
      let folder = (location.root as NSString).appendingPathComponent(LearnedModelFile.folder)
      if !check {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      }
      let labels = items.filter { if case .label = $0 { return true } else { return false } }.count
      var differing: [String] = []
      for entry in learned {
        let header = [
          "Learned by `visitcoach learn` from \(labels) labelled utterances and \(items.count - labels) pairs; do not edit by hand.",
          "\(entry.model.name): \(entry.positives) utterances with it, \(entry.negatives) without; \(entry.model.weights.count) grams; threshold for a cross-validated precision of \(precision).",
        ]
        let text = LearnedModelFile.text(entry.model, header: header)
        let file = (folder as NSString).appendingPathComponent(
          entry.model.name + LearnedModelFile.suffix)
        if check {
          if (try? String(contentsOfFile: file, encoding: .utf8)) != text { differing.append(file) }
        } else {
          try text.write(toFile: file, atomically: true, encoding: .utf8)
          Console.out(
            "\(file): \(entry.positives) with, \(entry.negatives) without, \(entry.model.weights.count) grams\n"
          )
        }
      }
      // Models of faults that no longer have enough data: removed, so no rubric keeps using one
      // the data no longer gives.
      let written = Set(learned.map { $0.model.name + LearnedModelFile.suffix })
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      for name in names.sorted()
      where name.hasSuffix(LearnedModelFile.suffix) && !written.contains(name) {
        let file = (folder as NSString).appendingPathComponent(name)
        if check {
          differing.append(file + " (the data gives no such model)")
        } else {
          try FileManager.default.removeItem(atPath: file)
          Console.out("\(file): removed, the data gives no such model\n")
        }
      }
      if check {
        if differing.isEmpty {
          Console.out("\(learned.count) learned models are what the data gives\n")
        } else {
          Console.out("not what the data gives:\n" + differing.map { "  " + $0 + "\n" }.joined())
          throw ExitCode(1)
        }
      }
    }
  }
}
