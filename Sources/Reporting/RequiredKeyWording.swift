import VisitCoachModel

extension InterfaceStrings {
  /// What a required key is for, by the kind of file and where the key sits (its section is
  /// the key path without list indices); nil for keys without a note.
  static func requiredKeyHelp(key: String, document: DocumentKind, section: String, zh: Bool)
    -> String?
  {
    let path = section.isEmpty ? key : "\(section).\(key)"
    guard let help = requiredKeys["\(document.rawValue):\(path)"] ?? requiredKeys["*:\(path)"]
    else { return nil }
    return zh ? help.zh : help.en
  }

  /// Notes for required keys: `document:section.key`, or `*:key` for every kind of file.
  static let requiredKeys: [String: (zh: String, en: String)] = [
    "*:version": ("写 version: 1", "use version: 1"),
    // Scenarios.
    "scenario:id": ("剧本的 id，例如 market-day-elderly", "the scenario's id, e.g. busy-morning"),
    "scenario:title": ("剧本的中文标题", "the scenario's Chinese title"),
    "scenario:arrival": ("学员走进店里时看到的情景", "what the trainee sees on arriving at the store"),
    "scenario:customer": ("客户档案：class、network 和 visit", "class, network and visit"),
    "scenario:persona": ("零售户的人物设定", "the retailer"),
    "scenario:persona.name": ("零售户的名字，例如 王建国", "the retailer's name"),
    "scenario:persona.age": ("零售户的年龄", "the retailer's age"),
    "scenario:scene.id": ("这条情景的名字，例如 clean-counter", "a name for the fact, e.g. clean-counter"),
    "scenario:scene.text": ("学员看到的情景", "what the trainee sees"),
    "scenario:phases": ("拜访的各个环节，按顺序写", "the phases of the visit, in order"),
    "scenario:phases.id": ("环节的 id，例如 greeting", "the phase's id, e.g. greeting"),
    "scenario:phases.title": ("提示符里显示的中文环节名", "the Chinese name shown in the prompt"),
    "scenario:lines.id": (
      "台词的名字，不能重复，例如 busy-interrupt", "a unique name for the line, e.g. busy-interrupt"
    ),
    "scenario:lines.text": ("零售户说的话", "what the retailer says"),
    "scenario:rubrics": (
      "给这次拜访评分的评分细则，例如 - use: greeting", "the rubrics that score this visit, e.g. - use: greeting"
    ),
    "scenario:rubrics.use": ("评分细则的 id", "a rubric id"),
    "scenario:stock.brand": ("catalog/ 里的品牌 id 或名称", "a brand id or name from catalog/"),
    "scenario:stock.stock": ("库存多少条", "cartons in stock"),
    "scenario:stock.retag.flag": ("改好价签时台词设置的标记", "the flag a line sets when the tag is fixed"),
    "scenario:stock.retag.price": ("新价签上的价格", "the price on the new tag"),
    "scenario:preparation.needs": ("这次拜访要带的拜访包物品", "the visit-bag items this visit needs"),
    "scenario:preparation.needs.item": ("拜访包物品的 id 或名称", "a visit-bag item id or name"),
    "scenario:preparation.needs.why": ("为什么这次拜访要带它", "why this visit needs it"),
    "scenario:preparation.goals.why": ("为什么这次拜访要有这个目标", "why this visit must have this goal"),
    // Traits.
    "trait:id": ("特质的名字，例如 busy", "the trait's name, e.g. busy"),
    "trait:title": ("特质的中文名，例如 忙碌", "the Chinese name"),
    "trait:reactions.on": ("什么情况引起这个反应", "what sets the reaction off"),
    "trait:lines.id": (
      "台词的名字，不能重复，例如 busy-interrupt", "a unique name for the line, e.g. busy-interrupt"
    ),
    "trait:lines.text": ("零售户说的话", "what the retailer says"),
    // Rubrics.
    "rubric:id": ("评分细则的名字，例如 greeting", "the rubric's name, e.g. greeting"),
    "rubric:title": ("这一部分的中文名", "the area's Chinese name"),
    "rubric:weight": ("这一部分在总分里的权重", "the area's weight in the total"),
    "rubric:criteria.id": (
      "得分点的名字，在这份细则里不能重复，例如 self_intro", "a name unique in the rubric, e.g. self_intro"
    ),
    "rubric:criteria.title": ("报告里显示的中文名", "the Chinese name shown in reports"),
    "rubric:criteria.points": ("做到时得几分", "points earned when met"),
    "rubric:penalties.id": ("扣分项的名字，在这份细则里不能重复", "a name unique in the rubric"),
    "rubric:penalties.title": ("报告里显示的中文名", "the Chinese name shown in reports"),
    "rubric:penalties.points": ("从总分里扣几分", "points deducted from the total"),
    // The catalogue.
    "catalogue:items": ("拜访包里能带的物品", "the visit-bag items"),
    "catalogue:items.id": ("物品的 id，例如 price-tags", "the item's id, e.g. price-tags"),
    "catalogue:items.name": ("显示的名称，例如 价签", "the display name"),
    "catalogue:brands": ("品牌清单", "the list of brands"),
    "catalogue:brands.id": ("品牌的 id，例如 jinqiao-slim", "the brand's id, e.g. jinqiao-slim"),
    "catalogue:brands.name": ("显示的名称，例如 金桥(细支)", "the display name"),
    "catalogue:brands.class": ("价类 1-5（一类到五类）", "the price class 1-5"),
    "catalogue:brands.flavour": ("香型，例如 烤烟型清香", "the flavour type"),
    "catalogue:brands.family": ("品牌系列，例如 金桥", "the brand family"),
    "catalogue:brands.origin": ("产地", "where it is made"),
    "catalogue:brands.pack_price": ("每包零售价（元）", "the retail price per pack, yuan"),
    // The lexicon.
    "lexicon:concepts": ("概念词族，写成 名字: [说法1, 说法2]", "the concept families, name: [words]"),
    // Conversation tests.
    "test:scenario": ("要测试的剧本 id", "the id of the scenario under test"),
    "test:tests": ("测试列表", "a list of tests"),
    "test:tests.name": ("这个测试测的是什么", "what the test is about"),
    "test:tests.expect": ("应该发生什么", "what must happen"),
    "test:tests.expect.turns.turn": ("第几轮（从 1 数起）", "the 1-based turn number"),
  ]
}
