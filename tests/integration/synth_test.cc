// The synthetic documents follow the documents' own rules, so that scoring against them means something.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "io/csv_reader.h"
#include "mixtract/document.h"
#include "rules/certificate_number.h"
#include "rules/date.h"
#include "rules/id_number.h"
#include "rules/school_table.h"
#include "synth_job.h"
#include "test_support.h"

namespace mixtract::synth {
namespace {

std::vector<nlohmann::json> read_jsonl(const std::filesystem::path& path) {
  std::vector<nlohmann::json> rows;
  std::istringstream lines(mixtract::testing::read_file(path));
  for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
  return rows;
}

class SynthTest : public ::testing::Test {
 protected:
  SynthOptions options(const std::string& sub, int count, std::uint32_t seed) const {
    SynthOptions o;
    o.out_dir = dir_ / sub;
    o.count = count;
    o.seed = seed;
    o.deps_dir = MIXTRACT_DEFAULT_DEPS_DIR;
    return o;
  }

  mixtract::testing::ScratchDir scratch_;
  const std::filesystem::path& dir_ = scratch_.path();
};

TEST_F(SynthTest, EveryDocumentFollowsTheRules) {
  SynthOptions o = options("mixed", 40, 17);
  o.difficulty = std::nullopt;  // mix
  Result<SynthSummary> summary = run_synth(o);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->documents, 40);

  const SchoolTable schools = SchoolTable::starter();
  std::map<DocumentKind, int> kinds;
  for (const nlohmann::json& row : read_jsonl(o.out_dir / "truth.jsonl")) {
    const std::string file = row["文件"];
    ASSERT_TRUE(std::filesystem::exists(o.out_dir / file)) << file;
    ASSERT_TRUE(Document::load(o.out_dir / file).ok()) << file;
    const FileNameHints hints = parse_file_name(file);
    EXPECT_EQ(hints.person, row["姓名"]) << file;
    const DocumentKind kind = *hints.kind;
    ++kinds[kind];
    EXPECT_EQ(document_kind_name(kind), row["文书类型"].get<std::string>());
    const auto birth = parse_date(row["出生日期"].get<std::string>());
    ASSERT_TRUE(birth.has_value()) << file;
    if (kind == DocumentKind::kIdCard) {
      Result<IdNumber> id = parse_id_number(row["公民身份号码"].get<std::string>());
      ASSERT_TRUE(id.ok()) << id.status().message();
      EXPECT_EQ(id->birth_date, *birth);
      EXPECT_EQ(id->male(), row["性别"] == "男");
      continue;
    }
    const std::string number = row["证书编号"];
    const auto graduated = parse_date(row["毕业日期"].get<std::string>());
    ASSERT_TRUE(graduated.has_value());
    EXPECT_GT(graduated->year - birth->year, 19) << file;
    EXPECT_LE(graduated->year, 2025);
    const School* school = schools.find_by_name(row["毕业院校"].get<std::string>());
    ASSERT_NE(school, nullptr) << file;
    if (kind == DocumentKind::kGraduationCertificate) {
      Result<GraduationNumber> n = parse_graduation_number(number);
      ASSERT_TRUE(n.ok()) << n.status().message();
      EXPECT_EQ(n->school_code, school->code);
      EXPECT_EQ(n->year, graduated->year);
      EXPECT_EQ(level_name(n->level), row["学历层次"].get<std::string>());
      EXPECT_EQ(hints.level, n->level) << file;
    } else {
      Result<DegreeNumber> n = parse_degree_number(number);
      ASSERT_TRUE(n.ok()) << n.status().message();
      EXPECT_EQ(n->school_code, school->code);
      EXPECT_EQ(n->year, graduated->year);
      EXPECT_EQ(level_name(n->level), row["学历层次"].get<std::string>());
      EXPECT_NE(row["学位"].get<std::string>().find("学位"), std::string::npos);
    }
  }
  EXPECT_GT(kinds[DocumentKind::kGraduationCertificate], 0);
  EXPECT_GT(kinds[DocumentKind::kDegreeCertificate], 0);
  EXPECT_GT(kinds[DocumentKind::kIdCard], 0);

