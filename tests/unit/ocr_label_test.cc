#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <re2/re2.h>

#include "experts/ocr_label/ocr_label_expert.h"

namespace mixtract {
namespace {

std::string value_of(const std::string& line, std::string_view label, FieldKind kind) {
  const std::optional<LabelledValue> hit = value_after_label(line, label, kind);
  return hit ? hit->value : "<none>";
}

TEST(ValueAfterLabelTest, CutsByKind) {
  EXPECT_EQ(value_of("证书编号：106101201905007614", "证书编号", FieldKind::kCode), "106101201905007614");
  EXPECT_EQ(value_of("证书编号: １０６１ 0120x", "证书编号", FieldKind::kCode), "10610120X");
  // A seal's character read among the digits marks where one may be hidden; one after them ends the code.
  EXPECT_EQ(value_of("证书编号：1036钧1200805268198", "证书编号", FieldKind::kCode), "1036?1200805268198");
  EXPECT_EQ(value_of("证书编号：浙14811200805381674", "证书编号", FieldKind::kCode), "?14811200805381674");
  EXPECT_EQ(value_of("证书编号：12105120180568116货", "证书编号", FieldKind::kCode), "12105120180568116");
  EXPECT_EQ(value_of("学生林文平，性别女，1978年8月1日生", "学生", FieldKind::kName), "林文平");
  EXPECT_EQ(value_of("学生林文平，性别女，1978年8月1日生", "性别", FieldKind::kGender), "女");
  EXPECT_EQ(value_of("性别 男 民族 汉", "民族", FieldKind::kText), "汉");
  EXPECT_EQ(value_of("出生 1970 年 2 月 2 日", "出生", FieldKind::kDate), "1970-02-02");
  EXPECT_EQ(value_of("发证日期：二〇一九年六月三十日 校长", "发证日期", FieldKind::kDate), "2019-06-30");
  EXPECT_EQ(value_of("校名：四川大学", "校名", FieldKind::kSchool), "四川大学");
  EXPECT_EQ(value_of("住址 /上海市普陀区光明路79号", "住址", FieldKind::kText),
            "上海市普陀区光明路79号");  // A stray stroke.
}

TEST(ValueAfterLabelTest, AColonReadAsAnotherMark) {
  EXPECT_EQ(value_of("证书编号.128381201306290115", "证书编号", FieldKind::kCode), "128381201306290115");
  EXPECT_EQ(value_of("证书编号·128381201306290115", "证书编号", FieldKind::kCode), "128381201306290115");
  EXPECT_EQ(value_of("发证日期，2013年7月5日", "发证日期", FieldKind::kDate), "2013-07-05");
  EXPECT_EQ(value_of("姓名；张伟", "姓名", FieldKind::kName), "张伟");
  EXPECT_EQ(value_of("TOTAL.12.50", "TOTAL", FieldKind::kAmount), "12.50");
}

TEST(ValueAfterLabelTest, NothingUsableFollows) {
  EXPECT_EQ(value_of("证书编号：", "证书编号", FieldKind::kCode), "<none>");
  EXPECT_EQ(value_of("证书编号：ABC", "证书编号", FieldKind::kCode), "<none>");
  EXPECT_EQ(value_of("性别：未知", "性别", FieldKind::kGender), "<none>");
  EXPECT_EQ(value_of("no label here", "证书编号", FieldKind::kCode), "<none>");
  EXPECT_EQ(value_of("日期：很久以前", "日期", FieldKind::kDate), "<none>");
}

// Hand-written: a speck read as '.' between the digit runs of one number, a grouping dash; but a comma and a date
// after a number, a mark after the digits and a space, or one before any digit, are not part of it.
TEST(ValueAfterLabelTest, AStrayMarkBetweenDigitsIsPassedOver) {
  EXPECT_EQ(value_of("证书编号：104 .905176620", "证书编号", FieldKind::kCode), "104905176620");
  EXPECT_EQ(value_of("证书编号：１０５３３-１２０２", "证书编号", FieldKind::kCode), "105331202");
  EXPECT_EQ(value_of("编号：10533·1202", "编号", FieldKind::kCode), "105331202");
  EXPECT_EQ(value_of("证书编号：10533,2020年6月", "证书编号", FieldKind::kCode), "10533");
  EXPECT_EQ(value_of("证书编号：10533. 2020年", "证书编号", FieldKind::kCode), "10533");
  EXPECT_EQ(value_of("证书编号：-10533", "证书编号", FieldKind::kCode), "<none>");
}

// Hand-written: a letter read for a digit inside a number that takes no letters marks where that digit is, as a
// seal's character does; one after the digits, or an X, does not.
TEST(ValueAfterLabelTest, ALetterBetweenDigitsIsAnUnreadDigit) {
  EXPECT_EQ(value_of("证书编号：102131201F05066853", "证书编号", FieldKind::kCode), "102131201?05066853");
  EXPECT_EQ(value_of("证书编号：10213l2016", "证书编号", FieldKind::kCode), "10213?2016");
  EXPECT_EQ(value_of("证书编号：1028412012No", "证书编号", FieldKind::kCode), "1028412012");
  EXPECT_EQ(value_of("身份证号：11010119900307123x", "身份证号", FieldKind::kCode), "11010119900307123X");
  EXPECT_EQ(value_of("证书编号：F1021", "证书编号", FieldKind::kCode), "<none>");
}

TEST(ValueAfterLabelTest, ReportsTheCharactersTaken) {
  const std::optional<LabelledValue> hit = value_after_label("证书编号：1234 后面", "证书编号", FieldKind::kCode);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->first, 5u);  // 证书编号 and the colon.
  EXPECT_EQ(hit->count, 5u);  // "1234 " up to the first non-digit.
  EXPECT_EQ(hit->raw, "1234 ");
}

// An OCR line at (x, y), 30 pixels high, 30 pixels per character.
OcrLine line_at(const std::string& text, float x, float y) {
  OcrLine line;
  line.text = text;
  const float width = 30.0f * static_cast<float>(text.size() / 3 + 1);
  line.box = Quad{{{x, y}, {x + width, y}, {x + width, y + 30}, {x, y + 30}}};
  line.confidence = 0.99f;
  line.char_confidences.assign(text.size(), 0.99f);  // At least one per character.
  return line;
}

FieldSpec field_of(const std::string& name, FieldKind kind, const std::string& label) {
  FieldSpec field;
  field.name = name;
  field.kind = kind;
  field.hints.labels = {label};
  return field;
}

TEST(FindLabelledValueTest, ValueBelowItsLabelAndAddressOverTwoLines) {
  // An ID card: 住址 and 公民身份号码 alone on their lines; the address wraps under its first line.
  OcrResult page;
  page.lines = {line_at("住址", 50, 250), line_at("山东省潍坊市寿光市文化路246", 150, 250), line_at("号", 150, 295),
                line_at("公民身份号码", 50, 450), line_at("37078319800909922X", 250, 450)};
  const FieldSpec address = field_of("address", FieldKind::kText, "住址");
  const FieldSpec id = field_of("id_number", FieldKind::kCode, "公民身份号码");
  const FieldSpec* fields[] = {&address, &id};
  std::optional<FoundValue> found = find_labelled_value(page, address, fields);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->candidate.value, "山东省潍坊市寿光市文化路246号");
  EXPECT_EQ(found->lines, (std::vector<std::size_t>{0, 1, 2}));
  found = find_labelled_value(page, id, fields);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->candidate.value, "37078319800909922X");

  // A line that starts under the labels, or holds a label, ends the address.
  page.lines[2] = line_at("号", 50, 295);
  EXPECT_EQ(find_labelled_value(page, address, fields)->candidate.value, "山东省潍坊市寿光市文化路246");
  // Nor does a line printed twice as large (仅供入职使用 written across a photocopy).
  page.lines[2] = line_at("号", 150, 295);
  page.lines.insert(page.lines.begin() + 3, line_at("仅供入职使用", 120, 330));
  page.lines[3].box[2].y = page.lines[3].box[3].y = 330 + 64;
  found = find_labelled_value(page, address, fields);
  EXPECT_EQ(found->candidate.value, "山东省潍坊市寿光市文化路246号");
  EXPECT_EQ(found->in_the_way, 3u);  // Where a third line would be: the address may go on beneath it.
  // A label whose next line is another label has no value.
  page.lines = {line_at("住址", 50, 250), line_at("公民身份号码", 50, 300)};
  EXPECT_FALSE(find_labelled_value(page, address, fields).has_value());
}

