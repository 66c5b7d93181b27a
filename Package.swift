// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "VisitCoach",
  platforms: [.macOS(.v15)],  // Synchronization (Mutex, Atomic) in LineEditing
  products: [
    .executable(name: "visitcoach", targets: ["visitcoach"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
  ],
  targets: [
    .target(name: "VisitCoachModel"),
    // Compact binary forms: any Codable value as bytes, and zlib compression.
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "CompactCoding", dependencies: ["CZlib"]),
    .target(
      name: "ScenarioFormat",
      dependencies: [
        "VisitCoachModel", "CompactCoding", .product(name: "Yams", package: "Yams"),
      ]),
    .target(name: "Scoring", dependencies: ["VisitCoachModel"]),
    .target(name: "Simulation", dependencies: ["VisitCoachModel", "Scoring"]),
    .target(name: "TraineeInput", dependencies: ["VisitCoachModel"]),
    .target(name: "Reporting", dependencies: ["VisitCoachModel"]),
    .target(
      name: "Storage",
      dependencies: [
        "VisitCoachModel", "CompactCoding", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .target(
      name: "ScenarioTesting",
      dependencies: [
        "VisitCoachModel", "ScenarioFormat", "Scoring", "Simulation", "Reporting", "TraineeInput",
        .product(name: "Yams", package: "Yams"),
      ]),
    .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
    .target(name: "LineEditing", dependencies: ["CReadline"]),
    .target(
      name: "VisitCoachCLI",
      dependencies: [
        "VisitCoachModel", "ScenarioFormat", "Scoring", "Simulation", "Reporting", "LineEditing",
        "ScenarioTesting", "Storage", "TraineeInput",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "visitcoach", dependencies: ["VisitCoachCLI"]),
    .executableTarget(
      name: "Benchmarks",
      dependencies: [
        "VisitCoachModel", "ScenarioFormat", "Scoring", "Simulation", "Storage", "TraineeInput",
        .product(name: "Yams", package: "Yams"),
      ]),
    // The fuzz harness: `make fuzz` builds it with libFuzzer; a plain build replays the corpus.
    .executableTarget(
      name: "VisitCoachFuzz",
      dependencies: [
        "VisitCoachModel", "ScenarioFormat", "Scoring", "Simulation", "Reporting", "TraineeInput",
      ]),
    .target(
      name: "VisitCoachTestSupport",
      dependencies: ["VisitCoachModel", "ScenarioFormat", "Scoring"],
      path: "Tests/Support"),
    .testTarget(
      name: "ScoringTests",
      dependencies: ["Scoring", "VisitCoachModel", "ScenarioFormat", "VisitCoachTestSupport"]),
    .testTarget(
      name: "ScenarioFormatTests",
      dependencies: [
        "ScenarioFormat", "VisitCoachModel", "Reporting", "VisitCoachTestSupport", "CompactCoding",
      ]),
    .testTarget(
      name: "SimulationTests",
      dependencies: [
        "Simulation", "ScenarioFormat", "VisitCoachModel", "Reporting", "Scoring", "TraineeInput",
        "VisitCoachTestSupport",
      ],
      exclude: ["Golden"]),
    .testTarget(
      name: "VisitCoachCLITests",
      dependencies: [
        "visitcoach", "VisitCoachTestSupport", "TraineeInput",
        // To hold a lock on a session database from outside, as another program would.
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "StorageTests",
      dependencies: [
        "Storage", "Scoring", "VisitCoachModel", "VisitCoachTestSupport", "CompactCoding",
        "Simulation", "TraineeInput",
      ]),
  ]
)
