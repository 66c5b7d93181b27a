import Foundation
import Testing

@testable import VisitCoachCLI

@Suite("Database lane")
struct DatabaseLaneTests {
  private struct Refused: Error {}

  /// Records what ran, in order, from the lane's thread.
  private final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []
    func add(_ entry: String) {
      lock.lock()
      entries.append(entry)
      lock.unlock()
    }
    var all: [String] {
      lock.lock()
      defer { lock.unlock() }
      return entries
    }
  }

  @Test func jobsRunInTheOrderGivenAndReadsGiveTheirValues() throws {
    let lane = DatabaseLane()
    let log = Log()
    let first = lane.read {
      log.add("read 1")
      return 1
    }
    lane.write { log.add("write 1") }
    let second = lane.read {
      log.add("read 2")
      return 2
    }
    #expect(try second.wait() == 2)
    #expect(try first.wait() == 1)
    #expect(try first.wait() == 1, "a value can be asked for again")
    try lane.finish()
    #expect(log.all == ["read 1", "write 1", "read 2"])
  }

  @Test func aFailedWriteStopsEveryLaterJobAndIsThrown() throws {
    let lane = DatabaseLane()
    let log = Log()
    lane.write { throw Refused() }
    lane.write { log.add("later write") }
    let later = lane.read {
      log.add("later read")
      return 0
    }
    #expect(throws: Refused.self) { try later.wait() }
    #expect(throws: Refused.self) { try lane.failure() }
    #expect(throws: Refused.self) { try lane.finish() }
    #expect(log.all.isEmpty, "nothing runs after a failed write")
  }

  @Test func aFailedReadIsThrownWhereItsValueIsNeeded() throws {
    let lane = DatabaseLane()
    let read: DatabaseLane.Pending<Int> = lane.read { throw Refused() }
    #expect(throws: Refused.self) { try read.wait() }
    try lane.finish()
  }
}
