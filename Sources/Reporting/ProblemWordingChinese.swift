import VisitCoachModel

/// Diagnostics in Chinese, in the words `scenarios/README.md` uses with trainers: what is
/// wrong, and what to write instead.
extension InterfaceStrings {
  static func chinese(_ p: AuthoringProblem) -> String {
    func q(_ s: String) -> String { "‘\(s)’" }
    func list(_ items: [String]) -> String { names(items, zh: true) }
    func guess(_ written: String, _ suggestion: String?) -> String {
      suggestion.map { "：是不是想写 \(q($0))？把 \(q(written)) 改成 \(q($0))" } ?? ""
    }
    switch p {
    case .noSuchPath:
      return "没有这个文件或文件夹；检查路径有没有写错"
    case .conversationTestFile(let path):
      return "这是对话测试文件，check 不检查它；用 visitcoach test \(path) 运行"
    case .unreadableFile:
      return "读不了这个文件；看看它是否存在、有没有读取权限"
    case .fileTooLarge(let kilobytes, let limit):
      return "文件有 \(kilobytes) KB，剧本库里的文件最多 \(limit) KB（最大的自带文件也只有 30 KB）；把它拆成几个文件"
    case .notUTF8:
      return "文件不是 UTF-8 编码（常见于存成 GBK 的文件）；在编辑器里另存为 UTF-8"
    case .emptyFile:
      return "文件是空的；至少要写 version: 1 和内容"
    case .ideographicSpaceIndentation:
      return "行首缩进里有全角空格（中文输入法打出来的）；删掉行首的空白，切换到英文输入法用空格重新缩进"
    case .tabIndentation:
      return "行首缩进里有 Tab；YAML 只能用空格缩进，把 Tab 换成空格"
    case .fullWidthColon(let key):
      return "键 \(q(key)) 后面是中文冒号 ‘：’；切换到英文输入法，写成 \(key): （英文冒号后面加一个空格）"
    case .fullWidthCommaInList(let written):
      return "方括号列表里用了中文逗号，\(q(written)) 被当成了一项；把 ‘，’ 改成英文逗号 ‘,’（后面加一个空格）"
    case .chineseQuotes(let written, let expected):
      let inner = unquoted(written)
      let fix: String
      switch expected {
      case .wholeNumber, .number: fix = "数字不要加引号：写成 \(inner)"
      case .range: fix = "去掉中文引号，改用英文引号：写成 \"\(inner)\""
      default: fix = "去掉引号：写成 \(inner)"
      }
      return "\(written) 外面是中文引号，引号也被当成了内容，所以不是\(chinese(expected))；\(fix)"
    case .unquotedComparison(let written):
      return "把 \(written) 写成 \"\(written)\"（加英文引号）：不加引号时，YAML 把开头的 > 当成“折叠文本”的记号，这一行就读不懂了"
    case .badIndentation(let found, let expected):
      return
        "这一行缩进了 \(found) 个空格，和上一行（\(expected) 个空格）对不齐；同一层的键要左边对齐，改成 \(expected) 个空格（如果这一行本该属于上一行，检查上一行）"
    case .yamlSyntax(let kind, let parserText, let startLine):
      return chinese(kind, parserText: parserText, startLine: startLine)
    case .duplicateKeys(let keys):
      return "同一层里 \(list(keys)) 写了两次；删掉一个，或者把两处合并"
    case .wrongKind(let expected, let found, let written):
      let what = written.map { "写的是 \(q($0))" } ?? "写的是\(chinese(found))"
      return "这里要写\(chinese(expected))，\(what)\(chineseExample(expected))"
    case .outOfRange(let written, let lower, let upper):
      return "\(written) 超出范围；要写 \(number(lower)) 到 \(number(upper)) 之间的数"
    case .notInChoices(let written, let choices, let suggestion):
      return "\(q(written)) 不是可选的值\(guess(written, suggestion))；这里只能写 \(list(choices))"
    case .notARange(let written, let upper, let isScore):
      let forms = isScore ? "<N、<=N、>N、>=N、N-M 或 N" : "low、mid、high、<N、<=N、>N、>=N、N-M 或 N"
      return
        "\(q(written)) 不是\(isScore ? "分数" : "")范围；可以写 \(forms)（N 在 0 到 \(upper) 之间），以 > 开头的要加英文引号，例如 \">=35\""
    case .textTooLong(let length, let limit):
      return "这段文字有 \(length) 个字，最多 \(limit) 个；删短一些，或者拆成几行"
    case .keyTooLong(let length):
      return "有一个 \(length) 个字符长的键；键是 id、when 这样的短名字，检查冒号是不是写错了地方"
    case .missingKey(let key, let document, let section, let choices):
      var help = requiredKeyHelp(key: key, document: document, section: section, zh: true)
      if !choices.isEmpty { help = (help.map { $0 + "，" } ?? "") + "可以写 \(list(choices))" }
      return "缺少必填的键 \(q(key))\(help.map { "（\($0)）" } ?? "")；加上一行 \(key): …"
    case .emptyValue(let key, let document, let section):
      let help = requiredKeyHelp(key: key, document: document, section: section, zh: true)
      return "\(q(key)) 不能是空的\(help.map { "（\($0)）" } ?? "")"
    case .unknownKey(let key, let suggestion, let known, let ignored):
      var text = "不认识的键 \(q(key))"
      if let suggestion {
        text += "：是不是想写 \(q(suggestion))？把 \(q(key)) 改成 \(q(suggestion))"
      } else if !known.isEmpty {
        text += "；这里可以用的键有 \(list(known))"
      }
      return text
        + (ignored
          ? "。--lenient 下这一项被忽略（等于没写）"
          : "。写错的键会被悄悄忽略、改变剧本的行为，所以算错误；给老版本写的文件可以临时加 --lenient")
    case .invalidName(let written, let kind):
      switch kind {
      case .scenario:
        return "剧本 id \(q(written)) 只能用英文字母、数字、‘-’ 和 ‘_’（练习时要在提示符里输入它），例如 market-day-elderly"
      case .concept:
        return "\(q(written)) 不能做概念名：只能用小写英文字母、数字和 ‘_’，例如 day_specific"
      default:
        return "\(q(written)) 不能做\(chinese(kind))的名字：只能用英文字母、数字、‘-’ 和 ‘_’"
      }
    case .unsupportedVersion(let found, let supported):
      return
        "不支持 version: \(found)；这个版本的 VisitCoach 只读 version: \(supported)，改成 version: \(supported)"
    case .unknownReference(let kind, let written, let suggestion, let known):
      let shown = kind == .placeholder ? "{\(written)}" : written
      var text = "没有\(chinese(kind)) \(q(shown))"
      if let suggestion {
        let meant = kind == .placeholder ? "{\(suggestion)}" : suggestion
        text += "：是不是想写 \(q(meant))？把 \(q(shown)) 改成 \(q(meant))"
      }
      if !known.isEmpty {
        let ids = kind == .placeholder ? known.map { "{\($0)}" } : known
        text += "。已有的\(chinese(kind))：\(list(ids))"
      }
      return text + chineseHint(kind)
    case .wrongCheckKind(let written, let expected, let suggestion):
      let meant = suggestion.map { "，是不是想写 \(q($0))？" } ?? "。"
      if expected == .penalty {
        return
          "\(q(written)) 是得分点，不是扣分项；violated_now 和特质的 violated 要写扣分项\(meant)要在学员做到时说话，用 met_now"
      }
      return
        "\(q(written)) 是扣分项，不是得分点；met、missed、met_now、enter_on 和特质的 met 要写得分点\(meant)要在学员犯错时说话，用 violated_now"
    case .yieldsToNoPenalty(let written, let isItself):
      if isItself { return "yields_to 写了这个扣分项自己（\(q(written))）；要写同一句里能代替它的其他扣分项" }
      return "yields_to 只能写能单独成立的扣分项：\(q(written)) 是得分点、* 或本身也会让位的扣分项"
    case .notInRubric(let rubric, let written, let suggestion, let known):
      return
        "评分细则 \(q(rubric)) 里没有得分点或扣分项 \(q(written))\(guess(written, suggestion))。它有：\(list(known))"
    case .duplicateID(let kind, let id, let firstLine, let otherFile):
      var text = "\(chinese(kind)) id \(q(id)) 重复了"
      if let firstLine { text += "（第一次在第 \(firstLine) 行）" }
      if let otherFile { text += "（另一个在 \(otherFile)）" }
      return text + "；改一个名字"
    case .duplicateLineID(let id, let trait, let alsoIn):
      let other: String
      switch alsoIn {
      case .scenario: other = "剧本里"
      case .trait(let t): other = "特质 \(q(t)) 里"
      }
      if let trait {
        return "特质 \(q(trait)) 的台词 id \(q(id)) 和\(other)的台词 id 撞了；把剧本里那行改个名字（在文件里搜索 \(id)）"
      }
      return "台词 id \(q(id)) 重复了（\(other)已经有一行）；改一个名字"
    case .rubricUsedTwice(let rubric):
      return "评分细则 \(q(rubric)) 用了两次；删掉一个 - use: \(rubric)"
    case .listeningRubricScored(let rubric):
      return "\(q(rubric)) 是零售户听话用的（每个剧本自动带上，从不计分），不能写在 rubrics: 里；台词用 when: { said: [...] } 接它"
    case .noPhases:
      return "剧本至少要有一个环节：在 phases: 下面加上"
    case .phaseAfterFarewell(let phase, let farewell):
      return
        "环节 \(q(phase)) 排在 \(q(farewell)) 后面；拜别环节必须是最后一个（只有在最后一个环节道别才算拜访完成，否则道别会变成“零售户请你离开”）。把 \(q(phase)) 挪到 \(q(farewell)) 前面"
    case .allWeightsZero:
      return "所有评分细则的权重（weight）都是 0，每次拜访都只能得 0 分；给要计分的部分一个大于 0 的权重"
    case .replyAtTurnZero:
      return "这行回复台词的条件写了 turn: 0，永远说不出来：回复的轮次从学员说的第一句算起，第一句就是 turn: 1。改成 turn: 1"
    case .neverApplies(let check, let retailer, let traits, let phase):
      let who = traits.isEmpty ? retailer : "\(retailer)，特质 \(list(traits))"
      return "得分点 \(q(check)) 对这个零售户（\(who)）永远不适用，所以学员永远不能靠说话进入环节 \(q(phase))；enter_on 换一个适用的得分点"
    case .neverHolds(let why):
      return "这个条件永远不会成立：\(chinese(why))；删掉互相矛盾的一边"
    case .refersToItself(let chain):
      let name = chain.last ?? ""
      return "条件 \(q(short(name))) 引用了它自己（\(Self.chain(chain, separator: " → "))），永远算不出来；去掉造成循环的 if"
    case .noCriteria(let rubric):
      return "评分细则 \(q(rubric)) 一个得分点也没有；在 criteria: 下面至少加一个"
    case .neverMet(let check):
      return "得分点 \(q(check)) 永远做不到：给它 match 短语（any 或 all）、similar 例句，或者 measure"
    case .noTip(let check):
      return "得分点 \(q(check)) 没有 tip；学员没做到时报告里会显示这条提示，最好写上"
    case .badLearnedLine(let written):
      return
        "这一行看不懂：\(q(written))；学来的模型每行是 词<Tab>权重，或 bias<Tab>数字、threshold<Tab>数字（文件由 visitcoach learn 生成，不要手改）"
    case .learnedModelWithoutBias:
      return "学来的模型缺少 bias 这一行（文件由 visitcoach learn 生成，重新生成即可）"
    case .situatedIncomplete:
      return "situated 要同时写 when（说明情境的词，例如 [孩子, 学生, 校服]）和 any（在这个情境里算做到的词，例如 [卖吧, 拿给他]）"
    case .noMeasure(let kinds):
      return "measure 里要写一种测量：\(list(kinds))"
    case .oneTrigger(let triggers):
      return "on 里要写一个、也只能写一个触发条件：\(list(triggers))"
    case .emptyConcept(let name):
      return "词库概念 \(q(name)) 一个词也没有；至少写一个"
    case .goalWithoutWords:
      return "这个目标没有写 words（计划里要提到的词），例如 words: [金桥, 档位]"
    case .previousEmpty:
      return "previous 里至少写 record（上次的拜访记录：内容 | 诉求 | 承诺 | 下次目标）或 promises（上次说过的承诺）"
    case .previousPlaceholderWithoutPrevious(let placeholder):
      return "这句台词用了 {\(placeholder)}，可剧本没有 previous（上次拜访留下的记录和承诺）；加上 previous:，单独练这一次时就用它"
    case .unreadableInputFile(let written, let lookedFor):
      return "读不了输入文件 \(q(written))（找的是 \(lookedFor)）；检查文件名，相对路径从测试文件所在的文件夹算起"
    case .noTraineeLines:
      return "这个测试没有学员说的话：写 input: 文件名，或者 say: [...]"
    case .exampleMismatch(_, let title, let isPenalty, let shouldMatch, let scenario, let phase):
      let act = isPenalty ? "触发扣分项" : "做到得分点"
      let place = "（剧本 \(scenario)，环节 \(phase)）"
      if shouldMatch {
        return "这个例句应该\(act)「\(title)」，实际没有\(place)；改短语或改例句，visitcoach explain 可以看原因"
      }
      return "这个例句不应该\(act)「\(title)」，实际却\(isPenalty ? "触发了" : "做到了")\(place)；改短语或改例句"
    case .phraseOnlyPunctuation(let phrase):
      return "短语 \(q(phrase)) 去掉标点和空格后什么都不剩，永远匹配不到；删掉它"
    case .phrasePunctuationInside(let phrase):
      return "短语 \(q(phrase)) 中间有标点，匹配不会跨过标点，所以永远匹配不到；中间隔着别的话要写成 ‘…’"
    case .phraseEarnsAndPenalises(let phrase, let criterion, let penalty, let scenario):
      return
        "短语 \(q(phrase)) 在剧本 \(scenario) 里既能做到得分点 \(q(criterion))，又会触发扣分项 \(q(penalty))；改其中一边的短语"
    case .lineNeverSaid(let line, let check, let scoredIn, let lineIn):
      return
        "台词 \(q(line)) 永远说不出来：它等的 \(q(check)) 只在环节 \(scoredIn.joined(separator: "/")) 计分，这行却只在环节 \(lineIn.joined(separator: "/")) 说"
    case .lineShadowed(let line, let by, let door):
      let what: String
      switch door {
      case .endsVisit: what = "它一说拜访就结束了"
      case .leavesPhase(let to): what = "它一说就转到环节 \(q(to))"
      case .setsFlag(let flag): what = "它一说就设上标记 \(q(flag))，而这行要求这个标记没设"
      }
      return
        "台词 \(q(line)) 永远说不出来：它能说的时候，台词 \(q(by)) 也能说而且等级更高，会先被选中，\(what)；提高这行的 priority、给 \(q(by)) 加条件把两者分开，或者删掉其中一行"
    case .noScenarioInFile:
      return "这个文件里没有剧本（它可能是特质、评分细则或测试文件）；给出剧本文件或剧本 id，visitcoach list 列出所有剧本"
    case .noPlainReply(let phase):
      return "环节 \(q(phase)) 没有兜底台词（条件里只有 phase 的回复），零售户可能只会回一句“嗯。”；加一行兜底台词"
    case .noHint(let phase):
      return "环节 \(q(phase)) 没有提示：这个剧本用的评分细则里都没有 hints: { \(phase): … }，学员在这里输入 /hint 什么也看不到"
    case .noFittingAddress(let age, let gender, let role):
      let who = "\(age) 岁的\(gender == .male ? "男" : "女")\(chinese(role))"
      return "这个人物（\(who)）一个得体的称呼都没有（通常是 address.unfitting 把它们都去掉了）；在 persona.address.fitting 里加几个"
    case .exampleNamesOthers(let check, let scenario, let words):
      return
        "\(q(check)) 的提示例句提到了场景 \(q(scenario)) 里没有的 \(words.map(q).joined(separator: "、"))：学员会看到别家店的人或货；在场景的 rubrics 下用 example: 给这一条写一句本场景的例句，或在评分表的例句里用 {address.fitting}、{persona.surname} 这类占位符"
    }
  }

