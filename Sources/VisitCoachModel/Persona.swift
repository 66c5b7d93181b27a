/// The retailer's sex, used to choose fitting address terms.
public enum Gender: String, Sendable, Codable, CaseIterable {
  case male
  case female
}

/// Who is behind the counter.
public enum PersonaRole: String, Sendable, Codable, CaseIterable {
  /// The licence holder who decides (老板).
  case owner
  /// A shop assistant or family member minding the shop.
  case assistant
  /// The manager of a supermarket or chain store (店长).
  case manager
}

/// The address terms that fit, and do not fit, one retailer on one kind of visit.
public struct AddressTerms: Sendable, Hashable, Codable {
  /// Terms a trainee should use, e.g. 王大爷, 大爷, 老师傅.
  public var fitting: [String]
  /// Terms that offend or misjudge, e.g. 老头, 大妈, or over-familiar terms on a first visit.
  public var unfitting: [String]
  /// Terms that are casual rather than rude (老板娘, 美女 once acquainted): neither credited as a
  /// fitting address nor punished.
  public var casual: [String]

  public init(fitting: [String], unfitting: [String], casual: [String] = []) {
    self.fitting = fitting
    self.unfitting = unfitting
    self.casual = casual
  }
}

/// The simulated retailer.
public struct Persona: Sendable, Hashable, Codable {
  public var name: String
  /// The family name, used in terms such as 王老板; the first character of `name` by default.
  public var surname: String
  public var age: Int
  public var gender: Gender
  public var attire: String
  public var role: PersonaRole
  /// Trait ids, in the order the scenario lists them.
  public var traits: [String]
  /// Starting rapport, 0-100.
  public var mood: Int
  /// Starting patience, 0-100.
  public var patience: Int
  /// Things the retailer already knows: a "suggestion" about one of them is not new.
  public var knows: [String]
  /// Address terms for this persona on this visit (derived, then extended by the scenario).
  public var address: AddressTerms

  public init(
    name: String, surname: String, age: Int, gender: Gender, attire: String, role: PersonaRole,
    traits: [String], mood: Int, patience: Int, knows: [String], address: AddressTerms
  ) {
    self.name = name
    self.surname = surname
    self.age = age
    self.gender = gender
    self.attire = attire
    self.role = role
    self.traits = traits
    self.mood = mood
    self.patience = patience
    self.knows = knows
    self.address = address
  }
}
