import Foundation

/// Turns free text into the canonical form that phrases are matched in.
///
/// Steps, for utterances and phrases alike: traditional to simplified characters, NFKC
/// (full-width forms to half-width), lower case, removal of spaces, control characters, symbols
/// and terminal escape sequences, and punctuation turned into a clause boundary (`|`), so a phrase
/// never matches across two clauses and the negation guard stops at a comma. The common case (CJK, ASCII and CJK punctuation)
/// runs on a fast path over Unicode scalars; anything else goes through Foundation's NFKC first.
public enum TextNormalizer {
  /// The normalised form of `text`.
  public static func normalize(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingBoundary = false
    func emit(_ scalar: Unicode.Scalar) {
      if pendingBoundary {
        if !out.isEmpty { out.append(boundary) }
        pendingBoundary = false
      }
      out.append(scalar)
    }
    let source = needsCompatibilityMapping(text) ? text.precomposedStringWithCompatibilityMapping : text
    var iterator = source.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      let v = scalar.value
      if v == 0x1B {
        skipEscapeSequence(&iterator)
        continue
      }
      if v < 0x80 {
        if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
          emit(scalar)
        } else if v >= 0x41 && v <= 0x5A {
          emit(Unicode.Scalar(v + 0x20)!)
        } else if asciiBoundaries.contains(UInt8(v)) {
          pendingBoundary = true
        }
        continue
      }
      if v >= 0xFF01 && v <= 0xFF5E {
        // Full-width ASCII: map to half-width, then treat as ASCII.
        let half = v - 0xFEE0
        if (half >= 0x61 && half <= 0x7A) || (half >= 0x30 && half <= 0x39) {
          emit(Unicode.Scalar(half)!)
        } else if half >= 0x41 && half <= 0x5A {
          emit(Unicode.Scalar(half + 0x20)!)
        } else if asciiBoundaries.contains(UInt8(half)) {
          pendingBoundary = true
        }
        continue
      }
      if v >= 0x3400 && v <= 0x9FFF {
        emit(HantHans.simplified(scalar))
        continue
      }
      switch classify(scalar) {
      case .keep: emit(scalar)
      case .boundary: pendingBoundary = true
      case .drop: break
      }
    }
    return String(out)
  }

  /// The clause boundary that punctuation becomes.
  public static let boundary: Unicode.Scalar = "|"
  private static let asciiBoundaries: Set<UInt8> = Set(",.!?;:()[]{}\"'`~|/".utf8)

  private enum Kind { case keep, boundary, drop }

  /// Whether `text` holds characters that only Foundation's NFKC maps correctly (combining
  /// marks, circled numbers, half-width katakana, compatibility ideographs, ...).
  static func needsCompatibilityMapping(_ text: String) -> Bool {
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x300 { continue }
      if v >= 0x3400 && v <= 0x9FFF { continue }
      if v >= 0x3000 && v <= 0x303F { continue }  // CJK punctuation
      if v >= 0xFF01 && v <= 0xFF5E { continue }  // handled on the fast path
      if v >= 0x2000 && v <= 0x206F { continue }  // general punctuation
      if v >= 0x4E00 && v <= 0x9FFF { continue }
      if (v >= 0x0300 && v <= 0x036F) || (v >= 0x2100 && v <= 0x33FF) || (v >= 0xF900 && v <= 0xFAFF)
        || (v >= 0xFE30 && v <= 0xFE6F) || (v >= 0xFF00 && v <= 0xFFEF)
      {
        return true
      }
    }
    return false
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
    if v == 0x3000 { return .drop }  // ideographic space
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

  static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let mapped = table[Int(scalar.value - base)]
    return mapped == 0 ? scalar : Unicode.Scalar(mapped)!
  }
}