  static func chinese(_ kind: YAMLSyntaxProblem, parserText: String, startLine: Int?) -> String {
    let from = startLine.map { "第 \($0) 行" } ?? "前面"
    switch kind {
    case .unclosedList:
      return "方括号列表没有结束：\(from)的 ‘[’ 缺少对应的 ‘]’，或者两项之间少了英文逗号 ‘,’（中文逗号 ‘，’ 不算）"
    case .unclosedMapping:
      return "花括号没有结束：\(from)的 ‘{’ 缺少对应的 ‘}’，或者两对 键: 值 之间少了英文逗号 ‘,’（中文逗号 ‘，’ 不算）"
    case .unclosedQuote:
      return "引号没有配对：\(from)开始的引号一直没有结束；补上后面的引号"
    case .colonInValue:
      return "值里面又出现了 ‘: ’（冒号加空格），YAML 以为这里又是一个键；把整个值用英文引号括起来，例如 title: \"新品: 海韵\"，或者把这个冒号改成中文 ‘：’"
    case .listItemHere:
      return "这里不能写 ‘- ’ 列表项：列表项要另起一行，并且比上面的键多缩进两个空格"
    case .missingColon:
      return "这一行的键后面少了英文冒号；写成 键: 值（冒号后面加一个空格）"
    case .unknownEscape:
      return "双引号里的反斜杠 ‘\\’ 后面跟了 YAML 不认识的字母；改用单引号，或者把 \\ 写成 \\\\"
    case .reservedCharacter(let c):
      if c == ">" || c == "|" {
        return "值不能以 ‘\(c)’ 开头（YAML 把它当成多行文字的记号）；把整个值用英文引号括起来，例如 \">=35\""
      }
      return "值不能以 ‘\(c)’ 开头（YAML 把它当成特殊记号）；把整个值用英文引号括起来"
    case .tab:
      return "这里有 Tab；YAML 只能用空格，把 Tab 换成空格"
    case .unreadable:
      return "文件里有 YAML 读不了的字符（比如控制字符）；删掉它们，或者从干净的文件重新复制"
    case .other:
      return "YAML 格式有误（\(parserText)）；对照说明第 3 节“YAML 的五条规矩”检查这一行和上一行的缩进、冒号和括号"
    }
  }

