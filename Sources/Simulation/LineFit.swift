import Scoring
import VisitCoachModel

/// What the engine reads in the utterance it answers, to pick a line that fits it: the text
/// (normalised like the scorer's), and the brand families it names.
struct HeardUtterance {
  /// Normalised text; empty for commands (`/wait`, `/next`) and on arrival.
  var text: ByteText
  /// Brand families (金桥, 海韵) the utterance names.
  var brands: Set<String>

  static let nothing = HeardUtterance(text: ByteText(""), brands: [])

  /// Whether the utterance says `word` (normalised).
  func says(_ word: String) -> Bool { text.contains(word) }
}

/// The words by which an utterance names a catalogue brand, prepared once per conversation:
/// every name, alias and family, normalised.
struct LineFit: Sendable {
  private let brandWords: [(family: String, words: [[UInt8]])]

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
    brandWords = order.map { ($0, ByteText.words(byFamily[$0] ?? [])) }
  }

  /// Reads an utterance the trainee said.
  func hear(_ said: String) -> HeardUtterance {
    let text = ByteText(TextNormalizer.normalize(said))
    var brands = Set<String>()
    for (family, words) in brandWords where text.containsAny(words) { brands.insert(family) }
    return HeardUtterance(text: text, brands: brands)
  }

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
}

extension RetailerLine {
  /// Whether the line is `about` a brand the utterance names. Only what it was marked about
  /// counts, not what its text names: a retailer who raises a complaint about 禾丰 while the
  /// trainee talks about 海韵 changes the subject on purpose.
  func isAbout(_ heard: HeardUtterance) -> Bool { about.contains(where: heard.brands.contains) }

  /// Whether the line may answer the utterance: a line about products answers only an
  /// utterance that names none, or one of its own.
  func fits(_ heard: HeardUtterance) -> Bool {
    about.isEmpty || heard.brands.isEmpty || isAbout(heard)
  }
}
