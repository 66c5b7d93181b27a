/// Derives the fitting and unfitting address terms for a retailer from age, sex, role and the
/// kind of visit, following the address-term table of the domain fact sheet (DOMAIN.md §4.2).
///
/// Scenarios may add terms of their own; these are the defaults every persona gets.
public enum AddressBook {
  /// The terms for a retailer with this family name, age, sex and role, on this kind of visit.
  public static func terms(
    surname s: String, age: Int, gender: Gender, role: PersonaRole, visit: VisitKind
  ) -> AddressTerms {
    var fitting: [String] = []
    var unfitting: [String] = ["喂", "哎那个", "嘿"]
    var familiar: [String] = []
    // Casual, not rude (DOMAIN.md §4.2: 老板娘 "casual; some dislike"); 美女/帅哥 are casual
    // between acquaintances and too familiar on a first visit.
    var casual: [String] = gender == .female ? ["老板娘"] : []
    let flattering = gender == .female ? ["美女"] : ["帅哥"]
    switch role {
    case .manager:
      fitting += ["\(s)店长", "店长", "\(s)经理", "经理"]
    case .owner:
      fitting += ["\(s)老板", "老板"]
    case .assistant:
      fitting += ["请问老板在吗", "老板在吗", "老板在不在"]
    }
    if age >= 60 {
      if gender == .male {
        fitting += ["\(s)大爷", "大爷", "老大爷", "老师傅", "\(s)师傅"]
        // Regional forms of the same respect (DOMAIN.md §4.2: 爹爹 in Wuhan-style regions).
        fitting += ["爹爹", "\(s)爹爹", "老伯", "大伯", "伯伯", "\(s)伯", "\(s)大伯"]
        unfitting += ["老头", "老头儿", "老家伙"]
        familiar += ["老\(s)"]
      } else {
        fitting += ["\(s)阿姨", "阿姨", "奶奶", "婆婆", "\(s)奶奶"]
        fitting += ["大娘", "\(s)大娘", "婶子", "大婶", "\(s)婶", "嬢嬢", "\(s)嬢嬢"]
        unfitting += ["大妈", "老太太", "老太婆"]
        familiar += ["\(s)姨"]
      }
      // 美女 or 帅哥 to someone of 68 is mockery, not a compliment.
      unfitting += ["小伙子", "小姑娘", "美女", "帅哥"]
    } else if age >= 35 {
      // From fifty, 大叔 and 阿姨 are ordinary respect (DOMAIN.md §4.2: 大叔 for men in their
      // fifties); under fifty they age the retailer (calling a 45-year-old 阿姨).
      let older = age >= 50
      if gender == .male {
        fitting += ["\(s)师傅", "\(s)大哥"] + (older ? ["大叔", "\(s)叔", "\(s)大叔"] : [])
        unfitting += ["老头", "大爷"] + (older ? [] : ["大叔"])
        familiar += ["\(s)哥", "老\(s)", "兄弟", "哥们"]
      } else {
        fitting += ["\(s)大姐"] + (older ? ["阿姨", "\(s)阿姨"] : [])
        unfitting += ["大妈"] + (older ? [] : ["阿姨"])
        familiar += ["\(s)姐", "姐姐"]
      }
    } else {
      unfitting += ["小伙子", "小姑娘", "小妹", "小弟", "阿姨", "大叔", "大爷", "大妈"]
      familiar += ["兄弟", "哥们", "\(s)哥", "\(s)姐"]
    }
    if visit == .first {
      unfitting += familiar
      if age < 60 { unfitting += flattering }
    } else {
      fitting += familiar
      if age < 60 { casual += flattering }
    }
    return AddressTerms(
      fitting: unique(fitting), unfitting: unique(unfitting), casual: unique(casual))
  }

  private static func unique(_ terms: [String]) -> [String] {
    var seen = Set<String>()
    return terms.filter { !$0.isEmpty && seen.insert($0).inserted }
  }
}
