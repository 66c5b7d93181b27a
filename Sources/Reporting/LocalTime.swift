import Foundation

/// Stored times (ISO 8601 in UTC, `2026-12-05T16:21:35Z`) as a coach reads them: in one time
/// zone, the machine's unless `--tz` names another.
public struct LocalTime {
  public let timeZone: TimeZone
  // Formatters are costly to make; one set serves every row of a view.
  private let plain = ISO8601DateFormatter()
  private let fractional: ISO8601DateFormatter
  private let minuteFormat: DateFormatter
  private let dayFormat: DateFormatter

  public init(timeZone: TimeZone = .current) {
    self.timeZone = timeZone
    fractional = ISO8601DateFormatter()
    fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    func formatter(_ pattern: String) -> DateFormatter {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.calendar = Calendar(identifier: .gregorian)
      formatter.timeZone = timeZone
      formatter.dateFormat = pattern
      return formatter
    }
    minuteFormat = formatter("yyyy-MM-dd HH:mm")
    dayFormat = formatter("yyyy-MM-dd")
  }

  /// The zone named by an IANA identifier (`Asia/Shanghai`) or an abbreviation (`UTC`, `CST`),
  /// nil when there is no such zone.
  public static func zone(named name: String) -> TimeZone? {
    TimeZone(identifier: name) ?? TimeZone(abbreviation: name)
  }

  private func format(_ stored: String, _ formatter: DateFormatter) -> String {
    guard let date = plain.date(from: stored) ?? fractional.date(from: stored) else {
      return String(stored.prefix(formatter.dateFormat.count))
    }
    return formatter.string(from: date)
  }

  /// `2026-12-06 00:21` in this zone.
  public func minute(_ stored: String) -> String { format(stored, minuteFormat) }

  /// `2026-12-06` in this zone.
  public func day(_ stored: String) -> String { format(stored, dayFormat) }
}
