/// Decides whether a phrase occurrence is negated by the words just before it, so that
/// "我不是来推销的" does not count as pushing and "不好意思" is not read as "好".
///
/// A phrase is negated when a negator (不, 没, 别, 未, 无需, 不用, 不是, 不要, ...) ends right
/// before it, or with one character in between ("不是来推销"). Words that merely contain a
/// negator character (特别, 告别, 差不多) do not count, nor do A-not-A questions (有没有客人问,
/// 是不是, 行不行), and the guard never looks past a clause
/// boundary. It works on the UTF-8 bytes of normalised text and allocates nothing.
public enum NegationGuard {
  private static let negators: [[UInt8]] = [
    "无需", "不用", "不是", "不要", "不会", "不能", "没有", "并非", "不", "没", "别", "未", "勿", "莫",
  ].map { Array($0.utf8) }
  /// Two-character words whose second character is a negator but that negate nothing.
  private static let falseNegators: [[UInt8]] = [
    "特别", "分别", "区别", "告别", "级别", "类别", "性别", "识别", "个别", "差不", "离别", "辨别",
    // A-not-A questions ask, they do not deny: 有没有客人问, 是不是, 能不能, 行不行.
    "有没", "是不", "能不", "会不", "好不", "行不", "对不", "可不", "用不", "够不",
  ].map { Array($0.utf8) }

  /// Whether the occurrence starting at byte `start` of `bytes` (normalised text) is negated.
  public static func isNegated(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
    var end = start
    for gap in 0...1 {
      if gap == 1 {
        // Step back over one character, unless it is a clause boundary.
        guard end > 0, bytes[end - 1] != UInt8(ascii: "|") else { return false }
        end -= 1
        while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
      }
      for negator in negators where negator.count <= end && endsWith(bytes, at: end, negator) {
        let from = end - negator.count
        if isFalseNegator(bytes, negatorStart: from) { continue }
        return true
      }
    }
    return false
  }

  private static func endsWith(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int, _ word: [UInt8])
    -> Bool
  {
    let from = end - word.count
    for k in 0..<word.count where bytes[from + k] != word[k] { return false }
    return true
  }

  /// Whether the negator starting at `negatorStart` is the second half of a word like 特别.
  private static func isFalseNegator(_ bytes: UnsafeBufferPointer<UInt8>, negatorStart: Int) -> Bool
  {
    for word in falseNegators {
      // Both halves are three-byte CJK characters.
      let from = negatorStart - 3
      guard from >= 0, from + word.count <= bytes.count else { continue }
      var same = true
      for k in 0..<word.count where bytes[from + k] != word[k] {
        same = false
        break
      }
      if same { return true }
    }
    return false
  }
}
