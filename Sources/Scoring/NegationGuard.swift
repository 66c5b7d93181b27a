/// Decides whether a phrase occurrence is negated by the words just before it, so that
/// "我不是来推销的" does not count as pushing and "不好意思" is not read as "好".
///
/// A phrase is negated when a negator (不, 没, 别, 未, 无需, 不用, 不是, 不要, ...) ends right
/// before it, or with one character in between ("不是来推销"). Words that merely contain a
/// negator character (特别, 告别, 差不多) do not count, and the guard never looks past a clause
/// boundary.
public enum NegationGuard {
  private static let negators: [[Unicode.Scalar]] = [
    "不", "没", "别", "未", "勿", "莫", "无需", "不用", "不是", "不要", "不会", "不能", "没有", "并非",
  ].map { Array(String($0).unicodeScalars) }
  private static let falseNegators: Set<String> = ["特别", "分别", "区别", "告别", "级别", "类别", "性别", "识别", "个别", "差不"]

  /// Whether the occurrence starting at byte `start` of `bytes` (normalised text) is negated.
  public static func isNegated(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
    let context = previousScalars(bytes, before: start, count: 4)
    guard !context.isEmpty else { return false }
    // context is in reading order, ending right before the phrase.
    for gap in 0...1 {
      let end = context.count - gap
      guard end > 0 else { break }
      for negator in negators where negator.count <= end {
        let from = end - negator.count
        if Array(context[from..<end]) == negator {
          if from > 0 {
            let pair = String(String.UnicodeScalarView([context[from - 1], context[from]]))
            if falseNegators.contains(pair) { continue }
          }
          return true
        }
      }
    }
    return false
  }

  /// Up to `count` scalars before byte offset `start`, stopping at a clause boundary.
  private static func previousScalars(
    _ bytes: UnsafeBufferPointer<UInt8>, before start: Int, count: Int
  ) -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    var end = start
    while end > 0 && result.count < count {
      var begin = end - 1
      while begin > 0 && bytes[begin] & 0xC0 == 0x80 { begin -= 1 }
      var decoder = UTF8()
      var iterator = UnsafeBufferPointer(rebasing: bytes[begin..<end]).makeIterator()
      guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { break }
      if scalar == TextNormalizer.boundary { break }
      result.append(scalar)
      end = begin
    }
    return result.reversed()
  }
}
