/// A 64-bit digest of content: the texts a scenario was built from, so a stored session names the
/// exact content it was scored with (and the caches know their files are unchanged), and a stored
/// report's frame, so sessions on the same content share one. Eight bytes
/// at a time with a multiply-xorshift mix: start-up digests about a megabyte of YAML, which
/// byte-wise FNV-1a took 2 ms to do.
public struct Fingerprint {
  private var hash: UInt64 = 0xCBF2_9CE4_8422_2325

  private mutating func mix(_ word: UInt64) {
    hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
    hash ^= hash >> 29
  }

  public init() {}

  /// Mixes in `text`'s UTF-8 bytes.
  public mutating func add(_ text: String) {
    var text = text
    text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// Mixes in `raw` eight bytes at a time, then its length, so ("ab", "c") and ("a", "bc")
  /// differ.
  public mutating func add(bytes raw: UnsafeRawBufferPointer) {
    var at = 0
    while at + 8 <= raw.count {
      mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
      at += 8
    }
    var last: UInt64 = 0
    for (shift, byte) in raw[at...].enumerated() { last |= UInt64(byte) << (8 * UInt64(shift)) }
    mix(last ^ (UInt64(raw.count - at) << 59))
    mix(0xFF)
  }

  /// The 64-bit value so far.
  public var value: UInt64 { hash }

  /// The value as 16 hex digits.
  public var hex: String {
    let s = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }
}
