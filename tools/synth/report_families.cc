#include "report_families.h"

#include <cstdio>

namespace mixtract::synth {
namespace {

// 2012年07月01日, as the verification sites print dates.
std::string padded_date(const Date& date) {
  char text[40];
  std::snprintf(text, sizeof text, "%04d年%02d月%02d日", date.year, date.month, date.day);
  return text;
}

// 2012年7月1日.
std::string plain_date(const Date& date) {
  return std::to_string(date.year) + "年" + std::to_string(date.month) + "月" + std::to_string(date.day) + "日";
}

std::string years_of_study(const Credential& c) {
  return std::to_string(c.graduation_date.year - c.start_date.year) + "年";
}

// ABCD EFGH 1234 5678 (`separator` " "), ABCD-EFGH-1234-5678 ("-").
std::string in_fours(const std::string& code, char separator = ' ') {
  std::string out;
  for (std::size_t i = 0; i < code.size(); i += 4) {
    if (i > 0) out += separator;
    out += code.substr(i, 4);
  }
  return out;
}

std::string chsi_link(const std::string& code) {
  return "https://www.chsi.com.cn/xlcx/bg.do?vcode=" + code + "&srcid=bgcx";
}

std::string degree_link(const std::string& code) {
  return "https://www.chsi.com.cn/xwcx/bg.do?vcode=" + code + "&lang=zh";
}

}  // namespace

ReportText chsi_table(const Person& person, const Credential& c, const ReportFacts& facts, std::mt19937& /*rng*/) {
  ReportText text;
  text.title = {"教育部学历证书电子注册备案表"};
  text.header = {"更新日期：" + padded_date(facts.updated)};
  text.rows = {{{"姓名", person.name}, {"性别", person.gender}},
               {{"出生日期", padded_date(person.birth_date)}, {"民族", person.ethnicity + "族"}},
               {{"证件号码", person.id_number}},
               {{"入学日期", padded_date(c.start_date)}, {"毕（结）业日期", padded_date(c.graduation_date)}},
               {{"学校名称", c.school.name}, {"专业", c.major}},
               {{"学制", years_of_study(c)}, {"层次", std::string(level_name(c.level))}},
               {{"学历类别", facts.education_type}, {"学习形式", facts.study_mode}},
               {{"毕（结）业", "毕业"}, {"证书编号", c.graduation_number}}};
  text.code_line = "在线验证码：" + facts.code;
  text.qr_text = chsi_link(facts.code);
  text.notes = {"说明：1. 本表为学历证书电子注册信息的备案证明，可登录学信网输入在线验证码查询核实。",
                "2. 本表在线验证有效期内可多次查询，过期后可申请延长。"};
  return text;
}

ReportText degree_report_table(const Person& person, const Credential& c, const ReportFacts& facts,
                               std::mt19937& /*rng*/) {
  ReportText text;
  text.title = {"中国高等教育学位在线验证报告"};
  text.header = {"更新日期：" + padded_date(facts.updated)};
  text.rows = {{{"姓名", person.name}, {"性别", person.gender}},
               {{"出生日期", padded_date(person.birth_date)}, {"证件号码", person.id_number}},
               {{"学位授予单位", c.school.name}},
               {{"所授学位", c.degree}},
               {{"学科/专业", c.major}},
               {{"获学位日期", padded_date(c.graduation_date)}},
               {{"学位证书编号", c.degree_number}}};
  text.code_line = "在线验证码：" + facts.code;
  text.qr_text = degree_link(facts.code);
  text.notes = {"说明：本报告所载学位信息来自学位授予单位报送的学位授予信息，可通过在线验证码查询核实。"};
  return text;
}

ReportText chsi_list(const Person& person, const Credential& c, const ReportFacts& facts, std::mt19937& rng) {
  ReportText text;
  text.title = {"教育部学历证书电子注册备案表"};
  text.header = {"更新日期：" + plain_date(facts.updated)};
  text.rows = {{{"姓    名", person.name}},
               {{"性    别", person.gender}},
               {{"出生日期", plain_date(person.birth_date)}},
               {{"证件号码", person.id_number}},
               {{"院校名称", c.school.name}},
               {{"层    次", std::string(level_name(c.level))}},
               {{"专业名称", c.major}},
               {{"学    制", years_of_study(c)}},
               {{"入学时间", plain_date(c.start_date)}},
               {{"毕业时间", plain_date(c.graduation_date)}},
               {{"学历类别", facts.education_type}},
               {{"学习形式", facts.study_mode}},
               {{"毕（结）业", "毕业"}},
               {{"证书编号", c.graduation_number}}};
  text.photo_in_table = false;
  text.code_on_top = true;
  text.code_line =
      "在线验证码：" + (std::uniform_int_distribution<int>(0, 1)(rng) == 0 ? in_fours(facts.code) : facts.code);
  text.qr_text = chsi_link(facts.code);
  text.notes = {"注：本备案表信息与学信网学历证书电子注册信息一致，有效期内可凭在线验证码在学信网查验。"};
  return text;
}

ReportText degree_report_list(const Person& person, const Credential& c, const ReportFacts& facts, std::mt19937& rng) {
  ReportText text;
  text.title = {"中国高等教育学位在线验证报告"};
  text.header = {"报告日期：" + plain_date(facts.updated)};
  text.rows = {{{"姓    名", person.name}},
               {{"性    别", person.gender}},
               {{"出生日期", plain_date(person.birth_date)}},
               {{"授予单位", c.school.name}},
               {{"授予学位", c.degree}},
               {{"专    业", c.major}},
               {{"授予日期", plain_date(c.graduation_date)}},
               {{"证书编号", c.degree_number}}};
  text.photo_in_table = false;
  text.code_on_top = std::uniform_int_distribution<int>(0, 1)(rng) == 0;
  text.code_line = "在线验证码：" + in_fours(facts.code);
  text.qr_text = degree_link(facts.code);
  text.notes = {"本报告仅证明报告日期时所载学位信息，请登录查询平台输入在线验证码核实。"};
  return text;
}

ReportText chsi_grid(const Person& person, const Credential& c, const ReportFacts& facts, std::mt19937& /*rng*/) {
  ReportText text;
  text.title = {"教育部学历证书电子注册备案表"};
  text.header = {"更新日期：" + padded_date(facts.updated)};
  text.rows = {{{"姓名", person.name}, {"性别", person.gender}, {"出生日期", padded_date(person.birth_date)}},
               {{"民族", person.ethnicity + "族"}, {"证件号码", person.id_number}},
               {{"学校名称", c.school.name}, {"层次", std::string(level_name(c.level))}, {"专业", c.major}},
               {{"学制", years_of_study(c)}, {"学历类别", facts.education_type}, {"学习形式", facts.study_mode}},
               {{"入学日期", padded_date(c.start_date)},
                {"毕（结）业日期", padded_date(c.graduation_date)},
                {"毕（结）业", "毕业"}},
               {{"证书编号", c.graduation_number}}};
  text.photo_in_table = false;
  text.code_line = "在线验证码：" + facts.code;
  text.qr_text = chsi_link(facts.code);
  text.notes = {"本表信息来源于全国高等学校学生信息咨询与就业指导中心，可登录学信网凭在线验证码查验。"};
  text.wrap_values = true;
  text.scanned = true;
  return text;
}

ReportText degree_report_grid(const Person& person, const Credential& c, const ReportFacts& facts,
                              std::mt19937& /*rng*/) {
  ReportText text;
  text.title = {"中国高等教育学位在线验证报告"};
  text.header = {"更新日期：" + plain_date(facts.updated)};
  text.rows = {{{"姓名", person.name}, {"性别", person.gender}, {"出生日期", plain_date(person.birth_date)}},
               {{"证件号码", person.id_number}},
               {{"学位授予单位", c.school.name}},
               {{"授予学位", c.degree}, {"学科门类", c.discipline}, {"专业名称", c.major}},
               {{"获学位时间", plain_date(c.graduation_date)}, {"学位证书编号", c.degree_number}}};
  text.photo_in_table = false;
  text.code_on_top = true;
  text.code_line = "在线验证码：" + in_fours(facts.code, '-');
  text.qr_text = degree_link(facts.code);
  text.notes = {"本报告内容来自学位授予单位报送的信息。"};
  text.wrap_values = true;
  text.scanned = true;
  return text;
}

ReportText chsi_columns(const Person& person, const Credential& c, const ReportFacts& facts, std::mt19937& rng) {
  ReportText text;
  text.title = {"教育部学历证书电子注册备案表"};
  text.header = {"更新日期：" + plain_date(facts.updated)};
  text.rows = {{{"姓　　名", person.name}, {"性　　别", person.gender}},
               {{"出生日期", plain_date(person.birth_date)}, {"民　　族", person.ethnicity + "族"}},
               {{"证件号码", person.id_number}},
               {{"院校名称", c.school.name}},
               {{"学历层次", std::string(level_name(c.level))}, {"学　　制", years_of_study(c)}},
               {{"专　　业", c.major}},
               {{"入学日期", plain_date(c.start_date)}, {"毕业日期", plain_date(c.graduation_date)}},
               {{"学历类别", facts.education_type}, {"学习形式", facts.study_mode}},
               {{"毕（结）业", "毕业"}, {"证书编号", c.graduation_number}}};
  text.cells = ReportCells::kColon;
  text.photo_in_table = false;
  text.code_on_top = std::uniform_int_distribution<int>(0, 1)(rng) == 0;
  text.code_line = "在线验证码：" + in_fours(facts.code);
  text.qr_text = chsi_link(facts.code);
  text.notes = {"本备案表在线验证有效期内，可登录学信网（www.chsi.com.cn）输入在线验证码查验。"};
  return text;
}

ReportText degree_report_stacked(const Person& person, const Credential& c, const ReportFacts& facts,
                                 std::mt19937& /*rng*/) {
  ReportText text;
  text.title = {"中国高等教育学位在线验证报告"};
  text.header = {"报告日期：" + padded_date(facts.updated)};
  text.rows = {{{"姓名", person.name}, {"性别", person.gender}, {"出生日期", padded_date(person.birth_date)}},
               {{"证件号码", person.id_number}, {"学位证书编号", c.degree_number}},
               {{"学位授予单位", c.school.name}},
               {{"授予学位", c.degree}, {"专业", c.major}},
               {{"获学位日期", padded_date(c.graduation_date)}}};
  text.cells = ReportCells::kAbove;
  text.photo_in_table = false;
  text.code_line = "在线验证码：" + facts.code;
  text.qr_text = degree_link(facts.code);
  text.notes = {"注：本报告信息由学位授予单位报送，可凭在线验证码查询核实。"};
  return text;
}

}  // namespace mixtract::synth
