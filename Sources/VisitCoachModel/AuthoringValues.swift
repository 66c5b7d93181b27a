/// The kind of a YAML value as it was written, for "expected X, found Y".
public enum YAMLNodeKind: String, Sendable, Hashable, CaseIterable {
  /// `key: value` lines or `{ key: value }`.
  case mapping
  /// `- item` lines or `[a, b]`.
  case list
  /// A single value (text, a number, true/false).
  case text
  /// `*name`, a reference to an anchor.
  case alias
}

/// What a key's value should have been.
public enum ExpectedValue: String, Sendable, Hashable, CaseIterable {
  /// `key: value` lines.
  case mapping
  /// `- item` lines.
  case list
  /// One piece of text.
  case text
  /// A whole number such as 50.
  case wholeNumber
  /// A number such as 0.5.
  case number
  /// `true` or `false`.
  case trueOrFalse
  /// A list of texts, `[a, b]`.
  case listOfTexts
  /// A list of phrase lists, `[[我是, 我叫], [客户经理]]`.
  case listOfPhraseLists
  /// A range such as `low`, `>=35` or `40-60`.
  case range
  /// An id such as `greeting.self_intro`.
  case id
  /// One of a fixed set of words.
  case choice
}

/// The kind of thing an id names, for unknown and duplicate ids.
public enum ReferenceKind: String, Sendable, Hashable, CaseIterable {
  case scenario
  case trait
  case rubric
  /// A criterion (`rubric.criterion`), something that earns points.
  case criterion
  /// A penalty (`rubric.penalty`), something that loses points.
  case penalty
  /// A criterion or a penalty.
  case check
  case phase
  /// A flag some line sets with `then: { set: [...] }`.
  case flag
  /// An item of the visit bag (`catalog/`, `items:`).
  case visitBagItem
  /// Something to wear or do before a visit (`catalog/`, `wardrobe:`).
  case wardrobeItem
  /// A brand of the catalogue (`catalog/`, `brands:`).
  case brand
  /// A condition defined under `conditions:`.
  case namedCondition
  /// A `{placeholder}` in a phrase.
  case placeholder
  /// An exam (`exams/ID.yaml`).
  case exam
  /// A quiz (`quiz/ID.yaml`).
  case quiz
  /// A series of visits (`series/ID.yaml`).
  case series
  /// A route day (`routes/ID.yaml`).
  case route
  /// What the retailer can hear in an utterance (`rubrics/said.yaml`), for `said:` and
  /// `{said.name}` in lines.
  case intent
  /// A question of a quiz.
  case question
  /// A learned model (`learned/NAME.tsv`, written by `visitcoach learn`).
  case learnedModel
  /// A concept family of the lexicon.
  case concept
  /// A retailer line.
  case line
  /// A scene fact (`scene:`).
  case sceneFact
}

/// The kind of file a key belongs to, so the wording can say what a missing key is for.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
  case scenario
  case trait
  case rubric
  case catalogue
  case lexicon
  case test
  /// An exam (`exams/ID.yaml`).
  case exam
  /// A quiz (`quiz/ID.yaml`).
  case quiz
  /// A series of visits to one store (`series/ID.yaml`).
  case series
  /// A day on one route (`routes/ID.yaml`).
  case route
}

/// Where a retailer line is defined.
public enum LineOwner: Sendable, Hashable {
  /// In the scenario file.
  case scenario
  /// In the trait file with this id.
  case trait(String)
}

/// Why a condition can never hold.
public enum Contradiction: Sendable, Hashable {
  /// The `mood`, `patience` or `turn` requirements (the key) leave no value.
  case emptyRange(key: String)
  /// A flag is required both set (`flags`) and unset (`unset`).
  case flagSetAndUnset
  /// An item is required both packed and not packed.
  case packedAndNotPacked
  /// These criteria are required both met and missed.
  case metAndMissed([String])
  /// Every word of `heard` is also in `not_heard`.
  case heardAndNotHeard
  /// An intent is both in `said` and in `not_said`.
  case saidAndNotSaid
  /// A trait is both required and excluded.
  case traitRequiredAndExcluded
  /// The included named condition requires other phases than this condition.
  case disjointPhases(condition: String, itsPhases: [String], thesePhases: [String])
}

/// A YAML syntax problem, recognised from the parser's text.
public enum YAMLSyntaxProblem: Sendable, Hashable {
  /// A `[` list without its `]` (or a missing comma between items).
  case unclosedList
  /// A `{` mapping without its `}` (or a missing comma between pairs).
  case unclosedMapping
  /// A quotation mark `"` or `'` without its partner.
  case unclosedQuote
  /// A second `: ` inside a value, e.g. `title: 新品: 海韵`.
  case colonInValue
  /// A `- item` where a value on the same line was expected.
  case listItemHere
  /// A key without its colon.
  case missingColon
  /// A backslash in double quotes followed by a letter YAML does not know.
  case unknownEscape
  /// A value starting with a character YAML reserves (`@`, `` ` ``, `%`, `>`, `|`, …).
  case reservedCharacter(String)
  /// A tab where YAML expects spaces.
  case tab
  /// Characters YAML cannot read (control characters, broken text).
  case unreadable
  /// Anything else: the parser's text says what.
  case other
}

/// What a retailer line does that keeps another line from ever being said after it.
public enum ShadowingEffect: Sendable, Hashable {
  /// It ends the visit.
  case endsVisit
  /// It moves the visit to this phase, where the other line is not said.
  case leavesPhase(to: String)
  /// It sets this flag, which the other line needs unset.
  case setsFlag(String)
}