  Result<CsvRows> csv = parse_csv(mixtract::testing::read_file(o.out_dir / "truth.csv"), "truth.csv");
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv->size(), 41u);
  EXPECT_EQ((*csv)[0][0], "文件");
}

TEST_F(SynthTest, PersonsPointAtTheirHighestDegree) {
  SynthOptions o = options("persons", 30, 5);
  ASSERT_TRUE(run_synth(o).ok());
  const std::vector<nlohmann::json> persons = read_jsonl(o.out_dir / "persons.jsonl");
  ASSERT_FALSE(persons.empty());
  int total_files = 0;
  for (const nlohmann::json& person : persons) {
    total_files += static_cast<int>(person["文件"].size());
    const std::string highest = person["最高学历文件"];
    if (highest.empty()) continue;  // Only an ID card made it into the set.
    const FileNameHints chosen = parse_file_name(highest);
    EXPECT_EQ(level_name(*chosen.level), person["最高学历"].get<std::string>());
    for (const std::string file : person["文件"]) {
      const FileNameHints other = parse_file_name(file);
      if (!other.level) continue;
      EXPECT_LE(*other.level, *chosen.level) << file;
      if (*other.level == *chosen.level && other.kind == DocumentKind::kGraduationCertificate) {
        EXPECT_EQ(chosen.kind, DocumentKind::kGraduationCertificate) << highest;
      }
    }
  }
  EXPECT_EQ(total_files, 30);
}

TEST_F(SynthTest, SameSeedSameBytes) {
  SynthOptions a = options("a", 6, 9);
  SynthOptions b = options("b", 6, 9);
  a.difficulty = b.difficulty = Difficulty::kHard;
  ASSERT_TRUE(run_synth(a).ok());
  ASSERT_TRUE(run_synth(b).ok());
  EXPECT_EQ(mixtract::testing::read_file(a.out_dir / "truth.csv"),
            mixtract::testing::read_file(b.out_dir / "truth.csv"));
  for (const auto& entry : std::filesystem::directory_iterator(a.out_dir)) {
    EXPECT_EQ(mixtract::testing::read_file(entry.path()),
              mixtract::testing::read_file(b.out_dir / entry.path().filename()))
        << entry.path();
  }
}

TEST_F(SynthTest, UsesTheMinistrySchoolList) {
  const std::filesystem::path list =
      std::filesystem::path(MIXTRACT_SOURCE_DIR) / "../shared/data/universities_moe2017.csv";
  if (!std::filesystem::exists(list)) {
    GTEST_SKIP() << "../shared/data/universities_moe2017.csv is not beside this checkout (a user's clone has no "
                    "shared/); the project's CI has it";
  }
  SynthOptions o = options("moe", 40, 8);
  o.kinds = {DocumentKind::kGraduationCertificate};
  o.schools_csv = list;
  ASSERT_TRUE(run_synth(o).ok());
  Result<SchoolTable> table = SchoolTable::load_csv(list);
  ASSERT_TRUE(table.ok());
  std::set<std::string> schools;
  for (const nlohmann::json& row : read_jsonl(o.out_dir / "truth.jsonl")) {
    const School* school = table->find_by_name(row["毕业院校"].get<std::string>());
    ASSERT_NE(school, nullptr) << row["毕业院校"];
    EXPECT_EQ(row["证书编号"].get<std::string>().substr(0, 5), school->code);
    if (row["学历层次"] != "专科") {
      EXPECT_NE(school->level, "专科") << school->name;
    }
    schools.insert(school->name);
  }
  EXPECT_GT(schools.size(), 10u);  // Drawn from the whole list, not the starter table.
}

