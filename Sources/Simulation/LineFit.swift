import Scoring
import VisitCoachModel

/// What the engine reads in the utterance it answers, to pick a line that fits it: the text
/// (normalised like the scorer's), and the brand families it names.
struct HeardUtterance {
  /// Normalised text; empty for commands (`/wait`, `/next`) and on arrival.
  var text: String
  /// Brand families (金桥, 海韵) the utterance names.
  var brands: Set<String>

  static let nothing = HeardUtterance(text: "", brands: [])

  /// Whether the utterance says `word` (normalised), by a search over UTF-8 bytes: the
  /// standard `contains` on `String` goes through Foundation's Unicode folding, which cost a
  /// sixth of a turn.
  func says(_ word: String) -> Bool { Self.contains(text, word) }

  static func contains(_ text: String, _ word: String) -> Bool {
    var text = text
    var word = word
    return text.withUTF8 { haystack in
      word.withUTF8 { needle in
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
          if haystack[i] == first {
            var k = 1
            while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
          }
          i += 1
        }
        return false
      }
    }
  }
}

/// The words by which an utterance names a catalogue brand, prepared once per conversation:
/// every name, alias and family, normalised.
struct LineFit: Sendable {
  private let brandWords: [(family: String, words: [String])]

  init(catalog: [Brand]) {
    var byFamily: [String: [String]] = [:]
    var order: [String] = []
    for brand in catalog {
      if byFamily[brand.family] == nil { order.append(brand.family) }
      for name in [brand.family] + brand.names {
        let word = TextNormalizer.normalize(name)
        if !word.isEmpty && !byFamily[brand.family, default: []].contains(word) {
          byFamily[brand.family, default: []].append(word)
        }
      }
    }
    brandWords = order.map { ($0, byFamily[$0] ?? []) }
  }

  /// Reads an utterance the trainee said.
  func hear(_ said: String) -> HeardUtterance {
    let text = TextNormalizer.normalize(said)
    return HeardUtterance(text: text, brands: brands(inNormalized: text))
  }

  /// The brand families a line is about: those it was marked `about`. Not those its text names:
  /// a retailer who raises a complaint about 禾丰 while the trainee talks about 海韵 changes the
  /// subject on purpose.
  func topics(of line: RetailerLine) -> Set<String> { Set(line.about) }

  /// The line with its `heard` and `not_heard` words normalised, so the engine compares them
  /// with the normalised utterance as the scorer compares phrases.
  func normalizingWords(of line: RetailerLine) -> RetailerLine {
    guard !line.condition.heard.isEmpty || !line.condition.notHeard.isEmpty else { return line }
    var line = line
    line.condition.heard = line.condition.heard.map {
      $0.map(TextNormalizer.normalize).filter { !$0.isEmpty }
    }
    line.condition.notHeard = Set(
      line.condition.notHeard.map(TextNormalizer.normalize).filter { !$0.isEmpty })
    return line
  }

  private func brands(inNormalized text: String) -> Set<String> {
    guard !text.isEmpty else { return [] }
    var found = Set<String>()
    for (family, words) in brandWords
    where words.contains(where: { HeardUtterance.contains(text, $0) }) {
      found.insert(family)
    }
    return found
  }
}

extension RetailerLine {
  /// Whether the line may answer an utterance that names `brands`: a line about products answers
  /// only an utterance that names none, or one of its own.
  func fits(topics: Set<String>, _ heard: HeardUtterance) -> Bool {
    topics.isEmpty || heard.brands.isEmpty || !topics.isDisjoint(with: heard.brands)
  }
}
