import VisitCoachModel

/// Whether an utterance reports back on a promise the earlier visit left: it shares a content
/// word of two characters or more with the promise (金桥 and 限量 in 「上次说的金桥限量我问了」
/// after 「金桥的限量我回去问清楚，周五前给您回个电话」). Words any sentence has (给您, 我们,
/// 回去) do not count.
struct PromiseRecall: Sendable {
  /// The promises, normalised, as characters.
  let promises: [(text: String, characters: [Character])]

  init(previous: PreviousVisit?) {
    promises = (previous?.promisesToKeep ?? []).map { promise in
      (promise, Array(TextNormalizer.normalize(promise)))
    }
  }

  var isEmpty: Bool { promises.isEmpty }

  /// The first promise the normalised utterance shares content words with, and those words
  /// (longest first, joined by 、).
  func recalled(in normalized: String) -> (promise: String, words: String)? {
    let said = Array(normalized)
    for promise in promises {
      let shared = Self.sharedWords(said, promise.characters)
      if !shared.isEmpty { return (promise.text, shared.joined(separator: "、")) }
    }
    return nil
  }

  /// Maximal runs of two characters or more that both texts contain, without clause marks and
  /// function words, longest first.
  static func sharedWords(_ a: [Character], _ b: [Character]) -> [String] {
    guard a.count >= 2, b.count >= 2 else { return [] }
    var found: [String] = []
    var i = 0
    while i < a.count - 1 {
      var best = 0
      for j in 0..<(b.count - 1) {
        var k = 0
        while i + k < a.count, j + k < b.count, a[i + k] == b[j + k], a[i + k] != "|" { k += 1 }
        best = max(best, k)
      }
      if best >= 2 {
        let word = String(a[i..<(i + best)])
        if !functionWords.contains(word) && !found.contains(word) { found.append(word) }
        i += best
      } else {
        i += 1
      }
    }
    return found.sorted { $0.count > $1.count }
  }

  /// Two-character words that any promise and any report share.
  static let functionWords: Set<String> = [
    "给您", "给你", "我们", "咱们", "回去", "一下", "您的", "你的", "这个", "那个", "我们的", "一定", "时候", "什么",
    "的话", "就是", "还是", "已经", "可以", "我给", "我去", "我再", "我回", "我就", "我会", "您说", "你说", "老板",
  ]
}

extension PreviousVisit {
  /// What a finished visit leaves for the next visit of its series: the record the trainee
  /// wrote, and every utterance the scorer credited as a promise (a criterion marked
  /// `promise`), in the order they were said: the same promises the record measure checks.
  public static func left(
    by transcript: Transcript, report: ScoreReport, scenario: Scenario, sessionID: String?,
    when: String
  ) -> PreviousVisit {
    let promiseIDs = Set(scenario.checks.filter(\.isPromise).map(\.id))
    var said: [(turn: Int, text: String)] = []
    for area in report.areas {
      for finding in area.criteria
      where promiseIDs.contains(finding.id)
        && (finding.status == .met || finding.status == .partial)
      {
        for e in finding.evidence where e.turn > 0 && !said.contains(where: { $0.turn == e.turn }) {
          said.append((e.turn, e.utterance))
        }
      }
    }
    return PreviousVisit(
      when: when, record: transcript.record,
      promises: said.sorted { $0.turn < $1.turn }.map(\.text), sessionID: sessionID)
  }
}
