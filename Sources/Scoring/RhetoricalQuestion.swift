/// Clauses that challenge a rule instead of stating it: 「谁说非得按价签卖」, 「现在哪个店真查身份证
/// 啊」. The rule's words there are denied: they are no reminder that vetoes a fault said with
/// them, and no advice that earns credit. A fault's own words still count.
enum RhetoricalQuestion {
  /// Openings of a challenge. Not 哪有 (「哪有这规矩」 rightly refutes a rumour), not a plain
  /// 谁说的 (asking who said it), not 哪个真… (「哪个真卖得好？」 asks).
  private static let markers = ByteWords([
    "谁说非", "谁说一定", "谁说必须", "谁规定", "谁还真", "谁还管", "现在谁还", "哪个店真查", "哪家店真查",
    "哪家真查", "哪个店真管", "哪个店还真", "哪家还真", "犯得着", "何必非", "凭啥非", "凭什么非", "干嘛非",
    "干吗非", "用得着非",
  ])

  /// Byte ranges of challenging clauses: from the marker to the end of its clause.
  static func spans(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var i = 0
    while i < bytes.count {
      guard bytes[i] >= 0xE0, let length = markers.match(bytes, at: i) else {
        i += 1
        continue
      }
      var end = i + length
      while end < bytes.count && bytes[end] != UInt8(ascii: "|")
        && bytes[end] != TextNormalizer.quote
      {
        end += 1
      }
      spans.append(i..<end)
      i = end
    }
    return spans
  }

}
