import Foundation
import VisitCoachModel

extension FormatRegistry.Record {
  /// A JSON Schema (draft 2020-12) for files of `document`, or for any of the format's files
  /// when `document` is nil (each kind under `$defs`, the file one of them). Keys the reader
  /// does not know are not allowed, as `check` does not allow them; the keys authors name
  /// (phase ids, condition names, families) are free.
  public func jsonSchema(for document: DocumentKind? = nil) -> String {
    var defs: [String: Any] = ["condition": object(.scenario, "condition")]
    var root: [String: Any] = [
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://visitcoach.example/schema/\(document?.rawValue ?? "visitcoach").json",
    ]
    let kinds = document.map { [$0] } ?? DocumentKind.allCases
    for kind in kinds where keys[.init(document: kind, path: "")] != nil {
      defs[kind.rawValue] = object(kind, "")
    }
    if let document {
      root["title"] = "VisitCoach \(document.rawValue) file"
      root["$ref"] = "#/$defs/\(document.rawValue)"
    } else {
      root["title"] = "VisitCoach file (scenario, trait, rubric, lexicon, catalogue or test)"
      root["anyOf"] = defs.keys.filter { $0 != "condition" }.sorted().map {
        ["$ref": "#/$defs/\($0)"]
      }
    }
    root["$defs"] = defs
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    else { return "{}" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  private func object(_ document: DocumentKind, _ path: String) -> [String: Any] {
    let section = FormatRegistry.Section(document: document, path: path)
    var properties: [String: Any] = [:]
    for (key, kind) in keys[section] ?? [:] {
      properties[key] = schema(kind, document, path.isEmpty ? key : "\(path).\(key)")
    }
    var out: [String: Any] = ["type": "object"]
    if !properties.isEmpty { out["properties"] = properties }
    if let valueKind = open[section] {
      out["additionalProperties"] = schema(
        valueKind, document, path.isEmpty ? "*" : "\(path).*")
    } else if !properties.isEmpty {
      out["additionalProperties"] = false
    }
    // A section no file of the library reached stays open: the schema knows nothing of it, and
    // must not underline keys `check` accepts.
    return out
  }

  private func schema(_ kind: FormatRegistry.ValueKind, _ document: DocumentKind, _ path: String)
    -> [String: Any]
  {
    switch kind {
    case .any: return [:]
    case .text: return ["type": ["string", "number"]]
    case .integer(let range):
      var out: [String: Any] = ["type": "integer"]
      if let range {
        out["minimum"] = range.lowerBound
        out["maximum"] = range.upperBound
      }
      return out
    case .number(let range):
      return ["type": "number", "minimum": range.lowerBound, "maximum": range.upperBound]
    case .boolean: return ["type": "boolean"]
    case .choice(let choices): return ["enum": choices]
    case .texts:
      // A number is a text too (12313, a phone number's tail).
      let text: [String: Any] = ["type": ["string", "number"]]
      return ["anyOf": [text, ["type": "array", "items": text]]]
    case .list: return ["type": "array", "items": object(document, path + "[]")]
    case .mapping: return object(document, path)
    case .condition: return ["$ref": "#/$defs/condition"]
    case .range:
      return [
        "anyOf": [
          ["type": "integer", "minimum": 0],
          [
            "type": "string",
            "pattern": "^\\s*(low|mid|high|[<>]=?\\s*\\d+|\\d+\\s*(-\\s*\\d+)?)\\s*$",
          ],
        ]
      ]
    }
  }
}
