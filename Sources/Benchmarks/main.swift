// Release-mode benchmarks for the budgets in docs/Performance.md.
// Run: make bench   (or: swift build -c release && .build/release/Benchmarks [scenarios-dir])
import Foundation
import ScenarioFormat
import Scoring
import Simulation
import Storage
import TraineeInput
import VisitCoachModel
import Yams

enum ScenarioLibraryFiles {
  static func all(_ root: String) -> [String] {
    [root, root + "/traits", root + "/rubrics"].flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
        $0.hasSuffix(".yaml")
      }.map { folder + "/" + $0 }
    }
  }
}

let root = CommandLine.arguments.dropFirst().first ?? "scenarios"
let clock = ContinuousClock()

func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
  let s = values.sorted()
  return s.isEmpty ? 0 : s[s.count / 2]
}

/// The median time of `runs` calls of `body`, in seconds.
func medianSeconds(_ runs: Int, _ body: () -> Void) -> Double {
  var times: [Double] = []
  for _ in 0..<runs {
    let start = clock.now
    body()
    times.append(seconds(clock.now - start))
  }
  return median(times)
}

func report(_ name: String, _ value: String, budget: String) {
  print(
    "\(name.padding(toLength: 46, withPad: " ", startingAt: 0)) \(value.padding(toLength: 22, withPad: " ", startingAt: 0)) budget \(budget)"
  )
}

let only = ProcessInfo.processInfo.environment["BENCH_ONLY"]

// MARK: 1. Loading every shipped scenario
var loads: [Double] = []
var library = ScenarioLibrary.load(root: root)
for _ in 0..<(only == nil ? 30 : (only == "load" ? 100 : 1)) {
  let start = clock.now
  library = ScenarioLibrary.load(root: root)
  loads.append(seconds(clock.now - start))
}
guard !library.hasErrors, let busy = library.scenario("busy-morning-rush") else {
  print("cannot load \(root): \(library.errors.map(\.description))")
  exit(1)
}
report(
  "load all shipped scenarios (\(library.scenarios.count), median)",
  String(format: "%.2f ms", median(loads) * 1e3), budget: "≤ 20 ms")

// What `practice` loads before its first prompt: one scenario's files with the lexicon from its
// cache, and the assembled scenario from the scenario cache (both written by the first run).
if only == nil || only == "start" {
  let folder = NSTemporaryDirectory() + "visitcoach-bench-cache"
  let cache = LexiconCache(directory: folder)
  let scenarioCache = ScenarioCache(directory: folder)
  for id in ["busy-morning-rush", "full-visit-rural-c"] {
    for (label, scenarios) in [("lexicon cached", nil), ("scenario cached", scenarioCache)] {
      var times: [Double] = []
      for _ in 0..<(only == "start" ? 200 : 20) {
        let start = clock.now
        _ = ScenarioLibrary.load(
          scenarioID: id, root: root, lexiconCache: cache, scenarioCache: scenarios)
        times.append(seconds(clock.now - start))
      }
      report(
        "load one scenario for practice (\(id), \(label), median)",
        String(format: "%.2f ms", median(times) * 1e3), budget: "part of start-up")
    }
  }
}

var composeTimes: [Double] = []
let yamlTexts = (ScenarioLibraryFiles.all(root)).compactMap {
  try? String(contentsOfFile: $0, encoding: .utf8)
}
for _ in 0..<20 {
  let start = clock.now
  for text in yamlTexts { _ = try? Yams.compose(yaml: text, .basic) }
  composeTimes.append(seconds(clock.now - start))
}
report(
  "  of which Yams.compose of \(yamlTexts.count) files",
  String(format: "%.2f ms", median(composeTimes) * 1e3), budget: "")

let planSeconds = medianSeconds(only == "plan" ? 400 : 20) { _ = ScoringPlan(scenario: busy) }
let busyPlan = ScoringPlan(scenario: busy)
let automatonSeconds = medianSeconds(only == "plan" ? 100 : 10) {
  _ = PhraseAutomaton(patterns: busyPlan.patterns)
}
print(
  "  automaton of \(busy.id): \(busyPlan.phraseCount) phrases, \(busyPlan.stateCount) states, "
    + "built in \(String(format: "%.2f ms", automatonSeconds * 1e3))")
