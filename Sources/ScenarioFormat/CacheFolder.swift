import CompactCoding
import Foundation

/// A folder of cache files of one kind (`lexicon-<key>.bin`, `scenario-<key>.bin`): each file is
/// a magic line, a payload and a checksum of both, written atomically; only the newest few are
/// kept. Anything odd about a file (missing, truncated, corrupted, another layout) reads as no
/// file, and a file that cannot be written is simply not kept: a cache is only a shortcut.
struct CacheFolder: Sendable {
  let directory: String
  /// The file name prefix, e.g. `lexicon`.
  let kind: String
  /// The first bytes of every file, naming the layout.
  let magic: [UInt8]
  /// How many files are kept: every edit makes a new one, and a few stay for several
  /// checkouts or libraries sharing the folder.
  let filesKept: Int

  func path(key: String) -> String {
    (directory as NSString).appendingPathComponent("\(kind)-\(key).bin")
  }

  /// The payload stored under `key`, handed to `body` without a copy; nil when there is none or
  /// it cannot be trusted.
  func read<T>(key: String, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
    guard let data = FileManager.default.contents(atPath: path(key: key)) else { return nil }
    return data.withUnsafeBytes { raw in
      guard let payload = Self.unframe(raw.bindMemory(to: UInt8.self), magic: magic) else {
        return nil
      }
      return body(payload)
    }
  }

  /// Stores `payload` under `key` (unless a file is already there and `replacing` is false),
  /// then removes all but the newest ``filesKept`` files; failures are ignored.
  func write(_ payload: [UInt8], key: String, replacing: Bool = false) {
    let target = path(key: key)
    if !replacing && FileManager.default.fileExists(atPath: target) { return }
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
      try Data(Self.frame(payload, magic: magic)).write(
        to: URL(fileURLWithPath: target), options: .atomic)
    } catch {
      return
    }
    prune(keeping: target)
  }

  /// Removes old files of this kind, newest kept first; `current` always stays.
  private func prune(keeping current: String) {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return }
    let files = names.filter { $0.hasPrefix("\(kind)-") && $0.hasSuffix(".bin") }
      .map { (directory as NSString).appendingPathComponent($0) }
      .filter { $0 != current }
      .map { path -> (path: String, date: Date) in
        let date = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        return (path, date ?? .distantPast)
      }
      .sorted { ($0.date, $0.path) > ($1.date, $1.path) }
    for old in files.dropFirst(filesKept - 1) { try? fm.removeItem(atPath: old.path) }
  }

  // MARK: - Layout: magic, payload, a 64-bit fingerprint of both (little-endian).

  static func frame(_ payload: [UInt8], magic: [UInt8]) -> [UInt8] {
    var bytes = magic + payload
    let sum = bytes.withUnsafeBufferPointer { checksum($0) }
    withUnsafeBytes(of: sum.littleEndian) { bytes.append(contentsOf: $0) }
    return bytes
  }

  static func unframe(_ bytes: UnsafeBufferPointer<UInt8>, magic: [UInt8])
    -> UnsafeBufferPointer<UInt8>?
  {
    guard bytes.count >= magic.count + 8, bytes.prefix(magic.count).elementsEqual(magic)
    else { return nil }
    let end = bytes.count - 8
    var stored: UInt64 = 0
    for i in 0..<8 { stored |= UInt64(bytes[end + i]) << (8 * UInt64(i)) }
    guard checksum(UnsafeBufferPointer(rebasing: bytes[..<end])) == stored else { return nil }
    return UnsafeBufferPointer(rebasing: bytes[magic.count..<end])
  }

  private static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var fingerprint = Fingerprint()
    fingerprint.add(bytes: UnsafeRawBufferPointer(bytes))
    return fingerprint.value
  }
}
