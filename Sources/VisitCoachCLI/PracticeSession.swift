import Foundation
import LineEditing
import Reporting
import Simulation
import TraineeInput
import VisitCoachModel

/// The interactive practice session: the readline loop around one visit.
final class PracticeSession {
  let reader: LineReader
  let screen: SessionScreen
  let language: InterfaceLanguage
  let exam: Bool
  let reportPath: String?
  var run: VisitRun
  let keeper: SessionKeeper
  /// Set when continuing a stored session: the turns already played are shown as a recap.
  private let resumed: Bool
  private let titles: [String: String]

  /// A session over `run` (fresh, or rebuilt from stored turns when resuming), kept by `keeper`.
  init(
    run: VisitRun, keeper: SessionKeeper, resumed: Bool = false, reader: LineReader,
    screen: SessionScreen,
    language: InterfaceLanguage, exam: Bool, reportPath: String?
  ) {
    self.reader = reader
    self.screen = screen
    self.language = language
    self.exam = exam
    self.reportPath = reportPath
    self.run = run
    self.keeper = keeper
    self.resumed = resumed
    titles = Dictionary(
      run.scenario.checks.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
  }

  /// The report of the finished visit, once ``start()`` has returned.
  private(set) var report: ScoreReport?
  /// The finished visit (with its record), once ``start()`` has returned.
  private(set) var transcript: Transcript?

  private var s: InterfaceStrings { screen.strings }
  private var scenario: Scenario { run.scenario }

  /// Runs the visit until it ends, then shows and saves the report. Returns the exit status.
  func start() -> Int32 {
    Console.allowStyle(screen.color)
    reader.setCompletions(Script.commands)
    Console.line(screen.start(scenario))
    Console.line()
    if let warning = keeper.warning { Console.error("visitcoach: " + warning) }
    showOpening()
    if resumed { showRecap() }
    keeper.save(run.conversation.transcript)
    loop: while !run.conversation.isOver {
      let c = run.conversation
      let prompt = screen.prompt(
        phase: c.phase.title, clock: c.state.clock, budget: scenario.customer.timeBudgetSeconds)
      switch reader.read(prompt: prompt) {
      case .end:
        Console.line()
        break loop
      case .interrupted:
        continue
      case .line(let raw):
        let line = Script.clean(raw)
        guard !line.isEmpty else { continue }
        reader.remember(line.text)
        if let length = line.cutFrom {
          Console.line(
            screen.dim(
              InterfaceStrings.fill(s.lineCut, String(length), String(Script.maximumLineLength))))
        }
        if line.isCommand {
          if handleCommand(line.text) == .quit { break loop }
        } else {
          show(play(.say(line.text)))
        }
        keeper.save(run.conversation.transcript)
      }
    }
    return finish()
  }

  /// Plays a step that makes a turn, and stores the visit before anything of it is shown: a
  /// reply on screen is a turn on disk.
  private func play(_ step: ScriptStep) -> TurnOutcome? {
    let outcome = run.perform(step)
    keeper.save(run.conversation.transcript)
    return outcome
  }

  /// The turns already played in a resumed session.
  private func showRecap() {
    for turn in run.conversation.transcript.turns {
      let said = s.said(turn.kind, turn.trainee)
      Console.line(screen.dim("\(s.trainee)> \(said)"))
      if let text = turn.retailer { Console.line(screen.retailer(scenario.persona.name, text)) }
    }
  }

  private func showOpening() {
    if let opening = run.opening {
      Console.line(screen.retailer(scenario.persona.name, opening.text))
    }
  }

  private enum CommandResult { case handled, quit }

  private func handleCommand(_ line: String) -> CommandResult {
    let word = line.split(separator: " ").first.map(String.init) ?? line
    guard let step = Script.command(line) else {
      if let guess = Script.nearestCommand(word) {
        Console.line(InterfaceStrings.fill(s.unknownCommand, word, guess))
      } else {
        Console.line(InterfaceStrings.fill(s.unknownCommandNoGuess, word))
      }
      return .handled
    }
    switch step {
    case .quit:
      return .quit
    case .show("/help"):
      // The command table is Script.commands; the interface strings only word it.
      let rows = Script.commands.map { s.commandHelp[$0] ?? ($0, "") }
      let width = rows.map { DisplayWidth.of($0.usage) }.max() ?? 0
      for row in rows {
        Console.line("  \(DisplayWidth.pad(row.usage, to: width))  \(row.text)")
      }
    case .show("/status"):
      let c = run.conversation
      let spoken = Set(c.transcript.turns.filter { $0.kind != .next }.map(\.phase))
      let map = scenario.phases.enumerated().map { i, phase -> (String, PhaseProgress) in
        if i == c.state.phaseIndex { return (phase.title, .current) }
        if i > c.state.phaseIndex { return (phase.title, .ahead) }
        return (phase.title, spoken.contains(phase.id) ? .done : .skipped)
      }
      Console.line(s.visitMap(map.map { (title: $0.0, progress: $0.1) }))
      Console.line(
        s.visitState(
          mood: c.state.mood, patience: c.state.patience, clock: c.state.clock,
          budget: scenario.customer.timeBudgetSeconds))
    case .show("/brief"):
      if let previous = scenario.previous {
        for line in screen.previous(previous) { Console.line(line) }
      }
      guard let brief = scenario.brief else {
        if scenario.previous == nil { Console.line(s.noBrief) }
        break
      }
      for (title, items) in [(s.briefRecord, brief.record), (s.briefNews, brief.news)]
      where !items.isEmpty {
        Console.line(screen.bold(title))
        for item in items { Console.line(screen.wrapped(item, firstPrefix: "  · ", indent: 4)) }
      }
    case .show:
      Console.line(
        screen.scoreSoFar(
          run.conversation.report, phase: run.conversation.phase, scenario: scenario))
    case .pack(let text):
      pack(text)
    case .plan(let text):
      guard !text.isEmpty else {
        Console.line(screen.wrapped(s.planUsage))
        if let plan = run.conversation.transcript.plan {
          Console.line(screen.wrapped(InterfaceStrings.fill(s.planNoted, plan)))
        }
        break
      }
      prepare(.plan(text), noted: { InterfaceStrings.fill(s.planNoted, $0.plan ?? "") })
      showPreparation(.plan)
    case .ready(let text):
      ready(text)
    case .hint where exam:
      Console.line(screen.dim(s.noHintInExam))
    case .hint:
      let tips = run.hint()
      Console.line(screen.yellow(s.hintHeading))
      for tip in tips.isEmpty ? [s.noHint] : tips {
        Console.line(screen.wrapped(tip, firstPrefix: "  ", indent: 2))
      }
    case .undo:
      if let removed = run.undo() {
        let what: String
        if case .say(let text) = removed { what = "「\(text)」" } else { what = describe(removed) }
        Console.line(screen.dim(InterfaceStrings.fill(s.undone, what)))
      } else {
        Console.line(s.nothingToUndo)
      }
    case .restart:
      run.restart()
      Console.line(screen.bold(s.restarted))
      showOpening()
    case .look:
      let outcome = play(.look)
      Console.line(screen.bold(s.lookHeading))
      Console.line(
        screen.wrapped(
          InterfaceStrings.fill(
            s.retailerLine, scenario.persona.name, String(scenario.persona.age),
            scenario.persona.attire), firstPrefix: "  ", indent: 2))
      for fact in scenario.scene {
        Console.line(screen.wrapped(fact.text, firstPrefix: "  · ", indent: 4))
      }
      show(outcome, printLine: false)
    case .stock:
      guard !scenario.stock.isEmpty else {
        Console.line(s.noStock)
        break
      }
      let outcome = play(.stock)
      Console.line(screen.bold(s.stockHeading))
      var rows = [s.stockColumns.split(separator: "  ").map(String.init)]
      for item in scenario.stock {
        let weekly =
          item.weeklySales == item.weeklySales.rounded()
          ? String(Int(item.weeklySales)) : String(item.weeklySales)
        rows.append([
          scenario.brand(item.brand)?.name ?? item.brand, String(item.stock),
          "\(item.taggedPrice(flags: run.conversation.state.flags))/\(item.sellingPrice)",
          weekly, item.isShort ? s.stockOutAsk : "—",
        ])
      }
      let widths = (0..<5).map { c in
        rows.map { DisplayWidth.of($0.indices.contains(c) ? $0[c] : "") }.max() ?? 0
      }
      for (n, row) in rows.enumerated() {
        let line = row.enumerated().map { DisplayWidth.pad($0.element, to: widths[$0.offset]) }
          .joined(separator: "  ")
        Console.line("  " + (n == 0 ? screen.dim(line) : line))
      }
      if scenario.stock.contains(where: \.isShort) { Console.line(screen.dim(s.stockOutNote)) }
      show(outcome, printLine: false)
    case .record:
      run.perform(step)
      Console.line(screen.dim(s.recordSaved))
    case .wait, .next, .say:
      show(play(step))
    }
    return .handled
  }

  /// A preparation step (`/plan`, `/ready`): only before the first turn; saved at once.
  private func prepare(_ step: ScriptStep, noted: (Transcript) -> String) {
    guard run.conversation.isPreparing else {
      Console.line(s.preparationTooLate)
      return
    }
    run.perform(step)
    keeper.save(run.conversation.transcript)
    Console.line(screen.wrapped(noted(run.conversation.transcript)))
  }

  /// The scorer's verdict on the preparation criterion with this measure, when the scenario
  /// scores it: read from the live report, never judged again here.
  private func showPreparation(_ kind: PreparationStep) {
    guard run.conversation.isPreparing else { return }
    let measures = Dictionary(
      scenario.checks.map { ($0.id, $0.measure) }, uniquingKeysWith: { a, _ in a })
    let finding = run.conversation.report.areas.flatMap(\.criteria).first { finding in
      guard let measure = measures[finding.id], finding.status != .notApplicable else {
        return false
      }
      switch (kind, measure) {
      case (.plan, .planGoals), (.bag, .packedNeeded), (.appearance, .appearanceChecked):
        return true
      default: return false
      }
    }
    if let finding { Console.line(screen.preparation(finding)) }
  }

  private enum PreparationStep { case plan, bag, appearance }

  /// `/ready` with what the trainee wears and does records it (before the first turn only);
  /// alone, it lists the wardrobe and what was chosen. A library without a wardrobe takes the
  /// plain check.
  private func ready(_ text: String) {
    guard !scenario.wardrobe.isEmpty else {
      prepare(.ready(text), noted: { _ in s.readyNoted })
      showPreparation(.appearance)
      return
    }
    let named = scenario.wardrobeItems(in: text)
    if !named.unknown.isEmpty {
      Console.line(InterfaceStrings.fill(s.wardrobeUnknown, named.unknown.joined(separator: "、")))
    }
    guard !named.items.isEmpty else {
      Console.line(screen.wrapped(s.wardrobeUsage))
      for (n, item) in scenario.wardrobe.enumerated() { Console.line("  \(n + 1). \(item.name)") }
      return
    }
    prepare(.ready(text)) { transcript in
      let chosen = transcript.appearance ?? []
      let names = scenario.wardrobe.filter { chosen.contains($0.id) }.map(\.name)
      return InterfaceStrings.fill(s.wardrobeChosen, names.joined(separator: "、"))
    }
    showPreparation(.appearance)
  }

  /// `/pack` with item names packs them (before the first turn only); alone, it shows the list
  /// and what is packed.
  private func pack(_ text: String) {
    guard !scenario.visitBag.isEmpty else {
      Console.line(s.noVisitBag)
      return
    }
    let named = scenario.bagItems(in: text)
    if !named.items.isEmpty {
      guard run.conversation.isPreparing else {
        Console.line(s.packTooLate)
        return
      }
      run.perform(.pack(text))
      keeper.save(run.conversation.transcript)
    }
    if !named.unknown.isEmpty {
      Console.line(InterfaceStrings.fill(s.packUnknown, named.unknown.joined(separator: "、")))
    }
    let packed = run.conversation.transcript.packed ?? []
    let names = scenario.visitBag.filter { packed.contains($0.id) }.map(\.name)
    Console.line(
      screen.bold(s.packedHeading)
        + (names.isEmpty ? s.packedNothing : names.joined(separator: "、")))
    if named.items.isEmpty {
      let list = scenario.visitBag.map(\.name).joined(separator: "、")
      Console.line(screen.wrapped(InterfaceStrings.fill(s.visitBagList, list)))
    } else {
      showPreparation(.bag)
    }
  }

  private func describe(_ step: ScriptStep) -> String {
    switch step {
    case .wait: return s.said(.wait, "")
    case .look: return s.said(.look, "")
    case .stock: return s.said(.stock, "")
    case .next: return s.said(.next, "")
    default: return ""
    }
  }

  /// Shows what a turn produced: the retailer's line, the coach line, a phase change, the end.
  private func show(_ outcome: TurnOutcome?, printLine: Bool = true) {
    guard let outcome else {
      if run.conversation.isOver { Console.line(s.visitOver) }
      return
    }
    if let entered = outcome.enteredPhase, let phase = scenario.phase(entered) {
      Console.line(screen.dim(InterfaceStrings.fill(s.enteredPhase, phase.title)))
    } else if outcome.turn.kind == .next {
      // `/next` in the last phase moves nothing: say so instead of printing nothing.
      Console.line(
        screen.dim(InterfaceStrings.fill(s.alreadyLastPhase, run.conversation.phase.title)))
    }
    if printLine, let text = outcome.turn.retailer {
      Console.line(screen.retailer(scenario.persona.name, text))
    }
    if !exam, let coach = screen.coach(outcome.score, titles: titles) {
      Console.line(coach)
    }
  }

  /// After the visit, the record form (action 26), when a rubric scores it, none was written and
  /// the trainee said something (a visit left before the first word has nothing to record).
  /// A whole `/record 内容 | 诉求 | 承诺 | 下次目标` line is taken as the record; `/quit` or
  /// Ctrl-D stops the form early and keeps the fields already entered.
  private func askForRecord() {
    let usesRecord = scenario.rubrics.contains { $0.id == Rubric.recordID }
    let transcript = run.conversation.transcript
    guard usesRecord, transcript.record == nil,
      transcript.turns.contains(where: { $0.kind == .say })
    else { return }
    Console.line()
    Console.line(screen.bold(s.recordHeading))
    var fields: [String] = []
    form: while fields.count < s.recordFields.count {
      switch reader.read(prompt: s.recordFields[fields.count] + "> ") {
      case .line(let text):
        let line = Script.clean(text)
        guard line.isCommand else {
          fields.append(line.text.replacingOccurrences(of: "|", with: "｜"))
          continue
        }
        switch Script.command(line.text) {
        case .record(let whole)?:
          run.perform(.record(whole))
          keeper.save(run.conversation.transcript)
          return
        case .quit?: break form
        default: Console.line(screen.dim(s.recordFormCommands))
        }
      case .interrupted: fields.append("")
      case .end: break form
      }
    }
    guard fields.contains(where: { !$0.isEmpty }) else { return }
    run.perform(.record(fields.joined(separator: " | ")))
    keeper.save(run.conversation.transcript)
  }

  /// Ends the visit: the summary on screen, the report file if asked for, the archive.
  private func finish() -> Int32 {
    askForRecord()
    var conversation = run.conversation
    conversation.finish()
    let report = conversation.report
    self.report = report
    transcript = conversation.transcript
    keeper.finish(conversation.transcript, report: report)
    reader.finish()
    let text = TextReport(language: language)
    Console.line()
    Console.out(screen.wrappedReport(text.summary(report)))
    Console.line()
    if let reportPath {
      do {
        try ReportFiles.write(report, language: language, to: reportPath)
        Console.line(InterfaceStrings.fill(s.reportSaved, reportPath))
      } catch {
        Console.error(
          "visitcoach: cannot write the report to \(reportPath): \(error.localizedDescription)")
      }
    }
    Console.line(
      screen.dim(
        InterfaceStrings.fill(
          keeper.isInFile ? s.transcriptInFile : s.transcriptSaved, keeper.location)))
    return 0
  }
}

/// Writes a report file in the format its extension names: .json, .md, .html or text.
enum ReportFiles {
  static func write(_ report: ScoreReport, language: InterfaceLanguage, to path: String) throws {
    let format = ReportFormat(fileExtension: (path as NSString).pathExtension)
    try format.render(report, language: language).write(
      toFile: path, atomically: true, encoding: .utf8)
  }
}
