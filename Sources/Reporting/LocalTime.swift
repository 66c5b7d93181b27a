import Foundation

/// Stored times (ISO 8601 in UTC, `2026-12-05T16:21:35Z`) as a coach reads them: in one time
/// zone, the machine's unless `--tz` names another.
public struct LocalTime: Sendable {
  public let timeZone: TimeZone

  public init(timeZone: TimeZone = .current) {
    self.timeZone = timeZone
  }

  /// The zone named by an IANA identifier (`Asia/Shanghai`) or an abbreviation (`UTC`, `CST`),
  /// nil when there is no such zone.
  public static func zone(named name: String) -> TimeZone? {
    TimeZone(identifier: name) ?? TimeZone(abbreviation: name)
  }

  private func parse(_ stored: String) -> Date? {
    let plain = ISO8601DateFormatter()
    if let date = plain.date(from: stored) { return date }
    let fractional = ISO8601DateFormatter()
    fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return fractional.date(from: stored)
  }

  private func format(_ stored: String, _ pattern: String) -> String {
    guard let date = parse(stored) else { return String(stored.prefix(pattern.count)) }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.timeZone = timeZone
    formatter.dateFormat = pattern
    return formatter.string(from: date)
  }

  /// `2026-12-06 00:21` in this zone.
  public func minute(_ stored: String) -> String { format(stored, "yyyy-MM-dd HH:mm") }

  /// `2026-12-06` in this zone.
  public func day(_ stored: String) -> String { format(stored, "yyyy-MM-dd") }
}
