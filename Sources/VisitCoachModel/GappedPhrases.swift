/// Phrases with gaps: 「跟…没关系」 is 跟, then 没关系 later in the same clause with at most
/// ``maxGap`` characters between (跟我们这边没关系). A lexicon or rubric writes the gap as `…`
/// (one or more, or `...`); everything else about the phrase (negation guard, quotation
/// marks, roles) is as for a plain phrase, judged at the start of its first part.
///
/// A gapped phrase with concept families in its parts (`{lexicon.when}…{lexicon.order}`) is
/// not multiplied out: each part keeps its alternatives, separated by ``alternativeMark``, so
/// that the families are matched once and the phrase costs their sum, not their product.
public enum GappedPhrases {
  /// Separates the alternatives of one part of an assembled gapped phrase.
  public static let alternativeMark: Character = "\u{1F}"
  /// Characters that may stand between two parts.
  public static let maxGap = 6

  /// The parts of `phrase` between its gap marks, as written; one part for a plain phrase.
  /// Empty parts (a gap at either end, two marks in a row) are dropped.
  public static func parts(of phrase: String) -> [String] {
    // Byte scan: plans split thousands of phrases, and Foundation's search is slow here.
    var parts: [String] = []
    var current: [UInt8] = []
    var dots = 0
    var gapped = false
    func close() {
      if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
      current.removeAll(keepingCapacity: true)
    }
    let utf8 = Array(phrase.utf8)
    var i = 0
    while i < utf8.count {
      let byte = utf8[i]
      if byte == 0xE2 && i + 2 < utf8.count && utf8[i + 1] == 0x80 && utf8[i + 2] == 0xA6 {
        gapped = true
        close()
        i += 3
        continue
      }
      if byte == UInt8(ascii: ".") {
        dots += 1
      } else {
        dots = 0
      }
      current.append(byte)
      if dots == 3 {
        current.removeLast(3)
        gapped = true
        close()
        dots = 0
      }
      i += 1
    }
    guard gapped else { return [phrase] }
    close()
    return parts
  }

  /// The alternatives of one part of an assembled phrase.
  public static func alternatives(of part: String) -> [String] {
    guard part.utf8.contains(0x1F) else { return [part] }
    return part.split(separator: alternativeMark).map(String.init)
  }

  /// A phrase as a person reads it: each part by its first alternative, 等 marking that
  /// there are more (下午等…订两条).
  public static func display(_ phrase: String) -> String {
    guard phrase.utf8.contains(0x1F) else { return phrase }
    return parts(of: phrase).map { part in
      let options = alternatives(of: part)
      return options[0] + (options.count > 1 ? "等" : "")
    }.joined(separator: "…")
  }

  /// Whether `phrase` may have a gap (a quick byte test: `…` or a full stop).
  public static func mayBeGapped(_ phrase: String) -> Bool {
    phrase.utf8.contains { $0 == 0xE2 || $0 == UInt8(ascii: ".") }
  }
}
