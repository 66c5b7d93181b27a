import Foundation
import VisitCoachModel
import Yams

/// What loading scenario files produced: the valid scenarios and every problem found.
public struct LoadResult: Sendable {
  public var scenarios: [Scenario]
  /// Arranged by ``DiagnosticOrder/arrange(_:)``: by file, the root cause first with what
  /// follows from it folded under it, errors before warnings, then line and column; duplicates
  /// removed.
  public var diagnostics: [Diagnostic]
  /// How many files were read.
  public var fileCount: Int

  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// The scenario with this id.
  public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }
}

/// Loads scenario libraries: a folder with scenario files (`*.yaml`) and the `traits/` and
/// `rubrics/` folders they draw on.
public enum ScenarioLibrary {
  /// Loads every scenario of the library at `root`.
  public static func load(root: String) -> LoadResult {
    load(libraryRoot: root, scenarioFiles: yamlFiles(in: root))
  }

  /// Loads the given files and folders, as `visitcoach check` does. A folder that holds
  /// `traits/` or `rubrics/` is a library; a scenario file is checked against the library it
  /// sits in; a trait or rubric file is checked with its whole library.
  public static func load(paths: [String]) -> LoadResult {
    var merged = LoadResult(scenarios: [], diagnostics: [], fileCount: 0)
    var seenScenarios = Set<String>()
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        merged.diagnostics.append(
          Diagnostic(.error, at: .init(file: path, line: 1, column: 1), keyPath: "", .noSuchPath))
        continue
      }
      let result: LoadResult
      if isDirectory.boolValue {
        let root = libraryRoot(containing: path, isDirectory: true) ?? path
        result = load(libraryRoot: root, scenarioFiles: yamlFiles(in: root))
      } else if (path as NSString).deletingLastPathComponent.hasSuffix("tests") {
        result = LoadResult(
          scenarios: [],
          diagnostics: [
            Diagnostic(
              .error, at: .init(file: path, line: 1, column: 1), keyPath: "",
              .conversationTestFile(path: path))
          ], fileCount: 1)
      } else if let root = libraryRoot(containing: path, isDirectory: false) {
        let parent = (path as NSString).deletingLastPathComponent
        let isPart = ["traits", "rubrics"].contains((parent as NSString).lastPathComponent)
        result = load(libraryRoot: root, scenarioFiles: isPart ? yamlFiles(in: root) : [path])
      } else {
        result = load(
          libraryRoot: (path as NSString).deletingLastPathComponent, scenarioFiles: [path])
      }
      for s in result.scenarios where seenScenarios.insert(s.sourcePath ?? s.id).inserted {
        merged.scenarios.append(s)
      }
      merged.diagnostics += result.diagnostics
      merged.fileCount += result.fileCount
    }
    merged.diagnostics = DiagnosticOrder.arrange(merged.diagnostics)
    return merged
  }

  /// Loads just the scenario with this id, reading only the files it uses (scenario, trait and
  /// rubric files are named after their ids: `busy-morning-rush.yaml`, `traits/busy.yaml`,
  /// `rubrics/greeting.yaml`). Falls back to loading the whole library when a file is not where
  /// its name says, so errors are reported the same way. Start-up of `practice` and `replay`
  /// uses this, with `lexiconCache` so the lexicon's YAML is parsed only after it changed, and
  /// `scenarioCache` so no YAML is read at all when none of the scenario's files changed.
  public static func load(
    scenarioID id: String, root: String, lexiconCache: LexiconCache? = nil,
    scenarioCache: ScenarioCache? = nil
  ) -> LoadResult {
    // File names are built from ids only when the ids are plain names: `../x` must never
    // reach a file outside the library.
    guard isPlainName(id) else { return load(root: root) }
    if let hit = scenarioCache?.load(scenarioID: id, root: root) { return hit }
    let file = (root as NSString).appendingPathComponent("\(id).yaml")
    // Stamped before anything is read, so an edit during the load makes the entry stale.
    let scenarioStamp = scenarioCache.map { _ in ScenarioCache.FileStamp(path: file) }
    let sink = DiagnosticSink(file: file)
    guard FileManager.default.fileExists(atPath: file), let text = readText(file, sink: sink),
      let node = compose(text, sink: sink),
      let doc = ScenarioDocument(node, file: file, text: text, sink: sink),
      doc.id.value == id, !sink.hasErrors,
      doc.persona.traits.allSatisfy({ isPlainName($0.value) }),
      doc.rubrics.allSatisfy({ isPlainName($0.id.value) })
    else { return load(root: root) }
    let traitFiles = doc.persona.traits.map {
      (root as NSString).appendingPathComponent("traits/\($0.value).yaml")
    }
    var rubricFiles = Set(doc.rubrics.map(\.id.value) + [ScenarioAssembler.requiredRubric]).sorted()
      .map { (root as NSString).appendingPathComponent("rubrics/\($0).yaml") }
    guard (traitFiles + rubricFiles).allSatisfy({ FileManager.default.fileExists(atPath: $0) })
    else {
      return load(root: root)
    }
    // What the retailer hears comes with every scenario, when the library has it.
    let listening = (root as NSString).appendingPathComponent(
      "rubrics/\(ScenarioAssembler.listeningRubric).yaml")
    if FileManager.default.fileExists(atPath: listening) && !rubricFiles.contains(listening) {
      rubricFiles.append(listening)
    }
    let stamps = scenarioStamp.map { stamp in
      var stamps = ScenarioCache.Stamps(
        files: traitFiles + rubricFiles + (rubricFiles.contains(listening) ? [] : [listening]),
        folders: ["catalog", "lexicon", LearnedModelFile.folder].map {
          (root as NSString).appendingPathComponent($0)
        })
      stamps.files.insert(stamp, at: 0)
      return stamps
    }
    var library = readLibrary(
      root, traitFiles: traitFiles, rubricFiles: rubricFiles, lexiconCache: lexiconCache)
    library.sinks.append(sink)
    let scenario = library.assembler.assemble(
      doc, sink: sink, traitSinks: library.traitSinks, rubricSinks: library.rubricSinks)
    let diagnostics = DiagnosticOrder.arrange(library.sinks.flatMap(\.items))
    if diagnostics.contains(where: { $0.severity == .error }) { return load(root: root) }
    let result = LoadResult(
      scenarios: scenario.map { [$0] } ?? [], diagnostics: diagnostics,
      fileCount: library.fileCount + 1)
    if let scenarioCache, let stamps {
      scenarioCache.store(result, scenarioID: id, root: root, stamps: stamps)
    }
    return result
  }

  /// Parses one scenario from text against a library's traits and rubrics (for tests and tools).
  public static func load(scenarioText: String, file: String, libraryRoot: String) -> LoadResult {
    PreparedLibrary(root: libraryRoot).load(scenarioText: scenarioText, file: file)
  }

  // MARK: - Internals

  static func loadText(_ scenarioText: String, file: String, into library: Library) -> LoadResult {
    var library = library
    let sink = DiagnosticSink(file: file)
    var scenarios: [Scenario] = []
    if let node = compose(scenarioText, sink: sink),
      let doc = ScenarioDocument(node, file: file, text: scenarioText, sink: sink),
      let s = library.assembler.assemble(
        doc, sink: sink, traitSinks: library.traitSinks, rubricSinks: library.rubricSinks)
    {
      scenarios.append(s)
    }
    library.sinks.append(sink)
    return LoadResult(
      scenarios: scenarios,
      diagnostics: DiagnosticOrder.arrange(library.sinks.flatMap(\.items)),
      fileCount: library.fileCount + 1)
  }

  struct Library {
    var assembler: ScenarioAssembler
    var sinks: [DiagnosticSink]
    var traitSinks: [String: DiagnosticSink]
    var rubricSinks: [String: DiagnosticSink]
    var fileCount: Int
  }

  private static func load(libraryRoot: String, scenarioFiles: [String]) -> LoadResult {
    var library = readLibrary(libraryRoot)
    var scenarios: [Scenario] = []
    var ids: [String: String] = [:]
    for file in scenarioFiles {
      let sink = DiagnosticSink(file: file)
      library.sinks.append(sink)
      library.fileCount += 1
      guard let text = readText(file, sink: sink), let node = compose(text, sink: sink),
        let doc = ScenarioDocument(node, file: file, text: text, sink: sink)
      else { continue }
      if let other = ids[doc.id.value] {
        sink.error(
          at: doc.id.mark, "id",
          .duplicateID(kind: .scenario, id: doc.id.value, firstLine: nil, otherFile: other))
        continue
      }
      ids[doc.id.value] = file
      if let s = library.assembler.assemble(
        doc, sink: sink, traitSinks: library.traitSinks, rubricSinks: library.rubricSinks)
      {
        scenarios.append(s)
      }
    }
    let diagnostics = DiagnosticOrder.arrange(library.sinks.flatMap(\.items))
    return LoadResult(scenarios: scenarios, diagnostics: diagnostics, fileCount: library.fileCount)
  }

  static func readLibrary(
    _ root: String, traitFiles: [String]? = nil, rubricFiles: [String]? = nil,
    lexiconCache: LexiconCache? = nil
  ) -> Library {
    var traits: [String: TraitDocument] = [:]
    var traitSinks: [String: DiagnosticSink] = [:]
    var rubrics: [String: RubricDocument] = [:]
    var rubricSinks: [String: DiagnosticSink] = [:]
    func folder(_ name: String) -> [String] {
      yamlFiles(in: (root as NSString).appendingPathComponent(name))
    }
    // References inside rubric and trait files name the whole library; a partial read (one
    // scenario's files, for start-up) cannot check them, `check` does.
    let partial = traitFiles != nil || rubricFiles != nil
    let traitFiles = traitFiles ?? folder("traits")
    let rubricFiles = rubricFiles ?? folder("rubrics")
    let catalogFiles = folder("catalog")
    let lexiconFiles = folder("lexicon")
    // The lexicon is most of the library's YAML: with a cache, it is composed only when one of
    // its files changed.
    let lexiconRead = lexiconCache.map { readLexicon(lexiconFiles, cache: $0) }
    // Reading and composing is most of the work, and each file is independent: all at once.
    let composed =
      composeAll(traitFiles + rubricFiles + catalogFiles + (lexiconRead == nil ? lexiconFiles : []))
      + (lexiconRead?.files ?? [])
    var sinks = composed.map(\.sink)
    var count = composed.count
    // The files of each folder, in the order they were listed.
    var rest = composed[...]
    func next(_ files: [String]) -> ArraySlice<ComposedFile> {
      defer { rest = rest.dropFirst(files.count) }
      return rest.prefix(files.count)
    }
    for file in next(traitFiles) {
      let sink = file.sink
      guard let text = file.text, let node = file.node,
        let doc = TraitDocument(node, file: file.path, text: text, sink: sink)
      else { continue }
      if let other = traits[doc.id.value] {
        sink.error(
          at: doc.id.mark, "id",
          .duplicateID(kind: .trait, id: doc.id.value, firstLine: nil, otherFile: other.file))
        continue
      }
      traits[doc.id.value] = doc
      traitSinks[doc.id.value] = sink
    }
    for file in next(rubricFiles) {
      let sink = file.sink
      guard let text = file.text, let node = file.node,
        let doc = RubricDocument(node, file: file.path, text: text, sink: sink)
      else { continue }
      if let other = rubrics[doc.id.value] {
        sink.error(
          at: doc.id.mark, "id",
          .duplicateID(kind: .rubric, id: doc.id.value, firstLine: nil, otherFile: other.file))
        continue
      }
      rubrics[doc.id.value] = doc
      rubricSinks[doc.id.value] = sink
    }
    // Shared folders (catalogue, lexicon): every file composed, with its own diagnostics.
    func eachFile(_ files: [String], _ body: (String, Yams.Node, DiagnosticSink) -> Void) {
      for file in next(files) {
        guard let text = file.text, let node = file.node else { continue }
        body(text, node, file.sink)
      }
    }
    var catalog: [Brand] = []
    var visitBag: [VisitItem] = []
    var wardrobe: [WardrobeItem] = []
    var catalogText = ""
    eachFile(catalogFiles) { text, node, sink in
      catalogText += text
      let read = CatalogDocument.read(node, sink: sink)
      catalog += read.brands
      visitBag += read.items
      wardrobe += read.wardrobe
    }
    var lexicon: [String: [String]] = lexiconRead?.cached ?? [:]
    var lexiconText = ""
    if let lexiconRead, lexiconRead.cached != nil {
      lexiconText = lexiconRead.files.compactMap(\.text).joined()
      _ = next(lexiconFiles)
    } else {
      let files = rest.prefix(lexiconFiles.count)
      var nested: [(name: String, mark: SourceMark, sink: DiagnosticSink)] = []
      eachFile(lexiconFiles) { text, node, sink in
        lexiconText += text
        LexiconDocument.read(node, into: &lexicon, nested: &nested, sink: sink)
      }
      LexiconDocument.expandNested(&lexicon, nested)
      if let lexiconRead, let key = lexiconRead.key, files.allSatisfy({ $0.sink.items.isEmpty }) {
        lexiconCache?.store(lexicon, key: key)
      }
    }
    // Learned models: plain lines, read whole (`learned/NAME.tsv`).
    var learned: [String: LearnedModel] = [:]
    var learnedText = ""
    for file in LearnedModelFile.files(in: root) {
      let sink = DiagnosticSink(file: file)
      sinks.append(sink)
      count += 1
      guard let text = readText(file, sink: sink) else { continue }
      learnedText += text
      let name = LearnedModelFile.name(of: file)
      if let model = LearnedModelFile.read(text, name: name, sink: sink) { learned[name] = model }
    }
    var criteria = Set<String>()
    var penalties = Set<String>()
    // Penalties that give way to others (`yields_to`).
    var yielding = Set<String>()
    for r in rubrics.values {
      for c in r.criteria { criteria.insert("\(r.id.value).\(c.id.value)") }
      for c in r.penalties {
        let id = "\(r.id.value).\(c.id.value)"
        penalties.insert(id)
        if !c.yieldsTo.isEmpty { yielding.insert(id) }
      }
    }
    let checks = criteria.union(penalties)
    // References inside rubric files: order, cancellation, giving way and traits.
    for r in rubrics.values where !partial {
      let sink = rubricSinks[r.id.value]!
      // A reference without a rubric names a check of this rubric.
      func qualified(_ ref: Located<String>) -> String {
        ref.value.contains(".") ? ref.value : "\(r.id.value).\(ref.value)"
      }
      for c in r.criteria + r.penalties {
        for ref in c.after + c.before + c.cancels where ref.value != "*" {
          let id = qualified(ref)
          if !checks.contains(id) {
            sink.error(
              at: ref.mark, ref.keyPath,
              .unknownReference(
                kind: .check, written: ref.value,
                suggestion: EditDistance.nearest(to: id, in: checks), known: []))
          }
        }
        // `yields_to` names other penalties, none of which gives way in turn: an umbrella
        // gives way to a deduction, never to a credit, itself or another umbrella.
        let own = "\(r.id.value).\(c.id.value)"
        for ref in c.yieldsTo {
          let id = qualified(ref)
          if penalties.contains(id) && id != own && !yielding.contains(id) { continue }
          let problem: AuthoringProblem =
            penalties.contains(id) || criteria.contains(id) || ref.value == "*"
            ? .yieldsToNoPenalty(written: ref.value, isItself: id == own)
            : .unknownReference(
              kind: .check, written: ref.value,
              suggestion: EditDistance.nearest(to: id, in: penalties), known: [])
          sink.error(at: ref.mark, ref.keyPath, problem)
        }
        if let item = c.withItem, !visitBag.isEmpty,
          !visitBag.contains(where: { $0.id == item.value })
        {
          sink.unknown(.visitBagItem, item, in: visitBag.map(\.id))
        }
        for t in c.traits + c.withoutTraits where traits[t.value] == nil {
          sink.unknown(.trait, t, in: traits.keys)
        }
      }
    }
    // References inside trait files: reaction triggers.
    for t in traits.values where !partial {
      let sink = traitSinks[t.id.value]!
      for reaction in t.reactions {
        guard let id = reaction.triggerID else { continue }
        let wantsCriterion: Bool
        if case .met = reaction.trigger { wantsCriterion = true } else { wantsCriterion = false }
        CheckReference.check(
          id, wantsCriterion: wantsCriterion, criteria: criteria, penalties: penalties, sink: sink)
      }
    }
    let traitFlags = Set(traits.values.flatMap { $0.lines.flatMap { $0.set.map(\.value) } })
    return Library(
      assembler: ScenarioAssembler(
        traits: traits, rubrics: rubrics, libraryCriteria: criteria, libraryPenalties: penalties,
        traitFlags: traitFlags, catalog: catalog, visitBag: visitBag, wardrobe: wardrobe,
        catalogText: catalogText,
        lexicon: lexicon, lexiconText: lexiconText, learned: learned, learnedText: learnedText),
      sinks: sinks, traitSinks: traitSinks, rubricSinks: rubricSinks, fileCount: count)
  }

  /// The lexicon files read for a cached start: each file's text, composed only when the cache
  /// has no lexicon for exactly these bytes (`cached` is nil then).
  struct LexiconRead {
    var files: [ComposedFile]
    var key: String?
    var cached: [String: [String]]?
  }

  static func readLexicon(_ paths: [String], cache: LexiconCache) -> LexiconRead {
    let read = paths.map { path -> (String, DiagnosticSink, String?) in
      let sink = DiagnosticSink(file: path)
      return (path, sink, readText(path, sink: sink))
    }
    let texts = read.compactMap { file in file.2.map { (path: file.0, text: $0) } }
    let key = texts.count == read.count ? LexiconCache.key(files: texts) : nil
    if let key, let cached = cache.load(key: key) {
      return LexiconRead(
        files: read.map { ComposedFile(path: $0.0, sink: $0.1, text: $0.2, node: nil) }, key: key,
        cached: cached)
    }
    let files = ParallelMap.map(read.count) { i in
      let (path, sink, text) = read[i]
      return ComposedFile(
        path: path, sink: sink, text: text, node: text.flatMap { compose($0, sink: sink) })
    }
    return LexiconRead(files: files, key: key, cached: nil)
  }

  /// Whether `name` can name a file in the library: 1–100 ASCII letters, digits, `-` or `_`
  /// (so never a path such as `../x`).
  static func isPlainName(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.count <= 100
      && name.utf8.allSatisfy {
        ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
          || $0 == 0x2D || $0 == 0x5F
      }
  }

  /// The largest file the loader reads.
  static let maximumFileBytes = 1 << 20

  /// Reads a file as UTF-8, reporting unreadable or invalid files.
  static func readText(_ file: String, sink: DiagnosticSink) -> String? {
    guard let data = FileManager.default.contents(atPath: file) else {
      sink.error(1, 1, "", .unreadableFile)
      return nil
    }
    guard data.count <= maximumFileBytes else {
      sink.error(
        1, 1, "",
        .fileTooLarge(kilobytes: data.count / 1024, limitKilobytes: maximumFileBytes / 1024))
      return nil
    }
    guard let text = String(data: data, encoding: .utf8) else {
      sink.error(1, 1, "", .notUTF8)
      return nil
    }
    return text
  }

  /// A file read and composed, with its own diagnostics.
  struct ComposedFile: @unchecked Sendable {
    let path: String
    let sink: DiagnosticSink
    let text: String?
    let node: Yams.Node?
  }

  /// Reads and composes `files` on every core, in order. Each file reports to its own sink, so
  /// the diagnostics are those of reading the files one by one.
  static func composeAll(_ files: [String]) -> [ComposedFile] {
    ParallelMap.map(files.count) { i in
      let sink = DiagnosticSink(file: files[i])
      let text = readText(files[i], sink: sink)
      let node = text.flatMap { compose($0, sink: sink) }
      return ComposedFile(path: files[i], sink: sink, text: text, node: node)
    }
  }

  /// Parses YAML into a node tree, turning syntax errors into located diagnostics. Mistakes from
  /// Chinese input methods are reported first, in plain words.
  static func compose(_ text: String, sink: DiagnosticSink) -> Yams.Node? {
    let before = sink.items.count
    sink.source = text
    SourceLint.check(text, into: sink)
    let linted = sink.items.count > before
    do {
      // The basic resolver types nothing by regular expression (MapReader parses numbers and
      // booleans itself), which keeps start-up fast: the default one runs ICU regexes on
      // every key when Yams checks for duplicates.
      guard let node = try Yams.compose(yaml: text, .basic) else {
        sink.error(1, 1, "", .emptyFile)
        return nil
      }
      return linted ? nil : node
    } catch let error as YamlError {
      if linted { return nil }
      YAMLSyntaxReading.report(error, text: text, sink: sink)
      return nil
    } catch {
      sink.error(1, 1, "", .yamlSyntax(.other, parserText: "\(error)", startLine: nil))
      return nil
    }
  }

  /// `*.yaml` and `*.yml` files directly in `folder`, sorted.
  public static func yamlFiles(in folder: String) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return []
    }
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { (folder as NSString).appendingPathComponent($0) }
  }

  /// The nearest folder (this one or up to three above) that holds `traits/` or `rubrics/`.
  static func libraryRoot(containing path: String, isDirectory: Bool) -> String? {
    var folder = isDirectory ? path : (path as NSString).deletingLastPathComponent
    if folder.isEmpty { folder = "." }
    for _ in 0..<4 {
      for sub in ["traits", "rubrics"] {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(
          atPath: (folder as NSString).appendingPathComponent(sub), isDirectory: &isDir),
          isDir.boolValue
        {
          return folder
        }
      }
      let parent = (folder as NSString).deletingLastPathComponent
      if parent == folder || parent.isEmpty { break }
      folder = parent
    }
    return nil
  }
}