  static func chinese(_ kind: ReferenceKind) -> String {
    switch kind {
    case .scenario: return "剧本"
    case .trait: return "特质"
    case .rubric: return "评分细则"
    case .criterion: return "得分点"
    case .penalty: return "扣分项"
    case .check: return "得分点或扣分项"
    case .phase: return "环节"
    case .flag: return "标记"
    case .visitBagItem: return "拜访包物品"
    case .wardrobeItem: return "出门前的穿戴"
    case .brand: return "品牌"
    case .namedCondition: return "命名条件（conditions: 下面定义的）"
    case .placeholder: return "占位符"
    case .concept: return "词库概念"
    case .line: return "台词"
    case .sceneFact: return "情景（scene）"
    case .exam: return "考试"
    case .quiz: return "测验"
    case .series: return "系列拜访"
    case .route: return "片区线路"
    case .question: return "题目"
    case .intent: return "零售户听出的意思"
    case .learnedModel: return "学来的模型"
    }
  }

  /// How to fix an unknown id of this kind, beyond the spelling.
  static func chineseHint(_ kind: ReferenceKind) -> String {
    switch kind {
    case .flag: return "。标记要由某行台词的 then: { set: [...] } 设置；没有台词设置它，条件就永远不成立"
    case .criterion, .penalty, .check:
      return "。写成 评分细则id.得分点id，并确认剧本的 rubrics: 里用了这份评分细则"
    case .rubric: return "。评分细则是 rubrics/ 文件夹里的文件名（不带 .yaml）"
    case .trait: return "。特质是 traits/ 文件夹里的文件名（不带 .yaml）"
    case .brand: return "。品牌写在 catalog/brands.yaml 里"
    case .visitBagItem: return "。拜访包物品写在 catalog/visit-bag.yaml 里"
    case .wardrobeItem: return "。出门前的穿戴写在 catalog/wardrobe.yaml 里"
    case .exam: return "。考试是 exams/ 文件夹里的文件名（不带 .yaml）"
    case .quiz: return "。测验是 quiz/ 文件夹里的文件名（不带 .yaml）"
    case .series: return "。系列拜访是 series/ 文件夹里的文件名（不带 .yaml）"
    case .route: return "。片区线路是 routes/ 文件夹里的文件名（不带 .yaml）"
    case .intent: return "。能写的名字是 rubrics/said.yaml 里得分点的 id（不带 said.），另有 brand（说到了品牌）"
    case .learnedModel: return "。学来的模型是 learned/ 文件夹里的文件名（不带 .tsv），由 visitcoach learn 生成"
    case .question, .scenario, .phase, .namedCondition, .placeholder, .concept, .line, .sceneFact:
      return ""
    }
  }

