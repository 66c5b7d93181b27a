import Foundation

/// A compact binary form for any `Codable` value, for caches that must read back fast and for
/// stored reports.
///
/// Layout: a table of the strings used, coding keys and string values alike (each written once,
/// so a lexicon family copied into many criteria is stored and read back once), then the root
/// value. A value is a tag byte and its payload: nil, false, true, a signed or unsigned
/// variable-length integer, a double (8 bytes), a string (its number in the table), a keyed
/// container or an unkeyed one. A
/// container gives its byte length and entry count first, so a reader skips one without reading
/// it. Keyed entries are (key number, value) in the order they were encoded, which is the order
/// synthesized `init(from:)` asks for them, so reading back is one forward pass.
///
/// Decoding checks every length against the bytes it has and throws on anything malformed; a
/// cache must also check its own checksum, since this form carries none.
public enum BinaryCoding {
  enum Tag: UInt8 {
    case null = 0, bool0, bool1, int, uint, double, string, keyed, unkeyed
  }

  /// Bytes that are not a value of the type asked for.
  public struct Malformed: Error {}

  /// The bytes of `value`.
  public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    let root = EncodingNode()
    try value.encode(to: NodeEncoder(node: root, codingPath: []))
    var strings = StringTable()
    var body: [UInt8] = []
    root.write(to: &body, strings: &strings)
    var bytes: [UInt8] = []
    writeVarint(UInt64(strings.names.count), to: &bytes)
    for name in strings.names {
      writeVarint(UInt64(name.utf8.count), to: &bytes)
      bytes.append(contentsOf: name.utf8)
    }
    bytes.append(contentsOf: body)
    return bytes
  }

  /// The value `bytes` hold.
  public static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws
    -> T
  {
    let reader = ByteReader(bytes: bytes)
    let count = try reader.varint(limit: bytes.count)
    var strings: [String] = []
    strings.reserveCapacity(count)
    for _ in 0..<count { strings.append(try reader.tableEntry()) }
    reader.strings = strings
    return try T(from: NodeDecoder(reader: reader, position: reader.position, codingPath: []))
  }

  static func writeVarint(_ value: UInt64, to bytes: inout [UInt8]) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }
}

// MARK: - Encoding: values are gathered into a tree, then written bottom-up with their lengths.

private struct StringTable {
  var names: [String] = []
  var numbers: [String: Int] = [:]

  mutating func number(_ name: String) -> Int {
    if let n = numbers[name] { return n }
    numbers[name] = names.count
    names.append(name)
    return names.count - 1
  }
}

private final class EncodingNode {
  enum Content {
    case empty
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case keyed([(String, EncodingNode)])
    case unkeyed([EncodingNode])
  }
  var content = Content.empty

