import Foundation

/// What an earlier visit to the same store left for this one: the visit record the trainee
/// wrote then, and the words in which they promised something. In a series
/// (`scenarios/series/`) it is what the trainee really did in the visit before; a visit played
/// on its own uses the scenario's `previous:` instead. The brief shows it, retailer lines quote
/// it (`{previous.promise}`), and a criterion marked `recalls_promise` counts only when the
/// trainee reports back on it.
public struct PreviousVisit: Sendable, Hashable, Codable {
  /// When the earlier visit was, as the brief says it (上周二).
  public var when: String
  /// The visit record written after the earlier visit, if one was.
  public var record: VisitRecord?
  /// What the trainee said in the earlier visit that made a promise, in their own words.
  public var promises: [String]
  /// The stored session of the earlier visit, when it was played in a series.
  public var sessionID: String?

  /// What an earlier visit left: when it was, its record, the promises said (in the trainee's
  /// words) and, in a series, its stored session.
  public init(when: String, record: VisitRecord?, promises: [String], sessionID: String? = nil) {
    self.when = when
    self.record = record
    self.promises = promises
    self.sessionID = sessionID
  }

  /// Every promise the retailer can hold the trainee to: the promises said, else the record's
  /// promises field; blank ones (only spaces or punctuation) are none.
  public var promisesToKeep: [String] {
    let said = promises.filter(Self.hasWords)
    if !said.isEmpty { return said }
    let written = record?.promises ?? ""
    return Self.hasWords(written) ? [written] : []
  }

  /// Whether the visit left anything to follow: a promise, or a record with something in it.
  public var isEmpty: Bool {
    promisesToKeep.isEmpty && !(record?.fields.contains(where: Self.hasWords) ?? false)
  }

  private static func hasWords(_ text: String) -> Bool {
    text.contains { $0.isLetter || $0.isNumber }
  }

  /// The placeholder of the first promise, in the trainee's words.
  public static let promisePlaceholder = "previous.promise"
  /// The placeholder of when the earlier visit was.
  public static let whenPlaceholder = "previous.when"
  /// The placeholders a retailer line may use.
  public static let placeholders = [promisePlaceholder, whenPlaceholder]

  /// The longest promise a retailer quotes, in characters; a longer one keeps its end, where
  /// the date usually is (……周四下午之前给您回话).
  public static let quotedLength = 40

  /// `text` with `{previous.promise}` (the first promise, its last ``quotedLength``
  /// characters when longer) and `{previous.when}` filled in.
  public func filling(_ text: String) -> String {
    guard text.contains("{previous.") else { return text }
    var promise = promisesToKeep.first ?? ""
    while let last = promise.last, Self.clauseMarks.contains(last) || last == " " {
      promise.removeLast()
    }
    if promise.count > Self.quotedLength { promise = "……" + Self.ending(of: promise) }
    return
      text
      .replacingOccurrences(of: "{\(Self.promisePlaceholder)}", with: promise)
      .replacingOccurrences(of: "{\(Self.whenPlaceholder)}", with: when.isEmpty ? "上次" : when)
  }

  /// The last whole clauses of `promise` that fit in ``quotedLength`` characters (or its last
  /// characters when even the last clause is longer).
  static func ending(of promise: String) -> String {
    var clauses: [Substring] = promise.split(omittingEmptySubsequences: true) {
      clauseMarks.contains($0)
    }
    var kept: [Substring] = []
    var length = 0
    while let last = clauses.popLast(), length + last.count + (kept.isEmpty ? 0 : 1) <= quotedLength
    {
      kept.insert(last, at: 0)
      length += last.count + (kept.count > 1 ? 1 : 0)
    }
    return kept.isEmpty ? String(promise.suffix(quotedLength)) : kept.joined(separator: "，")
  }

  /// Marks that end a clause of a promise.
  public static let clauseMarks: Set<Character> = ["，", ",", "；", ";", "。", "！", "!", "？", "?"]

  enum CodingKeys: String, CodingKey {
    case when, record, promises
    case sessionID = "session"
  }
}
