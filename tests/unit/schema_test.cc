#include "mixtract/schema.h"

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr const char* kMinimal = R"(name: test
title: 测试
fields:
  - name: number
    label: 编号
    kind: code
    constraints: {length: 4, pattern: '\d+'}
    route: {experts: [file_name]}
)";

// The error message of parsing `yaml`, which must fail.
std::string error_of(const std::string& yaml) {
  Result<Schema> schema = parse_schema(yaml, "s.yaml");
  EXPECT_FALSE(schema.ok()) << "expected an error for:\n" << yaml;
  return schema.ok() ? "" : schema.status().message();
}

TEST(SchemaTest, ParsesAllKeys) {
  Result<Schema> schema = parse_schema(R"(name: cert
title: 毕业证书
version: 3
fields:
  - name: number
    label: 证书编号
    kind: code
    required: false
    constraints: {min_length: 16, max_length: 18, pattern: '\d+'}
    hints: {labels: [证书编号, 编号], aliases: [证号], not_within: [身份证号], fact: [number_printed, number]}
    route: {experts: [a, b], accept_confidence: 0.95, witnesses: 2, budget: {ms: 1500, tokens: 300}, combine: vote,
            weights: {b: 0.5}, calibration: [[0.3, 0.1], [0.8, 0.97]]}
  - name: level
    label: 学历层次
    kind: enum
    constraints: {values: [本科, 专科]}
    hints: {fact: level_read}
budget: {ms: 9000}
)",
                                       "cert.yaml");
  ASSERT_TRUE(schema.ok()) << schema.status().message();
  EXPECT_EQ(schema->name, "cert");
  EXPECT_EQ(schema->version, 3);
  ASSERT_EQ(schema->fields.size(), 2u);
  const FieldSpec& number = schema->fields[0];
  EXPECT_EQ(number.kind, FieldKind::kCode);
  EXPECT_FALSE(number.required);
  EXPECT_EQ(number.constraints.min_length, 16u);
  EXPECT_EQ(number.constraints.max_length, 18u);
  EXPECT_EQ(number.hints.labels, (std::vector<std::string>{"证书编号", "编号"}));
  EXPECT_EQ(number.hints.aliases, (std::vector<std::string>{"证号"}));
  EXPECT_EQ(number.hints.not_within, (std::vector<std::string>{"身份证号"}));
  EXPECT_EQ(number.hints.facts, (std::vector<std::string>{"number_printed", "number"}));  // The first read fills it.
  EXPECT_EQ(schema->fields[1].hints.facts, (std::vector<std::string>{"level_read"}));     // One fact: a list of one.
  EXPECT_EQ(number.route.experts, (std::vector<std::string>{"a", "b"}));
  EXPECT_DOUBLE_EQ(number.route.accept_confidence, 0.95);
  EXPECT_EQ(number.route.witnesses, 2);
  EXPECT_EQ(schema->fields[1].route.witnesses, 1);  // One witness unless asked.
  EXPECT_DOUBLE_EQ(number.route.budget.ms, 1500);
  EXPECT_EQ(number.route.budget.tokens, 300);
  EXPECT_EQ(number.route.combine, Combine::kVote);
  EXPECT_EQ(number.route.weights, (std::map<std::string, double, std::less<>>{{"b", 0.5}}));
  ASSERT_EQ(number.route.calibration.points.size(), 2u);
  EXPECT_DOUBLE_EQ(number.route.calibration.points[1].probability, 0.97);
  EXPECT_DOUBLE_EQ(schema->budget.ms, 9000);
  EXPECT_EQ(schema->fields[1].route.combine, Combine::kCascade);
  EXPECT_TRUE(schema->fields[1].route.experts.empty());
  EXPECT_EQ(schema->find("level"), &schema->fields[1]);
  EXPECT_EQ(schema->find("nope"), nullptr);
}

TEST(SchemaTest, EveryBuiltinSchemaLoads) {
  const std::vector<std::string> names = builtin_schema_names();
  EXPECT_THAT(names, ::testing::IsSupersetOf({"graduation_certificate", "degree_certificate", "id_card", "receipt"}));
  for (const std::string& name : names) {
    Result<Schema> schema = load_schema(name);
    ASSERT_TRUE(schema.ok()) << schema.status().message();
    EXPECT_EQ(schema->name, name);
  }
}

TEST(SchemaTest, GraduationCertificateHasTheTableColumns) {
  Result<Schema> schema = load_schema("graduation_certificate");
  ASSERT_TRUE(schema.ok());
  std::vector<std::string> labels;
  for (const FieldSpec& field : schema->fields) labels.push_back(field.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"姓名", "性别", "出生日期", "学历层次", "毕业院校", "专业", "毕业日期",
                                              "证书编号"}));
}

