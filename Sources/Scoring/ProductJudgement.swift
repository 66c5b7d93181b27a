import VisitCoachModel

/// A fact about a new product that a trainee can state.
public typealias ProductFact = EvidenceNote.ProductFactKind

/// What one utterance says about the catalogue's new products.
struct ProductStatement: Sendable {
  /// The new product the utterance is about: named in it, or named in the one before.
  var product: Brand?
  /// Whether the utterance names the product itself.
  var named = false
  var facts: Set<ProductFact> = []
  /// Facts stated wrongly (a price of 20 yuan where the pack costs 17).
  var wrong: [EvidenceNote.WrongProductFact] = []
}

/// Checks what a trainee says about a new product against the catalogue: price per pack or
/// carton, price class, flavour, origin, selling points and buyers. Works on normalised text.
public struct ProductJudge: Sendable {
  let products: [Brand]
  private let names: BrandNames
  /// Per new product (same order as `products`): its flavour word, origin, selling points and
  /// buyers, normalised, as UTF-8.
  private let factWords: [(flavour: [UInt8], origin: [UInt8], points: [[UInt8]], buyers: [[UInt8]])]

  init(catalog: [Brand]) {
    products = catalog.filter(\.isNew)
    names = BrandNames(catalog: catalog)
    func bytes(_ text: String) -> [UInt8] { Array(TextNormalizer.normalize(text).utf8) }
    factWords = products.map { p in
      (
        bytes(p.flavourWord), bytes(p.origin), p.sellingPoints.map(bytes).filter { !$0.isEmpty },
        p.buyers.map(bytes).filter { !$0.isEmpty }
      )
    }
  }

  var isEmpty: Bool { products.isEmpty }

  private static let classWords = ["一类", "二类", "三类", "四类", "五类"]
  private static let yuan = Array("元".utf8)
  private static let kuai = Array("块".utf8)

  /// Judges one utterance. `previous` is the new product the last utterance was about, so that
  /// "它是二类烟" right after naming it still counts.
  func statement(in normalized: String, previous: String?) -> ProductStatement {
    var rest = ByteText(normalized)
    let mentioned = names.mentioned(in: &rest)
    var result = ProductStatement()
    if let named = products.first(where: { mentioned.contains($0.id) }) {
      result.product = named
      result.named = true
    } else if mentioned.isEmpty, let previous {
      // Still talking about the same product, as long as no other brand came up.
      result.product = products.first { $0.id == previous }
    }
    guard let product = result.product,
      let words = products.firstIndex(of: product).map({ factWords[$0] })
    else { return result }
    // Facts are read with the brand names taken out: 海韵细支 does not state the selling point 细支.
    let text = rest
    let money = text.contains(Self.yuan) || text.contains(Self.kuai)
    for price in money ? Self.prices(in: String(decoding: text.bytes, as: UTF8.self)) : [] {
      if price == product.packPrice || price == product.packPrice * 10 {
        result.facts.insert(.price)
      } else if result.named {
        result.wrong.append(.price(said: price, perPack: product.packPrice))
      }
    }
    for (k, word) in Self.classWords.enumerated()
    where text.contains(Array(word.utf8)) || text.contains(Array("\(k + 1)类".utf8)) {
      if k + 1 == product.priceClass {
        result.facts.insert(.priceClass)
      } else if result.named {
        result.wrong.append(.priceClass(said: k + 1, actual: product.priceClass))
      }
    }
    if text.contains(words.flavour) { result.facts.insert(.flavour) }
    if text.contains(words.origin) { result.facts.insert(.origin) }
    if text.containsAny(words.points) { result.facts.insert(.sellingPoint) }
    if text.containsAny(words.buyers) { result.facts.insert(.buyer) }
    return result
  }

  /// Amounts of money in the text: a number in digits or Chinese numerals followed by 元 or 块.
  public static func prices(in text: String) -> [Int] {
    let chars = Array(text)
    var found: [Int] = []
    var i = 0
    while i < chars.count {
      guard let (value, end) = number(in: chars, from: i) else {
        i += 1
        continue
      }
      if end < chars.count && (chars[end] == "元" || chars[end] == "块") { found.append(value) }
      i = end
    }
    return found
  }

  private static let digits: [Character: Int] = [
    "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
  ]

  /// A whole number starting at `start`: ASCII digits, or Chinese numerals up to the hundreds
  /// (十七, 二十, 一百七十, 一百七); nil when none starts there.
  static func number(in chars: [Character], from start: Int) -> (Int, Int)? {
    var i = start
    if let first = chars[i].wholeNumberValue, chars[i].isASCII {
      var value = first
      i += 1
      while i < chars.count, chars[i].isASCII, let d = chars[i].wholeNumberValue {
        value = value * 10 + d
        i += 1
      }
      return (value, i)
    }
    var total = 0
    var pending: Int?
    var lastUnit = 1
    var consumed = false
    while i < chars.count {
      let c = chars[i]
      if let d = digits[c] {
        if pending != nil { break }
        pending = d
      } else if c == "十" {
        total += (pending ?? 1) * 10
        pending = nil
        lastUnit = 10
      } else if c == "百" {
        guard let p = pending else { break }
        total += p * 100
        pending = nil
        lastUnit = 100
      } else {
        break
      }
      consumed = true
      i += 1
    }
    guard consumed else { return nil }
    if let p = pending {
      // 一百七 is 170: a trailing digit after a hundred is tens.
      total += lastUnit == 100 ? p * 10 : p
    }
    return (total, i)
  }
}
