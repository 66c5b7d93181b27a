import Foundation
import Testing
import VisitCoachTestSupport

/// The trainer-facing commands speak Chinese by default and English with `--lang en`: in English
/// the only Chinese left is scenario content (retailer lines, titles, phrases, the trainee's
/// words), quoted as written.
@Suite("interface language of the authoring commands")
struct InterfaceLanguageTests {
  static let good = TestLibrary.scenariosRoot + "/samples/busy-morning-rush.good.txt"
  static let mediocre = TestLibrary.scenariosRoot + "/samples/busy-morning-rush.mediocre.txt"

  /// Whether a Unicode scalar is a Han character.
  static func isHan(_ s: Unicode.Scalar) -> Bool {
    (0x3400...0x4DBF).contains(s.value) || (0x4E00...0x9FFF).contains(s.value)
  }

  /// The runs of Han characters in `text`.
  static func hanRuns(_ text: String) -> [String] {
    var runs: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isHan(scalar) {
        current.append(scalar)
      } else if !current.isEmpty {
        runs.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { runs.append(String(current)) }
    return runs
  }

  /// Every library file a command can quote: scenarios, traits, rubrics, lexicon, catalogue,
  /// tests and samples.
  static let libraryText: String = {
    var text = ""
    let root = TestLibrary.scenariosRoot
    let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
    for file in files where file.hasSuffix(".yaml") || file.hasSuffix(".txt") {
      text += ((try? String(contentsOfFile: root + "/" + file, encoding: .utf8)) ?? "") + "\n"
    }
    return text
  }()

  /// The runs of Han characters in `output` that are not content: found neither in the library
  /// nor in `extra` (a test file or an input the command read).
  static func interfaceChinese(in output: String, extra: String = "") -> [String] {
    Array(Set(hanRuns(output).filter { !libraryText.contains($0) && !extra.contains($0) }))
      .sorted()
  }

  @Test func checkSamplesInEnglishAndByDefaultInChinese() throws {
    let en = try BinaryRunner.run(["check", "busy-morning-rush", "--samples", "--lang", "en"])
    #expect(en.status == 0, "\(en.stdout)")
    #expect(en.stdout.contains("busy-morning-rush: samples good 100 passed, mediocre"))
    #expect(Self.hanRuns(en.stdout).isEmpty, "\(en.stdout)")
    let zh = try BinaryRunner.run(["check", "busy-morning-rush", "--samples"])
    #expect(zh.stdout.contains("busy-morning-rush：样本 好 100 通过，中 "), "\(zh.stdout)")
  }

  @Test func testInEnglishAndByDefaultInChinese() throws {
    let test = """
      version: 1
      scenario: busy-morning-rush
      tests:
        - name: waits twice
          seed: 1
          say: [/wait, /wait]
          expect:
            total: ">=90"
            passed: true
      """
    let path = try BinaryRunner.temporaryFile(Data(test.utf8), suffix: ".yaml")
    let en = try BinaryRunner.run(["test", "--lang", "en", path])
    #expect(en.status == 1)
    #expect(en.stdout.contains("\(path):8:14: expected total ≥ 90, got"), "\(en.stdout)")
    #expect(en.stdout.contains("expected the visit to pass, but it failed with"))
    #expect(en.stdout.hasSuffix("0 passed, 1 failed\n"))
    #expect(Self.hanRuns(en.stdout).isEmpty, "\(en.stdout)")
    let zh = try BinaryRunner.run(["test", path])
    #expect(zh.status == 1)
    #expect(zh.stdout.contains("\(path):8:14: 期望总分 ≥ 90，实际"), "\(zh.stdout)")
    #expect(zh.stdout.contains("期望这次拜访通过，实际没通过"))
    #expect(zh.stdout.contains("总分 "))
    #expect(zh.stdout.hasSuffix("通过 0 个，失败 1 个\n"))
  }

  @Test func coverageInEnglishAndByDefaultInChinese() throws {
    let en = try BinaryRunner.run(["coverage", "--walks", "2", "--lang", "en"])
    #expect(en.status == 0, "\(en.stderr)")
    #expect(en.stdout.contains("busy-morning-rush: "), "\(en.stdout)")
    #expect(en.stdout.contains(" visits · lines "))
    #expect(Self.hanRuns(en.stdout).isEmpty, "\(en.stdout)")
    let zh = try BinaryRunner.run(["coverage", "--walks", "2"])
    #expect(zh.stdout.contains("busy-morning-rush："), "\(zh.stdout)")
    #expect(zh.stdout.contains(" 次拜访 · 台词 "))
  }

  @Test func coverageOfOneScenarioById() throws {
    let one = try BinaryRunner.run(["coverage", "young-new-store", "--walks", "2"])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stdout.hasPrefix("young-new-store："), "\(one.stdout)")
    #expect(!one.stdout.contains("busy-morning-rush："), "only the scenario named")
    #expect(one.stderr.isEmpty, "an id is not a file it cannot read: \(one.stderr)")
  }

  @Test func explainInEnglishAndByDefaultInChinese() throws {
    let input = try String(contentsOfFile: Self.mediocre, encoding: .utf8)
    let en = try BinaryRunner.run([
      "explain", "busy-morning-rush", "--input", Self.mediocre, "--all", "--lang", "en",
    ])
    #expect(en.status == 0, "\(en.stderr)")
    #expect(
      en.stdout.contains("why this line: line busy-brand-later (trait busy) when: unset="))
    #expect(en.stdout.contains("the retailer heard: brand (海韵)"))
    #expect(en.stdout.contains("other lines whose conditions held: greet-plain (rank -98)"))
    #expect(en.stdout.contains("Total "))
    // A line that quotes what was said ({said.brand}的事…) is content with the brand filled in.
    #expect(
      Self.interfaceChinese(in: en.stdout, extra: input + "海韵的事一会儿再说").isEmpty, "\(en.stdout)")
    for label in ["到店", "为什么说这句", "其他满足条件的行", "状态：", "总分", "第1轮", "进入环节"] {
      #expect(!en.stdout.contains(label), "\(label)")
    }
    let zh = try BinaryRunner.run([
      "explain", "busy-morning-rush", "--input", Self.mediocre, "--all",
    ])
    #expect(zh.stdout.hasPrefix("到店 "), "\(zh.stdout)")
    #expect(zh.stdout.contains("状态：好感 "))
    #expect(zh.stdout.contains("总分 "))
    #expect(!Self.interfaceChinese(in: zh.stdout, extra: input).isEmpty)
  }

  @Test func watchInEnglishAndByDefaultInChinese() throws {
    let en = try BinaryRunner.run(["watch", "busy-morning-rush", "--once", "--lang", "en"])
    #expect(en.status == 0, "\(en.stdout)\(en.stderr)")
    #expect(en.stdout.contains("check: 0 errors, 0 warnings · tests: "), "\(en.stdout)")
    #expect(en.stdout.contains("samples: good "))
    #expect(en.stdout.contains("all passed"))
    #expect(Self.hanRuns(en.stdout).isEmpty, "\(en.stdout)")
    let zh = try BinaryRunner.run(["watch", "busy-morning-rush", "--once"])
    #expect(zh.stdout.contains("检查：0 个错误，0 个警告 · 对话测试："), "\(zh.stdout)")
  }
}
