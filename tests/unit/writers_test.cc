#include "mixtract/writers.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <zip.h>

#include "core/text_encoding.h"
#include "io/record_json.h"
#include "io/table_file.h"
#include "mixtract/eval.h"
#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

Record sample_record() {
  Record record;
  record.source = "/in/张三_本科毕业证书.jpg";
  record.content_hash = std::string(64, 'a');
  record.schema = "s";
  FieldResult name;
  name.field = "name";
  name.label = "姓名";
  name.value = "张三";
  name.confidence = 0.6;
  name.status = FieldStatus::kNeedsReview;
  name.expert = "file_name";
  Candidate candidate;
  candidate.field = "name";
  candidate.value = "张三";
  candidate.expert = "file_name";
  candidate.confidence = 0.6;
  candidate.evidence.push_back({"file_name", "张三_本科毕业证书.jpg", Quad{}});
  name.candidates.push_back(candidate);
  FieldResult note;
  note.field = "note";
  note.label = "备注";
  note.value = "a, \"quoted\"\nline";
  note.status = FieldStatus::kAccepted;
  record.fields = {name, note};
  record.warnings = {"expert x failed: y"};
  return record;
}

class WritersTest : public ::testing::Test {
 protected:
  mixtract::testing::ScratchDir scratch_;
  const std::filesystem::path& dir_ = scratch_.path();
};

TEST_F(WritersTest, JsonlHoldsOneParsableRecordPerLine) {
  const std::filesystem::path path = dir_ / "r.jsonl";
  auto writer = open_writer(path, OutputFormat::kJsonl, {});
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->write(sample_record()).ok());
  ASSERT_TRUE((*writer)->write(sample_record()).ok());
  EXPECT_FALSE(std::filesystem::exists(path)) << "visible before close()";
  ASSERT_TRUE((*writer)->close().ok());

  std::istringstream lines(mixtract::testing::read_file(path));
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    const nlohmann::json j = nlohmann::json::parse(line);
    EXPECT_EQ(j["fields"]["name"]["value"], "张三");
    EXPECT_EQ(j["fields"]["name"]["status"], "needs_review");
    EXPECT_EQ(j["fields"]["name"]["candidates"][0]["evidence"][0]["box"].size(), 4u);
    EXPECT_EQ(j["warnings"][0], "expert x failed: y");
    ++count;
  }
  EXPECT_EQ(count, 2);
}

TEST_F(WritersTest, RecordsSurviveAJsonRoundTrip) {
  Record record = sample_record();
  record.fields[0].reason = "confidence below the route's accept_confidence";
  record.fields[0].candidates[0].invalid_reason = "too short";
  record.expert_costs["file_name"] = {1.5, 3};
  const std::string text = record_to_json(record).dump();
  Result<Record> back = record_from_json(text);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(record_to_json(*back).dump(), text);
  EXPECT_EQ(back->fields[0].candidates[0].field, "name");
  EXPECT_THAT(record_from_json("{\"source\": 1}").status().message(), ::testing::HasSubstr("not a mixtract record"));
  EXPECT_FALSE(record_from_json("not json").ok());
}

TEST_F(WritersTest, CsvHasBomChineseHeaderAndQuotedCells) {
  Schema schema;
  schema.fields.resize(2);
  schema.fields[0].name = "name";
  schema.fields[0].label = "姓名";
  schema.fields[1].name = "note";
  schema.fields[1].label = "备注";
  const std::filesystem::path path = dir_ / "r.csv";
  auto writer = open_writer(path, OutputFormat::kCsv, {&schema, 1});
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->write(sample_record()).ok());
  ASSERT_TRUE((*writer)->close().ok());
  EXPECT_EQ(mixtract::testing::read_file(path),
            "\xEF\xBB\xBF文件,姓名,备注\r\n"
            "张三_本科毕业证书.jpg,张三,\"a, \"\"quoted\"\"\nline\"\r\n");
}

