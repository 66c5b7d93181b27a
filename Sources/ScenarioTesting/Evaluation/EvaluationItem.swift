import Foundation

/// The retailer an evaluation item is about (the calibration format's `retailer` object).
public struct EvaluationRetailer: Sendable, Hashable, Codable {
  public var traits: [String]
  /// young, middle or elderly.
  public var ageBand: String
  /// male or female.
  public var gender: String
  /// calm or angry.
  public var mood: String
  /// owner or assistant.
  public var role: String

  enum CodingKeys: String, CodingKey {
    case traits, gender, mood, role
    case ageBand = "age_band"
  }
}

/// What every labelled item says about the moment of the utterance.
public struct EvaluationContext: Sendable, Hashable {
  public var id: String
  /// greeting, opening, inquiry, stock, display, service, brand, complaint, farewell or
  /// compliance.
  public var area: String
  public var retailer: EvaluationRetailer
  /// Scene tags: customers_at_counter, on_phone, eating, restocking, closing_up,
  /// minor_at_counter, first_visit, repeat_visit.
  public var situation: [String]
  /// The trainee's earlier lines in this visit.
  public var context: [String]
  /// The retailer's last line ("" when none).
  public var retailerSaid: String
}

/// One labelled item: a preference pair or an utterance with judgements.
public enum EvaluationItem: Sendable, Hashable {
  /// `better` is clearly better than `worse` to an experienced trainer.
  case pair(EvaluationContext, better: String, worse: String, why: String, tags: [String])
  /// `judgements[criterion]` is true when the behaviour (or fault) is present in `utterance`.
  case label(EvaluationContext, utterance: String, judgements: [String: Bool])

  public var context: EvaluationContext {
    switch self {
    case .pair(let c, _, _, _, _), .label(let c, _, _): return c
    }
  }
}

/// A problem in an evaluation file, with its line.
public struct EvaluationFileError: Error, CustomStringConvertible, Sendable {
  public var file: String
  public var line: Int
  public var message: String

  public var description: String { "\(file):\(line): \(message)" }
}

/// Reads labelled items from JSON Lines: the format of `../shared/calibration` and of
/// `scenarios/evaluation/` (docs/Evaluation.md).
public enum EvaluationFile {
  private struct Row: Decodable {
    var id: String
    var area: String
    var retailer: EvaluationRetailer
    var situation: [String]?
    var context: [String]?
    var retailerSaid: String?
    var better: String?
    var worse: String?
    var why: String?
    var tags: [String]?
    var utterance: String?
    var judgements: [String: Bool]?

    enum CodingKeys: String, CodingKey {
      case id, area, retailer, situation, context, better, worse, why, tags, utterance, judgements
      case retailerSaid = "retailer_said"
    }
  }

  /// The items of one file; every malformed line is an error naming the line.
  public static func read(_ text: String, file: String) throws -> [EvaluationItem] {
    var items: [EvaluationItem] = []
    let decoder = JSONDecoder()
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed.isEmpty { continue }
      let row: Row
      do {
        row = try decoder.decode(Row.self, from: Data(trimmed.utf8))
      } catch {
        throw EvaluationFileError(
          file: file, line: offset + 1, message: "not an evaluation item: \(error)")
      }
      let context = EvaluationContext(
        id: row.id, area: row.area, retailer: row.retailer, situation: row.situation ?? [],
        context: row.context ?? [], retailerSaid: row.retailerSaid ?? "")
      if let better = row.better, let worse = row.worse {
        items.append(
          .pair(context, better: better, worse: worse, why: row.why ?? "", tags: row.tags ?? []))
      } else if let utterance = row.utterance, let judgements = row.judgements {
        items.append(.label(context, utterance: utterance, judgements: judgements))
      } else {
        throw EvaluationFileError(
          file: file, line: offset + 1,
          message:
            "an item has either 'better' and 'worse' (a pair) or 'utterance' and 'judgements' (labels)"
        )
      }
    }
    return items
  }
}
