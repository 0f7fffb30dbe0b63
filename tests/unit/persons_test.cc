#include "mixtract/persons.h"

#include <tuple>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mixtract {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A document as grouping sees it: the schema recognised, the name and level read ("" = missing).
DocumentFacts record(const std::string& file, const std::string& schema, const std::string& name,
                     const std::string& level) {
  return DocumentFacts{"scans/" + file, "", schema, name, level};
}

TEST(PersonsTest, TheHighestDegreeWinsAndAGraduationCertificateBreaksTies) {
  // The reference system's rule: 博士 > 硕士 / 研究生 > 本科 > 专科, a 毕业 certificate first at one level.
  const std::vector<DocumentFacts> records = {
      record("张三_本科毕业证书.jpg", "graduation_certificate", "张三", "本科"),
      record("张三_学士学位证书.jpg", "degree_certificate", "张三", "本科"),
      record("张三_硕士学位证书.jpg", "degree_certificate", "张三", "硕士研究生"),
      record("张三_硕士毕业证书.jpg", "graduation_certificate", "张三", "硕士研究生"),
      record("张三_身份证.jpg", "id_card", "张三", ""),
      record("李四_学士学位证书.jpg", "degree_certificate", "李四", "本科"),
      record("李四_本科毕业证书.jpg", "graduation_certificate", "李四", "本科"),
      record("王五_专科毕业证书.jpg", "graduation_certificate", "王五", "专科"),
      record("王五_博士学位证书.jpg", "degree_certificate", "王五", "博士研究生"),
  };
  const std::vector<Person> persons = group_by_person(records);
  ASSERT_EQ(persons.size(), 3u);
  EXPECT_EQ(persons[0].key, "张三");
  EXPECT_THAT(persons[0].documents, ElementsAre(0, 1, 2, 3, 4));
  EXPECT_EQ(persons[0].chosen, 3u);
  EXPECT_EQ(persons[0].reason, "硕士研究生 毕业证书, the highest level");
  EXPECT_EQ(persons[1].chosen, 6u);
  EXPECT_EQ(persons[2].chosen, 8u);  // A 博士 学位证书 before a 专科 毕业证书.
  for (const Person& person : persons) EXPECT_TRUE(person.conflicts.empty()) << person.key;
}

TEST(PersonsTest, TheDocumentsLevelOverridesItsFileName) {
  // Mislabelled file: the document says 硕士研究生; that is what counts, and the mismatch is reported.
  const std::vector<DocumentFacts> records = {
      record("赵六_本科毕业证书.jpg", "graduation_certificate", "赵六", "硕士研究生"),
      record("赵六_专科毕业证书.jpg", "graduation_certificate", "赵六", "")};
  const std::vector<Person> persons = group_by_person(records);
  ASSERT_EQ(persons.size(), 1u);
  EXPECT_EQ(persons[0].chosen, 0u);
  ASSERT_EQ(persons[0].conflicts.size(), 1u);
  EXPECT_EQ(persons[0].conflicts[0], "赵六_本科毕业证书.jpg: the file name says 本科, the document 硕士研究生");
  // A level only the file name shows still counts, and says so.
  const std::vector<Person> by_file = group_by_person(std::vector<DocumentFacts>{records[1]});
  EXPECT_EQ(by_file[0].chosen, 0u);
  EXPECT_THAT(by_file[0].reason, HasSubstr("(level from the file name)"));
}