TEST_F(SynthTest, KindsAndSchoolsAreHonoured) {
  SynthOptions o = options("kinds", 8, 2);
  o.kinds = {DocumentKind::kIdCard};
  ASSERT_TRUE(run_synth(o).ok());
  for (const nlohmann::json& row : read_jsonl(o.out_dir / "truth.jsonl")) EXPECT_EQ(row["文书类型"], "身份证");

  SynthOptions bad = options("bad", 2, 2);
  bad.schools_csv = dir_ / "absent.csv";
  EXPECT_NE(run_synth(bad).status().message().find("absent.csv"), std::string::npos);
  SynthOptions zero = options("zero", 0, 2);
  EXPECT_EQ(run_synth(zero).status().code(), StatusCode::kInvalidArgument);
  SynthOptions no_regions = options("no_regions", 2, 2);
  no_regions.deps_dir = dir_ / "nowhere";
  EXPECT_NE(run_synth(no_regions).status().message().find("run scripts/setup.sh"), std::string::npos);
}

// A page of lines.jsonl as one string.
std::string text_of(const nlohmann::json& page) {
  std::string text;
  for (const auto& line : page["lines"]) text += line.get<std::string>();
  return text;
}

// Words of each certificate family: its title and a piece of its wording.
const std::map<std::string, std::pair<std::string, std::string>> kFamilyWords{
    {"graduation_graduate", {"研究生毕业证书", "培养计划规定的全部课程"}},
    {"degree_committee", {"学位证书", "学位评定委员会"}},
    {"graduation_regular", {"普通高等学校", "学习期满"}},
    {"degree_award", {"学位证书", "学位授予单位："}},
    {"graduation_form", {"毕业证书", "层次："}},
    {"graduation_blanks", {"毕业证书", " 专业"}},
    {"degree_law", {"学位证书", "This is to certify"}},
    {"graduation_spaced_labels", {"毕业证书", "姓　　名"}},
    {"graduation_bilingual", {"DIPLOMA", "This is to certify"}},
    {"graduation_vocational", {"毕业证书", "同学（性别："}},
    {"degree_certify", {"学位证书", "兹证明"}},
    {"graduation_department", {"毕业证书", "在本校"}},
    {"graduation_enrolled", {"毕业证书", "进入我校"}},
    {"degree_award_first", {"学位证书", "同学在我校"}},
    {"graduation_table_form", {"毕业证书", "所学专业"}},
    {"graduation_narrow", {"毕业证书", "准予毕业"}},
    {"degree_form", {"学位证书", "授予学位："}},
    {"graduation_this_student", {"毕业证书", "该生于"}},
    {"graduation_dotted_dates", {"毕业证书", "在本校"}},
    {"graduation_two_column_form", {"毕业证书", "专业名称："}},
    {"graduation_completed", {"毕业证书", "入学，在我校"}},
    {"degree_graduate_of", {"学位证书", "学位条例》的规定"}},
    {"graduation_major_first", {"毕业证书", "兹有我校"}},
    {"graduation_cohort", {"毕业证书", "级"}},
    {"degree_inline_labels", {"学位证书", "授予单位："}},
    {"graduation_graduated_on", {"毕业证书", "出生于"}},
    {"graduation_native_place", {"毕业证书", "人，"}},
    {"degree_semicolons", {"学位证书", "；性别："}},
    {"graduation_dash_period", {"毕业证书", "同学，"}},
    {"graduation_pursued", {"研究生毕业证书", "学科攻读"}},
    {"degree_discipline", {"学位证书", "学位条例"}},
    {"graduation_id_number", {"毕业证书", "身份证号码"}},
    {"graduation_adult", {"成人高等教育", "毕业证书"}},
    {"degree_regulations_first", {"学位证书", "根据"}},
    {"graduation_school_heading", {"毕业证书", "学习年限"}},
    {"graduation_student_number", {"毕业证书", "学号"}},
    {"degree_bilingual_labels", {"学位证书", "Major："}},
    {"graduation_seasons", {"毕业证书", "秋季入学"}},
    {"graduation_certify_that", {"毕业证书", "兹证明"}},
    {"degree_equivalent", {"学位证书", "学位评定委员会"}},
    {"graduation_college", {"毕业证书", "学院"}},
    {"graduation_school_first", {"毕业证书", "级学生"}},
    {"degree_field_of_study", {"学位证书", "学位评定委员会"}},
    {"graduation_research_direction", {"研究生毕业证书", "研究方向"}},
    {"graduation_self_study", {"毕业证书", "自学考试"}},
    {"graduation_form_long_labels", {"毕业证书", "学生姓名："}},
    {"graduation_reviewed", {"毕业证书", "经审核"}},
    {"graduation_trainee", {"毕业证书", "学员"}},
    {"degree_comrade", {"学位证书", "同志"}},
    {"graduation_form_graduate_labels", {"毕业证书", "毕业生姓名："}},
    {"graduation_vocational_college", {"毕业证书", "院长"}},
    {"degree_graduate_named_last", {"学位证书", "授予条件"}},
    {"graduation_online", {"毕业证书", "网络教育学院"}},
    {"graduation_that_student", {"毕业证书", "该生"}},
    {"degree_part_time", {"学位证书", "，系"}},
    {"graduation_programme", {"毕业证书", "）学习"}},
    {"degree_graduated_from", {"学位证书", "毕业于"}},
    {"graduation_born_before_sex", {"毕业证书", "族，于"}},
    {"graduation_stamped_issuer", {"毕业证书", "发证单位："}},
    {"graduation_proof", {"毕业证明书", "特此证明"}},
    {"degree_thesis", {"学位证书", "》"}},
    {"graduation_full_width", {"毕业证书", "编号：１"}},
    {"graduation_level_in_title", {"普通高等学校", "毕业证书"}},
    {"graduation_chsi_note", {"毕业证书", "学生信息网"}},
    {"degree_short_sentences", {"学位证书", "生。"}},
    {"degree_discipline_in_brackets", {"学位证书", "学科（专业）"}},
    {"degree_name_alone", {"学位证书", "兹授予"}},
    {"graduation_issued_later", {"毕业日期：", "发证日期："}},
    {"graduation_major_code", {"毕业证书", "）专业"}},
    {"graduation_minor", {"毕业证书", "辅修专业"}},
    {"degree_joint_training", {"学位证书", "（其间在"}},
    {"graduation_transfer", {"毕业证书", "转入本校"}},
    {"graduation_reissued", {"补发日期：", "作废"}},
    {"graduation_hyphen_dates", {"毕业证书", "出生日期"}},
    {"graduation_major_direction", {"毕业证书", "方向）专业"}},
    {"degree_supervisor_named", {"学位证书", "指导下完成"}},
    {"graduation_school_code", {"毕业证书", "学校代码："}},
    {"degree_conferred_in_sentence", {"学位证书", "会议审议通过"}},
    {"degree_equivalent_education", {"学位证书", "以同等学力"}},
    {"graduation_number_no", {"毕业证书", "准予毕业"}},
    {"degree_second_bachelor", {"学士学位证书", "第二学士学位"}},
    {"graduation_former_name", {"毕业证书", "（原"}},
    {"graduation_form_times", {"院校名称：", "毕业时间："}},
    {"graduation_level_first", {"毕业证书", "入学，修完"}},
    {"graduation_number_grouped", {"毕业证书", "准予毕业"}},
    {"degree_award_time_label", {"学位证书", "授予学位时间："}},
    {"graduation_former_person_name", {"毕业证书", "（曾用名："}},
    {"degree_minor_programme", {"学位证书", "第二专业"}},
    {"graduation_ethnicity", {"毕业证书", "族，"}},
    {"degree_spaced_name", {"学位证书", "学位的学业要求"}},
    {"graduation_full_period", {"毕业证书", "日至"}},
    {"graduation_ling_numerals", {"毕业证书", "零"}},
    {"graduation_ascii_punctuation", {"毕业证书", ",性别"}},
    {"graduation_upgrade", {"毕业证书", "（专升本）"}},
    {"degree_dated_award", {"学位证书", "日授予"}},
    {"degree_major_in_brackets", {"学位证书", "（专业："}},
    {"graduation_study_mode", {"毕业证书", "（全日制）"}},
    {"graduation_this_one", {"毕业证书", "该生于"}},
};

