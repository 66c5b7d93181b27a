import VisitCoachModel
import Yams

/// A trait file (`scenarios/traits/*.yaml`) as authored.
struct TraitDocument: Sendable {
  struct ReactionDocument: Sendable {
    var trigger: ReactionTrigger
    var triggerID: Located<String>?
    var mood: Int
    var patience: Int
  }

  var file: String
  var text: String
  var id: Located<String>
  var title: String
  var summary: String
  var advice: String
  var reactions: [ReactionDocument] = []
  var lines: [LineDocument] = []

  static let triggers = ["longer_than", "met", "violated", "per_minute", "wait"]

  init?(_ root: Yams.Node, file: String, text: String, sink: DiagnosticSink) {
    guard let r = MapReader(root, path: "", sink: sink, document: .trait) else { return nil }
    defer { r.finish() }
    FormatVersion.check(r)
    guard let id = r.string("id", required: true) else { return nil }
    self.file = file
    self.text = text
    self.id = id
    title = r.string("title", required: true)?.value ?? id.value
    summary = r.string("summary")?.value ?? ""
    advice = r.string("advice")?.value ?? ""
    var reactions: [ReactionDocument] = []
    r.list("reactions") { item, _ in
      let mood = item.int("mood", in: -100...100)?.value ?? 0
      let patience = item.int("patience", in: -100...100)?.value ?? 0
      guard
        let on = item.map("on", required: true, choices: Self.triggers)
      else { return }
      defer { on.finish() }
      let present = on.keys.map(\.0)
      guard present.count == 1, let key = present.first, Self.triggers.contains(key) else {
        r.sink.error(at: on.mark, on.path, .oneTrigger(triggers: Self.triggers))
        for k in present { on.markDealtWith(k) }
        return
      }
      switch key {
      case "longer_than":
        if let n = on.int(key, in: 1...100_000) {
          reactions.append(
            .init(trigger: .longerThan(n.value), triggerID: nil, mood: mood, patience: patience))
        }
      case "met", "violated":
        if let id = on.string(key) {
          let trigger: ReactionTrigger = key == "met" ? .met(id.value) : .violated(id.value)
          reactions.append(.init(trigger: trigger, triggerID: id, mood: mood, patience: patience))
        }
      case "per_minute":
        _ = on.value(key)
        reactions.append(.init(trigger: .perMinute, triggerID: nil, mood: mood, patience: patience))
      default:
        _ = on.value(key)
        reactions.append(.init(trigger: .wait, triggerID: nil, mood: mood, patience: patience))
      }
    }
    self.reactions = reactions
    var lines: [LineDocument] = []
    r.list("lines") { item, _ in
      if let line = LineDocument(item) { lines.append(line) }
    }
    self.lines = lines
  }
}

/// The `version:` every file carries, and the policy for it.
enum FormatVersion {
  /// The only version this build reads.
  static let current = 1

  static func check(_ r: MapReader) {
    guard let version = r.int("version", required: true) else { return }
    if version.value != current {
      r.sink.error(
        at: version.mark, "version", .unsupportedVersion(found: version.value, supported: current))
    }
  }
}