if let fullVisit = library.scenario("full-visit-rural-c") {
  let runs = only == "plan" ? 100 : 10
  let fullPlanSeconds = medianSeconds(runs) { _ = ScoringPlan(scenario: fullVisit) }
  let fullPlan = ScoringPlan(scenario: fullVisit)
  let fullAutomatonSeconds = medianSeconds(runs) {
    _ = PhraseAutomaton(patterns: fullPlan.patterns)
  }
  print(
    "  plan of \(fullVisit.id): \(fullPlan.phraseCount) phrases, \(fullPlan.stateCount) states, "
      + "\(String(format: "%.2f ms", fullPlanSeconds * 1e3)) "
      + "(automaton \(String(format: "%.2f ms", fullAutomatonSeconds * 1e3)))")
}
report(
  "compile one scenario's scoring plan (median)",
  String(format: "%.2f ms", planSeconds * 1e3), budget: "(part of start-up)")

// MARK: 2. Phrase matching: 500 phrases, 10,000 utterances
let samples: [String] = library.scenarios.flatMap { s -> [String] in
  let path = "\(root)/samples/\(s.id).good.txt"
  return ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(
    String.init)
}.filter { !$0.hasPrefix("/") && !$0.isEmpty }
var phrases = Array(
  Set(
    library.scenarios.flatMap {
      $0.checks.flatMap { $0.phrases.allPhrases + $0.partial.allPhrases }
    })
)
.map(TextNormalizer.normalize).filter { !$0.isEmpty }.sorted()
var rng = SplitMix64(seed: 42)
let pool = Array(
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
)
while phrases.count < 500 {
  let length = 2 + Int(rng.next() % 3)
  phrases.append(String((0..<length).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }))
}
phrases = Array(phrases.prefix(500))
let automaton = PhraseAutomaton(patterns: phrases)
let utterances: [String] = (0..<10_000).map { i in
  let base = TextNormalizer.normalize(samples[i % samples.count])
  let scalars = Array(base)
  let start = Int(rng.next() % UInt64(max(1, scalars.count - 30)))
  return String(scalars[start..<min(scalars.count, start + 30)])
}
var hits = 0
let matchStart = clock.now
var found: [PhraseAutomaton.Match] = []
for var u in utterances {
  found.removeAll(keepingCapacity: true)
  u.withUTF8 { bytes in automaton.collect(bytes, into: &found) }
  hits += found.count
}
let matchMean = seconds(clock.now - matchStart) / Double(utterances.count)
report(
  "phrase matching, 500 phrases (mean/utterance)", String(format: "%.2f µs", matchMean * 1e6),
  budget: "≤ 5 µs")
print(
  "  (\(automaton.stateCount) states, \(hits) hits in \(utterances.count) utterances of ~30 characters)"
)

let normStart = clock.now
var normalizedBytes = 0
for u in samples.prefix(200) {
  for _ in 0..<50 { normalizedBytes += TextNormalizer.normalize(u).utf8.count }
}
report(
  "normalise one utterance (mean)",
  String(format: "%.2f µs", seconds(clock.now - normStart) / 10_000 * 1e6),
  budget: "(part of a turn)")

// MARK: 3. A whole turn: normalise + score + choose the reply
let plan = ScoringPlan(scenario: busy)
var turnTimes: [Double] = []
let busyLines = samples.prefix(7)
let profiling = ProcessInfo.processInfo.environment["BENCH_PROFILE"] != nil
for seed in 0..<(only != nil ? 0 : (profiling ? 20 : 2_000)) {
  var c = Conversation(scenario: busy, seed: UInt64(seed), plan: plan)
  _ = c.start()
  for line in busyLines {
    if c.isOver { break }
    let start = clock.now
    _ = c.say(line)
    turnTimes.append(seconds(clock.now - start))
  }
}
report(
  "whole turn (median of \(turnTimes.count))", String(format: "%.1f µs", median(turnTimes) * 1e6),
  budget: "≤ 50 µs")

