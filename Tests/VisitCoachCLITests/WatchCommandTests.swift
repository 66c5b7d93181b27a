import Foundation
import Testing
import VisitCoachTestSupport

/// `visitcoach watch ID`: the trainer's loop for one scenario.
@Suite("watch")
struct WatchCommandTests {
  /// A copy of the shipped library (scenarios, traits, rubrics, lexicon, catalogue, tests,
  /// samples) to edit.
  func copyOfLibrary() throws -> String {
    let root = Scratch.root + "visitcoach-watch-\(UUID().uuidString)/scenarios"
    try FileManager.default.createDirectory(
      atPath: (root as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: TestLibrary.scenariosRoot, toPath: root)
    return root
  }

  @Test func oneRoundChecksTestsAndSamples() throws {
    let r = try BinaryRunner.run(["watch", "busy-morning-rush", "--once"])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("检查：0 个错误"))
    #expect(r.stdout.contains("对话测试："))
    #expect(r.stdout.contains("样本：好 "))
    #expect(r.stdout.contains("全部通过"))
  }

  @Test func aBrokenSampleFailsTheRound() throws {
    let root = try copyOfLibrary()
    defer {
      try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
    // The good visit loses everything after its first line: it no longer passes.
    let good = root + "/samples/busy-morning-rush.good.txt"
    let first = try String(contentsOfFile: good, encoding: .utf8).split(separator: "\n")[0]
    try (first + "\n").write(toFile: good, atomically: true, encoding: .utf8)
    let r = try BinaryRunner.run(["watch", "busy-morning-rush", "--once", "--scenarios", root])
    #expect(r.status == 1)
    #expect(r.stdout.contains("✗ \(good)"), "\(r.stdout)")
    #expect(r.stdout.contains("有问题"))
  }

  @Test func aChangedFileRunsAnotherRound() throws {
    let root = try copyOfLibrary()
    defer {
      try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
    let output = root + "/../watch.out"
    _ = FileManager.default.createFile(atPath: output, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: BinaryRunner.executable)
    process.arguments = ["watch", "busy-morning-rush", "--interval", "0.2", "--scenarios", root]
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
    process.standardInput = FileHandle.nullDevice
    try process.run()
    defer { process.terminate() }
    func rounds() -> Int {
      let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
      return text.components(separatedBy: "检查：").count - 1
    }
    func wait(for count: Int) -> Bool {
      for _ in 0..<150 {
        if rounds() >= count { return true }
        Thread.sleep(forTimeInterval: 0.1)
      }
      return false
    }
    #expect(wait(for: 1), "the first round runs at once")
    let scenario = root + "/busy-morning-rush.yaml"
    let text = try String(contentsOfFile: scenario, encoding: .utf8)
    try (text + "\n# edited\n").write(toFile: scenario, atomically: true, encoding: .utf8)
    #expect(wait(for: 2), "an edit to the scenario runs another round")
    Thread.sleep(forTimeInterval: 0.6)
    #expect(rounds() == 2, "nothing changed since: no third round")
  }
}