TEST(SchemaTest, AnLlmsExpertsJoinTheRoutesOnlyOnce) {
  Result<Schema> schema = parse_schema(
      "name: t\ntitle: T\nfields:\n"
      "  - {name: a, label: A, kind: text, route: {experts: [x, llm_text], with_llm: [llm_text, llm_vision]}}\n"
      "  - {name: b, label: B, kind: text, route: {experts: [y]}}\n",
      "<test>");
  ASSERT_TRUE(schema.ok()) << schema.status().message();
  schema->add_llm_experts();
  EXPECT_THAT(schema->fields[0].route.experts, ElementsAre("x", "llm_text", "llm_vision"));
  EXPECT_THAT(schema->fields[1].route.experts, ElementsAre("y"));
}

TEST(SchemaTest, UnknownKeyNamesFileLineAndKey) {
  const std::string message = error_of(std::string(kMinimal) + "    colour: red\n");
  EXPECT_THAT(message, HasSubstr("s.yaml:9"));
  EXPECT_THAT(message, HasSubstr("fields[0].colour"));
  EXPECT_THAT(message, HasSubstr("unknown key"));
  EXPECT_THAT(message, HasSubstr("allowed here: name, label, kind"));
}

TEST(SchemaTest, UnknownNestedKeyNamesItsPath) {
  const std::string yaml = R"(name: t
title: T
fields:
  - name: a
    label: A
    kind: text
    route: {experts: [x], budget: {seconds: 3}}
)";
  const std::string message = error_of(yaml);
  EXPECT_THAT(message, HasSubstr("s.yaml:7"));
  EXPECT_THAT(message, HasSubstr("fields[0].route.budget.seconds"));
}

TEST(SchemaTest, BadValuesAreErrors) {
  EXPECT_THAT(error_of("name: t\ntitle: T\nfields:\n  - {name: a, label: A, kind: colour}\n"),
              HasSubstr("unknown kind 'colour'; known kinds: name, gender, date"));
  EXPECT_THAT(error_of("name: t\ntitle: T\nfields:\n  - {name: a, label: A, kind: enum}\n"),
              HasSubstr("an enum field needs constraints.values"));
  EXPECT_THAT(
      error_of("name: t\ntitle: T\nfields:\n  - {name: a, label: A, kind: code, constraints: {pattern: '[0-'}}\n"),
      HasSubstr("fields[0].constraints.pattern: invalid regular expression"));
  EXPECT_THAT(error_of("name: t\ntitle: T\nfields:\n  - {name: a, label: A, kind: code, constraints: {length: x}}\n"),
              HasSubstr("expected a whole number, got 'x'"));
  EXPECT_THAT(error_of("name: t\ntitle: T\nfields:\n  - {name: a, label: A, kind: code, constraints: {length: 3, "
                       "min_length: 2}}\n"),
              HasSubstr("either length or min_length/max_length"));
  EXPECT_THAT(error_of("name: t\ntitle: T\nfields:\n  - {name: a, label: A, kind: text, route: {experts: [x], "
                       "accept_confidence: 1.5}}\n"),
              HasSubstr("accept_confidence: must be between 0 and 1"));
  EXPECT_THAT(error_of("name: t\ntitle: T\nfields:\n  - {name: a, label: A, kind: text, route: {experts: [x], "
                       "witnesses: 0}}\n"),
              HasSubstr("witnesses: must be between 1 and 10"));
  EXPECT_THAT(error_of("name: t\ntitle: T\nfields:\n  - {name: a, label: A, kind: text, route: {experts: []}}\n"),
              HasSubstr("at least one expert"));
  EXPECT_THAT(error_of("name: t\ntitle: T\nfields:\n  - {name: a, label: A, kind: text, route: {experts: [x, x]}}\n"),
              HasSubstr("'x' is listed twice"));
  const std::string text_field = "name: t\ntitle: T\nfields:\n  - {name: a, label: A, kind: text, route: ";
  EXPECT_THAT(error_of(text_field + "{experts: [x], with_llm: [llm_text, llm_text]}}\n"),
              HasSubstr("route.with_llm: expert 'llm_text' is listed twice"));
  EXPECT_THAT(error_of(text_field + "{experts: [x], combine: poll}}\n"),
              HasSubstr("unknown combine 'poll'; known: cascade, vote, char_consensus"));
  EXPECT_THAT(error_of(text_field + "{experts: [x], combine: char_consensus}}\n"),
              HasSubstr("char_consensus needs the field's constraints to fix its length"));
  EXPECT_THAT(error_of(text_field + "{experts: [x], weights: {y: 1}}}\n"),
              HasSubstr("every weighted expert must be one of the route's experts"));
  EXPECT_THAT(error_of(text_field + "{experts: [x], calibration: [[0.5, 0.9], [0.6, 0.8]]}}\n"),
              HasSubstr("probabilities non-decreasing"));
  EXPECT_THAT(error_of(text_field + "{experts: [x], calibration: [0.5]}}\n"), HasSubstr("[raw, probability] pairs"));
  EXPECT_THAT(error_of("name: t\ntitle: T\nfields:\n  - {name: a, label: A, kind: text, required: maybe}\n"),
              HasSubstr("expected true or false, got 'maybe'"));
  EXPECT_THAT(error_of("name: T\ntitle: T\nfields:\n  - {name: a, label: A, kind: text}\n"),
              HasSubstr("name: 'T' must be lower-case"));
}

