import VisitCoachModel

/// Normalised text as UTF-8 bytes, for the catalogue judges' word searches. Foundation's
/// `String.contains` goes through NSString and Unicode folding, which made re-scoring a visit
/// with a stock table 50 times slower; normalised text needs none of that, so a plain byte
/// search is exact (UTF-8 never matches in the middle of a character). The engine reads the
/// utterance it answers with it too.
public struct ByteText: Sendable {
  public private(set) var bytes: [UInt8]

  public init(_ text: String) { bytes = Array(text.utf8) }

  /// Whether `word` (UTF-8 bytes) occurs anywhere.
  public func contains(_ word: [UInt8]) -> Bool { index(of: word, from: 0) != nil }

  /// Whether `word` occurs anywhere.
  public func contains(_ word: String) -> Bool { contains(Array(word.utf8)) }

  /// Whether any of the words occurs.
  public func containsAny(_ words: [[UInt8]]) -> Bool { words.contains { contains($0) } }

  /// The byte offset where any of the words first occurs, if one does.
  public func firstOffset(ofAny words: [[UInt8]]) -> Int? {
    words.compactMap { index(of: $0, from: 0) }.min()
  }

  /// Blanks out every occurrence of `word` with clause boundaries (`|`), so that shorter names
  /// inside it are not found again; returns whether there was one.
  mutating func mask(_ word: [UInt8]) -> Bool {
    var found = false
    var from = 0
    while let at = index(of: word, from: from) {
      for k in at..<(at + word.count) { bytes[k] = UInt8(ascii: "|") }
      from = at + word.count
      found = true
    }
    return found
  }

  private func index(of word: [UInt8], from start: Int) -> Int? {
    guard !word.isEmpty, word.count <= bytes.count else { return nil }
    let first = word[0]
    var i = start
    let last = bytes.count - word.count
    while i <= last {
      if bytes[i] == first {
        var k = 1
        while k < word.count && bytes[i + k] == word[k] { k += 1 }
        if k == word.count { return i }
      }
      i += 1
    }
    return nil
  }

  /// The UTF-8 bytes of each word.
  public static func words(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }
}

/// Every way of writing the catalogue's brands, normalised, longest first (so 金桥细支 wins over
/// 金桥): finds which brands a text names.
struct BrandNames: Sendable {
  private let names: [([UInt8], String)]

  init(catalog: [Brand]) {
    names = catalog.flatMap { brand in
      brand.names.map { (Array(TextNormalizer.normalize($0).utf8), brand.id) }
    }
    .filter { !$0.0.isEmpty }.sorted { $0.0.count > $1.0.count }
  }

  /// The brand ids `text` names, each once, longest names first. Each name found is blanked
  /// out of `text`, so shorter names inside it are not found again and what is left can be
  /// read for other words.
  func mentioned(in text: inout ByteText) -> [String] {
    var found: [String] = []
    for (name, id) in names where text.mask(name) {
      if !found.contains(id) { found.append(id) }
    }
    return found
  }
}
