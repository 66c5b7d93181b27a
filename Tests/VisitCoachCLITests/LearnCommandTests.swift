import Foundation
import Testing
import VisitCoachTestSupport

/// `visitcoach learn`: writes a model per fault with enough labelled data, the same every run,
/// and `--check` fails when the library's models are not what the data gives.
@Suite("learn")
struct LearnCommandTests {
  @Test func learnWritesModelsAndCheckHoldsThemToTheData() throws {
    let root = Scratch.root + "visitcoach-learn-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(
      atPath: root + "/evaluation/dev", withIntermediateDirectories: true)
    // The shipped setup: contempt is one of its faults, empathy a positive criterion.
    try FileManager.default.copyItem(
      atPath: TestLibrary.scenariosRoot + "/evaluation/setup.yaml",
      toPath: root + "/evaluation/setup.yaml")
    var lines: [String] = []
    let rude = ["你又来了，教不会", "教不会就算了", "跟你说了多少遍，教不会", "这都教不会", "你真是教不会"]
    let kind = ["我再慢慢说一遍", "您看这样行不行", "没关系，我们一步一步来", "不着急，您先忙", "我帮您记下来"]
    for (n, (text, present))
      in (rude.map { ($0, true) } + kind.map { ($0, false) } + rude.map { ($0, true) })
      .enumerated()
    {
      lines.append(
        """
        {"id": "x-l-\(n)", "area": "complaint", "retailer": {"traits": [], "age_band": "middle", "gender": "male", "mood": "calm", "role": "owner"}, "situation": [], "context": [], "retailer_said": "", "utterance": "\(text)", "judgements": {"contempt": \(present)}}
        """)
    }
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: root + "/evaluation/dev/x.labels.jsonl", atomically: true, encoding: .utf8)
    let learned = try BinaryRunner.run(["learn", "--scenarios", root, root + "/evaluation/dev"])
    #expect(learned.status == 0, "\(learned.stderr)")
    let model = try String(contentsOfFile: root + "/learned/contempt.tsv", encoding: .utf8)
    #expect(model.contains("\n教不会\t"), "\(model)")
    #expect(!FileManager.default.fileExists(atPath: root + "/learned/empathy.tsv"))
    let check = try BinaryRunner.run([
      "learn", "--check", "--scenarios", root, root + "/evaluation/dev",
    ])
    #expect(check.status == 0, "\(check.stdout)")
    // A hand edit, or a model the data no longer gives, fails the check.
    try model.replacingOccurrences(of: "threshold\t", with: "threshold\t0").write(
      toFile: root + "/learned/contempt.tsv", atomically: true, encoding: .utf8)
    try "bias\t-1\n".write(toFile: root + "/learned/old.tsv", atomically: true, encoding: .utf8)
    let stale = try BinaryRunner.run([
      "learn", "--check", "--scenarios", root, root + "/evaluation/dev",
    ])
    #expect(stale.status == 1)
    #expect(stale.stdout.contains("learned/contempt.tsv"), "\(stale.stdout)")
    #expect(
      stale.stdout.contains("learned/old.tsv (the data gives no such model)"), "\(stale.stdout)")
    // Learning again puts it right and removes the stale file.
    _ = try BinaryRunner.run(["learn", "--scenarios", root, root + "/evaluation/dev"])
    #expect(try String(contentsOfFile: root + "/learned/contempt.tsv", encoding: .utf8) == model)
    #expect(!FileManager.default.fileExists(atPath: root + "/learned/old.tsv"))
    // The precision asked of each model is said in its file; a learned library checked with
    // another precision is not what that precision gives, and no precision is out of range.
    #expect(model.contains("cross-validated precision of 0.95"), "\(model)")
    let other = try BinaryRunner.run([
      "learn", "--check", "--precision", "0.8", "--scenarios", root, root + "/evaluation/dev",
    ])
    #expect(other.status == 1)
    let wrong = try BinaryRunner.run([
      "learn", "--precision", "1.5", "--scenarios", root, root + "/evaluation/dev",
    ])
    #expect(wrong.status != 0)
    #expect(wrong.stderr.contains("--precision"), "\(wrong.stderr)")
  }
}
