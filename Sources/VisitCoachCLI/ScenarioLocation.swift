import Foundation
import Reporting
import ScenarioFormat
import VisitCoachModel

/// Finds the scenario library and the scenario a command names.
struct ScenarioLocation {
  /// The library folder.
  var root: String

  /// `--scenarios`, then `$VISITCOACH_SCENARIOS`, then `./scenarios`, then a `scenarios` folder
  /// beside or above the executable (so a built binary finds the checkout's library).
  static func resolve(_ option: String?) throws -> ScenarioLocation {
    if let option { return ScenarioLocation(root: option) }
    let env = ProcessInfo.processInfo.environment
    if let path = env["VISITCOACH_SCENARIOS"], !path.isEmpty { return ScenarioLocation(root: path) }
    // From any folder inside a library (its root, `traits/`, `samples/`…) or inside a checkout
    // that holds one, the nearest library; then the one next to the program.
    // Paths in the current folder stay relative, so messages name files as the trainer typed.
    var candidates: [String] = []
    var here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
    var relative = true
    while true {
      if FileManager.default.fileExists(atPath: here.appendingPathComponent("traits").path) {
        candidates.append(relative ? "." : here.path)
      }
      candidates.append(relative ? "scenarios" : here.appendingPathComponent("scenarios").path)
      relative = false
      let parent = here.deletingLastPathComponent()
      if parent.path == here.path { break }
      here = parent
    }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<5 {
      candidates.append(folder.appendingPathComponent("scenarios").path)
      folder.deleteLastPathComponent()
    }
    candidates.append("/usr/local/share/visitcoach/scenarios")
    for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/rubrics")
    {
      return ScenarioLocation(root: candidate)
    }
    throw UserFacingError(
      "cannot find the scenario library; run from the VisitCoach folder, or pass --scenarios DIR or set VISITCOACH_SCENARIOS"
    )
  }

  /// `argument` as a path when it is one, otherwise as a scenario id: the file `<id>.yaml` of the
  /// library, or `folder/<id>.yaml` when `folder` is given (`tests`, for a scenario's tests).
  /// Commands that take files accept a scenario id the same way `replay` does.
  func path(_ argument: String, in folder: String? = nil) -> String {
    if FileManager.default.fileExists(atPath: argument) { return argument }
    let candidate = root + "/" + (folder.map { $0 + "/" } ?? "") + argument + ".yaml"
    return FileManager.default.fileExists(atPath: candidate) ? candidate : argument
  }

  /// `$XDG_CACHE_HOME/visitcoach`, or `~/.cache/visitcoach`: derived files that are safe to
  /// delete (the compiled lexicon).
  static func cacheDirectory() -> String {
    let env = ProcessInfo.processInfo.environment
    if let cache = env["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/visitcoach" }
    let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.cache/visitcoach"
  }

  /// The id of the scenario `visitcoach` practises when none is named (`scenarios/DEFAULT`).
  var defaultScenarioID: String? {
    guard let text = try? String(contentsOfFile: root + "/DEFAULT", encoding: .utf8) else {
      return nil
    }
    let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return id.isEmpty ? nil : id
  }

  /// Loads the library, failing with every error worded in `language` if it has any.
  func loadLibrary(language: InterfaceLanguage = .zh) throws -> LoadResult {
    let result = ScenarioLibrary.load(root: root)
    if result.hasErrors {
      let strings = InterfaceStrings.forLanguage(language)
      throw UserFacingError(
        result.errors.map(strings.diagnostic).joined(separator: "\n") + "\n"
          + strings.libraryHasErrors, code: 1)
    }
    return result
  }

  /// The scenario named by an id from `list` or a path to a scenario file; one that does not
  /// load fails with its errors worded in `language`.
  func scenario(_ name: String?, language: InterfaceLanguage = .zh) throws -> Scenario {
    if let name, name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.contains("/") {
      let result = ScenarioLibrary.load(paths: [name])
      if result.hasErrors {
        let strings = InterfaceStrings.forLanguage(language)
        throw UserFacingError(
          result.errors.map(strings.diagnostic).joined(separator: "\n"), code: 1)
      }
      guard let scenario = result.scenarios.first else {
        let strings = InterfaceStrings.forLanguage(language)
        throw UserFacingError("\(name): " + strings.problem(.noScenarioInFile), code: 1)
      }
      return scenario
    }
    guard let id = name ?? defaultScenarioID else {
      throw UserFacingError("name a scenario; 'visitcoach list' shows them")
    }
    let cache = Self.cacheDirectory()
    let quick = ScenarioLibrary.load(
      scenarioID: id, root: root, lexiconCache: LexiconCache(directory: cache),
      scenarioCache: ScenarioCache(directory: cache))
    if !quick.hasErrors, let scenario = quick.scenario(id) { return scenario }
    let library = try loadLibrary(language: language)
    guard let scenario = library.scenario(id) else {
      let ids = library.scenarios.map(\.id)
      let strings = InterfaceStrings.forLanguage(language)
      throw UserFacingError(
        strings.problem(
          .unknownReference(
            kind: .scenario, written: id, suggestion: EditDistance.nearest(to: id, in: ids),
            known: ids.sorted())))
    }
    return scenario
  }
}
