/// What is wrong in an authored file, as a value: what was written, what was expected, the ids
/// that are known and the one probably meant. Reporting words it (`InterfaceStrings.problem`),
/// in Chinese for trainers or in English; `code` names the case for `check --json`.
public enum AuthoringProblem: Sendable, Hashable {
  // MARK: Files

  /// A path given on the command line does not exist.
  case noSuchPath
  /// A conversation-test file was given to `check`; `visitcoach test` runs it.
  case conversationTestFile(path: String)
  /// The file cannot be read.
  case unreadableFile
  /// The file is larger than a library file may be.
  case fileTooLarge(kilobytes: Int, limitKilobytes: Int)
  /// The file is not UTF-8 (often GBK from an old editor).
  case notUTF8
  /// The file holds nothing.
  case emptyFile

  // MARK: Typing mistakes and YAML syntax

  /// A full-width space (U+3000) from a Chinese input method in the indentation.
  case ideographicSpaceIndentation
  /// A tab in the indentation.
  case tabIndentation
  /// A full-width colon `：` after a key.
  case fullWidthColon(key: String)
  /// A full-width comma `，` (or `、`) inside a `[...]` list: the list became one item.
  case fullWidthCommaInList(written: String)
  /// Chinese quotation marks (“…” or ‘…’) around a value where a number, a range or an id is
  /// expected.
  case chineseQuotes(written: String, expected: ExpectedValue)
  /// An unquoted comparison such as `>=35`, which YAML reads as the start of a folded text.
  case unquotedComparison(written: String)
  /// A line indented differently from its siblings (`found` and `expected` spaces).
  case badIndentation(found: Int, expected: Int)
  /// Another YAML syntax problem; `parserText` is the parser's own words, `startLine` where the
  /// unclosed list, mapping or quote began.
  case yamlSyntax(YAMLSyntaxProblem, parserText: String, startLine: Int?)
  /// The same key twice in one mapping.
  case duplicateKeys([String])

  // MARK: Values

  /// A value of the wrong kind; `written` is the text when a single value was written.
  case wrongKind(expected: ExpectedValue, found: YAMLNodeKind, written: String?)
  /// A number outside the allowed range.
  case outOfRange(written: String, lower: Double, upper: Double)
  /// A word that is not one of the allowed ones.
  case notInChoices(written: String, choices: [String], suggestion: String?)
  /// Not a range (`low`, `mid`, `high`, `<N`, `<=N`, `>N`, `>=N`, `N-M`, `N`); `isScore` for a
  /// test's score range.
  case notARange(written: String, upper: Int, isScore: Bool)
  /// A text longer than a value may be.
  case textTooLong(length: Int, limit: Int)
  /// A key of absurd length.
  case keyTooLong(length: Int)
  /// A required key is missing; `section` is the mapping's key path without list indices
  /// (`lines`, `persona`, "" at the top), so the wording can say what the key is for.
  case missingKey(key: String, document: DocumentKind, section: String, choices: [String])
  /// A required value is empty.
  case emptyValue(key: String, document: DocumentKind, section: String)
  /// A key the format does not know; `ignored` when `--lenient` made it a warning.
  case unknownKey(key: String, suggestion: String?, known: [String], ignored: Bool)
  /// An id or name that does not follow the rules for its kind (a scenario id, a concept name).
  case invalidName(written: String, kind: ReferenceKind)
  /// A `version:` this build does not read.
  case unsupportedVersion(found: Int, supported: Int)

  // MARK: References

  /// An id that names nothing of its kind.
  case unknownReference(kind: ReferenceKind, written: String, suggestion: String?, known: [String])
  /// A penalty where a criterion is expected (`expected: .criterion`), or the reverse;
  /// `suggestion` is the nearest id of the expected kind.
  case wrongCheckKind(written: String, expected: ReferenceKind, suggestion: String?)
  /// A `yields_to` entry that names no other penalty that stands on its own: a criterion, `*`,
  /// the penalty itself (`isItself`), or a penalty that gives way in turn.
  case yieldsToNoPenalty(written: String, isItself: Bool)
  /// A scenario's `disable`, `phrases` or `points` names an entry its rubric does not have.
  case notInRubric(rubric: String, written: String, suggestion: String?, known: [String])
  /// An id defined twice: at `firstLine` of this file, or in `otherFile`.
  case duplicateID(kind: ReferenceKind, id: String, firstLine: Int?, otherFile: String?)
  /// A line id used twice; `trait` is the trait the line belongs to (nil: the scenario).
  case duplicateLineID(id: String, trait: String?, alsoIn: LineOwner)
  /// A scenario uses one rubric twice.
  case rubricUsedTwice(rubric: String)
  /// A scenario scores the rubric of what the retailer hears (`said`), which is never scored.
  case listeningRubricScored(rubric: String)