  func write(to bytes: inout [UInt8], strings: inout StringTable) {
    switch content {
    case .empty, .null: bytes.append(BinaryCoding.Tag.null.rawValue)
    case .bool(let b): bytes.append((b ? BinaryCoding.Tag.bool1 : .bool0).rawValue)
    case .int(let i):
      bytes.append(BinaryCoding.Tag.int.rawValue)
      BinaryCoding.writeVarint(UInt64(bitPattern: (i << 1) ^ (i >> 63)), to: &bytes)
    case .uint(let u):
      bytes.append(BinaryCoding.Tag.uint.rawValue)
      BinaryCoding.writeVarint(u, to: &bytes)
    case .double(let d):
      bytes.append(BinaryCoding.Tag.double.rawValue)
      withUnsafeBytes(of: d.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    case .string(let s):
      bytes.append(BinaryCoding.Tag.string.rawValue)
      BinaryCoding.writeVarint(UInt64(strings.number(s)), to: &bytes)
    case .keyed(let entries):
      var payload: [UInt8] = []
      BinaryCoding.writeVarint(UInt64(entries.count), to: &payload)
      for (key, node) in entries {
        BinaryCoding.writeVarint(UInt64(strings.number(key)), to: &payload)
        node.write(to: &payload, strings: &strings)
      }
      bytes.append(BinaryCoding.Tag.keyed.rawValue)
      BinaryCoding.writeVarint(UInt64(payload.count), to: &bytes)
      bytes.append(contentsOf: payload)
    case .unkeyed(let items):
      var payload: [UInt8] = []
      BinaryCoding.writeVarint(UInt64(items.count), to: &payload)
      for node in items { node.write(to: &payload, strings: &strings) }
      bytes.append(BinaryCoding.Tag.unkeyed.rawValue)
      BinaryCoding.writeVarint(UInt64(payload.count), to: &bytes)
      bytes.append(contentsOf: payload)
    }
  }

  func appendKeyed(_ key: String) -> EncodingNode {
    let child = EncodingNode()
    if case .keyed(var entries) = content {
      content = .empty
      entries.append((key, child))
      content = .keyed(entries)
    } else {
      content = .keyed([(key, child)])
    }
    return child
  }

  func appendUnkeyed() -> EncodingNode {
    let child = EncodingNode()
    if case .unkeyed(var items) = content {
      content = .empty
      items.append(child)
      content = .unkeyed(items)
    } else {
      content = .unkeyed([child])
    }
    return child
  }

  func set(_ value: some Encodable, codingPath: [CodingKey]) throws {
    switch value {
    case let s as String: content = .string(s)
    case let b as Bool: content = .bool(b)
    case let i as Int: content = .int(Int64(i))
    case let d as Double: content = .double(d)
    default: try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
    }
  }
}

private struct NodeEncoder: Encoder {
  let node: EncodingNode
  var codingPath: [CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .keyed = node.content {} else { node.content = .keyed([]) }
    return KeyedEncodingContainer(KeyedWriter(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> UnkeyedEncodingContainer {
    if case .unkeyed = node.content {} else { node.content = .unkeyed([]) }
    return UnkeyedWriter(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> SingleValueEncodingContainer {
    SingleWriter(node: node, codingPath: codingPath)
  }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: EncodingNode
  var codingPath: [CodingKey]

  mutating func encodeNil(forKey key: Key) throws {
    node.appendKeyed(key.stringValue).content = .null
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try node.appendKeyed(key.stringValue).set(value, codingPath: codingPath + [key])
  }

  // An absent optional is written as nil rather than left out, so every key a reader asks for
  // is where it expects it (a left-out key would make it search the whole container).
  private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
    guard let value else { return try encodeNil(forKey: key) }
    try encode(value, forKey: key)
  }
  mutating func encodeIfPresent(_ v: Bool?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: String?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: Double?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: Float?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: Int?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: Int8?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: Int16?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: Int32?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: Int64?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: UInt?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: UInt8?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: UInt16?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: UInt32?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent(_ v: UInt64?, forKey key: Key) throws { try present(v, key) }
  mutating func encodeIfPresent<T: Encodable>(_ v: T?, forKey key: Key) throws {
    try present(v, key)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let child = node.appendKeyed(key.stringValue)
    return NodeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
    let child = node.appendKeyed(key.stringValue)
    return NodeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
  }

  mutating func superEncoder() -> Encoder {
    NodeEncoder(node: node.appendKeyed("super"), codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> Encoder {
    NodeEncoder(node: node.appendKeyed(key.stringValue), codingPath: codingPath + [key])
  }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
  let node: EncodingNode
  var codingPath: [CodingKey]
  var count: Int {
    if case .unkeyed(let items) = node.content { return items.count }
    return 0
  }

  mutating func encodeNil() throws { node.appendUnkeyed().content = .null }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try node.appendUnkeyed().set(value, codingPath: codingPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    NodeEncoder(node: node.appendUnkeyed(), codingPath: codingPath).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
    NodeEncoder(node: node.appendUnkeyed(), codingPath: codingPath).unkeyedContainer()
  }

  mutating func superEncoder() -> Encoder {
    NodeEncoder(node: node.appendUnkeyed(), codingPath: codingPath)
  }
}

private struct SingleWriter: SingleValueEncodingContainer {
  let node: EncodingNode
  var codingPath: [CodingKey]

  mutating func encodeNil() throws { node.content = .null }
  mutating func encode(_ value: Bool) throws { node.content = .bool(value) }
  mutating func encode(_ value: String) throws { node.content = .string(value) }
  mutating func encode(_ value: Double) throws { node.content = .double(value) }
  mutating func encode(_ value: Float) throws { node.content = .double(Double(value)) }
  mutating func encode(_ value: Int) throws { node.content = .int(Int64(value)) }
  mutating func encode(_ value: Int8) throws { node.content = .int(Int64(value)) }
  mutating func encode(_ value: Int16) throws { node.content = .int(Int64(value)) }
  mutating func encode(_ value: Int32) throws { node.content = .int(Int64(value)) }
  mutating func encode(_ value: Int64) throws { node.content = .int(value) }
  mutating func encode(_ value: UInt) throws { node.content = .uint(UInt64(value)) }
  mutating func encode(_ value: UInt8) throws { node.content = .uint(UInt64(value)) }
  mutating func encode(_ value: UInt16) throws { node.content = .uint(UInt64(value)) }
  mutating func encode(_ value: UInt32) throws { node.content = .uint(UInt64(value)) }
  mutating func encode(_ value: UInt64) throws { node.content = .uint(value) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try node.set(value, codingPath: codingPath)
  }
}

// MARK: - Decoding: straight from the bytes, one forward pass in the usual case.

private final class ByteReader {
  let bytes: UnsafeRawBufferPointer
  var position = 0
  /// The string table: coding keys and string values, by number.
  var strings: [String] = []

  init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  func byte() throws -> UInt8 {
    guard position < bytes.count else { throw BinaryCoding.Malformed() }
    defer { position += 1 }
    return bytes[position]
  }

  /// A count or key number no larger than `limit`.
  func varint(limit: Int) throws -> Int {
    let value = try rawVarint()
    guard limit >= 0, value <= UInt64(limit) else { throw BinaryCoding.Malformed() }
    return Int(value)
  }

  /// A length: a varint no larger than the bytes left after it.
  func length() throws -> Int {
    let value = try rawVarint()
    guard value <= UInt64(bytes.count - position) else { throw BinaryCoding.Malformed() }
    return Int(value)
  }

  func rawVarint() throws -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try byte()
      guard shift < 64 else { throw BinaryCoding.Malformed() }
      value |= UInt64(b & 0x7F) << shift
      if b < 0x80 { return value }
      shift += 7
    }
  }

  /// One entry of the string table (length, UTF-8 bytes).
  func tableEntry() throws -> String {
    let count = try length()
    defer { position += count }
    return String(
      decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + count]),
      as: UTF8.self)
  }

  /// The position just after the value that starts at `at`.
  func end(ofValueAt at: Int) throws -> Int {
    position = at
    guard let tag = BinaryCoding.Tag(rawValue: try byte()) else { throw BinaryCoding.Malformed() }
    switch tag {
    case .null, .bool0, .bool1: break
    case .int, .uint, .string: _ = try rawVarint()
    case .double:
      guard position + 8 <= bytes.count else { throw BinaryCoding.Malformed() }
      position += 8
    case .keyed, .unkeyed: position += try length()
    }
    return position
  }

  /// Reads a container's header at `at`: its entry count and where its entries start and end.
  func container(at: Int, tag expected: BinaryCoding.Tag) throws -> (
    count: Int, start: Int, end: Int
  ) {
    position = at
    guard try byte() == expected.rawValue else { throw BinaryCoding.Malformed() }
    let length = try length()
    let end = position + length
    let count = try varint(limit: length)
    return (count, position, end)
  }

  func tag(at: Int) throws -> BinaryCoding.Tag {
    position = at
    guard let tag = BinaryCoding.Tag(rawValue: try byte()) else { throw BinaryCoding.Malformed() }
    return tag
  }

  // Scalars at a position; each leaves `position` just after the value.

  func bool(at: Int) throws -> Bool {
    switch try tag(at: at) {
    case .bool0: return false
    case .bool1: return true
    default: throw BinaryCoding.Malformed()
    }
  }

  func int64(at: Int) throws -> Int64 {
    switch try tag(at: at) {
    case .int:
      let z = try rawVarint()
      return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    case .uint:
      let u = try rawVarint()
      guard u <= UInt64(Int64.max) else { throw BinaryCoding.Malformed() }
      return Int64(u)
    default: throw BinaryCoding.Malformed()
    }
  }

  func uint64(at: Int) throws -> UInt64 {
    switch try tag(at: at) {
    case .uint: return try rawVarint()
    case .int:
      let value = try int64(at: at)
      guard value >= 0 else { throw BinaryCoding.Malformed() }
      return UInt64(value)
    default: throw BinaryCoding.Malformed()
    }
  }

  func double(at: Int) throws -> Double {
    guard try tag(at: at) == .double, position + 8 <= bytes.count else {
      throw BinaryCoding.Malformed()
    }
    defer { position += 8 }
    return Double(
      bitPattern: UInt64(
        littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)))
  }

  func string(at: Int) throws -> String {
    guard try tag(at: at) == .string else { throw BinaryCoding.Malformed() }
    return strings[try varint(limit: strings.count - 1)]
  }

  func decode<T: Decodable>(_ type: T.Type, at: Int, codingPath: [CodingKey]) throws -> T {
    switch type {
    case is String.Type: return try string(at: at) as! T
    case is Int.Type: return Int(try int64(at: at)) as! T
    case is Bool.Type: return try bool(at: at) as! T
    case is Double.Type: return try double(at: at) as! T
    default:
      let value = try T(from: NodeDecoder(reader: self, position: at, codingPath: codingPath))
      position = try end(ofValueAt: at)
      return value
    }
  }

  func integer<I: FixedWidthInteger>(_ type: I.Type, at: Int) throws -> I {
    if I.isSigned {
      guard let value = I(exactly: try int64(at: at)) else { throw BinaryCoding.Malformed() }
      return value
    }
    guard let value = I(exactly: try uint64(at: at)) else { throw BinaryCoding.Malformed() }
    return value
  }
}

private struct NodeDecoder: Decoder {
  let reader: ByteReader
  let position: Int
  var codingPath: [CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    let header = try reader.container(at: position, tag: .keyed)
    return KeyedDecodingContainer(
      KeyedReader<Key>(
        reader: reader, count: header.count, start: header.start, end: header.end,
        codingPath: codingPath))
  }

  func unkeyedContainer() throws -> UnkeyedDecodingContainer {
    let header = try reader.container(at: position, tag: .unkeyed)
    return UnkeyedReader(
      reader: reader, count: header.count, cursor: header.start, end: header.end,
      codingPath: codingPath)
  }

  func singleValueContainer() throws -> SingleValueDecodingContainer {
    SingleReader(reader: reader, position: position, codingPath: codingPath)
  }
}

private final class KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let reader: ByteReader
  let count: Int
  let start: Int
  let end: Int
  var codingPath: [CodingKey]
  /// The next entry to look at, and its number: reads in encoding order never search.
  private var cursor: Int
  private var index = 0

  init(reader: ByteReader, count: Int, start: Int, end: Int, codingPath: [CodingKey]) {
    self.reader = reader
    self.count = count
    self.start = start
    self.end = end
    self.codingPath = codingPath
    cursor = start
  }

  var allKeys: [Key] {
    var keys: [Key] = []
    var at = start
    for _ in 0..<count {
      reader.position = at
      guard let number = try? reader.varint(limit: reader.strings.count - 1),
        let next = try? reader.end(ofValueAt: reader.position)
      else { return keys }
      if let key = Key(stringValue: reader.strings[number]) { keys.append(key) }
      at = next
    }
    return keys
  }

  /// Where the value of `key` starts, searching from the cursor and wrapping around once; moves
  /// the cursor past the entry found.
  private func find(_ key: Key) throws -> Int? {
    guard count > 0 else { return nil }
    let name = key.stringValue
    var at = cursor
    var i = index
    for _ in 0..<count {
      if i == count {
        at = start
        i = 0
      }
      reader.position = at
      let number = try reader.varint(limit: reader.strings.count - 1)
      let value = reader.position
      let next = try reader.end(ofValueAt: value)
      guard next <= end else { throw BinaryCoding.Malformed() }
      if reader.strings[number] == name {
        cursor = next
        index = i + 1
        return value
      }
      at = next
      i += 1
    }
    return nil
  }

  private func value(_ key: Key) throws -> Int {
    guard let at = try find(key) else {
      throw DecodingError.keyNotFound(
        key, .init(codingPath: codingPath, debugDescription: "no \(key.stringValue)"))
    }
    return at
  }

  func contains(_ key: Key) -> Bool {
    let saved = (cursor, index)
    defer { (cursor, index) = saved }
    return (try? find(key)) != nil
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    let saved = (cursor, index)
    let at = try value(key)
    if try reader.tag(at: at) == .null { return true }
    (cursor, index) = saved
    return false
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    try reader.bool(at: try value(key))
  }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try reader.string(at: try value(key))
  }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try reader.double(at: try value(key))
  }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
    Float(try reader.double(at: try value(key)))
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
    try reader.integer(Int.self, at: try value(key))
  }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
    try reader.integer(Int8.self, at: try value(key))
  }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
    try reader.integer(Int16.self, at: try value(key))
  }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
    try reader.integer(Int32.self, at: try value(key))
  }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
    try reader.integer(Int64.self, at: try value(key))
  }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
    try reader.integer(UInt.self, at: try value(key))
  }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
    try reader.integer(UInt8.self, at: try value(key))
  }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
    try reader.integer(UInt16.self, at: try value(key))
  }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
    try reader.integer(UInt32.self, at: try value(key))
  }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
    try reader.integer(UInt64.self, at: try value(key))
  }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try reader.decode(type, at: try value(key), codingPath: codingPath + [key])
  }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type, forKey key: Key
  ) throws -> KeyedDecodingContainer<NestedKey> {
    try NodeDecoder(reader: reader, position: try value(key), codingPath: codingPath + [key])
      .container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
    try NodeDecoder(reader: reader, position: try value(key), codingPath: codingPath + [key])
      .unkeyedContainer()
  }

  func superDecoder() throws -> Decoder {
    guard let key = Key(stringValue: "super") else { throw BinaryCoding.Malformed() }
    return try superDecoder(forKey: key)
  }

  func superDecoder(forKey key: Key) throws -> Decoder {
    NodeDecoder(reader: reader, position: try value(key), codingPath: codingPath + [key])
  }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
  let reader: ByteReader
  let count: Int?
  var cursor: Int
  let end: Int
  var codingPath: [CodingKey]
  var currentIndex = 0

  init(reader: ByteReader, count: Int, cursor: Int, end: Int, codingPath: [CodingKey]) {
    self.reader = reader
    self.count = count
    self.cursor = cursor
    self.end = end
    self.codingPath = codingPath
  }

  var isAtEnd: Bool { currentIndex >= count! }

  private mutating func next() throws -> Int {
    guard !isAtEnd, cursor < end else {
      throw DecodingError.valueNotFound(
        Any.self, .init(codingPath: codingPath, debugDescription: "no more items"))
    }
    let at = cursor
    cursor = try reader.end(ofValueAt: at)
    guard cursor <= end else { throw BinaryCoding.Malformed() }
    currentIndex += 1
    return at
  }

  /// Reads one scalar item with `read`, which leaves the reader just after it.
  private mutating func item<T>(_ read: (Int) throws -> T) throws -> T {
    guard !isAtEnd, cursor < end else {
      throw DecodingError.valueNotFound(
        T.self, .init(codingPath: codingPath, debugDescription: "no more items"))
    }
    let value = try read(cursor)
    guard reader.position <= end else { throw BinaryCoding.Malformed() }
    cursor = reader.position
    currentIndex += 1
    return value
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, try reader.tag(at: cursor) == .null else { return false }
    _ = try next()
    return true
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool { try item(reader.bool) }
  mutating func decode(_ type: String.Type) throws -> String { try item(reader.string) }
  mutating func decode(_ type: Double.Type) throws -> Double { try item(reader.double) }
  mutating func decode(_ type: Float.Type) throws -> Float { Float(try item(reader.double)) }
  mutating func decode(_ type: Int.Type) throws -> Int {
    try item { [reader] in try reader.integer(Int.self, at: $0) }
  }
  mutating func decode(_ type: Int8.Type) throws -> Int8 {
    try item { [reader] in try reader.integer(Int8.self, at: $0) }
  }
  mutating func decode(_ type: Int16.Type) throws -> Int16 {
    try item { [reader] in try reader.integer(Int16.self, at: $0) }
  }
  mutating func decode(_ type: Int32.Type) throws -> Int32 {
    try item { [reader] in try reader.integer(Int32.self, at: $0) }
  }
  mutating func decode(_ type: Int64.Type) throws -> Int64 {
    try item { [reader] in try reader.integer(Int64.self, at: $0) }
  }
  mutating func decode(_ type: UInt.Type) throws -> UInt {
    try item { [reader] in try reader.integer(UInt.self, at: $0) }
  }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
    try item { [reader] in try reader.integer(UInt8.self, at: $0) }
  }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
    try item { [reader] in try reader.integer(UInt16.self, at: $0) }
  }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
    try item { [reader] in try reader.integer(UInt32.self, at: $0) }
  }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
    try item { [reader] in try reader.integer(UInt64.self, at: $0) }
  }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let path = codingPath
    return try item { [reader] in try reader.decode(type, at: $0, codingPath: path) }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try NodeDecoder(reader: reader, position: try next(), codingPath: codingPath)
      .container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
    try NodeDecoder(reader: reader, position: try next(), codingPath: codingPath)
      .unkeyedContainer()
  }

  mutating func superDecoder() throws -> Decoder {
    NodeDecoder(reader: reader, position: try next(), codingPath: codingPath)
  }
}

