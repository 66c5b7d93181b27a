/// Decides whether a phrase occurrence is negated by the words before it in its clause, so that
/// "我不是来推销的" does not count as pushing, "明天上午我肯定不会给您回话的" is no promise and
/// "不好意思" is not read as "好".
///
/// A phrase is negated when a negator (不, 没, 别, 未, 无需, 不用, 不是, 不要, 不会, ...) stands
/// before it in the same clause with at most ``scope`` characters between ("不会给您回话").
/// What does not count:
/// - words that merely contain a negator character (特别, 告别, 差不多) and A-not-A questions
///   (有没有客人问, 是不是, 行不行), which ask rather than deny;
/// - idioms that start with a negator but deny nothing (不好意思, 没问题, 不客气, 不错);
/// - a double negation (不会不管, 不能不说), which affirms;
/// - anything past a clause boundary, a quotation mark, or a turn such as 而是 / 但是 / 可是
///   ("不是不管，而是明天就给您换": the change is promised).
/// It works on the UTF-8 bytes of normalised text and allocates nothing.
public enum NegationGuard {
  /// Characters that may stand between a negator and the phrase it negates.
  public static let scope = 3

  private static let negators: [[UInt8]] = [
    "无需", "不用", "不是", "不要", "不会", "不能", "没有", "并非", "不必", "不许", "不准", "禁止", "不", "没", "别",
    "未", "勿", "莫", "甭",
  ].map { Array($0.utf8) }
  /// Two-character words whose second character is a negator but that negate nothing.
  private static let falseNegators: [[UInt8]] = [
    "特别", "分别", "区别", "告别", "级别", "类别", "性别", "识别", "个别", "差不", "离别", "辨别",
  ].map { Array($0.utf8) }
  /// Words that start with a negator and deny nothing.
  private static let idioms: [[UInt8]] = [
    "不好意思", "没问题", "不客气", "别客气", "不错", "不少", "不断", "不仅", "不但", "不管怎么",
    "不论", "没事", "不一会", "不久", "不光",
    // "Otherwise" introduces a consequence, it denies nothing (不然下回罚您).
    "不然", "要不然",
    // Out of stock is a fact about the shelf, not a denial of what follows (没货就…).
    "没货", "没烟", "没了", "没有了",
    // 别 meaning "other", not "don't" (从别的户那匀两条, 别家卖多少).
    "别的", "别家", "别人", "别处", "别样", "别个",
  ].map { Array($0.utf8) }
  /// Verbs that take a potential complement (拿不准, 看不懂, 买不到): the 不 between them
  /// denies only the complement, not what the clause goes on to say (拿不准的就问身份证).
  private static let complementVerbs: Set<[UInt8]> = Set(
    "拿看买卖说记弄搞找想吃听学忙进订送等用收管顾保猜认分写算对查".map { Array(String($0).utf8) })
  private static let complements: Set<[UInt8]> = Set(
    "准到住懂清起动掉完惯透过来去开下进出上".map { Array(String($0).utf8) })
  /// Words after which what follows is asserted again: the negation before them ends there.
  /// 就 begins the consequence of a condition (不摆您就等着瞧, 拿不准的就问身份证) or a
  /// rhetorical question (不就是跟我没关系吗), and neither denies what follows it.
  private static let turns: [[UInt8]] = ["而是", "但是", "可是", "不过", "只是", "就"].map {
    Array($0.utf8)
  }

