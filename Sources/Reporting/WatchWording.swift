import VisitCoachModel

/// `visitcoach watch`: the round's one-line summary and what is said between rounds.
extension InterfaceStrings {
  /// The check part of the summary: `检查：0 个错误，0 个警告`.
  public func watchChecked(errors: Int, warnings: Int) -> String {
    language == .zh
      ? "检查：\(errors) 个错误，\(warnings) 个警告"
      : "check: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
  }

  /// The conversation-test part: `对话测试：5/5 通过`.
  public func watchTests(passed: Int, of count: Int) -> String {
    language == .zh ? "对话测试：\(passed)/\(count) 通过" : "tests: \(passed)/\(count) passed"
  }

  /// The sample part, each sample's total (✓ when it passed): `样本：好 100✓ 中 51 差 0`.
  public func watchSamples(_ results: [SampleResult]) -> String {
    let totals = results.map { "\(sampleKind($0.kind)) \($0.total)\($0.passed ? "✓" : "")" }
      .joined(separator: " ")
    return (language == .zh ? "样本：" : "samples: ") + totals
  }

  /// The summary line: the time, the parts, and the verdict.
  public func watchRound(time: String, parts: [String], passed: Bool) -> String {
    let verdict =
      language == .zh
      ? (passed ? "全部通过" : "有问题，见上面") : (passed ? "all passed" : "problems above")
    return "[\(time)] " + parts.joined(separator: " · ") + " — " + verdict
  }

  /// More diagnostics than a round shows: `……另有 3 条`.
  public func watchMore(_ count: Int) -> String {
    language == .zh ? "……另有 \(count) 条" : "… \(count) more"
  }

  /// Said after a round, while waiting for the next change.
  public var watchWaiting: String {
    language == .zh
      ? "改动剧本、特质、评分、词库、测试或样本文件后会自动重跑；Ctrl-C 退出。"
      : "Runs again when a scenario, trait, rubric, lexicon, test or sample file changes; Ctrl-C stops."
  }

  /// `watch ID` for an id with no scenario file in the library.
  public func noScenarioFile(_ file: String) -> String {
    language == .zh
      ? "没有剧本文件 \(file)；visitcoach list 列出剧本库里的剧本"
      : "no scenario file \(file); 'visitcoach list' shows the scenarios"
  }
}