/// A library's traits, rubrics and catalogue, read once, against which many scenario texts can be
/// loaded: for tools that check text repeatedly, such as the fuzzer.
public final class PreparedLibrary {
  private let library: ScenarioLibrary.Library

  /// Reads the traits, rubrics and catalogue of the library at `root`.
  public init(root: String) {
    library = ScenarioLibrary.readLibrary(root)
  }

  /// Parses one scenario from text, exactly as ``ScenarioLibrary/load(scenarioText:file:libraryRoot:)``.
  public func load(scenarioText: String, file: String) -> LoadResult {
    ScenarioLibrary.loadText(scenarioText, file: file, into: library)
  }

  /// The shared lexicon's concept families, by name.
  public var lexicon: [String: [String]] { library.assembler.lexicon }

  /// Problems found while reading the library's shared files (traits, rubrics, catalogue,
  /// lexicon).
  public var diagnostics: [Diagnostic] { library.sinks.flatMap(\.items) }
}

/// What `visitcoach list` shows of a scenario, read without assembling it.
public struct ScenarioSummary: Sendable, Hashable {
  public var id: String
  public var title: String
  public var summary: String
  public var customer: Customer
  public var difficulty: Int
  public var personaName: String
  public var personaAge: Int
  public var personaGender: Gender
  /// Trait ids, in order.
  public var traits: [String]
  /// Trait titles by id, from the library's trait files.
  public var traitTitles: [String]
}