  /// Whether the occurrence starting at byte `start` of `bytes` (normalised text) is negated.
  /// With `lowerBound`, only a negator at or after that byte counts: the gap of a gapped phrase
  /// (我们没送错 is not 我们…送错), never the phrase's own first part.
  public static func isNegated(
    _ bytes: UnsafeBufferPointer<UInt8>, before start: Int, notBefore lowerBound: Int = 0
  ) -> Bool {
    var end = start
    // A 的 between the negator and the phrase (not after a person or 真/是, as in 不是我的问题,
    // 不是真的想推销): the denial may have stayed inside the modifier before it.
    var passedDe = false
    for gap in 0...scope {
      if gap > 0 {
        // Step back over one character, unless it is a clause boundary or a quotation mark.
        guard end > lowerBound, bytes[end - 1] != UInt8(ascii: "|"),
          bytes[end - 1] != TextNormalizer.quote
        else { return false }
        end -= 1
        while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        if end >= 3, end + 3 <= bytes.count, character(bytes, at: end) == deCharacter,
          !denialCarriers.contains(character(bytes, at: end - 3))
        {
          // 没有的话这烟不能卖: 的话 closes a condition, and what follows it is asserted.
          if end + 6 <= bytes.count, character(bytes, at: end + 3) == huaCharacter {
            return false
          }
          passedDe = true
        }
      }
      let room = end - lowerBound
      if turns.contains(where: { $0.count <= room && endsWith(bytes, at: end, $0) }) {
        return false
      }
      for negator in negators where negator.count <= room && endsWith(bytes, at: end, negator) {
        let from = end - negator.count
        if isFalseNegator(bytes, negatorStart: from) || isIdiom(bytes, at: from, before: start)
          || isPotentialComplement(bytes, negatorStart: from, before: start)
        {
          continue
        }
        // 不清楚的随时打电话, 没卖完的先退: a bare 不/没 before 的 denies only the modifier. 不是
        // and 没有 deny the whole noun phrase (没有正规的发票, 不是正规的货).
        if passedDe && negator.count == 3 { return false }
        return !isDoubled(bytes, negatorStart: from)
      }
    }
    return false
  }

  /// Whether the occurrence ending at byte `end` is denied by a potential complement right
  /// after it: 免不了 (cannot be waived), 给您换不了, 保证不了, 办不成, 找不到. The phrase's last
  /// word is the verb, and 不 + complement says it cannot happen. Verbs whose 不了 is an
  /// assurance (少不了您的, 忘不了, 错不了, 亏不了, 跑不了) are not denied, nor 对不起, nor a
  /// verb already done (订了不到十条).
  public static func isDeniedAfter(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
    guard end >= 3, end + 6 <= bytes.count, startsWith(bytes, at: end, notCharacter),
      deniedComplements.contains(character(bytes, at: end + 3))
    else { return false }
    // 不了解, 不到位 and the like start a word of their own.
    if end + 9 <= bytes.count,
      deniedComplementWords.contains(where: { startsWith(bytes, at: end + 3, $0) })
    {
      return false
    }
    return !assuranceVerbs.contains(character(bytes, at: end - 3))
  }

