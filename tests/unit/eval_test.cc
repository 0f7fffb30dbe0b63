#include "mixtract/eval.h"

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <xlsxwriter.h>

#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class EvalTest : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }

  EvalTable read(const std::string& name, const std::string& text, const EvalTableOptions& options = {}) {
    Result<EvalTable> table = read_eval_table(write(name, text), options);
    EXPECT_TRUE(table.ok()) << table.status().message();
    return table.ok() ? *table : EvalTable{};
  }

  std::string error_of(const std::string& name, const std::string& text) {
    Result<EvalTable> table = read_eval_table(write(name, text));
    EXPECT_FALSE(table.ok());
    return table.ok() ? "" : table.status().message();
  }

  mixtract::testing::ScratchDir scratch_;
  const std::filesystem::path& dir_ = scratch_.path();
};

TEST(NormaliseTest, FoldsWidthSpaceCaseAndDates) {
  EXPECT_EQ(normalise_for_compare(" 张 三 "), "张三");
  EXPECT_EQ(normalise_for_compare("１０６１０１２０１９"), "1061012019");
  EXPECT_EQ(normalise_for_compare("11010519491231002x"), "11010519491231002X");
  EXPECT_EQ(normalise_for_compare("张\u3000三"), "张三");
  EXPECT_EQ(normalise_for_compare("二〇一九年六月三十日"), "2019-06-30");
  EXPECT_EQ(normalise_for_compare("2019/6/30"), "2019-06-30");
  EXPECT_EQ(normalise_for_compare("2019年6月30日"), "2019-06-30");
  EXPECT_NE(normalise_for_compare("2019-06-30"), normalise_for_compare("2019-06-03"));
  EXPECT_EQ(normalise_for_compare("（本科）"), "(本科)");
}

TEST_F(EvalTest, CountsPerFieldPerDocumentAndUnmatchedRows) {
  const EvalTable truth = read("truth.csv",
                               "文件,姓名,证书编号,出生日期\n"
                               "a.jpg,张三,106101201905007614,1997-05-12\n"
                               "b.jpg,李四,100011201005000001,\n"              // No truth birth date: not scored.
                               "c.jpg,王五,100031201105000002,2000-01-01\n");  // No prediction.
  const EvalTable predictions = read("pred.csv",
                                     "file,姓名,证书编号,出生日期\n"
                                     "dir/a.jpg,张 三,106101201905007614,一九九七年五月十二日\n"
                                     "b.jpg,李四,100011201005000007,1990-01-01\n"
                                     "d.jpg,赵六,1,1\n");
  const EvalReport report = evaluate(truth, predictions);
  ASSERT_EQ(report.fields.size(), 3u);
  EXPECT_EQ(report.fields[0].field, "姓名");
  EXPECT_EQ(report.fields[0].correct, 2);
  EXPECT_EQ(report.fields[0].total, 3);
  EXPECT_EQ(report.fields[1].correct, 1);
  EXPECT_EQ(report.fields[1].total, 3);
  EXPECT_EQ(report.fields[2].correct, 1);
  EXPECT_EQ(report.fields[2].total, 2);
  EXPECT_EQ(report.total, 8);
  EXPECT_EQ(report.correct, 4);
  EXPECT_EQ(report.documents, 3);
  EXPECT_EQ(report.documents_all_correct, 1);
  EXPECT_THAT(report.truth_rows_without_prediction, ElementsAre("c.jpg"));
  EXPECT_THAT(report.predictions_without_truth, ElementsAre("d.jpg"));
  ASSERT_EQ(report.wrong.size(), 4u);
  EXPECT_EQ(report.wrong[0].file, "b.jpg");
  EXPECT_EQ(report.wrong[0].field, "证书编号");
  EXPECT_EQ(report.wrong[0].predicted, "100011201005000007");
  EXPECT_TRUE(report.curve.empty());
  const std::string text = format_eval_text(report);
  EXPECT_THAT(text, HasSubstr("fields: 4/8 correct (50.00%)"));
  EXPECT_THAT(text, HasSubstr("1 truth row(s) have no prediction (scored as wrong): c.jpg"));
  EXPECT_THAT(text, HasSubstr("1 prediction(s) have no truth row (not scored): d.jpg"));
}