TEST_F(WritersTest, CsvValuesAreNeverRunAsFormulasAndReadBackAsTheyWere) {
  Schema schema;
  schema.fields.resize(1);
  schema.fields[0].name = "note";
  schema.fields[0].label = "备注";
  Record record = sample_record();
  record.fields = {record.fields[1]};
  const std::filesystem::path path = dir_ / "r.csv";
  auto writer = open_writer(path, OutputFormat::kCsv, {&schema, 1});
  ASSERT_TRUE(writer.ok());
  const std::vector<std::string> values = {"=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "'kept", "a=b"};
  for (const std::string& value : values) {
    record.fields[0].value = value;
    record.source = "/in/" + std::to_string(&value - values.data()) + ".jpg";
    ASSERT_TRUE((*writer)->write(record).ok());
  }
  ASSERT_TRUE((*writer)->close().ok());
  const std::string text = mixtract::testing::read_file(path);
  EXPECT_THAT(text, HasSubstr("0.jpg,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"));
  EXPECT_THAT(text, HasSubstr("1.jpg,'+1\r\n2.jpg,'-2\r\n3.jpg,'@SUM(A1)\r\n4.jpg,'kept\r\n5.jpg,a=b\r\n"));

  Result<EvalTable> table = read_eval_table(path, {});
  ASSERT_TRUE(table.ok()) << table.status().message();
  ASSERT_EQ(table->rows.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(table->rows[i].cells.at("备注").value, values[i]);
}

TEST_F(WritersTest, TablesAreUtf8WhateverBytesTheirCellsHold) {
  // Found by scripts/load_check.py: a GBK file name inside an error message made the error log invalid
  // UTF-8 (and unreadable to the tools that read it back).
  const std::string gbk_message = "/in/\xD6\xA4\xCA\xE9.pdf: not a readable PDF";  // 证书 in GBK
  for (const char* name : {"errors.csv", "errors.xlsx"}) {
    const std::filesystem::path path = dir_ / name;
    auto table = open_table_writer(path, output_format_of(path), {"文件", "原因"});
    ASSERT_TRUE(table.ok());
    ASSERT_TRUE((*table)->write_row({"", gbk_message}).ok());
    ASSERT_TRUE((*table)->write_row({"/in/\xFF\xFE.jpg", "unreadable"}).ok());
    ASSERT_TRUE((*table)->close().ok());
    if (path.extension() == ".csv") {
      EXPECT_TRUE(is_valid_utf8(mixtract::testing::read_file(path)));
    }
    Result<CsvRows> rows = read_table_file(path);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    ASSERT_EQ(rows->size(), 3u) << name;
    EXPECT_EQ((*rows)[1][1], "/in/证书.pdf: not a readable PDF") << name;
    EXPECT_EQ((*rows)[2][0], "/in/\\xFF\\xFE.jpg") << name;
  }
}

TEST_F(WritersTest, SeveralSchemasShareColumnsAndNameTheKind) {
  std::vector<Schema> schemas(2);
  schemas[0].name = "certificate";
  schemas[0].fields.resize(2);
  schemas[0].fields[0].label = "姓名";
  schemas[0].fields[1].label = "备注";
  schemas[1].name = "card";
  schemas[1].fields.resize(2);
  schemas[1].fields[0].label = "住址";
  schemas[1].fields[1].label = "姓名";
  EXPECT_EQ(results_header(schemas), (std::vector<std::string>{"文件", "文书类型", "姓名", "备注", "住址"}));

  Record record = sample_record();
  record.schema_title = "毕业证书";
  for (const char* name : {"r.csv", "r.xlsx"}) {
    const std::filesystem::path path = dir_ / name;
    auto writer = open_writer(path, output_format_of(path), schemas);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    ASSERT_TRUE((*writer)->write(record).ok());
    ASSERT_TRUE((*writer)->close().ok());
    // Both read back as the same table.
    Result<EvalTable> table = read_eval_table(path);
    ASSERT_TRUE(table.ok()) << name << ": " << table.status().message();
    ASSERT_EQ(table->rows.size(), 1u) << name;
    EXPECT_EQ(table->rows[0].cells.at("文书类型").value, "毕业证书") << name;
    EXPECT_EQ(table->rows[0].cells.at("姓名").value, "张三") << name;
    const auto address = table->rows[0].cells.find("住址");  // An empty cell, or none.
    EXPECT_TRUE(address == table->rows[0].cells.end() || address->second.value.empty()) << name;
  }
  EXPECT_FALSE(parse_output_format("pdf").ok());
  EXPECT_EQ(output_format_of("x/results.jsonl"), OutputFormat::kJsonl);
}

// The text of one part of a zip file (an XLSX workbook); "" when missing.
std::string zip_part(const std::filesystem::path& zip, const std::string& name) {
  int error = 0;
  zip_t* archive = zip_open(zip.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return "";
  std::string text;
  if (zip_file_t* file = zip_fopen(archive, name.c_str(), 0)) {
    char buffer[4096];
    for (zip_int64_t n; (n = zip_fread(file, buffer, sizeof buffer)) > 0;)
      text.append(buffer, static_cast<std::size_t>(n));
    zip_fclose(file);
  }
  zip_close(archive);
  return text;
}

TEST_F(WritersTest, AWorkbookHoldsMoreSheetsAfterTheRecords) {
  std::vector<Schema> schemas(1);
  schemas[0].fields.resize(1);
  schemas[0].fields[0].label = "姓名";
  const std::vector<std::vector<std::string>> persons = {{"人员", "文件数"}, {"张三", "2"}};
  const std::vector<std::vector<std::string>> errors = {{"文件", "阶段", "原因"}, {"b.jpg", "read", "truncated"}};
  const std::filesystem::path path = dir_ / "r.xlsx";
  auto writer = open_writer(path, OutputFormat::kXlsx, schemas);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->write(sample_record()).ok());
  ASSERT_TRUE((*writer)->add_sheet("人员", persons).ok());
  ASSERT_TRUE((*writer)->add_sheet("错误", errors).ok());
  ASSERT_TRUE((*writer)->close().ok());
  const std::string workbook = zip_part(path, "xl/workbook.xml");
  EXPECT_THAT(workbook, ::testing::HasSubstr("name=\"文书\""));
  EXPECT_THAT(workbook, ::testing::HasSubstr("name=\"人员\""));
  EXPECT_THAT(workbook, ::testing::HasSubstr("name=\"错误\""));
  const std::string strings = zip_part(path, "xl/sharedStrings.xml") + zip_part(path, "xl/worksheets/sheet3.xml");
  EXPECT_THAT(strings, ::testing::HasSubstr("truncated"));
  // The first sheet stays the records' table.
  Result<EvalTable> table = read_eval_table(path);
  ASSERT_TRUE(table.ok()) << table.status().message();
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(table->rows[0].cells.at("姓名").value, "张三");

  // Files of one table say so.
  auto jsonl = open_writer(dir_ / "r.jsonl", OutputFormat::kJsonl, schemas);
  ASSERT_TRUE(jsonl.ok());
  const Status refused = (*jsonl)->add_sheet("人员", persons);
  EXPECT_EQ(refused.code(), StatusCode::kUnsupported);
  EXPECT_THAT(refused.message(), ::testing::HasSubstr("only XLSX holds several tables"));
}

TEST_F(WritersTest, UnclosedWriterLeavesTheOldFileIntact) {
  const std::filesystem::path path = dir_ / "r.jsonl";
  std::ofstream(path) << "previous run\n";
  {
    auto writer = open_writer(path, OutputFormat::kJsonl, {});
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->write(sample_record()).ok());
  }  // Dropped without close(), as after a failure.
  EXPECT_EQ(mixtract::testing::read_file(path), "previous run\n");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 1) << "temporary file left behind";
}

TEST_F(WritersTest, UnwritableFolderIsAClearError) {
  auto writer = open_writer(dir_ / "no" / "such" / "r.jsonl", OutputFormat::kJsonl, {});
  ASSERT_FALSE(writer.ok());
  EXPECT_THAT(writer.status().message(), ::testing::HasSubstr("r.jsonl: cannot create output file"));
}

}  // namespace
}  // namespace mixtract