TEST(SchemaTest, MissingOrDuplicateFieldsAreErrors) {
  EXPECT_THAT(error_of("name: t\ntitle: T\n"), HasSubstr("fields: expected a non-empty list"));
  EXPECT_THAT(error_of("title: T\nfields:\n  - {name: a, label: A, kind: text}\n"),
              HasSubstr("name: required key is missing"));
  EXPECT_THAT(error_of("name: t\ntitle: T\nfields:\n  - {name: a, kind: text}\n"),
              HasSubstr("fields[0].label: required key is missing"));
  EXPECT_THAT(error_of("name: t\ntitle: T\nfields:\n  - {name: a, label: A, kind: text}\n  - {name: a, label: B, "
                       "kind: text}\n"),
              HasSubstr("s.yaml:5: fields[1].name: field 'a' is defined twice"));
}

TEST(SchemaTest, MalformedYamlNamesTheLine) {
  EXPECT_THAT(error_of("name: t\ntitle: [unclosed\nfields: x\n"), HasSubstr("malformed YAML"));
  EXPECT_THAT(error_of("name: t\n  bad indent: 1\n"), HasSubstr("s.yaml:2: malformed YAML"));
  EXPECT_THAT(error_of(""), HasSubstr("empty schema file"));
  EXPECT_THAT(error_of("- just\n- a list\n"), HasSubstr("expected a mapping"));
}

TEST(SchemaTest, LoadSchemaReportsUnknownNamesAndFiles) {
  Result<Schema> unknown = load_schema("diploma");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(unknown.status().message(), HasSubstr("graduation_certificate"));

  Result<Schema> missing = load_schema_file("/nonexistent/s.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("/nonexistent/s.yaml"));
}

TEST(SchemaTest, LoadsAFile) {
  const mixtract::testing::ScratchDir scratch;
  const std::filesystem::path path = scratch / "schema.yaml";
  std::ofstream(path) << kMinimal;
  Result<Schema> schema = load_schema(path.string());
  ASSERT_TRUE(schema.ok()) << schema.status().message();
  EXPECT_EQ(schema->name, "test");
}

TEST(ConstraintsTest, AnIdCardsEthnicityIsOneOfTheFiftySix) {
  Result<Schema> schema = load_schema("id_card");
  ASSERT_TRUE(schema.ok());
  const FieldSpec& ethnicity = *schema->find("ethnicity");
  EXPECT_EQ(ethnicity.constraints.values.size(), 56u);
  for (const char* printed : {"汉", "蒙古", "维吾尔", "基诺"}) EXPECT_TRUE(check_constraints(ethnicity, printed).ok());
  // The back's title read on after it (two sides photographed side by side), a misreading, the word 族.
  for (const char* read : {"满中华人民共和国", "汊", "汉族"}) EXPECT_FALSE(check_constraints(ethnicity, read).ok());
}

TEST(ConstraintsTest, ChecksLengthPatternAndValues) {
  Result<Schema> schema = load_schema("graduation_certificate");
  ASSERT_TRUE(schema.ok());
  const FieldSpec& number = *schema->find("certificate_number");
  EXPECT_TRUE(check_constraints(number, "106101201905007614").ok());
  EXPECT_THAT(check_constraints(number, "10610120190500761").message(), HasSubstr("has 17 characters, fewer than 18"));
  EXPECT_THAT(check_constraints(number, "10610120190500761X").message(), HasSubstr("does not match the pattern"));

  const FieldSpec& name = *schema->find("name");
  EXPECT_TRUE(check_constraints(name, "欧阳娜娜").ok());  // Lengths count characters, not bytes.
  EXPECT_FALSE(check_constraints(name, "张").ok());
  EXPECT_FALSE(check_constraints(name, "Zhang").ok());

  const FieldSpec& gender = *schema->find("gender");
  EXPECT_TRUE(check_constraints(gender, "女").ok());
  EXPECT_THAT(check_constraints(gender, "F").message(),
              HasSubstr("field gender (性别): value 'F' is not one of: 男, 女"));
}

}  // namespace
}  // namespace mixtract