TEST(PersonsTest, ConflictsAndPersonsWithoutADegree) {
  const std::vector<DocumentFacts> records = {
      record("孙七_本科毕业证书.jpg", "graduation_certificate", "孙七", "本科"),
      record("孙七_学士学位证书.jpg", "degree_certificate", "孙琪", "本科"),  // Another name on the page.
      record("周八_身份证.jpg", "id_card", "周八", ""),
      record("scan_0001.jpg", "graduation_certificate", "吴九", "本科"),  // No person in the file name.
      record("scan_0002.jpg", "degree_certificate", "吴九", "本科"),
      record("scan_0003.jpg", "", "", ""),  // Unrecognised, no name: a group of its own.
  };
  const std::vector<Person> persons = group_by_person(records);
  ASSERT_EQ(persons.size(), 4u);
  EXPECT_THAT(persons[0].conflicts,
              ElementsAre("different names read: 孙七 (孙七_本科毕业证书.jpg); 孙琪 (孙七_学士学位证书.jpg)"));
  EXPECT_FALSE(persons[1].chosen.has_value());
  EXPECT_EQ(persons[1].reason, "no certificate of this person shows a level");
  EXPECT_EQ(persons[2].key, "吴九");
  EXPECT_THAT(persons[2].documents, ElementsAre(3, 4));
  EXPECT_EQ(persons[2].chosen, 3u);
  EXPECT_EQ(persons[3].key, "scan_0003.jpg");
  EXPECT_FALSE(persons[3].chosen.has_value());
  EXPECT_TRUE(group_by_person({}).empty());
}

TEST(PersonsTest, APersonGivenWithTheInputGroupsFilesWithoutNames) {
  // A manifest's person column: scans named by number, one of them read with a misread name; a scan the
  // manifest does not list joins by the name read.
  std::vector<DocumentFacts> documents = {record("0001.jpg", "graduation_certificate", "郑十", "本科"),
                                          record("0002.jpg", "degree_certificate", "郑什", "硕士研究生"),
                                          record("0003.jpg", "graduation_certificate", "冯一", "专科"),
                                          record("0004.jpg", "graduation_certificate", "郑十", "本科")};
  documents[0].person = documents[1].person = "郑十";
  const std::vector<Person> persons = group_by_person(documents);
  ASSERT_EQ(persons.size(), 2u);
  EXPECT_EQ(persons[0].key, "郑十");
  EXPECT_THAT(persons[0].documents, ElementsAre(0, 1, 3));
  EXPECT_EQ(persons[0].chosen, 1u);
  EXPECT_THAT(persons[0].conflicts, ElementsAre("different names read: 郑什 (0002.jpg); 郑十 (0001.jpg, 0004.jpg)"));
  EXPECT_EQ(persons[1].key, "冯一");
}

TEST(PersonsTest, FactsAndTheTableComeFromTheChosenRecords) {
  Record chosen;
  chosen.source = "scans/钱一_硕士毕业证书.jpg";
  chosen.schema = "graduation_certificate";
  for (const auto& [field, label, value] : {std::tuple<std::string, std::string, std::string>{"name", "姓名", "钱一"},
                                            {"level", "学历层次", "硕士研究生"}}) {
    FieldResult result;
    result.field = field;
    result.label = label;
    result.value = value;
    result.status = FieldStatus::kNeedsReview;
    chosen.fields.push_back(result);
  }
  const DocumentFacts facts = facts_of(chosen, "钱一");
  EXPECT_EQ(facts.name, "钱一");
  EXPECT_EQ(facts.level, "硕士研究生");
  EXPECT_EQ(facts.person, "钱一");
  const std::vector<DocumentFacts> documents = {facts, record("钱一_身份证.jpg", "id_card", "钱一", "")};
  const std::vector<Person> persons = group_by_person(documents);
  Schema schema;
  schema.fields = {FieldSpec{}, FieldSpec{}};
  schema.fields[0].label = "姓名";
  schema.fields[1].label = "学历层次";
  std::vector<std::size_t> looked_up;
  const Result<std::vector<std::vector<std::string>>> table = person_table(
      persons,
      [&](std::size_t index) -> Result<Record> {
        looked_up.push_back(index);
        return chosen;
      },
      std::vector<Schema>{schema});
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_THAT(looked_up, ElementsAre(0));  // Only the chosen document is looked up.
  ASSERT_EQ(table->size(), 2u);
  EXPECT_THAT((*table)[0], ElementsAre("人员", "文件数", "依据", "冲突", "文件", "姓名", "学历层次"));
  EXPECT_THAT((*table)[1], ElementsAre("钱一", "2", "硕士研究生 毕业证书, the highest level", "",
                                       "钱一_硕士毕业证书.jpg", "钱一", "硕士研究生"));
  const Result<std::vector<std::vector<std::string>>> failed = person_table(
      persons, [](std::size_t) -> Result<Record> { return Status::not_found("gone"); }, std::vector<Schema>{schema});
  EXPECT_FALSE(failed.ok());
}