  /// The three-byte (CJK) character at `at`, as one number: set lookups without an array.
  private static func character(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> UInt32 {
    UInt32(bytes[at]) << 16 | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2])
  }
  private static func characters(_ text: String) -> Set<UInt32> {
    Set(
      text.map { c in
        let b = Array(String(c).utf8)
        return UInt32(b[0]) << 16 | UInt32(b[1]) << 8 | UInt32(b[2])
      })
  }
  private static let deniedComplements = characters("了成到掉动起完")
  private static let deCharacter = characters("的").first!
  private static let huaCharacter = characters("话").first!
  private static let denialCarriers = characters("真是我你您他她它们咱谁")
  private static let askingMarks = characters("不没")

  /// Whether a phrase ending at `end` stops inside an A-not-A question (要不|要, 是不|是,
  /// 有没|有): its last character is 不 or 没 and the character before it comes again right
  /// after. The phrase then reads half of a question as a word of its own (要不 "otherwise" in
  /// 要不要多订一条).
  public static func endsInsideAskingPair(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
    isAskingPair(bytes, markAt: end - 3)
  }

  /// Whether the 不 or 没 at byte `markAt` is the middle of an A-not-A question: the same
  /// (three-byte) character right before and right after it (要不要, 是不是, 有没有).
  static func isAskingPair(_ bytes: UnsafeBufferPointer<UInt8>, markAt: Int) -> Bool {
    guard markAt >= 3, markAt + 6 <= bytes.count, bytes[markAt] >= 0xE0, bytes[markAt - 3] >= 0xE0,
      askingMarks.contains(character(bytes, at: markAt))
    else { return false }
    return character(bytes, at: markAt - 3) == character(bytes, at: markAt + 3)
  }
  private static let deniedComplementWords: [[UInt8]] =
    ["了解", "到位", "起眼", "动声", "成熟", "完善", "到一", "到两", "到半"].map { Array($0.utf8) }
  private static let assuranceVerbs = characters("少忘错亏跑短缺离差对了的得")

  private static func endsWith(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int, _ word: [UInt8])
    -> Bool
  {
    let from = end - word.count
    for k in 0..<word.count where bytes[from + k] != word[k] { return false }
    return true
  }

  private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, at from: Int, _ word: [UInt8])
    -> Bool
  {
    guard from + word.count <= bytes.count else { return false }
    for k in 0..<word.count where bytes[from + k] != word[k] { return false }
    return true
  }

  /// Whether the negator starting at `negatorStart` is the second half of a word like 特别, or
  /// the middle of an A-not-A question (有没有, 是不是, 能不能, 可不可以: the same character on
  /// both sides), which asks rather than denies.
  private static func isFalseNegator(_ bytes: UnsafeBufferPointer<UInt8>, negatorStart: Int) -> Bool
  {
    // CJK characters are three bytes.
    let from = negatorStart - 3
    guard from >= 0 else { return false }
    if falseNegators.contains(where: { startsWith(bytes, at: from, $0) }) { return true }
    let after = negatorStart + 3
    guard after + 3 <= bytes.count else { return false }
    if isAskingPair(bytes, markAt: negatorStart) { return true }
    // 要不 before a person or 这样 suggests (要不您把密码给我存一个, 要不这样) or means
    // "otherwise" (要不我就…): it denies nothing.
    return startsWith(bytes, at: from, yaoBu)
      && suggestionSubjects.contains(Array(bytes[after..<after + 3]))
  }
  private static let yaoBu = Array("要不".utf8)
  private static let suggestionSubjects: Set<[UInt8]> = Set(
    "您你咱我这那".map { Array(String($0).utf8) })

  /// Whether 不 at `negatorStart` sits between a verb and its complement (拿不准, and any
  /// verb with 了: 订不了, 免不了, but not 不了解) and the phrase at `limit` comes after the
  /// complement.
  private static func isPotentialComplement(
    _ bytes: UnsafeBufferPointer<UInt8>, negatorStart: Int, before limit: Int
  ) -> Bool {
    let verb = negatorStart - 3
    let complement = negatorStart + 3
    guard verb >= 0, complement + 3 <= limit,
      Array(bytes[negatorStart..<complement]) == notCharacter
    else { return false }
    let after = Array(bytes[complement..<complement + 3])
    if after == leCharacter {
      // 了 makes a potential complement after any Chinese verb (a three-byte character).
      let understand =
        complement + 6 <= bytes.count
        && Array(bytes[complement + 3..<complement + 6]) == jieCharacter
      return bytes[verb] >= 0xE0 && !understand
    }
    return complementVerbs.contains(Array(bytes[verb..<negatorStart]))
      && complements.contains(after)
  }
  private static let notCharacter = Array("不".utf8)
  private static let leCharacter = Array("了".utf8)
  private static let jieCharacter = Array("解".utf8)

  /// Whether the negator at `from` begins an idiom such as 不好意思 or 没问题 that ends before
  /// `limit` (a phrase inside the idiom, 好 in 不好意思, is part of it and stays negated).
  private static func isIdiom(_ bytes: UnsafeBufferPointer<UInt8>, at from: Int, before limit: Int)
    -> Bool
  {
    idioms.contains { from + $0.count <= limit && startsWith(bytes, at: from, $0) }
  }

  /// Whether another negator stands right before this one (不会不, 不能不, 没有不): a double
  /// negation affirms.
  private static func isDoubled(_ bytes: UnsafeBufferPointer<UInt8>, negatorStart: Int) -> Bool {
    var end = negatorStart
    for gap in 0...1 {
      if gap > 0 {
        guard end > 0, bytes[end - 1] != UInt8(ascii: "|") else { return false }
        end -= 1
        while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
      }
      for negator in negators where negator.count <= end && endsWith(bytes, at: end, negator) {
        let from = end - negator.count
        if !isFalseNegator(bytes, negatorStart: from)
          && !isIdiom(bytes, at: from, before: negatorStart)
        {
          return true
        }
      }
    }
    return false
  }
}
