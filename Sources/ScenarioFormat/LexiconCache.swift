import Foundation

/// The shared lexicon as read from its YAML, kept in a small binary file keyed by the bytes of
/// the lexicon files, so start-up parses ~400 KB of YAML only when a lexicon file changed.
///
/// The cache holds only lexicons whose files read without a single diagnostic, so a hit gives
/// exactly what reading the files would: the same families and no messages. Anything odd about
/// a cache file (missing, truncated, corrupted, written by another format version) is a miss,
/// and a cache that cannot be written is simply not used.
public struct LexiconCache: Sendable {
  /// The folder the cache files live in (created when first written).
  public let directory: String

  /// Bumped whenever the file layout or the way lexicon files are read changes.
  static let formatVersion = "lexicon-cache-1"
  private static let magic: [UInt8] = Array("VCLX1\n".utf8)

  public init(directory: String) {
    self.directory = directory
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

  func path(key: String) -> String {
    (directory as NSString).appendingPathComponent("lexicon-\(key).bin")
  }

  /// The lexicon stored under `key`, or nil when there is none or it cannot be trusted.
  func load(key: String) -> [String: [String]]? {
    guard let data = FileManager.default.contents(atPath: path(key: key)) else { return nil }
    return data.withUnsafeBytes { raw in
      Self.decode(raw.bindMemory(to: UInt8.self))
    }
  }

  /// How many cache files are kept: a few, for several checkouts or libraries sharing the
  /// folder; every edit of a lexicon file makes a new one.
  static let filesKept = 4

  /// Stores `lexicon` under `key`, then removes all but the newest ``filesKept`` cache files;
  /// failures are ignored (the cache is only a shortcut).
  func store(_ lexicon: [String: [String]], key: String) {
    let target = path(key: key)
    if FileManager.default.fileExists(atPath: target) { return }
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
      try Data(Self.encode(lexicon)).write(to: URL(fileURLWithPath: target), options: .atomic)
    } catch {
      return
    }
    prune(keeping: target)
  }

  /// Removes old cache files, newest kept first; `current` always stays.
  private func prune(keeping current: String) {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return }
    let files = names.filter { $0.hasPrefix("lexicon-") && $0.hasSuffix(".bin") }
      .map { (directory as NSString).appendingPathComponent($0) }
      .filter { $0 != current }
      .map { path -> (path: String, date: Date) in
        let date = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        return (path, date ?? .distantPast)
      }
      .sorted { ($0.date, $0.path) > ($1.date, $1.path) }
    for old in files.dropFirst(Self.filesKept - 1) { try? fm.removeItem(atPath: old.path) }
  }

  // MARK: - Layout: magic, family count, (name, word count, words)…, FNV-1a of all before it.

  static func encode(_ lexicon: [String: [String]]) -> [UInt8] {
    var bytes = magic
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
    let sum = checksum(bytes[...])
    withUnsafeBytes(of: sum.littleEndian) { bytes.append(contentsOf: $0) }
    return bytes
  }

  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: [String]]? {
    guard bytes.count >= magic.count + 4 + 8,
      bytes.prefix(magic.count).elementsEqual(magic)
    else { return nil }
    let end = bytes.count - 8
    var stored: UInt64 = 0
    for i in 0..<8 { stored |= UInt64(bytes[end + i]) << (8 * UInt64(i)) }
    guard checksum(bytes[..<end]) == stored else { return nil }
    var at = magic.count
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

  private static func checksum<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01B3
    }
    return hash
  }
}
