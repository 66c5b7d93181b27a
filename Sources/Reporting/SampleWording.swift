import VisitCoachModel

/// `check --samples` and `watch`: sample visits, their totals and the rules they broke.
extension InterfaceStrings {
  /// A sample kind as summaries name it: 好、中、差 / good, mediocre, poor.
  public func sampleKind(_ kind: SampleKind) -> String {
    guard language == .zh else { return kind.rawValue }
    switch kind {
    case .good: return "好"
    case .mediocre: return "中"
    case .poor: return "差"
    }
  }

  /// A scenario's sample totals on one line: `busy-morning-rush：样本 好 100 通过，中 51，差 0`
  /// / `busy-morning-rush: samples good 100 passed, mediocre 51, poor 0`.
  public func sampleTotals(scenario: String, _ results: [SampleResult]) -> String {
    if language == .zh {
      let totals = results.map { "\(sampleKind($0.kind)) \($0.total)\($0.passed ? " 通过" : "")" }
      return "\(scenario)：样本 " + totals.joined(separator: "，")
    }
    let totals = results.map { "\(sampleKind($0.kind)) \($0.total)\($0.passed ? " passed" : "")" }
    return "\(scenario): samples " + totals.joined(separator: ", ")
  }

  /// A scenario with no sample visit in `folder`.
  public func noSamples(scenario: String, folder: String) -> String {
    language == .zh
      ? "\(scenario)：\(folder) 里没有样本拜访（\(scenario).good.txt、\(scenario).mediocre.txt、\(scenario).poor.txt）"
      : "\(scenario): no sample visits in \(folder)"
  }

  /// A broken rule located like a diagnostic, with the sample's total:
  /// `file:1:1: 错误: 好样本至少要 75 分（这次 40 分）` / `file:1:1: error: … (scored 40)`.
  public func sampleFailure(_ result: SampleResult, _ problem: SampleProblem) -> String {
    let place = "\(result.file):\(problem.line):1"
    return language == .zh
      ? "\(place): 错误: \(sampleProblem(problem))（这次 \(result.total) 分）"
      : "\(place): error: \(sampleProblem(problem)) (scored \(result.total))"
  }

  /// The rule a sample visit broke, and so what to change.
  public func sampleProblem(_ p: SampleProblem) -> String {
    language == .zh ? chineseSample(p) : englishSample(p)
  }

  /// How a visit ended, in words: `拜访完成` / `visit completed`.
  func ended(_ reason: EndReason) -> String { endedBy[reason.rawValue] ?? reason.rawValue }

  private func chineseSample(_ p: SampleProblem) -> String {
    switch p {
    case .unknownCommand(let line, let command):
      return "第 \(line) 行的 ‘\(command)’ 不是命令；以 / 开头的行只能是 /look、/wait 这样的命令（/help 列出全部）"
    case .goodMustPass: return "好样本要通过"
    case .goodBelowMinimum(let minimum): return "好样本至少要 \(minimum) 分"
    case .goodHasBlockers(let blockers):
      return "好样本不能触发一票否决（\(blockers.joined(separator: "、"))）"
    case .goodMustEndByTrainee(let reason):
      return "好样本要由学员在最后一个环节道别结束，这次是“\(ended(reason))”"
    case .poorMustFailBelow(let limit): return "差样本要不通过，而且低于 \(limit) 分"
    case .poorWithoutPenalty: return "差样本至少要触发一个扣分项"
    case .mediocreNotBelowGood(let good): return "中样本的分数要低于好样本（\(good) 分）"
    case .mediocreNotAbovePoor(let poor): return "中样本的分数要高于差样本（\(poor) 分）"
    }
  }

  private func englishSample(_ p: SampleProblem) -> String {
    switch p {
    case .unknownCommand(let line, let command): return "line \(line): unknown command '\(command)'"
    case .goodMustPass: return "a good visit must pass"
    case .goodBelowMinimum(let minimum): return "a good visit must score at least \(minimum)"
    case .goodHasBlockers(let blockers):
      return "a good visit must trigger no blocker (\(blockers.joined(separator: ", ")))"
    case .goodMustEndByTrainee(let reason):
      return
        "a good visit must end with the trainee taking leave in the last phase (this one: \(ended(reason)))"
    case .poorMustFailBelow(let limit): return "a poor visit must fail below \(limit)"
    case .poorWithoutPenalty: return "a poor visit must trigger at least one penalty"
    case .mediocreNotBelowGood(let good):
      return "a mediocre visit must score below the good one (\(good))"
    case .mediocreNotAbovePoor(let poor):
      return "a mediocre visit must score above the poor one (\(poor))"
    }
  }
}