TEST_F(EvalTest, ColumnsOnOneSideAreReportedNotScored) {
  const EvalTable truth = read("t.csv", "文件,姓名,民族,住址\na.jpg,张三,汉,\n");  // 住址 has no value anywhere.
  const EvalTable predictions = read("p.csv", "文件,姓名,备注\na.jpg,张三,x\n");
  const EvalReport report = evaluate(truth, predictions);
  ASSERT_EQ(report.fields.size(), 1u);
  EXPECT_THAT(report.unscored_truth_columns, ElementsAre("民族"));
}

TEST_F(EvalTest, ColumnMapRenamesBeforeMatching) {
  EvalTableOptions options;
  options.column_map = {{"编号", "证书编号"}, {"filename", "文件"}};
  const EvalTable table = read("t.csv", "filename,编号\na.jpg,123\n", options);
  EXPECT_THAT(table.columns, ElementsAre("证书编号"));
  EXPECT_EQ(table.rows[0].cells.at("证书编号").value, "123");
}

TEST_F(EvalTest, BadTablesGetClearErrors) {
  EXPECT_THAT(
      error_of("t.csv", "name,number\n张三,1\n"),
      HasSubstr("no file-name column (文件, 文件名, file, filename, source or path); columns found: name, number"));
  EXPECT_THAT(error_of("t.csv", "文件,姓名\na.jpg,张三\nb.jpg,李四\ndir/a.jpg,王五\n"),
              HasSubstr("row 2 and row 4 both describe 'a.jpg'"));
  EXPECT_THAT(error_of("t.csv", "文件,姓名,姓名\na.jpg,张三,张三\n"), HasSubstr("'姓名' appears twice"));
  EXPECT_THAT(error_of("t.csv", ""), HasSubstr("empty"));
  EXPECT_THAT(error_of("t.txt", "x"), HasSubstr("unknown table format '.txt'; use .csv, .xlsx or .jsonl"));
  EXPECT_THAT(error_of("t.jsonl", "{\"文件\": \"a.jpg\"}\nnot json\n"), HasSubstr("t.jsonl:2: not a JSON object"));
  EXPECT_THAT(error_of("t.jsonl", "{\"name\": \"x\"}\n"), HasSubstr("no file-name key"));
  EXPECT_THAT(error_of("t.xlsx", "not a zip"), HasSubstr("not a readable .xlsx file"));
  EXPECT_THAT(read_eval_table(dir_ / "absent.csv").status().message(), HasSubstr("absent.csv: no such file"));
}

TEST_F(EvalTest, ReadsMixtractRecordsWithConfidenceAndBox) {
  const EvalTable table = read(
      "results.jsonl",
      R"({"source":"in/a.jpg","fields":{"name":{"label":"姓名","value":"张三","confidence":0.95,"status":"accepted",)"
      R"("expert":"ocr","candidates":[{"value":"张三","expert":"ocr","evidence":[{"source":"ocr_line:1","text":"张三",)"
      R"("box":[[1,2],[30,2],[30,20],[1,20]]}]}]},"number":{"label":"证书编号","value":"","confidence":0,)"
      R"("status":"missing","expert":"","candidates":[]}}})"
      "\n");
  ASSERT_EQ(table.rows.size(), 1u);
  const EvalRow& row = table.rows[0];
  EXPECT_EQ(row.file, "a.jpg");
  EXPECT_EQ(row.source, "in/a.jpg");
  EXPECT_THAT(table.columns, ElementsAre("姓名", "证书编号"));
  EXPECT_EQ(row.cells.at("姓名").confidence, 0.95);
  EXPECT_EQ(row.cells.at("姓名").expert, "ocr");
  ASSERT_TRUE(row.cells.at("姓名").box.has_value());
  EXPECT_EQ((*row.cells.at("姓名").box)[2].x, 30);
  EXPECT_FALSE(row.cells.at("证书编号").confidence.has_value());  // Missing: nothing to accept.
}