  static func chinese(_ value: ExpectedValue) -> String {
    switch value {
    case .mapping: return "一组 键: 值"
    case .list: return "列表"
    case .text: return "一段文字"
    case .wholeNumber: return "整数"
    case .number: return "数字"
    case .trueOrFalse: return " true 或 false"
    case .listOfTexts: return "文字列表"
    case .listOfPhraseLists: return "短语列表的列表"
    case .range: return "范围"
    case .id: return " id"
    case .choice: return "可选的值"
    }
  }

  /// What a value of this kind looks like.
  static func chineseExample(_ value: ExpectedValue) -> String {
    switch value {
    case .mapping: return "；每行写一个 键: 值（比上面多缩进两个空格），或者写成 { 键: 值, 键: 值 }"
    case .list: return "；每项一行，以 ‘- ’ 开头（比上面多缩进两个空格）"
    case .text: return ""
    case .wholeNumber: return "；用阿拉伯数字，不加引号，例如 50"
    case .number: return "；用阿拉伯数字，不加引号，例如 0.5"
    case .trueOrFalse: return "；写 true（是）或 false（否）"
    case .listOfTexts: return "；写成 [词1, 词2]，或者每项一行以 ‘- ’ 开头"
    case .listOfPhraseLists: return "，例如 all: [[我是, 我叫], [客户经理]]"
    case .range: return "；例如 low、\">=35\" 或 40-60"
    case .id: return ""
    case .choice: return ""
    }
  }

