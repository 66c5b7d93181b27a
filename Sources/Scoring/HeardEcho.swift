/// Whether an utterance takes up what the retailer just said: the test behind `picks_up`
/// criteria (a follow-up question asks about the answer, not the next item on a list).
///
/// It takes it up when it repeats a word of that line (two characters or more, not a
/// function word such as 我们 or 这个), or opens with a take-up (那…, 这么说, 您是说).
/// Deterministic, and it names what it found, for the evidence.
enum HeardEcho {
  /// Openings that tie an utterance to the line before it.
  private static let takeUps = [
    "这么说", "照您说", "按您说", "您是说", "你是说", "您刚说", "您刚才说", "您说的", "上回您说", "您上回说", "那",
  ]
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

  private static let functionPairs: Set<UInt64> = Set(
    functionWords.map {
      let pair = Array($0.unicodeScalars)
      return key(pair[0], pair[1])
    })
  /// Characters that carry no content of their own: two of them side by side (们这, 个了) are
  /// the seam between words, not a word taken up.
  private static let functionCharacters: Set<Unicode.Scalar> = Set(
    "们的了是个这那我你您他她它咱就都也还吗呢吧啊呀在有不没一上下来去说要会能得地着过把被让给跟和".unicodeScalars)

  /// What ties `utterance` (normalised) to `heard` (as said): the shared word or the take-up,
  /// or nil when nothing does or nothing was heard. Works on scalars, two-character words as
  /// 64-bit keys: it runs on most questions of a visit.
  static func takeUp(in utterance: String, of heard: String) -> String? {
    guard !heard.isEmpty else { return nil }
    let line = Array(TextNormalizer.normalize(heard).unicodeScalars)
    guard !line.isEmpty else { return nil }
    let said = Array(utterance.unicodeScalars)
    var start = 0
    while start < said.count && interjections.contains(Character(said[start])) { start += 1 }
    while start < said.count && said[start] == "|" { start += 1 }
    if start < said.count {
      var opening = String.UnicodeScalarView()
      opening.append(contentsOf: said[start..<min(said.count, start + 4)])
      let text = String(opening)
      if let marker = takeUps.first(where: { text.hasPrefix($0) }) { return marker }
    }
    var heardPairs = Set<UInt64>()
    for i in line.indices.dropLast() where isWord(line[i]) && isWord(line[i + 1]) {
      heardPairs.insert(key(line[i], line[i + 1]))
    }
    for i in said.indices.dropLast() where isWord(said[i]) && isWord(said[i + 1]) {
      let pair = key(said[i], said[i + 1])
      if heardPairs.contains(pair) && !functionPairs.contains(pair)
        && !(functionCharacters.contains(said[i]) && functionCharacters.contains(said[i + 1]))
      {
        var word = String.UnicodeScalarView()
        word.append(contentsOf: said[i...i + 1])
        return String(word)
      }
    }
    return singleEcho(said[start...], line)
  }

  /// Words that ask about what was just said: a one-character echo counts next to one of them.
  private static let askingWords: Set<Unicode.Scalar> = Set("哪多几啥咋怎谁吗么".unicodeScalars)
  /// Characters a visit says all the time: sharing one of them with the retailer's line shows
  /// nothing (烟 in 「新品烟有几条」 after 「烟卖得一般」).
  private static let commonCharacters: Set<Unicode.Scalar> = Set(
    "烟条包盒货卖买进订店价钱块元好大小多少今天月年人客".unicodeScalars)

  /// A one-character echo in the opening clause, next to a question word: 「卡在哪一步？」 after
  /// 「订货老卡」, 「淡了有多久了？」 after 「生意淡」. The character carries content, is not
  /// one every visit says, and stands at most two characters from the question word.
  private static func singleEcho(_ said: ArraySlice<Unicode.Scalar>, _ line: [Unicode.Scalar])
    -> String?
  {
    let clause = Array(said.prefix { $0 != "|" })
    let heard = Set(line)
    for (i, c) in clause.enumerated()
    where c.value >= 0x4E00 && c.value <= 0x9FFF && heard.contains(c)
      && !functionCharacters.contains(c) && !commonCharacters.contains(c)
      && !interjections.contains(Character(c)) && !askingWords.contains(c)
    {
      let near = clause[max(0, i - 2)..<min(clause.count, i + 3)]
      if near.contains(where: { askingWords.contains($0) }) { return String(Character(c)) }
    }
    return nil
  }

  private static func key(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
    UInt64(first.value) << 32 | UInt64(second.value)
  }

  private static func isWord(_ c: Unicode.Scalar) -> Bool {
    c != "|" && c.value != UInt32(TextNormalizer.quote)
  }
}
