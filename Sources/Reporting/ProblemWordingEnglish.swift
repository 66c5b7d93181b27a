import VisitCoachModel

/// Diagnostics in English (`--lang en`), close to the messages VisitCoach has always printed.
/// No Chinese except what the author wrote.
extension InterfaceStrings {
  static func english(_ p: AuthoringProblem) -> String {
    func q(_ s: String) -> String { "'\(s)'" }
    func list(_ items: [String]) -> String { names(items, zh: false) }
    func hint(_ suggestion: String?) -> String {
      suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }
    switch p {
    case .noSuchPath:
      return "no such file or folder"
    case .conversationTestFile(let path):
      return "this is a conversation-test file; run it with 'visitcoach test \(path)'"
    case .unreadableFile:
      return "cannot read the file"
    case .fileTooLarge(let kilobytes, let limit):
      return
        "the file is \(kilobytes) KB; a scenario library file is at most \(limit) KB (the largest shipped one is 30 KB)"
    case .notUTF8:
      return "the file is not valid UTF-8; save it as UTF-8"
    case .emptyFile:
      return "the file is empty"
    case .ideographicSpaceIndentation:
      return
        "ideographic space (U+3000, full-width space from a Chinese input method) in indentation; indent with ASCII spaces"
    case .tabIndentation:
      return "tab in indentation; YAML indents with spaces only"
    case .fullWidthColon:
      return
        "full-width colon (U+FF1A, from a Chinese input method) after a key; type an ASCII colon ':' followed by a space"
    case .fullWidthCommaInList(let written):
      return
        "full-width comma (from a Chinese input method) inside a [...] list: \(q(written)) is read as one item; separate items with an ASCII comma ','"
    case .chineseQuotes(let written, let expected):
      let inner = unquoted(written)
      let fix = expected == .range ? "\"\(inner)\"" : inner
      return
        "\(written) is wrapped in Chinese quotation marks, which YAML keeps as part of the value, so it is not \(english(expected)); write \(fix)"
    case .unquotedComparison(let written):
      return
        "write \"\(written)\" in ASCII quotes: unquoted, YAML reads a leading '>' as the start of folded text"
    case .badIndentation(let found, let expected):
      return
        "this line is indented \(found) spaces, the line before \(expected); keys at one level must line up (indent with \(expected) spaces)"
    case .yamlSyntax(_, let parserText, _):
      return "YAML syntax: \(parserText)"
    case .duplicateKeys(let keys):
      return "duplicate key(s) \(list(keys)) in one mapping"
    case .wrongKind(let expected, let found, let written):
      return "expected \(english(expected)), found \(written.map(q) ?? english(found))"
    case .outOfRange(let written, let lower, let upper):
      return "\(written) is out of range; use a number from \(number(lower)) to \(number(upper))"
    case .notInChoices(let written, let choices, let suggestion):
      return "\(q(written)) is not valid\(hint(suggestion)); use one of \(list(choices))"
    case .notARange(let written, let upper, let isScore):
      if isScore {
        return "\(q(written)) is not a score range; use <N, <=N, >N, >=N, N-M or N (0-\(upper))"
      }
      return
        "\(q(written)) is not a range; use low, mid, high, <N, <=N, >N, >=N, N-M or N (0-\(upper))"
    case .textTooLong(let length, let limit):
      return
        "this text has \(length) characters; the limit is \(limit). Shorten it or split it into several lines"
    case .keyTooLong(let length):
      return "a key of \(length) characters; keys are short names such as 'id' or 'when'"
    case .missingKey(let key, let document, let section, let choices):
      var help = requiredKeyHelp(key: key, document: document, section: section, zh: false)
      if !choices.isEmpty { help = (help.map { $0 + "; " } ?? "") + "one of \(list(choices))" }
      return "missing required key \(q(key))\(help.map { " (\($0))" } ?? "")"
    case .emptyValue(let key, let document, let section):
      let help = requiredKeyHelp(key: key, document: document, section: section, zh: false)
      return "must not be empty\(help.map { " (\($0))" } ?? "")"
    case .unknownKey(let key, let suggestion, let known, let ignored):
      let keysHere = suggestion == nil && !known.isEmpty ? "; keys here: \(list(known))" : ""
      if ignored { return "unknown key \(q(key)) is ignored\(hint(suggestion))\(keysHere)" }
      return
        "unknown key \(q(key))\(hint(suggestion)): it would be ignored and change what the file does; fix the key, or pass --lenient to accept old files with a warning\(keysHere)"
    case .invalidName(let written, let kind):
      switch kind {
      case .scenario:
        return
          "\(q(written)) must use ASCII letters, digits, '-' or '_' (it is typed at the prompt)"
      case .concept:
        return "\(q(written)) is not a concept name; use lower-case ASCII letters, digits and '_'"
      default:
        return
          "\(q(written)) is not a valid \(english(kind)) name; use ASCII letters, digits, '-' or '_'"
      }
    case .unsupportedVersion(let found, let supported):
      return "unsupported version \(found); this VisitCoach reads version \(supported)"
    case .unknownReference(let kind, let written, let suggestion, let known):
      if kind == .placeholder {
        let all = known.isEmpty ? "" : "; use one of \(list(known.map { "{\($0)}" }))"
        return "unknown placeholder '{\(written)}'\(hint(suggestion))\(all)"
      }
      let what = kind == .flag ? "flag (no line sets it)" : english(kind)
      return "unknown \(what) \(q(written))\(hint(suggestion))"
        + (known.isEmpty ? "" : "; known \(englishPlural(kind)): \(list(known))")
    case .wrongCheckKind(let written, let expected, let suggestion):
      if expected == .penalty {
        return
          "\(q(written)) is a criterion, not a penalty; violated_now and a trait's violated name penalties\(hint(suggestion)); use met_now for a criterion"
      }
      return
        "\(q(written)) is a penalty, not a criterion; met, missed, met_now, enter_on and a trait's met name criteria\(hint(suggestion)); use violated_now for a penalty"
    case .yieldsToNoPenalty(let written, let isItself):
      if isItself {
        return
          "yields_to names this penalty itself (\(q(written))); name the other penalties that stand in for it in the same utterance"
      }
      return
        "yields_to names only penalties that stand on their own: \(q(written)) is a criterion, `*` or a penalty that gives way in turn"
    case .notInRubric(let rubric, let written, let suggestion, let known):
      return
        "rubric \(q(rubric)) has no criterion \(q(written))\(hint(suggestion)); it has \(list(known))"
    case .duplicateID(let kind, let id, let firstLine, let otherFile):
      var text = "duplicate \(english(kind)) id \(q(id))"
      if let firstLine { text += " (first at line \(firstLine))" }
      if let otherFile { text += " (also in \(otherFile))" }
      return text
    case .duplicateLineID(let id, let trait, let alsoIn):
      let other: String
      switch alsoIn {
      case .scenario: other = "this scenario"
      case .trait(let t): other = "trait \(q(t))"
      }
      if let trait { return "line id \(q(id)) of trait \(q(trait)) is also used in \(other)" }
      return "duplicate line id \(q(id)) (also in \(other))"
    case .rubricUsedTwice(let rubric):
      return "rubric \(q(rubric)) is used twice"
    case .listeningRubricScored(let rubric):
      return
        "\(q(rubric)) is what the retailer hears (every scenario has it, and it is never scored); it cannot be listed under rubrics: — answer it with when: { said: [...] }"
    case .noPhases:
      return "a scenario needs at least one phase"
    case .phaseAfterFarewell(let phase, let farewell):
      return
        "phase \(q(phase)) comes after \(q(farewell)); the farewell must be the last phase (a goodbye there ends the visit as completed, anywhere else as the retailer sending the trainee away)"
    case .allWeightsZero:
      return
        "every rubric has weight 0, so every visit would score 0; give the areas that count a weight above 0"
    case .replyAtTurnZero:
      return
        "a reply line with turn 0 can never be said: a reply's turn counts the utterance it answers, so the first is turn 1"
    case .neverApplies(let check, let retailer, let traits, let phase):
      return
        "\(q(check)) never applies to this retailer (\(retailer), traits \(list(traits))), so it can never enter phase \(q(phase)); name a criterion that applies"
    case .neverHolds(let why):
      return "\(english(why)); this condition can never hold"
    case .refersToItself(let chain):
      return
        "condition \(q(short(chain.last ?? ""))) refers to itself (\(Self.chain(chain, separator: " -> ")))"
    case .noCriteria(let rubric):
      return "rubric \(q(rubric)) has no criteria; add at least one under 'criteria:'"
    case .neverMet(let check):
      return
        "\(q(check)) can never be met: give match phrases (any/all), similar examples, or a measure"
    case .noTip(let check):
      return "\(q(check)) has no tip; reports show the tip when it is missed"
    case .badLearnedLine(let written):
      return
        "cannot read \(q(written)): each line of a learned model is gram<TAB>weight, bias<TAB>number or threshold<TAB>number (the file is written by visitcoach learn; do not edit it by hand)"
    case .learnedModelWithoutBias:
      return
        "the learned model has no bias line (the file is written by visitcoach learn; write it again)"
    case .situatedIncomplete:
      return
        "situated needs both 'when' (words that show the situation) and 'any' (words that meet the criterion in it)"
    case .noMeasure(let kinds):
      return "give one measure: \(list(kinds))"
    case .oneTrigger(let triggers):
      return "give exactly one trigger: \(list(triggers))"
    case .emptyConcept:
      return "a concept needs at least one word"
    case .goalWithoutWords:
      return "give the goal's words, e.g. words: [brand, shelf]"
    case .previousEmpty:
      return "give previous a record (content | requests | promises | next goal) or promises"
    case .previousPlaceholderWithoutPrevious(let placeholder):
      return
        "this line uses {\(placeholder)} but the scenario has no previous: add one (it is used when the visit is played on its own)"
    case .unreadableInputFile(let written, let lookedFor):
      return "cannot read the input file \(q(written)) (looked for \(lookedFor))"
    case .noTraineeLines:
      return "give the trainee's lines: 'input: FILE' or 'say: [...]'"
    case .exampleMismatch(_, let title, let isPenalty, let shouldMatch, let scenario, let phase):
      let what = isPenalty ? "trigger" : "meet"
      if shouldMatch {
        return "example does not \(what) \(q(title)) (in scenario \(scenario), phase \(phase))"
      }
      return
        "example should not \(what) \(q(title)) but does (in scenario \(scenario), phase \(phase))"
    case .phraseOnlyPunctuation(let phrase):
      return
        "phrase \(q(phrase)) is only punctuation or spaces after normalisation and can never match"
    case .phrasePunctuationInside(let phrase):
      return "phrase \(q(phrase)) has punctuation inside and can never match; write a gap as '…'"
    case .phraseEarnsAndPenalises(let phrase, let criterion, let penalty, let scenario):
      return
        "phrase \(q(phrase)) both earns \(q(criterion)) and triggers penalty \(q(penalty)) in scenario \(scenario)"
    case .lineNeverSaid(let line, let check, let scoredIn, let lineIn):
      return
        "line \(q(line)) can never be said: \(q(check)) is only scored in \(scoredIn.joined(separator: "/")), the line is limited to \(lineIn.joined(separator: "/"))"
    case .lineShadowed(let line, let by, let door):
      let what: String
      switch door {
      case .endsVisit: what = "it ends the visit"
      case .leavesPhase(let to): what = "it moves the visit to phase \(q(to))"
      case .setsFlag(let flag): what = "it sets flag \(q(flag)), which this line needs unset"
      }
      return
        "line \(q(line)) can never be said: whenever it could be, line \(q(by)) could be too and ranks higher, so it is chosen first, and \(what); raise this line's priority, give \(q(by)) a condition that tells them apart, or remove one"
    case .noScenarioInFile:
      return
        "no scenario in this file (it may be a trait, rubric or test file); name a scenario file or id; 'visitcoach list' shows them"
    case .noPlainReply(let phase):
      return
        "phase \(q(phase)) has no plain reply line (a line with only `phase` in its condition); the retailer may answer with the engine's filler"
    case .noHint(let phase):
      return
        "phase \(q(phase)) has no hint: no rubric of this scenario has `hints: { \(phase): … }`, so /hint there says there is none"
    case .noFittingAddress(let age, let gender, let role):
      return
        "no fitting address term for a \(age)-year-old \(gender.rawValue) \(role.rawValue); add persona.address.fitting"
    case .exampleNamesOthers(let check, let scenario, let words):
      return
        "the tip example of \(q(check)) names \(words.map(q).joined(separator: ", ")), not in scenario \(q(scenario)): the trainee would read about another store's people or goods; give this check an example of its own under the scenario's rubrics (example:), or use placeholders such as {address.fitting} and {persona.surname} in the rubric's example"
    }
  }