TEST_F(EvalTest, TheKindOfDocumentIsScoredButNotCountedAmongTheFieldsToAccept) {
  const EvalTable truth =
      read("t.csv", "文件,文书类型,姓名,证书编号\na.jpg,毕业证书,张三,123\nb.jpg,毕业证书,李四,456\n");
  const EvalTable pred =
      read("p.jsonl",
           R"({"source":"a.jpg","schema_title":"毕业证书","fields":{"name":{"label":"姓名","value":"张三",)"
           R"("confidence":0.95,"status":"accepted"},"number":{"label":"证书编号","value":"123","confidence":0.5,)"
           R"("status":"needs_review"}}})"
           "\n"
           R"({"source":"b.jpg","schema_title":"毕业证书","fields":{"name":{"label":"姓名","value":"李四",)"
           R"("confidence":0.95,"status":"accepted"},"number":{"label":"证书编号","value":"456","confidence":0.95,)"
           R"("status":"accepted"}}})"
           "\n");
  EXPECT_THAT(pred.unreviewed_columns, ElementsAre("文书类型"));
  const EvalReport report = evaluate(truth, pred);
  EXPECT_EQ(report.total, 6);  // 文书类型 is scored: the kind recognised may be wrong.
  EXPECT_EQ(report.correct, 6);
  EXPECT_EQ(report.reviewed, 4);
  EXPECT_EQ(report.accepted, 3);
  EXPECT_THAT(format_eval_text(report), HasSubstr("accepted without review: 3/4 fields (75.00%)"));
  ASSERT_TRUE(report.at_99.has_value());
  EXPECT_DOUBLE_EQ(report.at_99->coverage, 1.0);  // All four fields, whatever the threshold.
  // A table of another tool has no such column: every column is one to review.
  EXPECT_TRUE(read("q.csv", "文件,文书类型,姓名\na.jpg,毕业证书,张三\n").unreviewed_columns.empty());
}

TEST_F(EvalTest, AFieldMarkedUnreadableCountsOnlyWhereAValueWasAccepted) {
  const EvalTable truth = read("t.csv",
                               "文件,姓名,证书编号,毕业日期,不可辨认\n"
                               "a.jpg,张三,123,2019-06-30,证书编号\n"            // Left in review: no error.
                               "b.jpg,李四,456,2019-06-30,毕业日期、证书编号\n"  // Guessed and accepted.
                               "c.jpg,王五,789,2019-06-30,\n");
  const auto record = [](const std::string& file, const std::string& number, const std::string& status) {
    return R"({"source":")" + file + R"(","fields":{"name":{"label":"姓名","value":"某","confidence":0.5,)" +
           R"("status":"needs_review"},"number":{"label":"证书编号","value":")" + number +
           R"(","confidence":0.95,"status":")" + status + "\"}}}\n";
  };
  const EvalTable pred = read("p.jsonl", record("a.jpg", "", "missing") + record("b.jpg", "450", "accepted") +
                                             record("c.jpg", "789", "accepted"));
  EXPECT_TRUE(marked_unreadable(truth.rows[1], "毕业日期"));
  EXPECT_TRUE(marked_unreadable(truth.rows[1], "证书编号"));
  EXPECT_FALSE(marked_unreadable(truth.rows[1], "姓名"));
  EXPECT_FALSE(marked_unreadable(truth.rows[2], "证书编号"));
  const EvalReport report = evaluate(truth, pred);
  EXPECT_THAT(report.unscored_truth_columns, ElementsAre("毕业日期"));  // 不可辨认 names fields; it is none.
  ASSERT_EQ(report.fields.size(), 2u);
  const FieldScore& number = report.fields[1];
  EXPECT_EQ(number.total, 1);  // c.jpg alone is a test of reading.
  EXPECT_EQ(number.correct, 1);
  EXPECT_EQ(number.unreadable, 2);
  EXPECT_EQ(number.unreadable_accepted, 1);
  EXPECT_EQ(report.accepted, 2);  // b.jpg's guess counts against precision.
  EXPECT_EQ(report.accepted_correct, 1);
  EXPECT_EQ(report.reviewed, 6);
  EXPECT_EQ(report.documents_all_correct, 0);  // The names are wrong; the unreadable numbers are not held against a.
  ASSERT_EQ(report.wrong.size(), 4u);          // Three names and b.jpg's accepted guess, not a.jpg's number.
  EXPECT_EQ(report.wrong[1].file, "b.jpg");
  EXPECT_EQ(report.wrong[2].field, "证书编号");
  EXPECT_THAT(format_eval_text(report),
              HasSubstr("证书编号: 2 marked unreadable in the truth (not scored), 1 of them"));
}