  // MARK: Scenario structure

  /// A scenario without phases.
  case noPhases
  /// A phase after the farewell phase.
  case phaseAfterFarewell(phase: String, farewell: String)
  /// Every rubric weighs 0.
  case allWeightsZero
  /// A reply line conditioned on turn 0, which never comes.
  case replyAtTurnZero
  /// `enter_on` names a check that can never apply to this retailer.
  case neverApplies(check: String, retailer: String, traits: [String], phase: String)
  /// A condition that can never hold.
  case neverHolds(Contradiction)
  /// A named condition that includes itself, through `chain`.
  case refersToItself(chain: [String])

  // MARK: Rubrics, traits, lexicon, preparation

  /// A rubric without criteria or penalties.
  case noCriteria(rubric: String)
  /// A criterion with nothing that could meet it.
  case neverMet(check: String)
  /// A criterion without a tip.
  case noTip(check: String)
  /// `situated` without both `when` and `any`.
  case situatedIncomplete
  /// A line of a learned model file (`learned/NAME.tsv`) that is not `gram<TAB>weight`,
  /// `bias<TAB>number` or `threshold<TAB>number`.
  case badLearnedLine(written: String)
  /// A learned model file without its `bias` line.
  case learnedModelWithoutBias
  /// `measure` without a known measure.
  case noMeasure(kinds: [String])
  /// A reaction without exactly one trigger.
  case oneTrigger(triggers: [String])
  /// A lexicon concept without words.
  case emptyConcept(name: String)
  /// A preparation goal without words.
  case goalWithoutWords
  /// `previous:` with neither a record nor promises: nothing for the visit to follow up.
  case previousEmpty
  /// A line quotes the earlier visit (`{previous.promise}`) in a scenario without `previous:`.
  case previousPlaceholderWithoutPrevious(placeholder: String)

  // MARK: Conversation tests

  /// A test's `input:` file cannot be read.
  case unreadableInputFile(written: String, lookedFor: String)
  /// A test without the trainee's lines.
  case noTraineeLines

  // MARK: Library audit (`check` beyond the format)

  /// A rubric example sentence that does not behave as it says.
  case exampleMismatch(
    check: String, title: String, isPenalty: Bool, shouldMatch: Bool, scenario: String,
    phase: String)
  /// A phrase that is only punctuation or spaces.
  case phraseOnlyPunctuation(phrase: String)
  /// A phrase with punctuation inside, which matching never crosses.
  case phrasePunctuationInside(phrase: String)
  /// A phrase that alone earns a criterion and triggers a penalty.
  case phraseEarnsAndPenalises(phrase: String, criterion: String, penalty: String, scenario: String)
  /// A line waiting for a check scored only in other phases.
  case lineNeverSaid(line: String, check: String, scoredIn: [String], lineIn: [String])
  /// A line another always outranks when it could be said, and that other line then closes the
  /// door on it (ends the visit, leaves the phase, or sets a flag this line needs unset).
  case lineShadowed(line: String, by: String, door: ShadowingEffect)
  /// A phase without a plain reply line.
  case noPlainReply(phase: String)
  /// A file named as a scenario holds none (a trait, rubric or test file, say).
  case noScenarioInFile
  /// A phase no rubric has a hint for.
  case noHint(phase: String)
  /// A persona without a fitting address term.
  case noFittingAddress(age: Int, gender: Gender, role: PersonaRole)
  /// A tip's example sentence names people or brands this scenario does not have.
  case exampleNamesOthers(check: String, scenario: String, words: [String])
}