  static func english(_ kind: ReferenceKind) -> String {
    switch kind {
    case .scenario: return "scenario"
    case .trait: return "trait"
    case .rubric: return "rubric"
    case .criterion: return "criterion"
    case .penalty: return "penalty"
    case .check: return "criterion"
    case .phase: return "phase"
    case .flag: return "flag"
    case .visitBagItem: return "visit-bag item"
    case .wardrobeItem: return "wardrobe item"
    case .brand: return "brand"
    case .namedCondition: return "named condition"
    case .placeholder: return "placeholder"
    case .concept: return "concept"
    case .line: return "line"
    case .sceneFact: return "scene fact"
    case .exam: return "exam"
    case .quiz: return "quiz"
    case .series: return "series"
    case .route: return "route"
    case .question: return "question"
    case .intent: return "intent"
    case .learnedModel: return "learned model"
    }
  }

  static func englishPlural(_ kind: ReferenceKind) -> String {
    switch kind {
    case .criterion, .check: return "criteria"
    case .penalty: return "penalties"
    case .visitBagItem: return "items"
    case .wardrobeItem: return "wardrobe items"
    case .flag: return "flags"
    case .namedCondition: return "conditions (defined under 'conditions:')"
    case .quiz: return "quizzes"
    case .series: return "series"
    case .scenario, .trait, .rubric, .phase, .brand, .placeholder, .concept, .line, .sceneFact,
      .exam, .question, .route, .intent, .learnedModel:
      return english(kind) + "s"
    }
  }

