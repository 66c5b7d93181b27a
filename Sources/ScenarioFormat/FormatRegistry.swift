import Foundation
import VisitCoachModel

/// The keys of the file format, as the reader itself asks for them. Recording is switched on
/// while a library is read (``FormatRegistry/recording(_:)``); every key a mapping reader asks
/// for is noted with the kind of value it reads. The JSON Schema (`visitcoach schema`) and the
/// test that keeps docs/ScenarioFormat.md in step come from this record, so neither is a second
/// list of keys that could drift from the reader.
public enum FormatRegistry {
  /// What a key's value is, as the reader reads it.
  public enum ValueKind: Sendable, Hashable {
    /// Read by hand (a range such as `">=35"`, a mapping of several shapes).
    case any
    case text
    case integer(ClosedRange<Int>?)
    case number(ClosedRange<Double>)
    case boolean
    case choice([String])
    /// A text or a list of texts.
    case texts
    /// A list of mappings, whose keys are recorded under `section.key[]`.
    case list
    /// A mapping, whose keys are recorded under `section.key`.
    case mapping
    /// A condition (`when:`), recorded once under the section `condition`.
    case condition
    /// A range written as text (`">=35"`, `30-60`, `low`) or a whole number.
    case range

    /// How specific the kind is: a more specific record of a key replaces a vaguer one; of
    /// two equally specific records the first stays.
    var detail: Int {
      switch self {
      case .any: return 0
      default: return 1
      }
    }
  }

  /// A place in a document: the section is the key path with list items as `[]` and keys the
  /// author names (phase ids, condition names, families) as `*`.
  public struct Section: Sendable, Hashable, Comparable {
    public var document: DocumentKind
    public var path: String

    public init(document: DocumentKind, path: String) {
      self.document = document
      self.path = path
    }

    public static func < (a: Section, b: Section) -> Bool {
      (a.document.rawValue, a.path) < (b.document.rawValue, b.path)
    }
  }

  /// What a recording found: the keys of each section, and the sections whose keys the author
  /// names.
  public struct Record: Sendable {
    public var keys: [Section: [String: ValueKind]] = [:]
    /// Sections whose keys the author names, with the kind of their values.
    public var open: [Section: ValueKind] = [:]

    /// Every key name the format knows, in any section.
    public var allKeys: Set<String> { Set(keys.values.flatMap(\.keys)) }
  }

  nonisolated(unsafe) static var isRecording = false
  nonisolated(unsafe) private static var current = Record()
  private static let lock = NSLock()

  /// Runs `body` (which reads files) with recording on and returns what the reader asked for.
  public static func recording(_ body: () -> Void) -> Record {
    lock.lock()
    current = Record()
    isRecording = true
    lock.unlock()
    body()
    lock.lock()
    defer { lock.unlock() }
    isRecording = false
    return current
  }

  /// Reads the library at `root` (scenarios, traits, rubrics, lexicon, catalogue, the
  /// conversation tests in `tests/`, exams and their quizzes) and returns what the reader asked
  /// for. The shipped library uses every section of the format; a section no file uses is not
  /// recorded.
  public static func record(library root: String) -> Record {
    recording {
      let library = ScenarioLibrary.load(root: root)
      _ = ArrangementFiles.diagnostics(root: root, scenarios: library.scenarios.map(\.id))
      let tests = (root as NSString).appendingPathComponent("tests")
      for file in ConversationTestLoader.files(at: tests) {
        _ = ConversationTestLoader.load(file)
      }
    }
  }

  static func note(_ section: Section, _ key: String, _ kind: ValueKind) {
    lock.lock()
    defer { lock.unlock() }
    let known = current.keys[section, default: [:]][key]
    if known == nil || kind.detail > known!.detail {
      current.keys[section, default: [:]][key] = kind
    }
  }

  static func noteOpen(_ section: Section, _ kind: ValueKind) {
    lock.lock()
    defer { lock.unlock() }
    if let known = current.open[section], known.detail >= kind.detail { return }
    current.open[section] = kind
  }
}