extension AuthoringProblem {
  /// A stable name for the case, for `check --json` and tests.
  public var code: String {
    switch self {
    case .noSuchPath: return "no-such-path"
    case .conversationTestFile: return "conversation-test-file"
    case .unreadableFile: return "unreadable-file"
    case .fileTooLarge: return "file-too-large"
    case .notUTF8: return "not-utf8"
    case .emptyFile: return "empty-file"
    case .ideographicSpaceIndentation: return "ideographic-space-indentation"
    case .tabIndentation: return "tab-indentation"
    case .fullWidthColon: return "full-width-colon"
    case .fullWidthCommaInList: return "full-width-comma-in-list"
    case .chineseQuotes: return "chinese-quotes"
    case .unquotedComparison: return "unquoted-comparison"
    case .badIndentation: return "bad-indentation"
    case .yamlSyntax: return "yaml-syntax"
    case .duplicateKeys: return "duplicate-keys"
    case .wrongKind: return "wrong-kind"
    case .outOfRange: return "out-of-range"
    case .notInChoices: return "not-in-choices"
    case .notARange: return "not-a-range"
    case .textTooLong: return "text-too-long"
    case .keyTooLong: return "key-too-long"
    case .missingKey: return "missing-key"
    case .emptyValue: return "empty-value"
    case .unknownKey: return "unknown-key"
    case .invalidName: return "invalid-name"
    case .unsupportedVersion: return "unsupported-version"
    case .unknownReference: return "unknown-reference"
    case .wrongCheckKind: return "wrong-check-kind"
    case .yieldsToNoPenalty: return "yields-to-no-penalty"
    case .notInRubric: return "not-in-rubric"
    case .duplicateID: return "duplicate-id"
    case .duplicateLineID: return "duplicate-line-id"
    case .rubricUsedTwice: return "rubric-used-twice"
    case .listeningRubricScored: return "listening-rubric-scored"
    case .noPhases: return "no-phases"
    case .phaseAfterFarewell: return "phase-after-farewell"
    case .allWeightsZero: return "all-weights-zero"
    case .replyAtTurnZero: return "reply-at-turn-zero"
    case .neverApplies: return "never-applies"
    case .neverHolds: return "never-holds"
    case .refersToItself: return "refers-to-itself"
    case .noCriteria: return "no-criteria"
    case .neverMet: return "never-met"
    case .noTip: return "no-tip"
    case .situatedIncomplete: return "situated-incomplete"
    case .badLearnedLine: return "bad-learned-line"
    case .learnedModelWithoutBias: return "learned-model-without-bias"
    case .noMeasure: return "no-measure"
    case .oneTrigger: return "one-trigger"
    case .emptyConcept: return "empty-concept"
    case .goalWithoutWords: return "goal-without-words"
    case .previousEmpty: return "previous-empty"
    case .previousPlaceholderWithoutPrevious: return "previous-placeholder-without-previous"
    case .unreadableInputFile: return "unreadable-input-file"
    case .noTraineeLines: return "no-trainee-lines"
    case .exampleMismatch: return "example-mismatch"
    case .phraseOnlyPunctuation: return "phrase-only-punctuation"
    case .phrasePunctuationInside: return "phrase-punctuation-inside"
    case .phraseEarnsAndPenalises: return "phrase-earns-and-penalises"
    case .lineNeverSaid: return "line-never-said"
    case .lineShadowed: return "line-shadowed"
    case .noPlainReply: return "no-plain-reply"
    case .noScenarioInFile: return "no-scenario-in-file"
    case .noHint: return "no-hint"
    case .noFittingAddress: return "no-fitting-address"
    case .exampleNamesOthers: return "example-names-others"
    }
  }