extension ScenarioLibrary {
  /// The scenarios of the library at `root` as `list` shows them, reading each scenario file's
  /// header only (no traits applied, no rubrics compiled): a library of 1,000 scenarios lists in
  /// well under a second. Files that don't parse are left out and named in `unreadable`;
  /// `visitcoach check` reports why.
  public static func summaries(root: String) -> (
    summaries: [ScenarioSummary], unreadable: [String]
  ) {
    var titles: [String: String] = [:]
    for file in yamlFiles(in: (root as NSString).appendingPathComponent("traits")) {
      let sink = DiagnosticSink(file: file)
      guard let text = readText(file, sink: sink), let node = compose(text, sink: sink),
        case .mapping(let map) = node, let id = map["id"]?.string
      else { continue }
      titles[id] = map["title"]?.string ?? id
    }
    var out: [ScenarioSummary] = []
    var unreadable: [String] = []
    for file in yamlFiles(in: root) {
      let sink = DiagnosticSink(file: file)
      guard let text = readText(file, sink: sink) else {
        unreadable.append(file)
        continue
      }
      // The header blocks alone parse in a fraction of the time; the whole file only if they
      // don't.
      let header = headerBlocks(text)
      guard
        let node = (try? Yams.compose(yaml: header, .basic)) ?? nil ?? compose(text, sink: sink),
        let summary = summary(node, traitTitles: titles)
      else {
        unreadable.append(file)
        continue
      }
      out.append(summary)
    }
    return (out.sorted { $0.id < $1.id }, unreadable)
  }
}