  static func english(_ value: ExpectedValue) -> String {
    switch value {
    case .mapping: return "a mapping (key: value lines)"
    case .list: return "a list ('- ' items)"
    case .text: return "text"
    case .wholeNumber: return "a whole number"
    case .number: return "a number"
    case .trueOrFalse: return "true or false"
    case .listOfTexts: return "a list of texts"
    case .listOfPhraseLists: return "a list of phrase lists, e.g. all: [[a, b], [c]]"
    case .range: return "a range"
    case .id: return "an id"
    case .choice: return "one of the allowed words"
    }
  }

  static func english(_ kind: YAMLNodeKind) -> String {
    switch kind {
    case .mapping: return "a mapping"
    case .list: return "a list"
    case .text: return "a scalar"
    case .alias: return "an alias"
    }
  }

  static func english(_ why: Contradiction) -> String {
    switch why {
    case .emptyRange(let key): return "\(key) requirements contradict each other"
    case .flagSetAndUnset: return "a flag is required both set and unset"
    case .packedAndNotPacked: return "an item is required both packed and not packed"
    case .metAndMissed(let ids):
      return "a criterion is required both met and missed (\(names(ids, zh: false)))"
    case .heardAndNotHeard: return "every word of 'heard' is also in 'not_heard'"
    case .saidAndNotSaid: return "an intent is both in 'said' and in 'not_said'"
    case .traitRequiredAndExcluded: return "a trait is both required and excluded"
    case .disjointPhases(let condition, let its, let these):
      return
        "'\(condition)' requires phase \(names(its, zh: false)) but this condition requires \(names(these, zh: false))"
    }
  }
}