TEST(FindLabelledValueTest, ANameThatEndsItsLineMayGoOnAtTheNextOnesStart) {
  const FieldSpec name = field_of("name", FieldKind::kName, "学生");
  const FieldSpec* fields[] = {&name};
  OcrResult page;
  page.lines = {line_at("四川大学法学专业2015级学生刘伟", 50, 100),
                line_at("思，女，1997年2月8日生，于2015年", 50, 140)};
  std::optional<FoundValue> found = find_labelled_value(page, name, fields);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->candidate.value, "刘伟");
  EXPECT_LE(found->candidate.confidence, kDoubtfulReading);
  // A form's next label after a colon is no part of the name; nor is a name already four characters long.
  page.lines[1] = line_at("性别：女", 50, 140);
  EXPECT_GT(find_labelled_value(page, name, fields)->candidate.confidence, 0.9);
  page.lines[0] = line_at("学生欧阳文华", 50, 100);
  page.lines[1] = line_at("思，女", 50, 140);
  EXPECT_GT(find_labelled_value(page, name, fields)->candidate.confidence, 0.9);
}

TEST(FindLabelledValueTest, ALineInTheWayOfTheNextLineLeavesTheValueInDoubt) {
  // A photocopy's use, written across the card in the place of the address's second line (号 hidden
  // beneath it): as high as the print, but running on far past where the address wrapped.
  OcrResult page;
  page.lines = {line_at("民族汉", 150, 190), line_at("住址", 50, 250), line_at("山西省长治市长子县幸福路138", 150, 250),
                line_at("此复印件仅供学历认证使用", 240, 290), line_at("公民身份号码", 50, 450)};
  const FieldSpec ethnicity = [] {
    FieldSpec field = field_of("ethnicity", FieldKind::kText, "民族");
    field.constraints.values = {"汉", "回"};
    return field;
  }();
  const FieldSpec address = field_of("address", FieldKind::kText, "住址");
  const FieldSpec id = field_of("id_number", FieldKind::kCode, "公民身份号码");
  const FieldSpec* fields[] = {&ethnicity, &address, &id};
  std::optional<FoundValue> found = find_labelled_value(page, address, fields);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->candidate.value, "山西省长治市长子县幸福路138");
  EXPECT_EQ(found->in_the_way, 3u);
  // Ending where the address wrapped, it is the address's next line.
  page.lines[3] = line_at("号", 150, 290);
  found = find_labelled_value(page, address, fields);
  EXPECT_EQ(found->candidate.value, "山西省长治市长子县幸福路138号");
  EXPECT_FALSE(found->in_the_way.has_value());
  // A word of a closed list does not go on below, whatever lies there.
  page.lines = {line_at("民族汉", 150, 190), line_at("此复印件仅供学历认证使用", 150, 225)};
  found = find_labelled_value(page, ethnicity, fields);
  EXPECT_EQ(found->candidate.value, "汉");
  EXPECT_FALSE(found->in_the_way.has_value());
}

