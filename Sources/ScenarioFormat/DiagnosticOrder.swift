import VisitCoachModel

/// Puts diagnostics in the order a trainer should read them: the root cause first, what follows
/// from it folded under it, errors before warnings within a file, otherwise source order.
public enum DiagnosticOrder {
  /// `diagnostics` deduplicated, folded and sorted by file, then errors before warnings, then
  /// line and column.
  ///
  /// Folded: a reference to a criterion or penalty of a rubric that is `use`d but unknown
  /// (`use: complain` makes every `complaint.*` unknown) goes under the unknown rubric; the same
  /// unknown id used again goes under its first use; and a scenario's unknown trait or rubric
  /// whose own file does not read goes under that file's first error.
  public static func arrange(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var byFile: [String: [Diagnostic]] = [:]
    for d in Set(diagnostics) { byFile[d.location.file, default: []].append(d) }
    for (file, items) in byFile { byFile[file] = foldWithinFile(items.sorted(by: sourceOrder)) }
    foldBrokenFiles(&byFile)
    return byFile.keys.sorted().flatMap { byFile[$0]!.sorted(by: readingOrder) }
  }

  /// Errors before warnings, then source order.
  static func readingOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    if a.severity != b.severity { return a.severity == .error }
    return sourceOrder(a, b)
  }

  static func sourceOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    if a.location != b.location { return a.location < b.location }
    if a.problem.code != b.problem.code { return a.problem.code < b.problem.code }
    return a.description < b.description
  }

  /// The unknown id a diagnostic reports, with its kind.
  private static func unknownID(_ d: Diagnostic) -> (kind: ReferenceKind, id: String)? {
    if case .unknownReference(let kind, let written, _, _) = d.problem, d.severity == .error {
      return (kind, written)
    }
    return nil
  }

  /// Folds the follow-ons of one file's diagnostics (in source order) under their roots.
  private static func foldWithinFile(_ items: [Diagnostic]) -> [Diagnostic] {
    // Unknown rubrics by the id written and by the id probably meant (`use: complain` for
    // `complaint`: the lines still name `complaint.apology`), each to the id written.
    var rubricRoots: [String: String] = [:]
    for d in items {
      guard let unknown = unknownID(d), unknown.kind == .rubric else { continue }
      if rubricRoots[unknown.id] == nil { rubricRoots[unknown.id] = unknown.id }
      if case .unknownReference(_, _, let suggestion?, _) = d.problem,
        rubricRoots[suggestion] == nil
      {
        rubricRoots[suggestion] = unknown.id
      }
    }
    // The rubric a diagnostic follows from, when it names a criterion or penalty of one.
    func rubricRoot(_ d: Diagnostic) -> String? {
      guard let unknown = unknownID(d), [.criterion, .penalty, .check].contains(unknown.kind),
        let dot = unknown.id.firstIndex(of: ".")
      else { return nil }
      return rubricRoots[String(unknown.id[..<dot])]
    }
    var out: [Diagnostic] = []
    var rubricIndex: [String: Int] = [:]
    var sameID: [String: Int] = [:]
    var followers: [(rubric: String, diagnostic: Diagnostic)] = []
    for d in items {
      if let rubric = rubricRoot(d) {
        followers.append((rubric, d))
        continue
      }
      if let unknown = unknownID(d) {
        // The same unknown id again: one diagnostic, its later uses folded under it.
        let key = "\(unknown.kind.rawValue):\(unknown.id)"
        if let first = sameID[key] {
          out[first].followOns.append(d.location)
          continue
        }
        sameID[key] = out.count
        if unknown.kind == .rubric { rubricIndex[unknown.id] = out.count }
      }
      out.append(d)
    }
    for follower in followers {
      if let root = rubricIndex[follower.rubric] {
        out[root].followOns.append(follower.diagnostic.location)
      } else {
        out.append(follower.diagnostic)
      }
    }
    for i in out.indices { out[i].followOns.sort() }
    return out
  }

  /// `use: complaint` is unknown because `rubrics/complaint.yaml` does not read: the unknown
  /// rubric (and all it folds) goes under that file's first error.
  private static func foldBrokenFiles(_ byFile: inout [String: [Diagnostic]]) {
    var firstError: [String: (file: String, index: Int)] = [:]
    for (file, items) in byFile {
      let parts = file.split(separator: "/")
      guard parts.count >= 2, ["traits", "rubrics"].contains(parts[parts.count - 2]),
        let index = items.indices.filter({ items[$0].severity == .error }).min(by: {
          sourceOrder(items[$0], items[$1])
        })
      else { continue }
      var name = String(parts[parts.count - 1])
      for ext in [".yaml", ".yml"] where name.hasSuffix(ext) { name.removeLast(ext.count) }
      let kind: ReferenceKind = parts[parts.count - 2] == "traits" ? .trait : .rubric
      firstError["\(kind.rawValue):\(name)"] = (file, index)
    }
    guard !firstError.isEmpty else { return }
    var additions: [(file: String, index: Int, locations: [SourceLocation])] = []
    var removed: [String: Set<Int>] = [:]
    for file in byFile.keys.sorted() {
      for (i, d) in byFile[file]!.enumerated() {
        guard let unknown = unknownID(d), unknown.kind == .trait || unknown.kind == .rubric,
          let root = firstError["\(unknown.kind.rawValue):\(unknown.id)"], root.file != file
        else { continue }
        additions.append((root.file, root.index, [d.location] + d.followOns))
        removed[file, default: []].insert(i)
      }
    }
    for a in additions { byFile[a.file]![a.index].followOns += a.locations }
    for (file, gone) in removed {
      byFile[file] = byFile[file]!.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
    }
  }
}
