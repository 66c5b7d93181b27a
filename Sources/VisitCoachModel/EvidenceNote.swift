/// What a measured piece of evidence found, as data: the scorer decides it, and the report
/// words it in the reader's language (``Evidence/note``). Words found in an utterance need no
/// note; their evidence is the words.
public enum EvidenceNote: Sendable, Hashable, Codable {
  /// Done `count` times where `needed` are required (`met_times`).
  case timesDone(count: Int, needed: Int)
  /// Said, but the item the words promise was not packed (`with_item`).
  case saidWithoutItem(item: String)
  /// Time spent in the criterion's phases against a bound (`phase_seconds_at_most/least`).
  case phaseTime(seconds: Int, limit: Int, atMost: Bool)
  /// The longest utterance's length against a limit (`utterance_chars_at_most`).
  case longestUtterance(characters: Int, limit: Int)
  /// Whether the appearance was checked before leaving (`/ready`).
  case appearance(checked: Bool)
  /// Whether the trainee looked round (`/look`) before first speaking.
  case looked(first: Bool)
  /// The plan (`/plan`) against the visit's goals; `stated` is false when there was none.
  case planCoverage(goals: Int, covered: Int, stated: Bool)
  /// A goal the plan left out, and why it mattered.
  case planMissing(reason: String)
  /// The bag (`/pack`) against what the visit needs; `packedAnything` is false when empty.
  case bagCoverage(needed: Int, packed: Int, packedAnything: Bool)
  /// A needed item left behind, and why it was needed.
  case bagMissing(item: String, reason: String)
  /// A field of the visit record and its length in characters.
  case recordLength(field: RecordField, characters: Int)
  /// The retailer's requests found in the record.
  case recordedRequests([String])
  /// Promises made in the visit against those the record carries.
  case promisesRecorded(promised: Int, recorded: Int, dated: Bool)
  /// One promise, carried by the record or not.
  case promise(recorded: Bool)
  /// The stock was counted without asking first.
  case countedWithoutAsking

  /// The fields of the visit record a note can name.
  public enum RecordField: String, Sendable, Hashable, Codable {
    case content, nextGoal
  }
}
