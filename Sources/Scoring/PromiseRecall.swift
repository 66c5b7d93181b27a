import VisitCoachModel

/// Whether an utterance reports back on a promise the earlier visit left: it shares a run of
/// characters with the promise that holds two content characters or more (金桥 and 限量 in
/// 「上次说的金桥限量我问了」 after 「金桥的限量我回去问清楚，周五前给您回个电话」). Runs made of
/// what any promise says (给您回个电话, 周五前, 邓姐) do not count, so a new promise is no report
/// on the old one.
struct PromiseRecall: Sendable {
  /// The promises, normalised, as characters.
  let promises: [(text: String, characters: [Character])]

  init(previous: PreviousVisit?) {
    promises = (previous?.promisesToKeep ?? []).map { promise in
      (promise, Array(TextNormalizer.normalize(promise)))
    }
  }

  var isEmpty: Bool { promises.isEmpty }

  /// The first promise the normalised utterance shares content words with, and those words,
  /// longest first.
  func recalled(in normalized: String) -> (promise: String, words: [String])? {
    let said = Array(normalized)
    for promise in promises {
      let shared = Self.sharedWords(said, promise.characters)
      if !shared.isEmpty { return (promise.text, shared) }
    }
    return nil
  }

  /// Maximal runs that both texts contain, without clause marks, holding two content
  /// characters or more, longest first.
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
        let run = a[i..<(i + best)]
        let word = String(run)
        if run.filter({ !genericCharacters.contains($0) }).count >= 2 && !found.contains(word) {
          found.append(word)
        }
        i += best
      } else {
        i += 1
      }
    }
    return found.sorted { $0.count > $1.count }
  }

  /// Characters any promise and any report are made of: people and address, the promise's own
  /// verbs and times, numbers and particles. A shared run needs two characters besides these.
  static let genericCharacters: Set<Character> = Set(
    "我你您他她它们咱姐哥叔姨婶伯爷奶老板给回话电个打前后周礼拜星期天日号月点上下午明今后这那的了着过一二三四五六七八九十两几就去再来问说事会能要把和跟先还都也又呢吧啊哈嘛呀好行对是有没不在到时候次回头清楚下面"
  )
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
          said.append((e.turn, promiseClauses(of: e)))
        }
      }
    }
    return PreviousVisit(
      when: when, record: transcript.record,
      promises: said.sorted { $0.turn < $1.turn }.map(\.text), sessionID: sessionID)
  }

  /// The clauses of the evidence's utterance that hold the words that made it a promise (the
  /// address and the small talk around them left out); the whole utterance when none does.
  private static func promiseClauses(of e: Evidence) -> String {
    let words = e.text.split(separator: "、").map(String.init).filter { !$0.isEmpty }
    let clauses = e.utterance.split { PreviousVisit.clauseMarks.contains($0) }
    let kept = clauses.filter { clause in words.contains { clause.contains($0) } }
    return kept.isEmpty ? e.utterance : kept.joined(separator: "，")
  }
}
