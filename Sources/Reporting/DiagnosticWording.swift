import VisitCoachModel

extension InterfaceStrings {
  /// One diagnostic as `file:line:col: 错误: key.path: 消息` (in English `error`/`warning`),
  /// followed, when others follow from it, by an indented line that counts them and names their
  /// lines: `  另有 18 处由此引起（第 73、78、82 行……）`.
  public func diagnostic(_ d: Diagnostic) -> String {
    let l = d.location
    let severity: String
    switch d.severity {
    case .error: severity = language == .zh ? "错误" : "error"
    case .warning: severity = language == .zh ? "警告" : "warning"
    }
    let path = d.keyPath.isEmpty ? "" : "\(d.keyPath): "
    var text = "\(l.file):\(l.line):\(l.column): \(severity): \(path)\(problem(d.problem))"
    if !d.followOns.isEmpty { text += "\n  " + followOns(d.followOns, of: d) }
    return text
  }

  /// What is wrong and how to fix it, in trainers' words.
  public func problem(_ p: AuthoringProblem) -> String {
    language == .zh ? Self.chinese(p) : Self.english(p)
  }

  /// The last line of `visitcoach check`.
  public func checkSummary(files: Int, scenarios: Int, errors: Int, warnings: Int) -> String {
    if language == .zh {
      return "检查了 \(files) 个文件、\(scenarios) 个剧本：\(errors) 个错误，\(warnings) 个警告"
    }
    func n(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    return "checked \(n(files, "file")), \(n(scenarios, "scenario")): "
      + "\(n(errors, "error")), \(n(warnings, "warning"))"
  }

  /// After the errors of a library that does not load (`list`, `test`, `practice`, …).
  public var libraryHasErrors: String {
    language == .zh
      ? "剧本库有错误，先改好它们；visitcoach check 会列出所有问题"
      : "the scenario library has errors; run 'visitcoach check' for details"
  }

  /// The most follow-on lines named; the rest are counted.
  static let followOnLinesShown = 8

  /// `另有 18 处由此引起（第 73、78 行……）` / `18 more errors follow from this (lines 73, 78, …)`.
  /// Lines in another file than the diagnostic's are named with the file.
  func followOns(_ locations: [SourceLocation], of d: Diagnostic) -> String {
    // Each line once (two follow-ons on one line name it once), in order.
    var places: [String] = []
    for l in locations {
      let place = l.file == d.location.file ? "\(l.line)" : "\(Self.fileName(l.file)):\(l.line)"
      if !places.contains(place) { places.append(place) }
    }
    let shown = places.prefix(Self.followOnLinesShown)
    let more = places.count > Self.followOnLinesShown
    if language == .zh {
      return "另有 \(locations.count) 处由此引起（第 \(shown.joined(separator: "、")) 行\(more ? "……" : "")）"
    }
    let noun = locations.count == 1 ? "error follows" : "errors follow"
    return
      "\(locations.count) more \(noun) from this (line\(places.count == 1 ? "" : "s") \(shown.joined(separator: ", "))\(more ? ", …" : ""))"
  }

  /// The last path component: follow-ons in another file are named briefly.
  static func fileName(_ path: String) -> String {
    path.split(separator: "/").suffix(2).joined(separator: "/")
  }

  /// The most ids a known-id list shows; the rest are counted.
  static let knownShown = 12

  /// `‘a’、‘b’ 等 40 个` / `'a', 'b' and 38 more`.
  static func names(_ items: [String], zh: Bool) -> String {
    if items.isEmpty { return zh ? "（没有）" : "(none)" }
    let shown = items.prefix(knownShown).map(short).map { zh ? "‘\($0)’" : "'\($0)'" }
    if zh {
      return shown.joined(separator: "、") + (items.count > knownShown ? " 等 \(items.count) 个" : "")
    }
    return shown.joined(separator: ", ")
      + (items.count > knownShown ? " and \(items.count - knownShown) more" : "")
  }

  /// An id in a list, cut to 60 characters so a list of monsters stays readable.
  static func short(_ id: String) -> String {
    id.count > 60 ? String(id.prefix(60)) + "…" : id
  }

  /// A chain of named conditions, at most six of them: the first four, `…`, the last.
  static func chain(_ names: [String], separator: String) -> String {
    let shown = names.count > 6 ? Array(names.prefix(4)) + ["…", names.last!] : names
    return shown.map(short).joined(separator: separator)
  }

  /// The text inside the first and last character (the quotation marks around `written`).
  static func unquoted(_ written: String) -> String {
    guard written.count >= 2 else { return written }
    return String(written.dropFirst().dropLast())
  }

  /// `12`, `0.5`: a bound as written in a file.
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))" : "\(value)"
  }
}
