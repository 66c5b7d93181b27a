import Foundation
import VisitCoachModel

/// Writes a ``StoredReport/Outcome`` as the bytes Foundation's `JSONEncoder` gives it (sorted
/// keys, slashes unescaped), without going through `Encodable`.
///
/// Making a report ready for storing is done for every session `rescore` touches, and the
/// generic encoder spent seven tenths of that time looking up types and wrapping values (a
/// profile of `rescore --all --force`). The outcome's shape is fixed and small, so it is written
/// directly here; the two rarely present parts with many cases (an evidence's note and basis)
/// and a turn log that differs from the stored turns still go through `JSONEncoder`. Reading
/// stays with `JSONDecoder`, so the stored format is the one the `Codable` conformance defines,
/// and a test compares these bytes with `JSONEncoder`'s for every shipped sample report.
struct OutcomeJSON {
  private(set) var bytes: [UInt8] = []

  /// The outcome's JSON; the same bytes `encoder` would write.
  static func encode(_ outcome: StoredReport.Outcome, encoder: JSONEncoder) throws -> [UInt8] {
    if outcome.turns != nil { return Array(try encoder.encode(outcome)) }
    var json = OutcomeJSON()
    json.bytes.reserveCapacity(2_048)
    json.raw("{\"blockers\":")
    json.strings(outcome.blockers)
    json.raw(",\"clock\":")
    json.number(outcome.clock)
    if let earned = outcome.earned {
      json.raw(",\"earned\":")
      json.string(earned)
    }
    json.raw(",\"endedBy\":")
    json.string(outcome.endedBy.rawValue)
    json.raw(",\"evidence\":[")
    for (i, item) in outcome.evidence.enumerated() {
      if i > 0 { json.raw(",") }
      json.raw("{\"evidence\":[")
      for (j, e) in item.evidence.enumerated() {
        if j > 0 { json.raw(",") }
        try json.evidence(e, encoder: encoder)
      }
      json.raw("],\"finding\":")
      json.number(item.finding)
      json.raw("}")
    }
    json.raw("],\"hintsUsed\":")
    json.strings(outcome.hintsUsed)
    json.raw(",\"passed\":")
    json.raw(outcome.passed ? "true" : "false")
    json.raw(",\"points\":")
    json.string(outcome.points)
    json.raw(",\"scores\":[")
    for (i, score) in outcome.scores.enumerated() {
      if i > 0 { json.raw(",") }
      if let score { json.number(score) } else { json.raw("null") }
    }
    json.raw("],\"seed\":")
    json.raw(String(outcome.seed))
    json.raw(",\"sizes\":[")
    for (i, size) in outcome.sizes.enumerated() {
      if i > 0 { json.raw(",") }
      json.number(size)
    }
    json.raw("],\"statuses\":")
    json.string(outcome.statuses)
    json.raw(",\"total\":")
    json.number(outcome.total)
    json.raw(",\"utterancesAreTurns\":")
    json.raw(outcome.utterancesAreTurns ? "true" : "false")
    json.raw("}")
    return json.bytes
  }

  /// One evidence record, its keys in sorted order.
  private mutating func evidence(_ e: Evidence, encoder: JSONEncoder) throws {
    raw("{")
    if let basis = e.basis {
      raw("\"basis\":")
      bytes.append(contentsOf: try encoder.encode(basis))
      raw(",")
    }
    if let note = e.note {
      raw("\"note\":")
      bytes.append(contentsOf: try encoder.encode(note))
      raw(",")
    }
    raw("\"text\":")
    string(e.text)
    raw(",\"turn\":")
    number(e.turn)
    raw(",\"utterance\":")
    string(e.utterance)
    raw("}")
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  private mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

  private mutating func number(_ value: Int) { raw(String(value)) }

  private mutating func strings(_ values: [String]) {
    raw("[")
    for (i, value) in values.enumerated() {
      if i > 0 { raw(",") }
      string(value)
    }
    raw("]")
  }

  /// A JSON string as `JSONEncoder` writes it: quote, backslash and control characters escaped
  /// (the short forms for backspace, tab, line feed, form feed and carriage return, `\u00xx`
  /// with lower-case hex for the rest), everything else as its UTF-8 bytes.
  private mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      var start = 0
      for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
        start = i + 1
        switch byte {
        case 0x22: raw("\\\"")
        case 0x5C: raw("\\\\")
        case 0x08: raw("\\b")
        case 0x09: raw("\\t")
        case 0x0A: raw("\\n")
        case 0x0C: raw("\\f")
        case 0x0D: raw("\\r")
        default:
          raw("\\u00")
          bytes.append(Self.hexDigits[Int(byte >> 4)])
          bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