TEST(FindLabelledValueTest, ATiltedValuesNextLineIsMeasuredUnderIt) {
  // A card photographed turned: the address's first line slopes down to the right, its 号 lies under its
  // left part, more than a line height below the line's left end but close under the line where it is.
  OcrResult page;
  page.lines = {line_at("住址", 50, 240), line_at("山西省长治市长子县幸福路138", 150, 250), line_at("号", 250, 311)};
  page.lines[1].box[1].y = 292;
  page.lines[1].box[2].y = 322;
  const FieldSpec address = field_of("address", FieldKind::kText, "住址");
  const FieldSpec* fields[] = {&address};
  EXPECT_EQ(find_labelled_value(page, address, fields)->candidate.value, "山西省长治市长子县幸福路138号");
  page.lines[2] = line_at("号", 250, 325);  // Further down: not the address's.
  EXPECT_EQ(find_labelled_value(page, address, fields)->candidate.value, "山西省长治市长子县幸福路138");
}

TEST(FindLabelledValueTest, AValueOfAClosedListConfirmsItsBlurredLabel) {
  // 民  族 printed faint on a grey photocopy, read 民旅 or with 族 lost: the line holding nothing more than
  // one of the 56 groups after it is the field, a little less sure than a clean label.
  FieldSpec ethnicity = field_of("ethnicity", FieldKind::kText, "民族");
  ethnicity.constraints.values = {"汉", "回", "蒙古"};
  const FieldSpec* fields[] = {&ethnicity};
  const auto found_in = [&](const std::string& text) {
    OcrResult page;
    page.lines = {line_at("姓名张伟", 50, 100), line_at(text, 50, 150)};
    const std::optional<FoundValue> found = find_labelled_value(page, ethnicity, fields);
    return found ? found->candidate.value + "@" + std::to_string(found->candidate.confidence).substr(0, 4) : "<none>";
  };
  EXPECT_EQ(found_in("民旅汉"), "汉@0.89");
  EXPECT_EQ(found_in("民 汉"), "汉@0.89");
  EXPECT_EQ(found_in("族蒙古"), "蒙古@0.89");
  EXPECT_EQ(found_in("民族回"), "回@0.99");   // Read whole: the labelled value.
  EXPECT_EQ(found_in("民旅汉族"), "<none>");  // Not a value of the list.
  EXPECT_EQ(found_in("人民汉"), "<none>");    // Two characters off the label.
  EXPECT_EQ(found_in("民旅"), "<none>");
}