TEST_F(EvalTest, CoverageCurveFindsTheThresholds) {
  // 200 fields: confidence 0.99 -> right (100), 0.9 -> 99 right 1 wrong, 0.5 -> 40 right 60 wrong... as rows.
  std::string truth = "文件,值\n";
  std::string pred;
  int n = 0;
  auto add = [&](double confidence, bool right) {
    const std::string file = std::to_string(n++) + ".jpg";
    truth += file + ",x\n";
    pred += R"({"source":")" + file + R"(","fields":{"v":{"label":"值","value":")" + (right ? "x" : "y") +
            R"(","confidence":)" + std::to_string(confidence) + R"(,"status":"accepted"}}})" + "\n";
  };
  for (int i = 0; i < 100; ++i) add(0.99, true);
  for (int i = 0; i < 99; ++i) add(0.9, true);
  add(0.9, false);
  for (int i = 0; i < 50; ++i) add(0.5, i < 20);
  const EvalReport report = evaluate(read("t.csv", truth), read("p.jsonl", pred));
  EXPECT_EQ(report.total, 250);
  ASSERT_EQ(report.fields.size(), 1u);  // Each field counts what was accepted and how much of it was right.
  EXPECT_EQ(report.fields[0].accepted, 250);
  EXPECT_EQ(report.fields[0].accepted_correct, 219);
  ASSERT_EQ(report.curve.size(), 3u);
  EXPECT_DOUBLE_EQ(report.curve[0].coverage, 100.0 / 250);
  EXPECT_DOUBLE_EQ(report.curve[1].precision, 199.0 / 200);
  ASSERT_TRUE(report.at_99.has_value());
  EXPECT_DOUBLE_EQ(report.at_99->threshold, 0.9);
  EXPECT_DOUBLE_EQ(report.at_99->coverage, 200.0 / 250);
  ASSERT_TRUE(report.at_995.has_value());
  EXPECT_DOUBLE_EQ(report.at_995->threshold, 0.9);  // 199/200 = 99.5% exactly.
  EXPECT_THAT(format_eval_text(report), HasSubstr("99% precision: 80.00% of fields can be auto-accepted"));
}

