import Scoring
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// `clauses_at_least`: a summary that is the list itself needs its items in several clauses.
@Suite("Words in several clauses")
struct ClauseCountTests {
  @Test func aListOfDoneThingsIsASummary() {
    let list = TestLibrary.score("新品先上一条，价签我都换了，下礼拜三再来。", in: Labs.middleAgedMan, phase: "farewell")
    #expect(list.satisfied.contains("farewell.recap_list"), "\(list)")
  }

  @Test func oneDoneThingIsARemark() {
    let one = TestLibrary.score("价签换好了，周三见。", in: Labs.middleAgedMan, phase: "farewell")
    #expect(!one.satisfied.contains("farewell.recap_list"), "\(one)")
    // Both words in one clause are still one clause.
    let same = TestLibrary.score("价签换了空格也补了", in: Labs.middleAgedMan, phase: "farewell")
    #expect(!same.satisfied.contains("farewell.recap_list"), "\(same)")
  }
}

/// A space typed between Chinese characters ends a clause, as a comma would.
@Suite("Spaces between clauses")
struct SpaceBoundaryTests {
  @Test func aSpaceBetweenChineseWordsIsAClauseBoundary() {
    #expect(TextNormalizer.normalize("货不多 这回补两条") == "货不多|这回补两条")
    #expect(TextNormalizer.normalize("货不多\u{3000}这回补两条") == "货不多|这回补两条")
    // Around Latin letters and digits a space joins as before, and trailing spaces vanish.
    #expect(TextNormalizer.normalize("金桥 20元") == "金桥20元")
    #expect(TextNormalizer.normalize("您好 ") == "您好")
  }
}