// The same in the heaviest scenario: a full visit scores 13 areas and reads the stock table.
if let full = library.scenario("full-visit-urban-a"), only == nil || only == "turn" {
  let fullPlan = ScoringPlan(scenario: full)
  let text =
    (try? String(contentsOfFile: "\(root)/samples/full-visit-urban-a.good.txt", encoding: .utf8))
    ?? ""
  let steps = (try? Script.parse(text)) ?? []
  var fullTimes: [Double] = []
  for seed in 0..<(profiling ? 20 : (only == "turn" ? 3_000 : 300)) {
    var c = Conversation(scenario: full, seed: UInt64(seed), plan: fullPlan)
    _ = c.start()
    for case .say(let line) in steps where !c.isOver {
      let start = clock.now
      _ = c.say(line)
      fullTimes.append(seconds(clock.now - start))
    }
  }
  report(
    "whole turn, full visit (median of \(fullTimes.count))",
    String(format: "%.1f µs", median(fullTimes) * 1e6), budget: "≤ 50 µs")
}

// MARK: 4. Re-scoring throughput
var transcripts: [(Transcript, Scenario)] = []
for scenario in library.scenarios {
  let path = "\(root)/samples/\(scenario.id).good.txt"
  let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  // The sample as practice plays it: commands (/plan, /pack, /stock, /record …) are commands.
  var run = VisitRun(scenario: scenario, seed: 1)
  for step in (try? Script.parse(text)) ?? [] { run.perform(step) }
  transcripts.append((run.conversation.transcript, scenario))
}
let plans = Dictionary(
  uniqueKeysWithValues: library.scenarios.map { ($0.id, ScoringPlan(scenario: $0)) })
var rescoredBytes = 0
var rescoredTranscriptBytes = 0
var rescored = 0
let rescoreStart = clock.now
while seconds(clock.now - rescoreStart) < (only == "rescore" ? 5 : 1.5) {
  for (t, s) in transcripts {
    var scorer = Scorer(plan: plans[s.id]!)
    for (turn, utterance) in zip(t.turns, t.utterances) {
      scorer.score(utterance)
      rescoredBytes += turn.trainee.utf8.count
      rescoredTranscriptBytes += turn.trainee.utf8.count + (turn.retailer?.utf8.count ?? 0)
    }
    _ = scorer.report(for: t, scenario: s)
    rescored += 1
  }
}
let rescoreSeconds = seconds(clock.now - rescoreStart)
// The slowest scenario to re-score, per byte of trainee text: where a regression shows first.
var slowest = (id: "", bytesPerSecond: Double.infinity)
for (t, s) in transcripts {
  let bytes = t.turns.reduce(0) { $0 + $1.trainee.utf8.count }
  guard bytes > 0 else { continue }
  let start = clock.now
  for _ in 0..<50 {
    var scorer = Scorer(plan: plans[s.id]!)
    for utterance in t.utterances { scorer.score(utterance) }
    _ = scorer.report(for: t, scenario: s)
  }
  let rate = Double(bytes * 50) / seconds(clock.now - start)
  if rate < slowest.bytesPerSecond { slowest = (s.id, rate) }
  if only == "rescore" {
    print("  \(s.id): \(String(format: "%.1f", rate / 1e6)) MB/s, \(t.turns.count) turns")
  }
}
var scoreOnlyBytes = 0
let scoreOnlyStart = clock.now
while seconds(clock.now - scoreOnlyStart) < (only == "score" ? 5.0 : (only == nil ? 1.0 : 0)) {
  for (t, s) in transcripts {
    var scorer = Scorer(plan: plans[s.id]!)
    for (turn, utterance) in zip(t.turns, t.utterances) {
      scorer.score(utterance)
      scoreOnlyBytes += turn.trainee.utf8.count
    }
  }
}
report(
  "  of which scoring turns alone",
  String(format: "%.1f MB/s", Double(scoreOnlyBytes) / seconds(clock.now - scoreOnlyStart) / 1e6),
  budget: "")
report(
  "re-scoring, trainee text (with reports)",
  String(format: "%.1f MB/s", Double(rescoredBytes) / rescoreSeconds / 1e6), budget: "≥ 30 MB/s")
report(
  "re-scoring, all transcript text",
  String(format: "%.1f MB/s", Double(rescoredTranscriptBytes) / rescoreSeconds / 1e6),
  budget: "≥ 30 MB/s")
print(
  "  (\(rescored) transcripts, \(String(format: "%.1f", Double(rescored) / rescoreSeconds)) per second; slowest \(slowest.id) at \(String(format: "%.1f", slowest.bytesPerSecond / 1e6)) MB/s)"
)