// A certificate or report with the facts it shares with its counterpart.
DocumentFacts with_facts(DocumentFacts facts, std::vector<std::pair<std::string, std::string>> shared) {
  facts.shared = std::move(shared);
  return facts;
}

TEST(PersonsTest, AReportThatDisagreesWithItsCertificateIsAConflictNamingTheField) {
  const std::vector<std::pair<std::string, std::string>> certificate_facts = {
      {"证书编号", "105331201205001234"}, {"毕业院校", "中南大学"}, {"专业", "会计学"}, {"毕业日期", "2012-06-30"}};
  std::vector<std::pair<std::string, std::string>> report_facts = certificate_facts;
  report_facts[2].second = "财务管理";  // The report says another major.
  const std::vector<DocumentFacts> records = {
      with_facts(record("孙丽_本科毕业证书.jpg", "graduation_certificate", "孙丽", "本科"), certificate_facts),
      with_facts(record("孙丽_学历备案表.jpg", "chsi_record", "孙丽", "本科"), report_facts),
      // A degree report with no 学位证书 to check against: nothing to say.
      with_facts(record("孙丽_学位验证报告.jpg", "degree_report", "孙丽", ""), {{"专业", "法学"}})};
  const std::vector<Person> persons = group_by_person(records);
  ASSERT_EQ(persons.size(), 1u);
  ASSERT_EQ(persons[0].disagreements.size(), 1u);
  const Disagreement& d = persons[0].disagreements[0];
  EXPECT_EQ(std::tie(d.report, d.certificate, d.label, d.report_value, d.certificate_value),
            std::make_tuple(1u, 0u, std::string("专业"), std::string("财务管理"), std::string("会计学")));
  EXPECT_THAT(persons[0].conflicts,
              ElementsAre("孙丽_学历备案表.jpg disagrees with 孙丽_本科毕业证书.jpg: 专业 财务管理 / 会计学"));
  EXPECT_EQ(persons[0].chosen, 0u);  // A report is not a certificate: the 毕业证书 stays the chosen one.
}

TEST(PersonsTest, AReportIsCheckedAgainstTheCertificateOfItsNumberThenOfItsLevel) {
  const std::vector<DocumentFacts> records = {
      with_facts(record("周杰_本科毕业证书.jpg", "graduation_certificate", "周杰", "本科"),
                 {{"证书编号", "100011200905001111"}, {"毕业院校", "北京大学"}}),
      with_facts(record("周杰_硕士毕业证书.jpg", "graduation_certificate", "周杰", "硕士研究生"),
                 {{"证书编号", "100011201205002222"}, {"毕业院校", "清华大学"}}),
      // Its number is the 硕士 certificate's: checked against that one, and they agree.
      with_facts(record("周杰_备案表一.jpg", "chsi_record", "周杰", "硕士研究生"),
                 {{"证书编号", "100011201205002222"}, {"毕业院校", "清华大学"}}),
      // Its number was not read: the certificate of its level, 本科, which names another school.
      with_facts(record("周杰_备案表二.jpg", "chsi_record", "周杰", "本科"), {{"毕业院校", "北京师范大学"}})};
  const std::vector<Person> persons = group_by_person(records);
  ASSERT_EQ(persons.size(), 1u);
  ASSERT_EQ(persons[0].disagreements.size(), 1u);
  EXPECT_EQ(persons[0].disagreements[0].report, 3u);
  EXPECT_EQ(persons[0].disagreements[0].certificate, 0u);
  EXPECT_EQ(persons[0].disagreements[0].label, "毕业院校");
}

}  // namespace
}  // namespace mixtract