  static func chinese(_ kind: YAMLNodeKind) -> String {
    switch kind {
    case .mapping: return "一组 键: 值"
    case .list: return "列表"
    case .text: return "一个值"
    case .alias: return "别名（*name）"
    }
  }

  static func chinese(_ role: PersonaRole) -> String {
    switch role {
    case .owner: return "店主"
    case .assistant: return "店员"
    case .manager: return "店长"
    }
  }

  static func chinese(_ why: Contradiction) -> String {
    switch why {
    case .emptyRange(let key): return "\(key) 的几个要求互相矛盾，没有一个值能同时满足"
    case .flagSetAndUnset: return "同一个标记既要求已设置（flags）又要求未设置（unset）"
    case .packedAndNotPacked: return "同一件物品既要求带了（packed）又要求没带（not_packed）"
    case .metAndMissed(let ids):
      return "得分点 \(names(ids, zh: true)) 既要求做到（met）又要求没做到（missed）"
    case .heardAndNotHeard: return "heard 里的每个词也都在 not_heard 里"
    case .saidAndNotSaid: return "同一个意思既写在 said 里又写在 not_said 里"
    case .traitRequiredAndExcluded: return "同一个特质既要求有（traits）又要求没有（without_traits）"
    case .disjointPhases(let condition, let its, let these):
      return
        "引用的条件 ‘\(condition)’ 只在环节 \(names(its, zh: true)) 成立，这个条件却要求环节 \(names(these, zh: true))"
    }
  }
}
