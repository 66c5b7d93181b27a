import VisitCoachModel

/// Where a phase stands in a visit, for the visit map of `/status`.
public enum PhaseProgress: Sendable, Hashable {
  /// Spoken in and left behind.
  case done
  /// Left behind without a turn in it (words, `/wait`, `/look` or `/stock`; `/next` is none).
  case skipped
  /// The phase the visit is in.
  case current
  /// Still to come.
  case ahead
}

extension InterfaceStrings {
  /// The visit map: every phase in order, marked done, skipped, current or to come.
  public func visitMap(_ phases: [(title: String, progress: PhaseProgress)]) -> String {
    let zh = language == .zh
    let marked = phases.map { phase -> String in
      switch phase.progress {
      case .done: return "✓" + phase.title
      case .skipped: return "–" + phase.title + (zh ? "（跳过）" : " (skipped)")
      case .current: return "▶" + phase.title
      case .ahead: return phase.title
      }
    }
    return (zh ? "环节：" : "Phases: ") + marked.joined(separator: " → ")
  }

  /// Mood, patience and the clock against the visit's budget, as `/status` shows them.
  public func visitState(mood: Int, patience: Int, clock: Int, budget: Int) -> String {
    let time = "\(TextReport.clock(clock))/\(TextReport.clock(budget))"
    return language == .zh
      ? "好感 \(mood) · 耐心 \(patience) · 时间 \(time)"
      : "Mood \(mood) · patience \(patience) · time \(time)"
  }
}
