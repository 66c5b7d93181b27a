import Foundation

/// Turns free text into the canonical form that phrases are matched in.
///
/// Steps, for utterances and phrases alike: traditional to simplified characters, a few
/// dialect characters to their standard words (咋 → 怎么, 冇 → 没有; ``DialectWords``), NFKC
/// (full-width forms to half-width), lower case, removal of spaces, control characters, symbols
/// and terminal escape sequences, and punctuation turned into a clause boundary (`|`), so a phrase
/// never matches across two clauses and the negation guard stops at a comma. The common case (CJK, ASCII and CJK punctuation)
/// runs on a fast path over Unicode scalars; anything else goes through Foundation's NFKC first.
public enum TextNormalizer {
  /// The normalised form of `text`.
  public static func normalize(_ text: String) -> String {
    String(decoding: normalizedBytes(text), as: UTF8.self)
  }

  /// The bytes one part of a gapped phrase stands for: its normalised form, or the clause
  /// boundary itself when the part is nothing but punctuation, so `不订…，…就不给` reads the
  /// condition in one clause and the consequence at the start of the next.
  public static func partBytes(_ part: String) -> [UInt8] {
    let bytes = normalizedBytes(part)
    guard bytes.isEmpty, !part.isEmpty,
      part.unicodeScalars.allSatisfy({ classify($0) == .boundary })
    else { return bytes }
    return [UInt8(ascii: "|")]
  }

  /// The normalised form of `text` as UTF-8 bytes.
  public static func normalizedBytes(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingBoundary = false
    // A space between two Chinese characters is where a typist ends a clause (货不多 这回补两条):
    // a boundary, so a 不 before it does not reach the words after it.
    var lastWasHan = false
    var spaceAfterHan = false
    @inline(__always) func emit(_ v: UInt32) {
      let isHan = v >= 0x3400 && v <= 0x9FFF
      if spaceAfterHan && isHan { pendingBoundary = true }
      spaceAfterHan = false
      lastWasHan = isHan
      if pendingBoundary {
        if !out.isEmpty { out.append(UInt8(ascii: "|")) }
        pendingBoundary = false
      }
      if v < 0x80 {
        out.append(UInt8(v))
      } else if v < 0x800 {
        out.append(UInt8(0xC0 | (v >> 6)))
        out.append(UInt8(0x80 | (v & 0x3F)))
      } else if v < 0x10000 {
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
      } else {
        out.append(UInt8(0xF0 | (v >> 18)))
        out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
      }
    }
    let source =
      needsCompatibilityMapping(text) ? text.precomposedStringWithCompatibilityMapping : text
    var iterator = source.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      var v = scalar.value
      if v == 0x1B {
        skipEscapeSequence(&iterator)
        continue
      }
      if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }  // full-width ASCII to half-width
      if isQuote(v) {
        // Quotation marks stay visible as `"` (a clause boundary of their own), so what is
        // quoted can be told from what the trainee says in their own voice.
        pendingBoundary = false
        out.append(UInt8(ascii: "\""))
        continue
      }
      if v < 0x80 {
        if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
          emit(v)
        } else if v >= 0x41 && v <= 0x5A {
          emit(v + 0x20)
        } else if asciiBoundaries[Int(v)] {
          pendingBoundary = true
        } else if v == 0x20 && lastWasHan {
          spaceAfterHan = true
        }
        continue
      }
      if v >= 0x3400 && v <= 0x9FFF {
        let simplified = HantHans.simplified(v)
        if DialectWords.mayBe(simplified), let standard = DialectWords.standard[simplified] {
          for w in standard { emit(w) }
        } else {
          emit(simplified)
        }
        continue
      }
      switch classify(Unicode.Scalar(v)!) {
      case .keep: emit(v)
      case .boundary: pendingBoundary = true
      case .space: if lastWasHan { spaceAfterHan = true }
      case .drop: break
      }
    }
    return out
  }

  /// The mark every quotation mark becomes (`"`, “ ”, 「 」, 『 』, ‘ ’).
  public static let quote: UInt8 = UInt8(ascii: "\"")

  @inline(__always) static func isQuote(_ v: UInt32) -> Bool {
    v == 0x22 || v == 0x27 || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019
      || (v >= 0x300C && v <= 0x300F)
  }

  /// The clause boundary that punctuation becomes.
  public static let boundary: Unicode.Scalar = "|"
  private static let asciiBoundaries: [Bool] = {
    var table = [Bool](repeating: false, count: 128)
    for byte in ",.!?;:()[]{}\"'`~|/".utf8 { table[Int(byte)] = true }
    return table
  }()

  private enum Kind { case keep, boundary, drop, space }

  /// Whether `text` holds characters that only Foundation's NFKC maps correctly (combining
  /// marks, circled numbers, half-width katakana, compatibility ideographs, ...).
  static func needsCompatibilityMapping(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var i = 0
      while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 {
          i += 1
        } else if b >= 0xE3 && b <= 0xE9 {
          i += 3  // U+3000-U+9FFF: CJK punctuation and ideographs
        } else if b == 0xE2 && i + 1 < bytes.count && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x81 {
          i += 3  // U+2000-U+207F: general punctuation
        } else if b == 0xEF && i + 2 < bytes.count
          && (bytes[i + 1] == 0xBC || (bytes[i + 1] == 0xBD && bytes[i + 2] <= 0x9E))
        {
          i += 3  // U+FF00-U+FF5E: full-width ASCII, handled on the fast path
        } else if b >= 0xC2 && b <= 0xCB {
          i += 2  // Latin-1 and Latin Extended: nothing to compose here
        } else {
          return true
        }
      }
      return false
    }
  }

  /// Skips a terminal escape sequence after ESC: CSI (`ESC [ ... final`), OSC (`ESC ] ... BEL`)
  /// or a two-character escape.
  private static func skipEscapeSequence(_ iterator: inout String.UnicodeScalarView.Iterator) {
    guard let next = iterator.next() else { return }
    switch next {
    case "[":
      while let c = iterator.next() {
        if c.value >= 0x40 && c.value <= 0x7E { return }
      }
    case "]":
      while let c = iterator.next() {
        if c.value == 0x07 || c.value == 0x1B { return }
      }
    default:
      return
    }
  }

  private static func classify(_ scalar: Unicode.Scalar) -> Kind {
    let v = scalar.value
    if v < 0xA0 { return .drop }  // C1 controls
    if v == 0x3000 { return .space }  // ideographic space
    if v == 0x3007 { return .keep }  // 〇
    if v >= 0x3001 && v <= 0x303F { return .boundary }  // CJK punctuation
    if v >= 0x2000 && v <= 0x200F { return .drop }  // spaces, zero-width
    if v >= 0x2010 && v <= 0x206F { return .boundary }  // general punctuation
    if v >= 0xFE10 && v <= 0xFE6F { return .boundary }  // vertical and small forms
    if v >= 0xFF5F && v <= 0xFF65 { return .boundary }  // half-width CJK punctuation
    if v == 0xFEFF || v == 0xFFFD { return .drop }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return .boundary
    case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator,
      .lineSeparator, .paragraphSeparator, .mathSymbol, .currencySymbol, .modifierSymbol,
      .otherSymbol, .nonspacingMark, .enclosingMark, .spacingMark:
      return .drop
    default:
      return .keep
    }
  }
}

