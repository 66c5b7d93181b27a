import Scoring
import VisitCoachModel

/// What the engine reads in the utterance it answers, to pick a line that fits it: the text
/// (normalised like the scorer's), and the brand families it names.
struct HeardUtterance {
  /// Normalised text; empty for commands (`/wait`, `/next`) and on arrival.
  var text: ByteText
  /// Brand families (金桥, 海韵) the utterance names.
  var brands: Set<String>
  /// What the retailer heard (`said:`): the listening rubric's intents, and `brand` when a brand
  /// is named, each with the words that showed it, earliest first.
  var intents: [HeardIntent] = []

  static let nothing = HeardUtterance(text: ByteText(""), brands: [])

  /// Whether the utterance says `word` (normalised).
  func says(_ word: String) -> Bool { text.contains(word) }

  /// Whether the retailer heard the intent `name`.
  func heard(_ name: String) -> Bool { intents.contains { $0.name == name } }

  /// What a line quotes for each intent (`{said.time}`): the last words that showed it, which is
  /// what a sentence settles on (今天下午我就报上去，周五前给您回话 is waited for on 周五前); the brand
  /// named first for `{said.brand}` (the utterance's subject).
  var quotes: [String: String] {
    var values: [String: String] = [:]
    for intent in intents where values[intent.name] == nil {
      let word = intent.name == HeardIntent.brand ? intent.words.first : intent.words.last
      if let word { values[intent.name] = word }
    }
    return values
  }
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

  /// Reads an utterance the trainee said, with what `listening` hears in it (`line` is the
  /// retailer's line it answers).
  func hear(_ said: String, listening: Listening?, after line: String) -> HeardUtterance {
    let text = ByteText(TextNormalizer.normalize(said))
    var brands = Set<String>()
    // Where each family is first named, so `{said.brand}` quotes the one said first.
    var named: [(at: Int, family: String)] = []
    for (family, words) in brandWords {
      guard let at = text.firstOffset(ofAny: words) else { continue }
      brands.insert(family)
      named.append((at, family))
    }
    var heard = HeardUtterance(text: text, brands: brands)
    heard.intents = listening?.hear(said, after: line) ?? []
    if !named.isEmpty {
      heard.intents.append(
        HeardIntent(name: HeardIntent.brand, words: named.sorted { $0.at < $1.at }.map(\.family)))
    }
    return heard
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
