import CompactCoding
import Foundation

/// The shared lexicon as read from its YAML, kept in a small binary file keyed by the bytes of
/// the lexicon files, so start-up parses ~700 KB of YAML only when a lexicon file changed.
///
/// The cache holds only lexicons whose files read without a single diagnostic, so a hit gives
/// exactly what reading the files would: the same families and no messages. A damaged or
/// missing file is a miss (``CacheFolder``).
public struct LexiconCache: Sendable {
  /// The folder the cache files live in (created when first written).
  public var directory: String { folder.directory }
  let folder: CacheFolder

  /// Bumped whenever the file layout or the way lexicon files are read changes.
  static let formatVersion = "lexicon-cache-2"
  private static let magic: [UInt8] = Array("VCLX2\n".utf8)

  /// How many cache files are kept.
  static let filesKept = 4

  public init(directory: String) {
    folder = CacheFolder(
      directory: directory, kind: "lexicon", magic: Self.magic, filesKept: Self.filesKept)
  }

  /// The key of a lexicon: its files' names and bytes, and the cache format.
  static func key(files: [(path: String, text: String)]) -> String {
    var fingerprint = Fingerprint()
    fingerprint.add(formatVersion)
    for file in files {
      fingerprint.add((file.path as NSString).lastPathComponent)
      fingerprint.add(file.text)
    }
    return fingerprint.hex
  }

  /// The lexicon stored under `key`, or nil when there is none or it cannot be trusted.
  func load(key: String) -> [String: [String]]? {
    folder.read(key: key) { Self.decodePayload($0) }
  }

  /// Stores `lexicon` under `key`; failures are ignored (the cache is only a shortcut).
  func store(_ lexicon: [String: [String]], key: String) {
    folder.write(Self.payload(lexicon), key: key)
  }

  // MARK: - Payload: family count, (name, word count, words)…

  /// The whole file for `lexicon`: framed by ``CacheFolder``.
  static func encode(_ lexicon: [String: [String]]) -> [UInt8] {
    CacheFolder.frame(payload(lexicon), magic: magic)
  }

  /// The lexicon a whole file holds, or nil when it is damaged.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: [String]]? {
    CacheFolder.unframe(bytes, magic: magic).flatMap(decodePayload)
  }

  static func payload(_ lexicon: [String: [String]]) -> [UInt8] {
    var bytes: [UInt8] = []
    func append(_ value: Int) {
      withUnsafeBytes(of: UInt32(value).littleEndian) { bytes.append(contentsOf: $0) }
    }
    func append(_ text: String) {
      append(text.utf8.count)
      bytes.append(contentsOf: text.utf8)
    }
    append(lexicon.count)
    for name in lexicon.keys.sorted() {
      let words = lexicon[name]!
      append(name)
      append(words.count)
      for word in words { append(word) }
    }
    return bytes
  }

  static func decodePayload(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: [String]]? {
    let end = bytes.count
    var at = 0
    func int() -> Int? {
      guard at + 4 <= end else { return nil }
      var value = 0
      for i in 0..<4 { value |= Int(bytes[at + i]) << (8 * i) }
      at += 4
      return value
    }
    func text() -> String? {
      guard let count = int(), at + count <= end else { return nil }
      defer { at += count }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<at + count]), as: UTF8.self)
    }
    guard let families = int() else { return nil }
    var lexicon: [String: [String]] = [:]
    lexicon.reserveCapacity(families)
    for _ in 0..<families {
      guard let name = text(), let count = int(), count <= end - at else { return nil }
      var words: [String] = []
      words.reserveCapacity(count)
      for _ in 0..<count {
        guard let word = text() else { return nil }
        words.append(word)
      }
      lexicon[name] = words
    }
    return at == end ? lexicon : nil
  }
}
