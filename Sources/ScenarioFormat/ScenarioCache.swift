import CompactCoding
import Foundation
import VisitCoachModel

/// One scenario as `practice`, `resume` and `replay` load it, kept assembled in a binary file
/// (``BinaryCoding``) so a start reads no YAML at all when nothing changed.
///
/// A file is found by the scenario's id, the library folder and the running program (its path,
/// size, inode and modification time: a rebuilt program never reads what an older one wrote).
/// It lists every file the load read with a digest of its bytes, the folders read whole
/// (catalogue, lexicon) included; a hit requires every one of them unchanged. Only
/// loads without a single diagnostic are kept, so a hit gives exactly what reading the files
/// would, and a scenario with a warning is read (and warned about) every time.
public struct ScenarioCache: Sendable {
  let folder: CacheFolder

  /// Bumped whenever the layout changes.
  static let formatVersion = "scenario-cache-3"
  private static let magic: [UInt8] = Array("VCSC3\n".utf8)

  /// How many scenarios are kept: a trainee moves between a handful.
  static let filesKept = 12

  public init(directory: String) {
    folder = CacheFolder(
      directory: directory, kind: "scenario", magic: Self.magic, filesKept: Self.filesKept)
  }

  /// A file the load read, with a digest of its bytes (nil: the file was not there).
  struct FileStamp: Codable, Equatable {
    var path: String
    var digest: UInt64?

    init(path: String) {
      self.path = path
      digest = FileManager.default.contents(atPath: path).map { data in
        data.withUnsafeBytes { raw in
          var fingerprint = Fingerprint()
          fingerprint.add(bytes: raw)
          return fingerprint.value
        }
      }
    }
  }

  /// A folder read whole, with the YAML files it held, each stamped: a file added, removed or
  /// edited there changes the stamp.
  struct FolderStamp: Codable, Equatable {
    var path: String
    var files: [FileStamp]

    init(path: String) {
      self.path = path
      files = ScenarioLibrary.yamlFiles(in: path).map(FileStamp.init(path:))
    }
  }

  struct Entry: Codable {
    var files: [FileStamp]
    var folders: [FolderStamp]
    var scenario: Scenario
    var fileCount: Int

    /// Whether every file and folder is as it was when the entry was written.
    var isCurrent: Bool {
      folders.allSatisfy { FolderStamp(path: $0.path) == $0 }
        && files.allSatisfy { FileStamp(path: $0.path) == $0 }
    }
  }

  /// The running program's identity, or nil when it cannot be told (then nothing is cached).
  static let programIdentity: String? = {
    let fm = FileManager.default
    guard let path = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
      let attributes = try? fm.attributesOfItem(atPath: path),
      let size = attributes[.size] as? NSNumber,
      let date = attributes[.modificationDate] as? Date
    else { return nil }
    let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    return "\(path)|\(size)|\(inode)|\(date.timeIntervalSince1970)"
  }()

  static func key(scenarioID: String, root: String) -> String? {
    guard let program = programIdentity else { return nil }
    var fingerprint = Fingerprint()
    for part in [formatVersion, program, (root as NSString).standardizingPath, scenarioID] {
      fingerprint.add(part)
    }
    return fingerprint.hex
  }

  /// What loading the scenario gave last time, if nothing it read has changed since.
  func load(scenarioID: String, root: String) -> LoadResult? {
    guard let key = Self.key(scenarioID: scenarioID, root: root),
      let entry = folder.read(
        key: key,
        { bytes in
          try? BinaryCoding.decode(Entry.self, from: UnsafeRawBufferPointer(bytes))
        }),
      entry.isCurrent
    else { return nil }
    return LoadResult(scenarios: [entry.scenario], diagnostics: [], fileCount: entry.fileCount)
  }

  /// What a load is about to read: taken before reading, so a file edited during the load
  /// makes the entry stale rather than wrong.
  struct Stamps {
    var files: [FileStamp]
    var folders: [FolderStamp]

    init(files: [String], folders: [String]) {
      self.files = files.map(FileStamp.init(path:))
      self.folders = folders.map(FolderStamp.init(path:))
    }
  }

  /// Keeps `result` with the stamps of what it read, when it is one scenario read without a
  /// single diagnostic.
  func store(_ result: LoadResult, scenarioID: String, root: String, stamps: Stamps) {
    guard result.diagnostics.isEmpty, result.scenarios.count == 1,
      let key = Self.key(scenarioID: scenarioID, root: root)
    else { return }
    let entry = Entry(
      files: stamps.files, folders: stamps.folders, scenario: result.scenarios[0],
      fileCount: result.fileCount)
    guard let payload = try? BinaryCoding.encode(entry) else { return }
    // The key names the scenario, not its bytes: a file of older content is replaced.
    folder.write(payload, key: key, replacing: true)
  }
}