TEST(FindLabelledValueTest, ATextValueDoesNotRunIntoADocumentBesideIt) {
  // An ID card's two sides photographed side by side: the back's lines share the front's rows.
  OcrResult page;
  page.lines = {line_at("民族汉", 350, 120), line_at("中华人民共和国", 1330, 130), line_at("住址", 50, 250),
                line_at("上海市普陀区光明路79号", 150, 250), line_at("签发机关", 1180, 280)};
  const FieldSpec ethnicity = field_of("ethnicity", FieldKind::kText, "民族");
  const FieldSpec address = field_of("address", FieldKind::kText, "住址");
  const FieldSpec* fields[] = {&ethnicity, &address};
  EXPECT_EQ(find_labelled_value(page, ethnicity, fields)->candidate.value, "汉");
  EXPECT_EQ(find_labelled_value(page, address, fields)->candidate.value, "上海市普陀区光明路79号");
  // The back's lines read between a label and its value, or between a value's lines, are passed over.
  page.lines = {line_at("住址", 50, 250), line_at("居民身份证", 1330, 255), line_at("上海市普陀区光明路79", 150, 262),
                line_at("签发机关", 1180, 290), line_at("号", 150, 300)};
  EXPECT_EQ(find_labelled_value(page, address, fields)->candidate.value, "上海市普陀区光明路79号");
}

TEST(FindLabelledValueTest, ALabelReadOneCharacterALineIsPutTogether) {
  // 住  址 printed wide apart, read enlarged: 住, 址 and the value side by side on one row.
  OcrResult page;
  page.lines = {line_at("出", 50, 190), line_at("生", 100, 190), line_at("1996年2月28日", 150, 190),
                line_at("住", 50, 250), line_at("址", 100, 250), line_at("山东省潍坊市寿光市文化路246", 150, 250),
                line_at("号", 150, 295)};
  const FieldSpec address = field_of("address", FieldKind::kText, "住址");
  const FieldSpec birth = field_of("birth_date", FieldKind::kDate, "出生");
  const FieldSpec* fields[] = {&address, &birth};
  std::optional<FoundValue> found = find_labelled_value(page, address, fields);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->candidate.value, "山东省潍坊市寿光市文化路246号");
  EXPECT_EQ(found->lines, (std::vector<std::size_t>{3, 4, 5, 6}));  // The page's own lines.
  EXPECT_EQ(found->candidate.evidence.back().source, "ocr_line:6");
  found = find_labelled_value(page, birth, fields);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->candidate.value, "1996-02-28");
  // Far apart, they are not one label.
  page.lines[4] = line_at("址", 400, 250);
  page.lines[5] = line_at("山东省潍坊市寿光市文化路246", 500, 250);
  EXPECT_FALSE(find_labelled_value(page, address, fields).has_value());
}

