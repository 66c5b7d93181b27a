import CZlib

/// zlib compression of a byte string, for stored bodies that are written once and read often.
///
/// Layout: the uncompressed length (4 bytes, little-endian), then a zlib stream (RFC 1950, with
/// its Adler-32 checksum), so damage is an error when inflating, never wrong bytes.
public enum Deflate {
  /// The most bytes ``inflate(_:)`` will give back (a damaged length must not allocate
  /// gigabytes).
  public static let largest = 64 << 20

  /// Compressed or inflated bytes that are not what ``deflate(_:)`` wrote.
  public struct Damaged: Error {}

  /// `bytes`, compressed.
  public static func deflate(_ bytes: [UInt8]) -> [UInt8] {
    precondition(bytes.count <= largest, "Deflate: \(bytes.count) bytes is more than it stores")
    var bound = compressBound(uLong(bytes.count))
    var out = [UInt8](repeating: 0, count: 4 + Int(bound))
    let count = UInt32(bytes.count)
    for i in 0..<4 { out[i] = UInt8(truncatingIfNeeded: count >> (8 * UInt32(i))) }
    let status = out.withUnsafeMutableBufferPointer { target in
      bytes.withUnsafeBufferPointer { source in
        compress2(
          target.baseAddress! + 4, &bound, source.baseAddress, uLong(bytes.count),
          Z_DEFAULT_COMPRESSION)
      }
    }
    // compress2 fails only without memory or with a too-small buffer; compressBound rules out
    // the second.
    precondition(status == Z_OK, "zlib compress2 failed (\(status))")
    out.removeLast(out.count - 4 - Int(bound))
    return out
  }

  /// The bytes `compressed` holds; throws ``Damaged`` on anything ``deflate(_:)`` did not write.
  public static func inflate(_ compressed: [UInt8]) throws -> [UInt8] {
    guard compressed.count >= 4 else { throw Damaged() }
    var count = 0
    for i in 0..<4 { count |= Int(compressed[i]) << (8 * i) }
    guard count <= largest else { throw Damaged() }
    // One byte more than needed: zlib wants a buffer even for an empty string.
    var out = [UInt8](repeating: 0, count: count + 1)
    var length = uLong(count + 1)
    let status = out.withUnsafeMutableBufferPointer { target in
      compressed.withUnsafeBufferPointer { source in
        uncompress(
          target.baseAddress, &length, source.baseAddress! + 4, uLong(compressed.count - 4))
      }
    }
    guard status == Z_OK, length == uLong(count) else { throw Damaged() }
    out.removeLast()
    return out
  }
}
