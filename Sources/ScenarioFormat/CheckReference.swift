import VisitCoachModel

/// A reference to a criterion or a penalty (`met`, `missed`, `met_now`, `enter_on`, a trait's
/// `met` reaction want criteria; `violated_now` and a `violated` reaction want penalties). A
/// penalty named where a criterion is wanted (or the reverse) is said to be one, and the
/// suggestion comes from the wanted kind only.
enum CheckReference {
  /// Whether `item` names a check of the wanted kind; reports an error when not.
  @discardableResult
  static func check(
    _ item: Located<String>, wantsCriterion: Bool, criteria: Set<String>, penalties: Set<String>,
    sink: DiagnosticSink
  ) -> Bool {
    let wanted = wantsCriterion ? criteria : penalties
    let other = wantsCriterion ? penalties : criteria
    if wanted.contains(item.value) { return true }
    if other.contains(item.value) {
      sink.error(
        at: item.mark, item.keyPath,
        .wrongCheckKind(
          written: item.value, expected: wantsCriterion ? .criterion : .penalty,
          suggestion: EditDistance.nearest(to: item.value, in: wanted)))
    } else {
      sink.unknown(wantsCriterion ? .criterion : .penalty, item, in: wanted)
    }
    return false
  }
}