/// Traditional-to-simplified lookup over the CJK range, built once from the generated table.
enum HantHans {
  private static let base: UInt32 = 0x3400
  private static let table: [UInt32] = {
    var table = [UInt32](repeating: 0, count: Int(0x9FFF - 0x3400 + 1))
    var pending: UInt32?
    for scalar in hantHansPairs.unicodeScalars {
      if let from = pending {
        if from >= base && from <= 0x9FFF { table[Int(from - base)] = scalar.value }
        pending = nil
      } else {
        pending = scalar.value
      }
    }
    return table
  }()

  static func simplified(_ value: UInt32) -> UInt32 {
    let mapped = table[Int(value - base)]
    return mapped == 0 ? value : mapped
  }
}

/// Characters of northern and Cantonese speech that always stand for one standard word, so a
/// phrase written once in standard Mandarin (怎么, 没有, 什么) matches 咋, 冇, 啥 too, and the
/// negation guard reads 冇 and 唔 as the negations they are. Only characters with no other
/// common reading: not 中 (中午, 中华), 整 (整齐) or 系 (系统).
enum DialectWords {
  static let standard: [UInt32: [UInt32]] = {
    let table: [(String, String)] = [
      ("咋", "怎么"), ("啥", "什么"), ("甭", "不用"), ("俺", "我"), ("冇", "没有"), ("咗", "了"), ("嘅", "的"),
      ("佢", "他"), ("睇", "看"), ("乜", "什么"), ("嘢", "东西"), ("啲", "些"), ("揾", "找"), ("喺", "在"),
      ("嗰", "那"), ("嚟", "来"), ("畀", "给"), ("咩", "什么"), ("哋", "们"),
    ]
    var out: [UInt32: [UInt32]] = [:]
    for (dialect, standard) in table {
      out[dialect.unicodeScalars.first!.value] = standard.unicodeScalars.map(\.value)
    }
    return out
  }()

  /// One bit per CJK character: a cheap test before the table, on the normaliser's hot path.
  private static let bits: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: (0xA000 - 0x3400) / 64 + 1)
    for key in standard.keys where key >= 0x3400 && key < 0xA000 {
      let i = Int(key - 0x3400)
      bits[i >> 6] |= 1 << UInt64(i & 63)
    }
    return bits
  }()

  /// Whether `value` (a CJK character, 0x3400...0x9FFF) may be in ``standard``.
  @inline(__always) static func mayBe(_ value: UInt32) -> Bool {
    guard value >= 0x3400 && value < 0xA000 else { return false }
    let i = Int(value - 0x3400)
    return bits[i >> 6] & (1 << UInt64(i & 63)) != 0
  }
}
