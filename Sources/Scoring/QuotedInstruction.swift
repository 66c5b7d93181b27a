/// Tells quoted words the trainee puts in the retailer's mouth (您就跟他说"…", 牌子上写"…") or
/// takes up as their own ("…"，您就这么跟客人讲) from reported speech (我绝不会说"…", 他说"…").
/// The first are the trainee's own act: advice
/// to say 「未成年人不卖」 is compliance advice, and telling them to write 「更健康」 on a sign is
/// a health claim.
enum QuotedInstruction {
  /// Words that end an instruction right before the quotation mark.
  private static let sayVerbs: [[UInt8]] = [
    "说", "讲", "回他", "回一句", "答", "喊", "告诉他", "告诉她", "告诉顾客", "告诉人家", "告诉孩子",
  ].map { Array($0.utf8) }
  /// Writing on a sign or a tag is an act whoever is named.
  private static let writeVerbs: [[UInt8]] = [
    "写", "写上", "写着", "写个", "标", "标上", "贴", "贴上", "印", "印上", "挂",
  ].map { Array($0.utf8) }
  /// Who is told to say it: the retailer (您, 你) or both of us (咱).
  private static let addressees: [[UInt8]] = ["您", "你", "咱"].map { Array($0.utf8) }
  /// Plain 说 and 讲 instruct only with one of these before them (您就说, 你跟他讲, 咱可以说):
  /// 您说“…”？ asks back what the retailer said.
  private static let instructing: [[UInt8]] = [
    "就", "可以", "直接", "跟", "和", "对", "得", "要", "也", "只管", "干脆", "这么", "这样",
  ].map { Array($0.utf8) }
  private static let plainSay: [[UInt8]] = ["说", "讲"].map { Array($0.utf8) }
  /// How far back, in bytes, the addressee may stand (about eight characters).
  private static let reach = 24

  /// Words that take up a quotation as the trainee's own (「…」您就这么跟客人讲, 人家说得对「…」).
  private static let endorsements: [[UInt8]] = [
    "这么讲", "这么说", "这么跟", "这么写", "这么回", "这样讲", "这样说", "这样跟", "照这个", "照着说", "照着讲",
    "照这么", "照这样", "说得对", "说得在理", "说的对", "没说错", "在理", "是这个理", "没毛病", "准没错",
    "错不了", "就对了",
  ].map { Array($0.utf8) }
  /// How far, in bytes, an endorsement may stand from the quotation (about ten characters).
  private static let endorsementReach = 30

  /// Whether the quotation from the mark at `open` to the mark at `close` is taken up by the
  /// trainee: an endorsement right after it (「这款不伤肺」，您就这么跟客人讲) or right before it
  /// (人家说得对，「早囤早赚」), not denied (可别这么说 keeps it reported speech).
  static func endorses(_ bytes: UnsafeBufferPointer<UInt8>, open: Int, close: Int) -> Bool {
    func occurs(in range: Range<Int>) -> Bool {
      for word in endorsements where word.count <= range.count {
        var at = range.lowerBound
        while at + word.count <= range.upperBound {
          if bytes[at] == word[0], (0..<word.count).allSatisfy({ bytes[at + $0] == word[$0] }),
            !NegationGuard.isNegated(bytes, before: at, notBefore: range.lowerBound)
          {
            return true
          }
          at += 1
        }
      }
      return false
    }
    // After: up to the next quotation mark or the second clause boundary.
    var end = close + 1
    var boundaries = 0
    while end < bytes.count && end - close <= endorsementReach && bytes[end] != TextNormalizer.quote
    {
      if bytes[end] == UInt8(ascii: "|") {
        boundaries += 1
        if boundaries == 2 { break }
      }
      end += 1
    }
    if occurs(in: (close + 1)..<end) { return true }
    // Before: within the clause that leads into the quotation, or the one before it.
    var start = open
    boundaries = 0
    while start > 0 && open - start <= endorsementReach && bytes[start - 1] != TextNormalizer.quote
    {
      if bytes[start - 1] == UInt8(ascii: "|") {
        boundaries += 1
        if boundaries == 2 { break }
      }
      start -= 1
    }
    return occurs(in: start..<open)
  }

  /// Whether the quotation mark at `quoteAt` opens words the trainee tells someone to say or
  /// write, not words reported.
  static func introduces(_ bytes: UnsafeBufferPointer<UInt8>, quoteAt: Int) -> Bool {
    var from = quoteAt
    while from > 0 && quoteAt - from < reach && bytes[from - 1] != UInt8(ascii: "|")
      && bytes[from - 1] != TextNormalizer.quote
    {
      from -= 1
    }
    let before = Array(bytes[from..<quoteAt])
    let write = writeVerbs.first { before.suffix($0.count).elementsEqual($0) }
    let say = sayVerbs.first { before.suffix($0.count).elementsEqual($0) }
    guard let verb = write ?? say else { return false }
    if NegationGuard.isNegated(bytes, before: quoteAt - verb.count) { return false }
    if write != nil { return true }
    guard addressees.contains(where: { before.firstRange(of: $0) != nil }) else { return false }
    guard let say, plainSay.contains(say) else { return true }
    let lead = Array(before.dropLast(say.count))
    return instructing.contains { lead.firstRange(of: $0) != nil }
  }
}
