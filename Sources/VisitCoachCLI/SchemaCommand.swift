import ArgumentParser
import ScenarioFormat
import VisitCoachModel

/// `visitcoach schema`: a JSON Schema of the file format, for editors (VS Code's YAML extension
/// completes keys and underlines unknown ones with it).
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print a JSON Schema of the scenario file format, for editors.",
    discussion: """
      The schema is made from what the reader asks for while it reads the library, so it \
      always matches `check`. Without --kind it covers every kind of file; with --kind it \
      covers one (scenario, trait, rubric, lexicon, catalogue, test), for editors that map \
      schemas to folders. See docs/ScenarioFormat.md, "Editor support".
      """)

  @Option(
    help: "Only this kind of file: scenario, trait, rubric, lexicon, catalogue, test, exam or quiz."
  )
  var kind: DocumentKind?

  @Option(help: "Write the schema to FILE instead of printing it.")
  var output: String?

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  func run() throws {
    try Failure.reported {
      let root = try ScenarioLocation.resolve(scenarios).root
      let record = FormatRegistry.record(library: root)
      try emit(record.jsonSchema(for: kind), to: output)
    }
  }
}

extension DocumentKind: ExpressibleByArgument {}