TEST(FindLabelledValueTest, CodesSplitByASealAndCodesWithoutTheirLabel) {
  FieldSpec number = field_of("certificate_number", FieldKind::kCode, "证书编号");
  number.constraints.min_length = number.constraints.max_length = 18;
  number.validator = Validator::kGraduationNumber;
  const FieldSpec* fields[] = {&number};
  OcrResult page;
  // 证书编号 misread as 证书编量, the number in two boxes on one row.
  page.lines = {line_at("证书编量：13842", 370, 780), line_at("1200105545789", 700, 782)};
  std::optional<FoundValue> found = find_labelled_value(page, number, fields);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->candidate.value, "138421200105545789");
  EXPECT_EQ(found->lines, (std::vector<std::size_t>{0, 1}));
  // A complete number is not extended by the digits of a date beside it.
  page.lines = {line_at("证书编号：138421200105545789", 370, 780), line_at("2001年6月17日", 1000, 782)};
  EXPECT_EQ(find_labelled_value(page, number, fields)->candidate.value, "138421200105545789");
  // No label anywhere: a line opening with 18 digits, less sure.
  page.lines = {line_at("台民9份号时", 50, 450), line_at("138421200105545789", 250, 300)};
  found = find_labelled_value(page, number, fields);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->candidate.value, "138421200105545789");
  EXPECT_NEAR(found->candidate.confidence, 0.9 * 0.99, 1e-6);
  // Without a validator to judge it, a line of the right length is no evidence.
  number.validator = Validator::kNone;
  EXPECT_FALSE(find_labelled_value(page, number, fields).has_value());
}

TEST(FindLabelledValueTest, TheBuiltinCertificateNumbersAfterNoOrTheShortLabel) {
  for (const std::string name : {"graduation_certificate", "degree_certificate"}) {
    const Result<Schema> schema = load_schema(name);
    ASSERT_TRUE(schema.ok()) << name;
    const FieldSpec& number = *schema->find("certificate_number");
    const std::string digits = name == "graduation_certificate" ? "105331202005000123" : "1053342020000123";
    const FieldSpec* fields[] = {&number};
    OcrResult page;
    for (const std::string printed : {"No.", "NO：", "No:", "no. ", "证书号：", "证书号 ", "证号："}) {
      page.lines = {line_at("校长：王建国", 920, 690), line_at(printed + digits, 370, 780)};
      const std::optional<FoundValue> found = find_labelled_value(page, number, fields);
      ASSERT_TRUE(found.has_value()) << name << " " << printed;
      EXPECT_EQ(found->candidate.value, digits);
      EXPECT_NEAR(found->candidate.confidence, 0.99, 1e-6);
    }
    // No inside a word, or no digits after it, is no label.
    page.lines = {line_at("NORMAL UNIVERSITY" + digits, 370, 780)};
    std::optional<FoundValue> found = find_labelled_value(page, number, fields);
    EXPECT_TRUE(!found.has_value() || found->candidate.confidence < 0.9);
    // 证号 inside 身份证号 is no label: the identity number after it is no certificate number.
    page.lines = {line_at("身份证号：110101199805062318", 370, 700)};
    found = find_labelled_value(page, number, fields);
    EXPECT_TRUE(!found.has_value() || found->candidate.confidence < 0.9) << found->candidate.value;
    // Nor is it another number on the page, which would put the one after 证书编号 in doubt.
    page.lines.push_back(line_at("证书编号：" + digits, 370, 780));
    found = find_labelled_value(page, number, fields);
    ASSERT_TRUE(found.has_value()) << name;
    EXPECT_EQ(found->candidate.value, digits);
    EXPECT_FALSE(another_labelled_code(page, number, *found).has_value()) << name;
  }
}