  /// The problem with every text written by a user cut to `limit` characters (a diagnostic
  /// quotes what was written, and what was written may be a pasted monster). Lists of known
  /// ids are kept whole: the wording shows the first few.
  public func clipped(to limit: Int) -> AuthoringProblem {
    func c(_ s: String) -> String { s.count > limit ? String(s.prefix(limit)) + "…" : s }
    func o(_ s: String?) -> String? { s.map(c) }
    func l(_ list: [String]) -> [String] { list.map(c) }
    switch self {
    case .noSuchPath, .unreadableFile, .fileTooLarge, .notUTF8, .emptyFile,
      .ideographicSpaceIndentation, .tabIndentation, .badIndentation, .outOfRange, .textTooLong,
      .keyTooLong, .unsupportedVersion, .noPhases, .allWeightsZero, .replyAtTurnZero,
      .situatedIncomplete, .goalWithoutWords, .noTraineeLines, .noFittingAddress, .noMeasure,
      .oneTrigger, .previousEmpty, .learnedModelWithoutBias:
      return self
    case .badLearnedLine(let written): return .badLearnedLine(written: c(written))
    case .previousPlaceholderWithoutPrevious(let placeholder):
      return .previousPlaceholderWithoutPrevious(placeholder: c(placeholder))
    case .conversationTestFile(let path): return .conversationTestFile(path: c(path))
    case .fullWidthColon(let key): return .fullWidthColon(key: c(key))
    case .fullWidthCommaInList(let written): return .fullWidthCommaInList(written: c(written))
    case .chineseQuotes(let written, let expected):
      return .chineseQuotes(written: c(written), expected: expected)
    case .unquotedComparison(let written): return .unquotedComparison(written: c(written))
    case .yamlSyntax(let kind, let parserText, let startLine):
      return .yamlSyntax(kind, parserText: c(parserText), startLine: startLine)
    case .duplicateKeys(let keys): return .duplicateKeys(l(keys))
    case .wrongKind(let expected, let found, let written):
      return .wrongKind(expected: expected, found: found, written: o(written))
    case .notInChoices(let written, let choices, let suggestion):
      return .notInChoices(written: c(written), choices: choices, suggestion: suggestion)
    case .notARange(let written, let upper, let isScore):
      return .notARange(written: c(written), upper: upper, isScore: isScore)
    case .missingKey(let key, let document, let section, let choices):
      return .missingKey(key: c(key), document: document, section: c(section), choices: choices)
    case .emptyValue(let key, let document, let section):
      return .emptyValue(key: c(key), document: document, section: c(section))
    case .unknownKey(let key, let suggestion, let known, let ignored):
      return .unknownKey(key: c(key), suggestion: suggestion, known: known, ignored: ignored)
    case .invalidName(let written, let kind): return .invalidName(written: c(written), kind: kind)
    case .unknownReference(let kind, let written, let suggestion, let known):
      return .unknownReference(
        kind: kind, written: c(written), suggestion: suggestion, known: known)
    case .wrongCheckKind(let written, let expected, let suggestion):
      return .wrongCheckKind(written: c(written), expected: expected, suggestion: suggestion)
    case .yieldsToNoPenalty(let written, let isItself):
      return .yieldsToNoPenalty(written: c(written), isItself: isItself)
    case .notInRubric(let rubric, let written, let suggestion, let known):
      return .notInRubric(rubric: rubric, written: c(written), suggestion: suggestion, known: known)
    case .duplicateID(let kind, let id, let firstLine, let otherFile):
      return .duplicateID(kind: kind, id: c(id), firstLine: firstLine, otherFile: otherFile)
    case .duplicateLineID(let id, let trait, let alsoIn):
      return .duplicateLineID(id: c(id), trait: trait, alsoIn: alsoIn)
    case .rubricUsedTwice(let rubric): return .rubricUsedTwice(rubric: c(rubric))
    case .listeningRubricScored(let rubric): return .listeningRubricScored(rubric: c(rubric))
    case .phaseAfterFarewell(let phase, let farewell):
      return .phaseAfterFarewell(phase: c(phase), farewell: farewell)
    case .neverApplies(let check, let retailer, let traits, let phase):
      return .neverApplies(
        check: c(check), retailer: c(retailer), traits: l(traits), phase: c(phase))
    case .neverHolds(let why): return .neverHolds(why)
    case .refersToItself(let chain): return .refersToItself(chain: l(chain))
    case .noCriteria(let rubric): return .noCriteria(rubric: c(rubric))
    case .neverMet(let check): return .neverMet(check: c(check))
    case .noTip(let check): return .noTip(check: c(check))
    case .emptyConcept(let name): return .emptyConcept(name: c(name))
    case .unreadableInputFile(let written, let lookedFor):
      return .unreadableInputFile(written: c(written), lookedFor: c(lookedFor))
    case .exampleMismatch(
      let check, let title, let isPenalty, let shouldMatch, let scenario, let phase):
      return .exampleMismatch(
        check: check, title: c(title), isPenalty: isPenalty, shouldMatch: shouldMatch,
        scenario: scenario, phase: phase)
    case .phraseOnlyPunctuation(let phrase): return .phraseOnlyPunctuation(phrase: c(phrase))
    case .phrasePunctuationInside(let phrase): return .phrasePunctuationInside(phrase: c(phrase))
    case .phraseEarnsAndPenalises(let phrase, let criterion, let penalty, let scenario):
      return .phraseEarnsAndPenalises(
        phrase: c(phrase), criterion: criterion, penalty: penalty, scenario: scenario)
    case .lineNeverSaid(let line, let check, let scoredIn, let lineIn):
      return .lineNeverSaid(line: c(line), check: check, scoredIn: scoredIn, lineIn: lineIn)
    case .lineShadowed(let line, let by, let door):
      return .lineShadowed(line: c(line), by: c(by), door: door)
    case .noPlainReply(let phase): return .noPlainReply(phase: c(phase))
    case .noScenarioInFile: return .noScenarioInFile
    case .noHint(let phase): return .noHint(phase: c(phase))
    case .exampleNamesOthers(let check, let scenario, let words):
      return .exampleNamesOthers(check: check, scenario: scenario, words: l(words))
    }
  }
}
