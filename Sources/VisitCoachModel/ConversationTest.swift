/// Where something was written in a conversation-test file (1-based).
public struct TestMark: Sendable, Hashable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

/// One expectation with where it was written.
public struct Expected<Value: Sendable & Hashable>: Sendable, Hashable {
  public var value: Value
  public var mark: TestMark

  public init(_ value: Value, at mark: TestMark) {
    self.value = value
    self.mark = mark
  }
}

/// What one turn of a conversation test must show.
public struct TurnExpectation: Sendable, Hashable {
  /// 1-based turn index.
  public var turn: Int
  /// The retailer line id said in that turn.
  public var line: String?
  /// Accepted variants: the retailer's text contains at least one of these.
  public var says: [String]
  /// The phase the trainee spoke in.
  public var phase: String?
  public var mark: TestMark

  public init(turn: Int, line: String?, says: [String], phase: String?, mark: TestMark) {
    self.turn = turn
    self.line = line
    self.says = says
    self.phase = phase
    self.mark = mark
  }
}

/// Everything a conversation test can expect of a visit.
public struct TestExpectations: Sendable, Hashable {
  public var passed: Expected<Bool>?
  public var total: Expected<ValueRange>?
  public var endedBy: Expected<EndReason>?
  public var areas: [Expected<ValueRange>] = []
  public var areaIDs: [String] = []
  /// Criterion ids expected met, partial, missed; penalty ids expected triggered or clear.
  public var met: [Expected<String>] = []
  public var partial: [Expected<String>] = []
  public var missed: [Expected<String>] = []
  public var triggered: [Expected<String>] = []
  public var clear: [Expected<String>] = []
  public var turns: [TurnExpectation] = []

  public init() {}
}

/// One conversation test: a seed, the trainee's lines and what must happen.
public struct ConversationTest: Sendable, Hashable {
  public var name: String
  public var seed: UInt64
  /// The trainee's lines (utterances and /commands), already read from `input` if given.
  public var lines: [String]
  /// The input file the lines came from, if any.
  public var inputPath: String?
  public var expect: TestExpectations
  public var mark: TestMark

  public init(
    name: String, seed: UInt64, lines: [String], inputPath: String?, expect: TestExpectations,
    mark: TestMark
  ) {
    self.name = name
    self.seed = seed
    self.lines = lines
    self.inputPath = inputPath
    self.expect = expect
    self.mark = mark
  }
}

/// A conversation-test file (`scenarios/tests/*.yaml`): tests for one scenario.
public struct ConversationTestFile: Sendable, Hashable {
  public var path: String
  public var scenarioID: String
  public var tests: [ConversationTest]

  public init(path: String, scenarioID: String, tests: [ConversationTest]) {
    self.path = path
    self.scenarioID = scenarioID
    self.tests = tests
  }
}