TEST(FindLabelledValueTest, TheLongerLabelWhereverItIsBeforeAShorterOneAbove) {
  // A certificate issued again names the lost one's number in its sentence after 编号; the number is the one
  // after 证书编号 below it.
  FieldSpec number = field_of("certificate_number", FieldKind::kCode, "证书编号");
  number.hints.labels = {"编号", "证书编号"};
  number.constraints.min_length = number.constraints.max_length = 18;
  const FieldSpec* fields[] = {&number};
  OcrResult page;
  page.lines = {line_at("准予毕业。原证书（编号：104861202005950129）", 100, 300), line_at("已作废。", 100, 340),
                line_at("证书编号：104861202005957311", 100, 700)};
  std::optional<FoundValue> found = find_labelled_value(page, number, fields);
  EXPECT_EQ(found->candidate.value, "104861202005957311");
  // The other number is named as evidence against it: which one the page means, a person decides.
  const std::optional<Evidence> other = another_labelled_code(page, number, *found);
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(other->source, "ocr_line:0");
  EXPECT_THAT(other->text, ::testing::HasSubstr("another 编号 on the page: 104861202005950129"));
  // 原证书编号 holds the longer label itself: the first line that has it is taken, still in doubt.
  page.lines[0] = line_at("原证书编号：104861202005950129，已作废。", 100, 300);
  found = find_labelled_value(page, number, fields);
  EXPECT_TRUE(another_labelled_code(page, number, *found).has_value());
  // The same number twice, or a part of one, is no other number.
  page.lines[0] = line_at("编号：104861202005957311", 100, 300);
  EXPECT_FALSE(another_labelled_code(page, number, *find_labelled_value(page, number, fields)).has_value());
  page.lines[0] = line_at("编号：1048612", 100, 300);
  EXPECT_FALSE(another_labelled_code(page, number, *find_labelled_value(page, number, fields)).has_value());
  page.lines[0] = line_at("准予毕业。原证书（编号：104861202005950129）", 100, 300);
  page.lines.pop_back();  // The shorter label where the longer one is nowhere.
  EXPECT_EQ(find_labelled_value(page, number, fields)->candidate.value, "104861202005950129");
}

TEST(FindLabelledValueTest, InATableTheValueIsTheCellToTheRightWhereverItWasReadInOrder) {
  FieldSpec major = field_of("major", FieldKind::kMajor, "专业");
  FieldSpec years = field_of("length_of_study", FieldKind::kText, "学制");
  FieldSpec birth = field_of("birth_date", FieldKind::kDate, "出生日期");
  FieldSpec gender = field_of("gender", FieldKind::kGender, "性别");
  const FieldSpec* fields[] = {&major, &years, &birth, &gender};
  OcrResult page;
  // A photographed table, its right column higher: 学制 | 4年 | 专业 | 英语, then 出生日期 below 性别 | 男.
  page.lines = {line_at("4年", 440, 636),  line_at("专业", 770, 630), line_at("英语", 890, 628),
                line_at("学制", 316, 642), line_at("性别", 770, 700), line_at("出生日期", 300, 712),
                line_at("男", 890, 698)};
  EXPECT_EQ(find_labelled_value(page, major, fields)->candidate.value, "英语");  // Not 4年, left of it.
  EXPECT_EQ(find_labelled_value(page, years, fields)->candidate.value, "4年");   // Read before its label.
  EXPECT_EQ(find_labelled_value(page, gender, fields)->candidate.value, "男");   // Past a label below it.
}

TEST(FindLabelledValueTest, ALineBelowContinuesAValueOnlyIfTheWholeKeepsItsForm) {
  FieldSpec degree = field_of("degree", FieldKind::kText, "授予学位");
  degree.constraints.pattern = "\\p{Han}+(学士|硕士|博士)学位";
  degree.constraints.pattern_regex = std::make_shared<const re2::RE2>(degree.constraints.pattern);
  const FieldSpec* fields[] = {&degree};
  OcrResult page;
  // The next row's label (专业) went unread: its value 英语 is not the degree's second line.
  page.lines = {line_at("授予学位", 200, 710), line_at("文学学士学位", 340, 710), line_at("英语", 340, 748)};
  EXPECT_EQ(find_labelled_value(page, degree, fields)->candidate.value, "文学学士学位");
}

