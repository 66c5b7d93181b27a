/// Whether an utterance takes up what the retailer just said: the test behind `picks_up`
/// criteria (a follow-up question asks about the answer, not the next item on a list).
///
/// It takes it up when it repeats a word of that line (two characters or more, not a
/// function word such as 我们 or 这个), or opens with a take-up (那…, 这么说, 您是说).
/// Deterministic, and it names what it found, for the evidence.
enum HeardEcho {
  /// Openings that tie an utterance to the line before it.
  private static let takeUps = ["这么说", "照您说", "按您说", "您是说", "你是说", "您刚说", "您刚才说", "您说的", "那"]
  /// Interjections an opening may start with.
  private static let interjections: Set<Character> = [
    "哦", "噢", "喔", "嗯", "啊", "哈", "好", "呀", "哎", "诶",
  ]
  /// Two-character words too common to show that a line was taken up.
  private static let functionWords: Set<String> = [
    "我们", "你们", "您们", "他们", "咱们", "这个", "那个", "一个", "一下", "什么", "怎么", "没有", "就是", "还是",
    "可以", "现在", "不是", "知道", "时候", "的话", "这么", "那么", "这样", "那样", "一样", "自己", "还有",
    "已经", "因为", "所以", "但是", "如果", "然后", "这儿", "那儿", "这边", "那边", "一点", "是不", "有个",
    "个人", "我的", "你的", "您的", "了吧", "的吧", "也是", "都是", "不了", "好的", "老板", "我说", "你说",
    "您说", "说的",
  ]

  /// What ties `utterance` (normalised) to `heard` (as said): the shared word or the take-up,
  /// or nil when nothing does or nothing was heard.
  static func takeUp(in utterance: String, of heard: String) -> String? {
    let line = Array(TextNormalizer.normalize(heard))
    guard !line.isEmpty else { return nil }
    let said = Array(utterance)
    var start = 0
    while start < said.count && interjections.contains(said[start]) { start += 1 }
    while start < said.count && said[start] == "|" { start += 1 }
    let opening = String(said[start...].prefix(4))
    if let marker = takeUps.first(where: { opening.hasPrefix($0) }) { return marker }
    var heardWords = Set<String>()
    for i in line.indices.dropLast() where isWordCharacter(line[i]) && isWordCharacter(line[i + 1])
    {
      heardWords.insert(String(line[i...i + 1]))
    }
    for i in said.indices.dropLast() where isWordCharacter(said[i]) && isWordCharacter(said[i + 1])
    {
      let word = String(said[i...i + 1])
      if heardWords.contains(word) && !functionWords.contains(word) { return word }
    }
    return nil
  }

  private static func isWordCharacter(_ c: Character) -> Bool {
    c != "|" && c != Character(UnicodeScalar(TextNormalizer.quote))
  }
}
