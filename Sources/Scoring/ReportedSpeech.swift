/// Words someone else said or asked, reported without quotation marks: 「人家问不伤身的」,
/// 「孩子说满十八了」. A fault there is theirs, not the trainee's (with quotation marks the
/// same holds for every check; see ``PreparedUtterance/quotedSpans(_:)``). What the trainee
/// tells someone to say (跟他说…, 您就说…) is not reported: it is their own advice.
enum ReportedSpeech {
  /// Who may be reported: customers, other people, a child, a third person.
  private static let speakers = ByteWords([
    "客人", "顾客", "买烟的", "人家", "有人", "别人", "孩子", "小孩", "他们", "她们", "他", "她",
  ])
  /// Verbs that report what they said or asked.
  private static let verbs = ByteWords(["问", "说", "讲", "嫌"])
  /// A speaker after one of these, anywhere earlier in the clause, is told, not reported
  /// (跟他说, 您跟这位客人说, 告诉客人说, 让客人问).
  private static let telling = ByteWords([
    "跟", "对", "给", "和", "替", "叫", "让", "帮", "教", "同", "告诉",
  ])
  /// After the verb, these make it a judgement on what was said (说得对, 说的对), not a report.
  private static let judging = ByteWords(["得", "的"])
  /// Where the trainee's own words resume: a consequence or a person addressed
  /// (孩子说满十八了那就卖).
  private static let stops = ByteWords(["就", "那", "您", "你", "咱", "我"])

  /// Byte ranges of reported words: from after the verb to the end of the clause, a quotation
  /// mark or a stop word.
  static func spans(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var i = 0
    while i < bytes.count {
      guard bytes[i] >= 0xE0, let speaker = speakers.match(bytes, at: i) else {
        i += 1
        continue
      }
      let verbAt = i + speaker
      guard let verb = verbs.match(bytes, at: verbAt),
        !isTold(bytes, speakerAt: i),
        judging.match(bytes, at: verbAt + verb) == nil
      else {
        i += speaker
        continue
      }
      let start = verbAt + verb
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "|")
        && bytes[end] != TextNormalizer.quote && stops.match(bytes, at: end) == nil
      {
        end += 1
      }
      if end > start { spans.append(start..<end) }
      i = max(end, start)
    }
    return spans
  }

  /// Whether a telling word stands between the start of the clause and the speaker.
  private static func isTold(_ bytes: UnsafeBufferPointer<UInt8>, speakerAt: Int) -> Bool {
    var start = speakerAt
    while start > 0 && bytes[start - 1] != UInt8(ascii: "|")
      && bytes[start - 1] != TextNormalizer.quote
    {
      start -= 1
    }
    for at in start..<speakerAt where bytes[at] >= 0xE0 {
      if telling.match(bytes, at: at) != nil { return true }
    }
    return false
  }

}