TEST(FindLabelledValueTest, AWidelySpacedLabelWithACharacterLostIsConfirmedByItsValue) {
  FieldSpec gender = field_of("gender", FieldKind::kGender, "性别");
  gender.constraints.values = {"男", "女"};
  FieldSpec years = field_of("length_of_study", FieldKind::kText, "学制");
  years.constraints.pattern = "\\d(\\.\\d)?年";
  years.constraints.pattern_regex = std::make_shared<const re2::RE2>(years.constraints.pattern);
  FieldSpec name = field_of("name", FieldKind::kName, "姓名");
  const FieldSpec* fields[] = {&gender, &years, &name};
  OcrResult page;
  // 性 and 学 not read; what is left of each label, its value beside it.
  page.lines = {line_at("别", 290, 570),  line_at("男", 360, 568), line_at("制", 290, 640),
                line_at("4年", 360, 638), line_at("名", 290, 500), line_at("王伟", 360, 498)};
  const std::optional<FoundValue> found = find_labelled_value(page, gender, fields);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->candidate.value, "男");
  EXPECT_NEAR(found->candidate.confidence, 0.9 * 0.99, 1e-6);
  EXPECT_EQ(find_labelled_value(page, years, fields)->candidate.value, "4年");
  // A name confirms nothing: any characters are a name.
  EXPECT_FALSE(find_labelled_value(page, name, fields).has_value());
}

TEST(FindLabelledValueTest, ALabelInsideAnotherFieldsLongerLabelIsNotIt) {
  FieldSpec completion = field_of("completion", FieldKind::kText, "毕（结）业");
  FieldSpec graduation = field_of("graduation_date", FieldKind::kDate, "毕（结）业日期");
  FieldSpec school = field_of("school", FieldKind::kSchool, "学位授予单位");
  FieldSpec degree = field_of("degree", FieldKind::kText, "授予学位");
  const FieldSpec* fields[] = {&completion, &graduation, &school, &degree};
  OcrResult page;
  page.lines = {line_at("毕（结）业日期", 100, 100), line_at("2012年07月01日", 400, 100),
                line_at("学位授予单位", 100, 200),   line_at("中南大学", 400, 200),
                line_at("毕（结）业", 100, 300),     line_at("毕业", 400, 300),
                line_at("授予学位", 100, 400),       line_at("经济学硕士学位", 400, 400)};
  EXPECT_EQ(find_labelled_value(page, completion, fields)->candidate.value, "毕业");
  // 授予学位 is one character off 授予单位 inside 学位授予单位: the exact one, further down, is it.
  EXPECT_EQ(find_labelled_value(page, degree, fields)->candidate.value, "经济学硕士学位");
  // So it is when 授予学位 itself is read with a character off (授子学位): 学位授予单位, read exactly, is
  // another field's label.
  page.lines[6].text = "授子学位";
  EXPECT_EQ(find_labelled_value(page, degree, fields)->candidate.value, "经济学硕士学位");
}

TEST(FindLabelledValueTest, ALabelWrappedInItsCellIsReadAsOne) {
  FieldSpec completion = field_of("completion", FieldKind::kText, "毕（结）业");
  FieldSpec graduation = field_of("graduation_date", FieldKind::kDate, "毕（结）业日期");
  FieldSpec school = field_of("school", FieldKind::kSchool, "学位授予单位");
  const FieldSpec* fields[] = {&completion, &graduation, &school};
  OcrResult page;
  // 毕（结） over 业日期 in a narrow cell, its value beside the pair; 学位授予单位 over two lines, misread.
  page.lines = {line_at("毕（结）", 100, 88),  line_at("2012年07月01日", 260, 104), line_at("毕（结）业", 450, 104),
                line_at("毕业", 650, 104),     line_at("业日期", 105, 120),         line_at("学位授", 100, 190),
                line_at("中南大学", 260, 206), line_at("子单位", 100, 222)};
  const std::optional<FoundValue> date = find_labelled_value(page, graduation, fields);
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->candidate.value, "2012-07-01");
  EXPECT_EQ(date->lines, (std::vector<std::size_t>{0, 4, 1}));  // Told in the page's lines.
  EXPECT_EQ(date->candidate.evidence.front().source, "ocr_line:1");
  EXPECT_EQ(find_labelled_value(page, completion, fields)->candidate.value, "毕业");
  EXPECT_EQ(find_labelled_value(page, school, fields)->candidate.value, "中南大学");
  // Lines far apart, or not across from each other, are not one label.
  page.lines = {line_at("毕（结）", 100, 88), line_at("2012年07月01日", 260, 104), line_at("业日期", 105, 150)};
  EXPECT_FALSE(find_labelled_value(page, graduation, fields).has_value());
  page.lines = {line_at("毕（结）", 100, 88), line_at("2012年07月01日", 260, 104), line_at("业日期", 200, 120)};
  EXPECT_FALSE(find_labelled_value(page, graduation, fields).has_value());
}