private struct SingleReader: SingleValueDecodingContainer {
  let reader: ByteReader
  let position: Int
  var codingPath: [CodingKey]

  func decodeNil() -> Bool { (try? reader.tag(at: position)) == .null }
  func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(at: position) }
  func decode(_ type: String.Type) throws -> String { try reader.string(at: position) }
  func decode(_ type: Double.Type) throws -> Double { try reader.double(at: position) }
  func decode(_ type: Float.Type) throws -> Float { Float(try reader.double(at: position)) }
  func decode(_ type: Int.Type) throws -> Int { try reader.integer(Int.self, at: position) }
  func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(Int8.self, at: position) }
  func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(Int16.self, at: position) }
  func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(Int32.self, at: position) }
  func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(Int64.self, at: position) }
  func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(UInt.self, at: position) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(UInt8.self, at: position) }
  func decode(_ type: UInt16.Type) throws -> UInt16 {
    try reader.integer(UInt16.self, at: position)
  }
  func decode(_ type: UInt32.Type) throws -> UInt32 {
    try reader.integer(UInt32.self, at: position)
  }
  func decode(_ type: UInt64.Type) throws -> UInt64 {
    try reader.integer(UInt64.self, at: position)
  }
  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try reader.decode(type, at: position, codingPath: codingPath)
  }
}