extension ScenarioLibrary {
  /// The top-level keys `list` shows.
  static let headerKeys: Set<Substring> = [
    "version", "id", "title", "summary", "difficulty", "customer", "persona",
  ]

  /// The top-level blocks of `text` whose key is one of ``headerKeys``: in block-style YAML a
  /// top-level key starts at column 0 and everything up to the next such line belongs to it.
  static func headerBlocks(_ text: String) -> String {
    var kept: [Substring] = []
    var keeping = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if let first = line.first, first != " ", first != "\t", first != "#", first != "-",
        first != "\r", let colon = line.firstIndex(of: ":")
      {
        keeping = headerKeys.contains(line[line.startIndex..<colon])
      }
      if keeping { kept.append(line) }
    }
    return kept.joined(separator: "\n")
  }

  /// A summary from a scenario's node tree, or nil when the fields are missing or malformed.
  static func summary(_ node: Yams.Node, traitTitles: [String: String]) -> ScenarioSummary? {
    guard case .mapping(let map) = node, let id = map["id"]?.string, !id.isEmpty,
      let customer = map["customer"]?.mapping, let persona = map["persona"]?.mapping,
      let customerClass = customer["class"]?.string.flatMap(CustomerClass.init(rawValue:)),
      let network = customer["network"]?.string.flatMap(Network.init(rawValue:)),
      let visit = customer["visit"]?.string.flatMap(VisitKind.init(rawValue:))
    else { return nil }
    let traits: [String]
    switch persona["traits"] {
    case .sequence(let items)?: traits = items.compactMap(\.string)
    case .scalar(let one)?: traits = one.string.isEmpty ? [] : [one.string]
    default: traits = []
    }
    return ScenarioSummary(
      id: id, title: map["title"]?.string ?? id, summary: map["summary"]?.string ?? "",
      customer: Customer(customerClass: customerClass, network: network, visit: visit),
      difficulty: map["difficulty"]?.string.flatMap { Int($0) } ?? 2,
      personaName: persona["name"]?.string ?? "",
      personaAge: persona["age"]?.string.flatMap { Int($0) } ?? 0,
      personaGender: persona["gender"]?.string.flatMap(Gender.init(rawValue:)) ?? .male,
      traits: traits, traitTitles: traits.map { traitTitles[$0] ?? $0 })
  }
}