TEST(FindLabelledValueTest, AValueWrappedInItsCellIsReadWhole) {
  FieldSpec school = field_of("school", FieldKind::kSchool, "学校名称");
  FieldSpec level = field_of("level", FieldKind::kLevel, "层次");
  FieldSpec major = field_of("major", FieldKind::kMajor, "专业");
  const FieldSpec* fields[] = {&school, &level, &major};
  OcrResult page;
  // One row of three cells, the first and last values wrapped over two lines, centred across the row:
  // the first lines read before the labels, the second lines after them.
  page.lines = {line_at("山西农业大学信息", 260, 700),
                line_at("层次", 540, 715),
                line_at("本科", 640, 715),
                line_at("专业", 740, 715),
                line_at("机械设计制造及其", 840, 700),
                line_at("学校名称", 100, 717),
                line_at("学院", 260, 730),
                line_at("自动化", 840, 730)};
  EXPECT_EQ(find_labelled_value(page, school, fields)->candidate.value, "山西农业大学信息学院");
  EXPECT_EQ(find_labelled_value(page, major, fields)->candidate.value, "机械设计制造及其自动化");
  EXPECT_EQ(find_labelled_value(page, level, fields)->candidate.value, "本科");
}

TEST(FindLabelledValueTest, AValueDoesNotRunIntoTheNextRowsValue) {
  FieldSpec major = field_of("major", FieldKind::kMajor, "专业名称");
  FieldSpec level = field_of("level", FieldKind::kLevel, "层次");
  FieldSpec years = field_of("length_of_study", FieldKind::kText, "学制");
  FieldSpec start = field_of("enrolment_date", FieldKind::kDate, "入学时间");
  const FieldSpec* fields[] = {&major, &level, &years, &start};
  OcrResult page;
  // A list of one label and value a row, set close: 层次 | 本科 above, then 学制 with its 学 unread, then a
  // date running past the major below.
  page.lines = {line_at("层次", 190, 662),     line_at("本科", 300, 668),        line_at("专业名称", 190, 696),
                line_at("会计学", 300, 702),   line_at("制", 262, 731),          line_at("4年", 300, 736),
                line_at("入学时间", 190, 766), line_at("2002年9月1日", 300, 771)};
  std::optional<FoundValue> found = find_labelled_value(page, major, fields);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->candidate.value, "会计学");
  EXPECT_FALSE(found->in_the_way.has_value());
  page.lines.erase(page.lines.begin() + 4, page.lines.begin() + 6);  // No 学制 row: the date is next.
  found = find_labelled_value(page, major, fields);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->candidate.value, "会计学");
  EXPECT_FALSE(found->in_the_way.has_value());
}

TEST(FindLabelledValueTest, ACodeOfLettersAndDigitsIsReadWholeInAnyGrouping) {
  FieldSpec code = field_of("verification_code", FieldKind::kCode, "在线验证码");
  code.constraints.pattern = "[A-Z0-9]{16}";
  const FieldSpec* fields[] = {&code};
  OcrResult page;
  page.lines = {line_at("在线验证码：A8B2 C3D4 e5F6 G7H8", 110, 300)};
  EXPECT_EQ(find_labelled_value(page, code, fields)->candidate.value, "A8B2C3D4E5F6G7H8");
  // Two overlapping boxes, the character they share read in both.
  code.constraints.min_length = code.constraints.max_length = 16;
  page.lines = {line_at("在线验证码：9", 110, 300), line_at("9CBEZD278KVFY4KS", 330, 301)};
  EXPECT_EQ(find_labelled_value(page, code, fields)->candidate.value, "9CBEZD278KVFY4KS");
  // A number's code stops at a letter: 证书编号 digits, then another word.
  EXPECT_EQ(value_after_label("证书编号：1028412012No", "证书编号", FieldKind::kCode)->value, "1028412012");
}

}  // namespace
}  // namespace mixtract