TEST_F(SynthTest, FamiliesAreHonoured) {
  // Each family's title and wording show in every page it renders; levels a family does not print are
  // rendered by no family at all rather than by another.
  for (const auto& [family, words] : kFamilyWords) {
    SynthOptions o = options(family, 4, 3);
    o.families = {family};
    o.kinds = {DocumentKind::kGraduationCertificate, DocumentKind::kDegreeCertificate};
    ASSERT_TRUE(run_synth(o).ok()) << family;
    const std::vector<nlohmann::json> pages = read_jsonl(o.out_dir / "lines.jsonl");
    ASSERT_EQ(pages.size(), 4u) << family;
    for (const nlohmann::json& page : pages) {
      const std::string text = text_of(page);
      EXPECT_NE(text.find(words.first), std::string::npos) << family << ": " << text;
      EXPECT_NE(text.find(words.second), std::string::npos) << family << ": " << text;
    }
  }
  for (const nlohmann::json& row : read_jsonl(dir_ / "graduation_graduate" / "truth.jsonl")) {
    EXPECT_NE(row["学历层次"].get<std::string>().find("研究生"), std::string::npos);
  }
}

TEST_F(SynthTest, AnUnknownFamilyOrChoicesThatRenderNothingAreErrors) {
  SynthOptions unknown = options("unknown", 2, 3);
  unknown.families = {"diploma_gothic"};
  EXPECT_EQ(run_synth(unknown).status().message(), "unknown family 'diploma_gothic'");
  SynthOptions nothing = options("nothing", 2, 3);
  nothing.families = {"graduation_graduate"};
  nothing.kinds = {DocumentKind::kDegreeCertificate};
  EXPECT_EQ(run_synth(nothing).status().message(), "the kinds and families chosen render no document");
}