TEST_F(EvalTest, ReadsXlsxWithSharedStringsNumbersAndDates) {
  const std::string path = (dir_ / "truth.xlsx").string();
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "核对");
  lxw_format* date_format = workbook_add_format(workbook);
  format_set_num_format(date_format, "yyyy/mm/dd");
  worksheet_write_string(sheet, 0, 0, "文件", nullptr);
  worksheet_write_string(sheet, 0, 1, "姓名", nullptr);
  worksheet_write_string(sheet, 0, 3, "出生日期", nullptr);  // Column C left empty.
  worksheet_write_string(sheet, 0, 4, "证书编号", nullptr);
  worksheet_write_string(sheet, 2, 0, "a.jpg", nullptr);  // Row 2 left blank.
  worksheet_write_string(sheet, 2, 1, "张三", nullptr);
  lxw_datetime birth = {1997, 5, 12, 0, 0, 0};
  worksheet_write_datetime(sheet, 2, 3, &birth, date_format);
  worksheet_write_string(sheet, 2, 4, "106101201905007614", nullptr);
  worksheet_write_number(sheet, 3, 0, 42, nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  Result<EvalTable> table = read_eval_table(path);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_THAT(table->columns, ElementsAre("姓名", "出生日期", "证书编号"));
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0].file, "a.jpg");
  EXPECT_EQ(table->rows[0].cells.at("姓名").value, "张三");
  EXPECT_EQ(table->rows[0].cells.at("出生日期").value, "1997-05-12");
  EXPECT_EQ(table->rows[0].cells.at("证书编号").value, "106101201905007614");
  EXPECT_EQ(table->rows[1].file, "42");
}

TEST_F(EvalTest, HtmlReportEscapesEverything) {
  const EvalTable truth = read("t.csv", "文件,姓名\n<a>.jpg,<script>alert(1)</script>\n");
  const EvalTable predictions = read("p.csv", "文件,姓名\n<a>.jpg,\"x\"\"&\"\n");
  const std::string html = render_eval_html(evaluate(truth, predictions));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("x&quot;&amp;"));
  EXPECT_THAT(html, ::testing::Not(HasSubstr("<script>")));
  EXPECT_THAT(html, ::testing::Not(HasSubstr("http")));  // Self-contained.
}

TEST_F(EvalTest, RedactedReportsHoldNoValuesNoFileNamesAndNoImages) {
  const std::filesystem::path page = dir_ / "张三_本科毕业证书.png";
  ASSERT_TRUE(cv::imwrite(page.string(), cv::Mat(40, 80, CV_8UC3, cv::Scalar(200, 200, 200))));
  const EvalTable truth = read("t.csv",
                               "文件,姓名,证书编号\n"
                               "张三_本科毕业证书.png,张三,106101201905007614\n"
                               "李四_学位证书.png,李四,100011201005000001\n");
  const EvalTable predictions = read("p.csv", "文件,姓名,证书编号\n" + page.string() + ",张山,106101201905007615\n");
  EXPECT_THAT(render_eval_html(evaluate(truth, predictions)), HasSubstr("<img"));  // Unredacted: a thumbnail.
  const EvalReport report = redact(evaluate(truth, predictions));
  ASSERT_EQ(report.wrong.size(), 4u);
  EXPECT_EQ(report.wrong[0].field, "姓名");
  EXPECT_EQ(report.wrong[0].truth, "(2 characters)");
  EXPECT_EQ(report.wrong[0].predicted, "(2 characters), 1 edit(s) off");
  EXPECT_EQ(report.wrong[1].truth, "(18 characters)");
  EXPECT_EQ(report.wrong[2].predicted, "");  // No prediction stays empty.
  EXPECT_THAT(report.wrong[0].file, ::testing::MatchesRegex("file-[0-9a-f]{10}"));
  EXPECT_EQ(report.wrong[0].file, report.wrong[1].file);  // Stable: one document, one pseudonym.
  EXPECT_NE(report.wrong[0].file, report.wrong[2].file);
  EXPECT_EQ(report.truth_rows_without_prediction.size(), 1u);
  EXPECT_EQ(report.truth_rows_without_prediction[0], report.wrong[2].file);
  EXPECT_EQ(report.fields[0].total, 2);  // The figures stay.
  EXPECT_EQ(report.correct, 0);
  const std::string all = format_eval_text(report) + format_eval_json(report) + render_eval_html(report);
  for (const char* secret : {"张三", "张山", "李四", "本科", "1061012019", "1000112010"}) {
    EXPECT_THAT(all, ::testing::Not(HasSubstr(secret))) << secret;
  }
  EXPECT_THAT(all, ::testing::Not(HasSubstr("<img")));
}

}  // namespace
}  // namespace mixtract
