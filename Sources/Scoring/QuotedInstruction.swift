/// Tells quoted words the trainee puts in the retailer's mouth (您就跟他说"…", 牌子上写"…")
/// from reported speech (我绝不会说"…", 他说"…"). The first are the trainee's own act: advice
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