TEST_F(SynthTest, IdCardFamiliesDrawTheirPages) {
  // The front alone is a card; a photocopy is a sheet of A4 with the back's office and validity too, both
  // sides side by side a landscape photo of them, and the front in a hand a photo of the front.
  for (const std::string family : {"id_front", "id_photocopy", "id_side_by_side", "id_in_hand"}) {
    SynthOptions o = options(family, 3, 5);
    o.families = {family};
    o.kinds = {DocumentKind::kIdCard};
    ASSERT_TRUE(run_synth(o).ok()) << family;
    const std::vector<nlohmann::json> pages = read_jsonl(o.out_dir / "lines.jsonl");
    ASSERT_EQ(pages.size(), 3u) << family;
    for (const nlohmann::json& page : pages) {
      const std::string text = text_of(page);
      EXPECT_NE(text.find("公民身份号码"), std::string::npos) << family << ": " << text;
      EXPECT_EQ(text.find("签发机关") != std::string::npos, family == "id_photocopy" || family == "id_side_by_side")
          << family << ": " << text;
      const cv::Mat image = cv::imread((o.out_dir / page["文件"].get<std::string>()).string());
      EXPECT_EQ(image.rows > image.cols, family == "id_photocopy") << family;
      EXPECT_EQ(image.cols > 1500, family != "id_front") << family;
    }
  }
  // Families of certificates only: no ID card, whatever the kinds.
  SynthOptions certificates = options("certificates", 4, 5);
  certificates.families = {"graduation_form"};
  ASSERT_TRUE(run_synth(certificates).ok());
  for (const nlohmann::json& row : read_jsonl(certificates.out_dir / "truth.jsonl")) {
    EXPECT_EQ(row["文书类型"], "毕业证书");
  }
}

}  // namespace
}  // namespace mixtract::synth