// MARK: 4b. One very long stored utterance (input is cut to 2,000 characters, but stored turns
// and old databases may hold longer ones): scoring must stay linear in its length.
if only == nil || only == "long",
  let full = library.scenario("full-visit-urban-a") ?? library.scenarios.first
{
  let longPlan = ScoringPlan(scenario: full)
  let unit = samples.prefix(7).joined(separator: "，")
  var previous: Double?
  for size in [256 << 10, 512 << 10, 1 << 20] {
    var text = ""
    while text.utf8.count < size { text += unit }
    var scorer = Scorer(plan: longPlan)
    let start = clock.now
    scorer.score(
      Utterance(
        Turn(
          index: 1, kind: .say, phase: full.phases[0].id, trainee: text, retailer: nil,
          retailerLineID: nil, moodBefore: 0, mood: 0, patience: 100, clockStart: 0, clock: 10),
        heard: ""))
    let elapsed = seconds(clock.now - start)
    report(
      "score one \(size >> 10) KB utterance (full visit)",
      String(format: "%.3f s", elapsed)
        + (previous.map { String(format: " (×%.2f)", elapsed / $0) } ?? ""),
      budget: size == 1 << 20 ? "≤ 0.5 s" : "")
    previous = elapsed
  }
}

// MARK: 5. Whole processes (replay, first prompt): scripts/process-latency.py and
// scripts/first-prompt-latency.py measure those from outside; see docs/Performance.md.

// MARK: 6. The session store: a turn, and a database of 10,000 sessions for rescore and cohort
if only == nil || only == "store" {
  let dbPath = ProcessInfo.processInfo.environment["BENCH_DB"] ?? "/tmp/visitcoach-bench-10k.sqlite"
  for suffix in ["", "-wal", "-shm"] {
    try? FileManager.default.removeItem(atPath: dbPath + suffix)
  }
  let store = try! SessionStore(path: dbPath)
  // Storing a turn: sync after each turn of a 30-turn visit, as the REPL does.
  var visit = Conversation(scenario: busy, seed: 1, plan: plan)
  _ = visit.start()
  let id = try! store.start(trainee: "bench", scenario: busy, seed: 1, openingLine: nil)
  var turnStores: [Double] = []
  for i in 0..<30 {
    _ = visit.say(samples[i % busyLines.count])
    let start = clock.now
    try! store.sync(id, transcript: visit.transcript)
    turnStores.append(seconds(clock.now - start))
  }
  report(
    "store one turn (median of 30, 30-turn visit)",
    String(format: "%.2f ms", median(turnStores) * 1e3), budget: "≤ 1 ms")
  // 10,000 finished sessions from the shipped scenarios' sample visits.
  let populateStart = clock.now
  var made = 0
  var prepared: [(Scenario, Transcript, ScoreReport)] = []
  for scenario in library.scenarios {
    for kind in ["good", "mediocre", "poor"] {
      let path = "\(root)/samples/\(scenario.id).\(kind).txt"
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
      var run = VisitRun(scenario: scenario, seed: 1)
      run.play((try? Script.parse(text)) ?? [])
      var c = run.conversation
      c.finish()
      prepared.append((scenario, c.transcript, c.report))
    }
  }
  // Making a report ready for storing (split, encoded, compressed), as `rescore` does for each
  // session: the part of re-scoring that is storage's.
  let prepareStart = clock.now
  var prepares = 0
  for _ in 0..<20 {
    for (_, transcript, result) in prepared {
      _ = try! PreparedReport(sessionID: "bench", report: result, transcript: transcript)
      prepares += 1
    }
  }
  report(
    "prepare one report for storing (mean of \(prepares))",
    String(format: "%.0f µs", seconds(clock.now - prepareStart) / Double(prepares) * 1e6),
    budget: "")
  while made < 10_000 {
    let (scenario, transcript, result) = prepared[made % prepared.count]
    let sid = try! store.start(
      trainee: "学员\(made % 40)", scenario: scenario, seed: 1, openingLine: transcript.openingLine)
    try! store.finish(sid, transcript: transcript, report: result)
    made += 1
  }
  print(
    "  (stored 10,000 sessions in \(String(format: "%.1f", seconds(clock.now - populateStart))) s at \(dbPath))"
  )
  var cohorts: [Double] = []
  for _ in 0..<5 {
    let start = clock.now
    _ = try! store.cohort()
    cohorts.append(seconds(clock.now - start))
  }
  report(
    "cohort over 10,000 sessions (in process)", String(format: "%.0f ms", median(cohorts) * 1e3),
    budget: "≤ 1 s")
}
