// Runs the real `mixtract` binary as a user would and checks exit codes, messages and outputs.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "pdf_fixture.h"
#include "test_support.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together.
};

// Runs a shell command; its stdout is the output.
RunResult shell(const std::string& command) {
  RunResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) result.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

// Runs `mixtract ARGS`, with `env` (VAR=value ...) added to its environment; with `kill_after` (seconds),
// killed by SIGKILL then if still running.
RunResult mixtract(const std::string& args, const std::string& env = "", const std::string& kill_after = "") {
  const std::string killer = kill_after.empty() ? "" : "timeout -s KILL " + kill_after + " ";
  return shell(killer + "env " + env + " " + std::string(MIXTRACT_BIN) + " " + args + " 2>&1");
}

// The rows of a --per-person file, by person (人员).
std::map<std::string, nlohmann::json> rows_by_person(const std::string& file) {
  std::map<std::string, nlohmann::json> rows;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json row = nlohmann::json::parse(line);
    const std::string person = row["人员"].get<std::string>();
    rows[person] = std::move(row);
  }
  return rows;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("MIXTRACT_CACHE_DIR", (dir_ / "cache").c_str(), 1);  // Each test has its own analysis cache.
  }

  std::string write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  mixtract::testing::ScratchDir scratch_;
  const std::filesystem::path& dir_ = scratch_.path();
};

TEST_F(CliTest, HelpListsEverySubcommand) {
  const RunResult r = mixtract("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* sub : {"extract", "ocr", "ner", "eval", "tune", "synth", "serve", "models", "version"}) {
    EXPECT_THAT(r.output, HasSubstr(std::string("\n  ") + sub + " ")) << sub;
  }
}

TEST_F(CliTest, EachSubcommandHasHelp) {
  for (const char* sub : {"extract", "synth", "version", "ocr", "models", "eval", "tune", "ner", "serve"}) {
    const RunResult r = mixtract(std::string(sub) + " --help");
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_THAT(r.output, HasSubstr("Usage:")) << sub;
  }
  EXPECT_THAT(mixtract("extract --help").output, HasSubstr("(Env:MIXTRACT_SCHEMA)"));
}

TEST_F(CliTest, NoSubcommandOrUnknownOptionIsAUsageError) {
  EXPECT_EQ(mixtract("").exit_code, 2);
  const RunResult r = mixtract("extract --frobnicate x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("--frobnicate"));
}

TEST_F(CliTest, NerPrintsThePersonTheDateAndTheOrganisation) {
  if (!std::filesystem::exists("/usr/lib/python3/dist-packages/jieba/lac_small/model_baseline")) {
    GTEST_SKIP() << "LAC's parameters are not installed: scripts/setup.sh installs Debian's python3-jieba";
  }
  const RunResult r = mixtract("ner 张三于2019年6月毕业于四川大学计算机科学与技术专业");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "张三\tPER\t0\n2019年6月\tTIME\t3\n四川大学\tORG\t13\n");
  write("lines.txt", "李四在北京市百度公司工作\n\n");
  const RunResult json = mixtract("ner --json --words --file " + path("lines.txt"));
  ASSERT_EQ(json.exit_code, 0) << json.output;
  const nlohmann::json words = nlohmann::json::parse(json.output);
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words[0]["text"], "李四");
  EXPECT_EQ(words[0]["tag"], "PER");
  EXPECT_EQ(mixtract("ner").exit_code, 2);
  EXPECT_THAT(mixtract("ner --model " + path("nowhere") + " x").output, HasSubstr("word.dic"));
  const RunResult no_model = mixtract("ner --engine bert x");
  EXPECT_EQ(no_model.exit_code, 2);
  EXPECT_THAT(no_model.output, HasSubstr("--engine bert needs --model DIR"));
}

TEST_F(CliTest, NerWithJiebaKeepsTheMajorsOfTheTableWhole) {
  const RunResult r = mixtract("ner --engine jieba --words 毕业于四川大学量子信息科学专业");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("四川大学\tnt\t3\n"));
  EXPECT_THAT(r.output, Not(HasSubstr("量子信息科学\t")));
  write("majors.csv", "专业名称\n量子信息科学\n");
  const RunResult with_table =
      mixtract("ner --engine jieba --words --majors " + path("majors.csv") + " 毕业于四川大学量子信息科学专业");
  ASSERT_EQ(with_table.exit_code, 0) << with_table.output;
  EXPECT_THAT(with_table.output, HasSubstr("量子信息科学\tnz\t7\n"));
  EXPECT_THAT(mixtract("ner --engine jieba --model " + path("nowhere") + " x").output,
              HasSubstr("jieba.dict.utf8: missing or empty"));
}

TEST_F(CliTest, VersionPrintsTheBuiltinSchemas) {
  const RunResult r = mixtract("version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.output, HasSubstr("mixtract 0."));
  EXPECT_THAT(r.output, HasSubstr("graduation_certificate"));
}

TEST_F(CliTest, BadInputFilesAreReportedAndTheRestIsStillWritten) {
  const RunResult synth = mixtract("synth --n 2 --seed 3 --out " + path("docs"));
  ASSERT_EQ(synth.exit_code, 0) << synth.output;
  write("docs/empty.jpg", "");
  write("docs/notes.png", "plain text, not an image");
  const RunResult r =
      mixtract("extract " + path("docs") + " " + path("absent.jpg") + " -o " + path("out/results.jsonl"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("absent.jpg: no such file or folder"));
  EXPECT_THAT(r.output, HasSubstr("empty.jpg: empty file"));
  EXPECT_THAT(r.output, HasSubstr("notes.png: not a decodable image"));
  EXPECT_THAT(r.output, HasSubstr("2 document(s) extracted, 0 of an unrecognised kind, 3 failed"));

  std::ifstream jsonl(path("out/results.jsonl"));
  int lines = 0;
  for (std::string line; std::getline(jsonl, line);) ++lines;
  EXPECT_EQ(lines, 2);
  // The error log: one line per failure, with its stage.
  const std::string log = mixtract::testing::read_file(path("out/results.jsonl.errors.csv"));
  EXPECT_THAT(log, HasSubstr("文件,阶段,原因"));
  EXPECT_THAT(log, HasSubstr(",input,"));
  EXPECT_THAT(log, HasSubstr("empty.jpg,read,"));
  EXPECT_THAT(log, HasSubstr("notes.png,read,"));
  EXPECT_THAT(r.output, HasSubstr("errors:  " + path("out/results.jsonl.errors.csv")));
}

TEST_F(CliTest, OddFileNamesAndBrokenFilesNeverStopABatch) {
  std::filesystem::create_directories(dir_ / "docs");
  // 王小明_本科毕业证书.png in GBK, as archives from Chinese Windows unpack; a name no encoding reads; and
  // ten more pages: more than twice the workers, so that a stuck batch would show.
  std::vector<std::string> names = {"\xCD\xF5\xD0\xA1\xC3\xF7_\xB1\xBE\xBF\xC6\xB1\xCF\xD2\xB5\xD6\xA4\xCA\xE9.png",
                                    "scan\xFF.png"};
  for (int i = 0; i < 10; ++i) names.push_back("page" + std::to_string(i) + ".png");
  for (std::size_t i = 0; i < names.size(); ++i) {  // Pages apart, so that none is a copy of another.
    const cv::Mat page(40, 60, CV_8UC3, cv::Scalar(255, 255, 255 - static_cast<double>(i)));
    ASSERT_TRUE(cv::imwrite((dir_ / "docs" / names[i]).string(), page));
  }
  write("docs/broken.jpg", "not an image");
  write("docs/empty.png", "");
  const RunResult r = mixtract("extract " + path("docs") + " --schema graduation_certificate -o " +
                               path("out/results.jsonl") + " --per-person " + path("out/persons.csv"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("12 document(s) extracted, 0 of an unrecognised kind, 2 failed"));
  EXPECT_THAT(mixtract::testing::read_file(path("out/persons.csv")), HasSubstr("王小明"));
  const std::string results = mixtract::testing::read_file(path("out/results.jsonl"));
  EXPECT_THAT(results, HasSubstr("王小明_本科毕业证书.png"));
  EXPECT_THAT(results, HasSubstr("\"value\":\"王小明\""));  // The name read from the decoded file name.
  EXPECT_THAT(results, HasSubstr("scan\\\\xFF.png"));       // \xFF, escaped in JSON.
  const std::string errors = mixtract::testing::read_file(path("out/results.jsonl.errors.csv"));
  EXPECT_THAT(errors, HasSubstr("broken.jpg,read,"));
  EXPECT_THAT(errors, HasSubstr("empty.png,read,"));
}

TEST_F(CliTest, NothingToReadIsAUsageError) {
  const RunResult r = mixtract("extract " + path("absent.jpg") + " -o " + path("out/results.jsonl"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("absent.jpg: no such file or folder"));
  EXPECT_FALSE(std::filesystem::exists(path("out/results.jsonl")));
}

TEST_F(CliTest, MalformedSchemaFileNamesFileAndLine) {
  const std::string schema = write("bad.yaml",
                                   "name: x\ntitle: X\nfields:\n  - name: a\n    label: A\n    kind: text\n"
                                   "    colour: red\n");
  const RunResult r = mixtract("extract " + path("x.jpg") + " --schema " + schema);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("bad.yaml:7: fields[0].colour: unknown key"));

  const RunResult broken = mixtract("extract x.jpg --schema " + write("broken.yaml", "name: [\n"));
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_THAT(broken.output, HasSubstr("broken.yaml:2: malformed YAML"));

  const RunResult unknown = mixtract("extract x.jpg --schema diploma");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.output, HasSubstr("schema 'diploma' is neither a built-in schema"));
}

TEST_F(CliTest, RouteWithUnknownExpertListsTheKnownOnes) {
  const std::string schema =
      write("s.yaml", "name: x\ntitle: X\nfields:\n  - {name: a, label: A, kind: text, route: {experts: [gpt9]}}\n");
  const RunResult r = mixtract("extract x.jpg --schema " + schema);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(
      r.output,
      HasSubstr("unknown expert 'gpt9'; known experts: bert_ner, certificate_text, certificate_text_without_red, "
                "file_name, jieba_ner, lac_ner, llm_text, llm_text_region, llm_vision, llm_vision_field, "
                "llm_vision_ocr, major_table, page_pattern, ppocr, ppocr_reread, qr_code, school_table, tesseract"));
}

TEST_F(CliTest, ConfigFileSetsDefaultsAndRejectsUnknownKeys) {
  const RunResult synth = mixtract("synth --n 1 --out " + path("docs"));
  ASSERT_EQ(synth.exit_code, 0) << synth.output;
  const std::string config =
      write("config.yaml", "output: " + path("from_config/results.csv") + "\nschema: degree_certificate\n");
  const RunResult r = mixtract("--config " + config + " extract " + path("docs"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(path("from_config/results.csv")));
  EXPECT_THAT(r.output, HasSubstr("学位"));  // The degree schema's column.

  const RunResult bad = mixtract("--config " + write("bad.yaml", "output: x\ncolour: 4\n") + " version");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.output, HasSubstr("bad.yaml:2: unknown key 'colour'; known keys:"));

  const RunResult missing = mixtract("--config " + path("absent.yaml") + " version");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.output, HasSubstr("absent.yaml: cannot open config file"));
}

TEST_F(CliTest, EnvironmentOverridesConfigAndFlagOverridesEnvironment) {
  ASSERT_EQ(mixtract("synth --n 1 --out " + path("docs")).exit_code, 0);
  const std::string config = write("config.yaml", "output: " + path("config_out/results.csv") + "\n");
  const std::string env = "MIXTRACT_OUTPUT=" + path("env_out/results.csv");
  EXPECT_EQ(mixtract("--config " + config + " extract " + path("docs"), env).exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(path("env_out/results.csv")));
  EXPECT_FALSE(std::filesystem::exists(path("config_out")));
  EXPECT_EQ(mixtract("--config " + config + " extract " + path("docs") + " -o " + path("flag_out/results.csv"), env)
                .exit_code,
            0);
  EXPECT_TRUE(std::filesystem::exists(path("flag_out/results.csv")));
}

TEST_F(CliTest, SynthThenExtractReadsNamesAndLevels) {
  ASSERT_EQ(mixtract("synth --n 5 --seed 11 --kinds graduation --out " + path("docs")).exit_code, 0);
  const RunResult r = mixtract("extract " + path("docs") + " -o " + path("out/results.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.output;

  std::map<std::string, nlohmann::json> truth;
  std::ifstream truth_file(path("docs/truth.jsonl"));
  for (std::string line; std::getline(truth_file, line);) {
    nlohmann::json row = nlohmann::json::parse(line);
    truth[row["文件"].get<std::string>()] = row;
  }
  ASSERT_EQ(truth.size(), 5u);
  std::ifstream results(path("out/results.jsonl"));
  int checked = 0;
  for (std::string line; std::getline(results, line);) {
    const nlohmann::json record = nlohmann::json::parse(line);
    const std::string file = std::filesystem::path(record["source"].get<std::string>()).filename().string();
    ASSERT_TRUE(truth.contains(file)) << file;
    EXPECT_EQ(record["fields"]["name"]["value"], truth[file]["姓名"]) << file;
    EXPECT_EQ(record["fields"]["level"]["value"], truth[file]["学历层次"]) << file;
    ++checked;
  }
  EXPECT_EQ(checked, 5);
}

TEST_F(CliTest, ANumberHalfHiddenByASealIsReadWhole) {
  // A held-out certificate (the Ministry's schools, as in the benchmark) whose seal sits on its number:
  // the page's line finder stops at the seal (证书编号：10084), so the re-read must reach far enough
  // right for the 13 digits still missing, and the orientation classifier, which takes that long
  // re-read line for upside down, must not turn it into noise.
  const std::filesystem::path schools = mixtract::testing::shared_data("universities_moe2017.csv");
  if (schools.empty()) GTEST_SKIP() << mixtract::testing::kNoSharedData;
  ASSERT_EQ(mixtract("synth --n 12 --seed 2028 --kinds graduation --families graduation_regular --schools " +
                     schools.string() + " --out " + path("docs"))
                .exit_code,
            0);
  const RunResult r =
      mixtract("extract " + path("docs/宋娜杰_专科毕业证书.jpg") + " --no-cache -o " + path("out/results.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::ifstream results(path("out/results.jsonl"));
  std::string line;
  ASSERT_TRUE(std::getline(results, line));
  const nlohmann::json number = nlohmann::json::parse(line)["fields"]["certificate_number"];
  EXPECT_EQ(number["value"], "100841202006262203") << number.dump(1);
}

TEST_F(CliTest, RenderExtractAndScoreInThreeCommands) {
  ASSERT_EQ(mixtract("synth --n 8 --seed 4 --difficulty mix --out " + path("docs")).exit_code, 0);
  ASSERT_EQ(mixtract("extract " + path("docs") + " -o " + path("out/results.jsonl")).exit_code, 0);
  const RunResult r = mixtract("eval --truth " + path("docs/truth.csv") + " --pred " + path("out/results.jsonl") +
                               " --html " + path("report.html"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("姓名"));
  EXPECT_THAT(r.output, HasSubstr("documents all correct:"));
  EXPECT_THAT(r.output, HasSubstr("文书类型"));  // The kind --schema auto recognised is scored too.
  EXPECT_TRUE(std::filesystem::exists(path("report.html")));

  ASSERT_EQ(mixtract("extract " + path("docs") + " -o " + path("out/results.csv")).exit_code, 0);
  const RunResult json =
      mixtract("eval --json --truth " + path("docs/truth.jsonl") + " --pred " + path("out/results.csv"));
  ASSERT_EQ(json.exit_code, 0) << json.output;
  const nlohmann::json report = nlohmann::json::parse(json.output);
  EXPECT_GT(report["total"].get<int>(), 0);
  EXPECT_EQ(report["fields"][1]["field"], "姓名");
  EXPECT_DOUBLE_EQ(report["fields"][1]["accuracy"].get<double>(), 1.0);  // Names come from the file names.
}

TEST_F(CliTest, TuneLearnsRoutesThatExtractAndCompareRoutesUse) {
  ASSERT_EQ(mixtract("synth --n 10 --seed 4 --kinds graduation --out " + path("docs")).exit_code, 0);
  const std::string labelled = " --truth " + path("docs/truth.csv") + " --docs " + path("docs");
  const RunResult tune = mixtract("tune" + labelled +
                                  " --schema graduation_certificate --experts file_name,certificate_text "
                                  "-o " +
                                  path("routes.yaml"));
  ASSERT_EQ(tune.exit_code, 0) << tune.output;
  EXPECT_THAT(tune.output, HasSubstr("studied 10 documents of kind 毕业证书 with 2 experts"));
  EXPECT_THAT(tune.output, HasSubstr("fields accepted"));
  const std::string routes = mixtract::testing::read_file(path("routes.yaml"));
  // The file name states the person: the route for names the study finds best and cheapest.
  EXPECT_THAT(routes, HasSubstr("  name:\n    route:\n      experts: [file_name]\n"));
  EXPECT_THAT(routes, HasSubstr("calibration: [["));

  const RunResult extract = mixtract("extract " + path("docs") + " --schema graduation_certificate --routes " +
                                     path("routes.yaml") + " -o " + path("out/results.jsonl"));
  ASSERT_EQ(extract.exit_code, 0) << extract.output;
  const RunResult scored =
      mixtract("eval --json --truth " + path("docs/truth.csv") + " --pred " + path("out/results.jsonl"));
  ASSERT_EQ(scored.exit_code, 0) << scored.output;
  const nlohmann::json report = nlohmann::json::parse(scored.output);
  EXPECT_EQ(report["fields"][1]["field"], "姓名");
  EXPECT_DOUBLE_EQ(report["fields"][1]["accuracy"].get<double>(), 1.0);

  const RunResult compared =
      mixtract("eval --compare-routes" + labelled + " --schema graduation_certificate --experts file_name --routes " +
               path("routes.yaml"));
  ASSERT_EQ(compared.exit_code, 0) << compared.output;
  EXPECT_THAT(compared.output, HasSubstr("accuracy per field on 10 labelled documents of kind 毕业证书"));
  for (const char* column : {"file_name", "certificate_text", "ppocr", "schema", "routes", "ms/doc"}) {
    EXPECT_THAT(compared.output, HasSubstr(column)) << column;
  }

  EXPECT_THAT(mixtract("tune" + labelled + " -o " + path("r.yaml")).output, HasSubstr("name the one schema"));
  write("bad.yaml", "schema: graduation_certificate\nfields:\n  nickname:\n    route: {experts: [file_name]}\n");
  const RunResult bad = mixtract("extract " + path("docs") + " --schema graduation_certificate --routes " +
                                 path("bad.yaml") + " -o " + path("out/x.jsonl"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.output, HasSubstr("bad.yaml:4: fields.nickname: schema graduation_certificate has no such field"));
}

TEST_F(CliTest, AutoTellsTheKindsApartAndSaysWhenItCannot) {
  ASSERT_EQ(mixtract("synth --n 6 --seed 8 --out " + path("docs")).exit_code, 0);
  cv::imwrite(path("docs/blank.png"), cv::Mat(600, 900, CV_8UC3, cv::Scalar(255, 255, 255)));
  const RunResult r = mixtract("extract " + path("docs") + " -o " + path("out/results.xlsx"));
  EXPECT_EQ(r.exit_code, 1) << r.output;  // A page of no known kind counts as a failure.
  EXPECT_THAT(r.output, HasSubstr("7 document(s) extracted, 1 of an unrecognised kind, 0 failed"));

  // The workbook lines up with the truth table, 文书类型 included.
  const RunResult score =
      mixtract("eval --json --truth " + path("docs/truth.csv") + " --pred " + path("out/results.xlsx"));
  ASSERT_EQ(score.exit_code, 0) << score.output;
  const nlohmann::json report = nlohmann::json::parse(score.output);
  bool kind_scored = false;
  for (const nlohmann::json& field : report["fields"]) {
    if (field["field"] != "文书类型") continue;
    kind_scored = true;
    EXPECT_EQ(field["total"], 6) << field.dump();
    EXPECT_EQ(field["correct"], 6) << field.dump();
  }
  EXPECT_TRUE(kind_scored) << score.output;

  ASSERT_EQ(mixtract("extract " + path("docs/blank.png") + " -o " + path("blank.jsonl")).exit_code, 1);
  EXPECT_THAT(mixtract::testing::read_file(path("blank.jsonl.errors.csv")),
              HasSubstr("blank.png,recognise,\"not recognised as any of"));
  const nlohmann::json blank = nlohmann::json::parse(mixtract::testing::read_file(path("blank.jsonl")));
  EXPECT_EQ(blank["schema"], "");
  EXPECT_THAT(blank["schema_reason"].get<std::string>(), HasSubstr("not recognised as any of"));
  EXPECT_TRUE(blank["fields"].empty());
}

TEST_F(CliTest, ACertificateWithItsNumberCutOffGetsNoMadeUpNumber) {
  ASSERT_EQ(mixtract("synth --n 1 --seed 3 --kinds graduation --out " + path("docs")).exit_code, 0);
  std::string page;
  for (const auto& entry : std::filesystem::directory_iterator(path("docs"))) {
    if (entry.path().extension() == ".jpg") page = entry.path().string();
  }
  const cv::Mat image = cv::imread(page);
  ASSERT_FALSE(image.empty());
  // Keep the top 70%: the body stays, the number and the date below it are cut off.
  cv::imwrite(path("cut.png"), image(cv::Rect(0, 0, image.cols, image.rows * 7 / 10)));
  const RunResult r = mixtract("extract " + path("cut.png") + " -o " + path("cut.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json record = nlohmann::json::parse(mixtract::testing::read_file(path("cut.jsonl")));
  EXPECT_EQ(record["schema"], "graduation_certificate");
  const nlohmann::json& number = record["fields"]["certificate_number"];
  EXPECT_EQ(number["status"], "missing") << number.dump();
  EXPECT_EQ(number["value"], "");
  EXPECT_FALSE(number["reason"].get<std::string>().empty());
  EXPECT_EQ(record["fields"]["name"]["status"], "accepted");  // What can be read still is.
}

TEST_F(CliTest, PerPersonTableChoosesTheHighestDegreeDocument) {
  ASSERT_EQ(mixtract("synth --n 10 --seed 12 --out " + path("docs")).exit_code, 0);
  // File names without the person or the level, so that only what is read from the pages decides.
  std::map<std::string, std::string> renamed;  // New name -> synth's name.
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(path("docs"))) {
    if (entry.path().extension() != ".jpg") continue;
    const std::string name = "scan_" + std::to_string(++n) + ".jpg";
    std::filesystem::rename(entry.path(), path("docs/" + name));
    renamed[name] = entry.path().filename().string();
  }
  const RunResult r = mixtract("extract " + path("docs") + " -o " + path("out/results.jsonl") + " --per-person " +
                               path("out/persons.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::map<std::string, std::string> expected;  // Person -> the file holding the highest degree.
  std::ifstream truth(path("docs/persons.jsonl"));
  for (std::string line; std::getline(truth, line);) {
    const nlohmann::json person = nlohmann::json::parse(line);
    expected[person["姓名"].get<std::string>()] = person["最高学历文件"].get<std::string>();
  }
  ASSERT_FALSE(expected.empty());
  std::ifstream persons(path("out/persons.jsonl"));
  int checked = 0;
  for (std::string line; std::getline(persons, line);) {
    const nlohmann::json person = nlohmann::json::parse(line);
    const std::string key = person["人员"].get<std::string>();
    ASSERT_TRUE(expected.contains(key)) << line;  // Grouped by the name read from the pages.
    EXPECT_EQ(renamed[person["文件"].get<std::string>()], expected[key]) << line;
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(expected.size()));
}

TEST_F(CliTest, AManifestOfPdfPagesAndScansFillsTheWorkbook) {
  // Two persons: A's two documents scanned into one PDF, B's as numbered images; a manifest names the
  // persons (the file names no longer do) and a file that is not there.
  ASSERT_EQ(mixtract("synth --n 4 --seed 5 --out " + path("docs")).exit_code, 0);
  std::filesystem::create_directories(path("scans"));
  std::vector<std::vector<std::string>> truth;  // 文件, then the truth row's other cells.
  std::istringstream truth_csv(mixtract::testing::read_file(path("docs/truth.csv")).substr(3));  // No BOM.
  std::string header;
  std::getline(truth_csv, header);
  std::map<std::string, std::vector<cv::Mat>> pages_of;  // Person -> pages, for the first person.
  std::string manifest = "文件,人员\n";
  std::string renamed_truth = header + "\n";
  std::string first_person;
  int scan = 0;
  for (std::string line; std::getline(truth_csv, line);) {
    const std::string file = line.substr(0, line.find(','));
    const std::string person = file.substr(0, file.find('_'));
    const std::string rest = line.substr(line.find(','));
    if (first_person.empty()) first_person = person;
    if (person == first_person) {
      pages_of[person].push_back(cv::imread(path("docs/" + file)));
      renamed_truth += "a.pdf#page=" + std::to_string(pages_of[person].size()) + rest + "\n";
    } else {
      const std::string name = "000" + std::to_string(++scan) + ".jpg";
      std::filesystem::copy_file(path("docs/" + file), path("scans/" + name));
      manifest += "scans/" + name + "," + person + "\n";
      renamed_truth += name + rest + "\n";
    }
  }
  ASSERT_EQ(pages_of[first_person].size(), 2u);
  write("scans/a.pdf", mixtract::testing::pdf_of_pages(pages_of[first_person]));
  manifest += "scans/a.pdf," + first_person + "\nscans/missing.jpg,nobody\n";
  write("manifest.csv", manifest);
  write("truth.csv", renamed_truth);

  const RunResult r = mixtract("extract --manifest " + path("manifest.csv") + " -o " + path("out/results.xlsx") +
                               " --per-person " + path("out/persons.jsonl"));
  EXPECT_EQ(r.exit_code, 1) << r.output;  // The missing file.
  EXPECT_THAT(r.output, HasSubstr("4 document(s) extracted, 0 of an unrecognised kind, 1 failed"));
  EXPECT_THAT(mixtract::testing::read_file(path("out/results.xlsx.errors.csv")),
              HasSubstr("input," + path("manifest.csv") + " row 5: " + path("scans/missing.jpg")));

  // The PDF's pages read as well as the images: the workbook's first sheet scored against the truth.
  const RunResult score = mixtract("eval --json --truth " + path("truth.csv") + " --pred " + path("out/results.xlsx"));
  ASSERT_EQ(score.exit_code, 0) << score.output;
  const nlohmann::json report = nlohmann::json::parse(score.output);
  EXPECT_EQ(report["documents"], 4) << score.output;
  EXPECT_GE(report["correct"].get<int>(), report["total"].get<int>() - 1) << score.output;

  // One row per person of the manifest, with the person's documents and the certificate chosen.
  std::map<std::string, nlohmann::json> by_person = rows_by_person(path("out/persons.jsonl"));
  ASSERT_EQ(by_person.size(), 2u) << r.output;
  EXPECT_EQ(by_person[first_person]["文件数"], "2");
  EXPECT_THAT(by_person[first_person]["文件"].get<std::string>(), HasSubstr("a.pdf#page="));
  for (const auto& [person, row] : by_person) EXPECT_EQ(row["冲突"], "") << row.dump();
}

TEST_F(CliTest, AFullDiskStopsTheRunAndResumeFinishesIt) {
  ASSERT_EQ(mixtract("synth --n 6 --seed 9 --out " + path("docs")).exit_code, 0);
  const std::string args = " extract " + path("docs") + " -j 2 --no-cache -o ";
  const RunResult full = mixtract(args + path("full/results.csv"));
  ASSERT_EQ(full.exit_code, 0) << full.output;

  // Files may not grow past 100 KiB (the job store reaches that after a few documents): writes fail as
  // on a full disk. The run stops, says where the work done is, and leaves no half-written output.
  const RunResult cut = shell("bash -c 'trap \"\" XFSZ; ulimit -f 100; exec " + std::string(MIXTRACT_BIN) + args +
                              path("cut/results.csv") + "' 2>&1");
  EXPECT_EQ(cut.exit_code, 1) << cut.output;
  EXPECT_THAT(cut.output, HasSubstr("results.csv.job.sqlite: cannot store the result of "));
  EXPECT_THAT(cut.output, HasSubstr("run again with --resume once that is mended"));
  EXPECT_FALSE(std::filesystem::exists(path("cut/results.csv")));

  // With room again, --resume finishes the run: the same table as the run that had room throughout.
  const RunResult resumed = mixtract(args + path("cut/results.csv") + " --resume");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_EQ(mixtract::testing::read_file(path("cut/results.csv")),
            mixtract::testing::read_file(path("full/results.csv")));
}

TEST_F(CliTest, AResumedRunReadsAgainWhatChangedSinceAndOnlyThat) {
  ASSERT_EQ(mixtract("synth --n 3 --seed 5 --kinds graduation --out " + path("docs")).exit_code, 0);
  std::vector<std::filesystem::path> pages;
  for (const auto& entry : std::filesystem::directory_iterator(path("docs"))) {
    if (entry.path().extension() == ".jpg") pages.push_back(entry.path());
  }
  std::sort(pages.begin(), pages.end());
  ASSERT_EQ(pages.size(), 3u);
  std::filesystem::rename(pages[2], path("spare.jpg"));
  const std::string args = "extract " + path("docs") + " --no-cache -o " + path("out/results.jsonl");
  ASSERT_EQ(mixtract(args).exit_code, 0);
  EXPECT_THAT(mixtract(args + " --resume").output, Not(HasSubstr("OCR:")));  // Nothing changed, nothing read.

  // A page replaced since (another certificate under the old name) is read again, and only that one.
  std::filesystem::copy_file(path("spare.jpg"), pages[0], std::filesystem::copy_options::overwrite_existing);
  const RunResult replaced = mixtract(args + " --resume");
  ASSERT_EQ(replaced.exit_code, 0) << replaced.output;
  EXPECT_THAT(replaced.output, HasSubstr("OCR: 1 page read(s)"));
  const std::string spare_hash = shell("sha256sum " + path("spare.jpg")).output.substr(0, 64);
  EXPECT_THAT(mixtract::testing::read_file(path("out/results.jsonl")), HasSubstr(spare_hash));

  // Other settings (here a majors table): every page is read again, and the run says why.
  write("majors.csv", "专业名称\n量子信息科学\n");
  const RunResult other = mixtract(args + " --resume --majors " + path("majors.csv"));
  ASSERT_EQ(other.exit_code, 0) << other.output;
  EXPECT_THAT(other.output, HasSubstr("results.jsonl.job.sqlite was written with other settings"));
  EXPECT_THAT(other.output, HasSubstr("OCR: 2 page read(s)"));
}

TEST_F(CliTest, ThePagesReadingIsChargedOnceToTheDocument) {
  // One family, so that the page stays the same as families are added: one whose fields are all settled
  // without an expert that reads the page again itself (with red ink faded), whose cost is its own.
  ASSERT_EQ(
      mixtract("synth --n 1 --seed 3 --kinds graduation --families graduation_regular --out " + path("docs")).exit_code,
      0);
  const RunResult first = mixtract("extract " + path("docs") + " -o " + path("out/first.jsonl"));
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const nlohmann::json record = nlohmann::json::parse(mixtract::testing::read_file(path("out/first.jsonl")));
  // The page read once (for recognising the kind and for every expert that reads it), charged as an
  // analysis, as are its decoding and the recognition of its kind; the experts' costs are their own work;
  // the total is the sum.
  const double reading = record["analysis_costs"]["ppocr"]["ms"];
  EXPECT_GT(reading, 10.0) << record.dump();
  EXPECT_GT(record["analysis_costs"]["decode"]["ms"].get<double>(), 0.0) << record.dump();
  EXPECT_GT(record["analysis_costs"]["kind"]["ms"].get<double>(), 0.0) << record.dump();
  double total = 0;
  for (const auto& [analysis, cost] : record["analysis_costs"].items()) total += cost["ms"].get<double>();
  for (const auto& [expert, cost] : record["expert_costs"].items()) {
    EXPECT_LT(cost["ms"].get<double>(), reading) << expert;
    total += cost["ms"].get<double>();
  }
  EXPECT_NEAR(record["cost"]["ms"].get<double>(), total, 1e-6);
  // Read again from the cache: nothing spent on reading, the decoding still.
  const RunResult cached = mixtract("extract " + path("docs") + " -o " + path("out/cached.jsonl"));
  EXPECT_THAT(cached.output, HasSubstr("OCR: 0 page read(s), 1 from the cache"));
  const nlohmann::json again = nlohmann::json::parse(mixtract::testing::read_file(path("out/cached.jsonl")));
  EXPECT_FALSE(again["analysis_costs"].contains("ppocr")) << again["analysis_costs"].dump();
  EXPECT_TRUE(again["analysis_costs"].contains("decode")) << again["analysis_costs"].dump();
}

TEST_F(CliTest, NothingOfOnnxRuntimesTelemetryIsWritten) {
  // The ONNX Runtime build that setup fetches records telemetry events under ~/.cache/Microsoft for upload,
  // and a log in $TMPDIR, unless told not to before its environment exists.
  ASSERT_EQ(mixtract("synth --n 1 --seed 3 --kinds graduation --out " + path("docs")).exit_code, 0);
  std::filesystem::create_directories(path("home"));
  std::filesystem::create_directories(path("tmp"));
  const RunResult read = mixtract("ocr --no-cache " + path("docs") + "/*.jpg",
                                  "HOME=" + path("home") + " TMPDIR=" + path("tmp") + " XDG_CACHE_HOME=");
  ASSERT_EQ(read.exit_code, 0) << read.output;
  EXPECT_THAT(read.output, HasSubstr("lines"));  // The page was read: ONNX Runtime ran.
  EXPECT_FALSE(std::filesystem::exists(path("home") + "/.cache/Microsoft"));
  EXPECT_TRUE(std::filesystem::is_empty(path("tmp")));
}

TEST_F(CliTest, AReadOnlyOutputFolderIsAClearErrorBeforeAnyWork) {
  ASSERT_EQ(mixtract("synth --n 2 --seed 5 --out " + path("docs")).exit_code, 0);
  std::filesystem::create_directories(path("locked"));
  std::filesystem::permissions(path("locked"),
                               std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                                   std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
                                   std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
  std::filesystem::permissions(dir_, std::filesystem::perms::all, std::filesystem::perm_options::add);
  // root may write anywhere: the run then drops to the unprivileged user nobody, as a user's run would be.
  const std::string user = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const RunResult r = shell(user + MIXTRACT_BIN + " extract " + path("docs") + " --no-cache -o " +
                            path("locked/results.csv") + " 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr(path("locked/results.csv") + ": cannot create output file; check that the folder "
                                                               "exists and is writable"));
  EXPECT_THAT(r.output, Not(HasSubstr("OCR:")));  // No document was read in vain.
  EXPECT_TRUE(std::filesystem::is_empty(path("locked")));
}

// The scripted OpenAI-compatible server as a process of its own, stopped when this goes out of scope.
class ScriptedServerProcess {
 public:
  ScriptedServerProcess(const std::filesystem::path& dir, const std::string& args) : dir_(dir) {
    const std::string command = std::string(SCRIPTED_LLM_SERVER_BIN) + " --port-file " + (dir / "port").string() + " " +
                                args + " >/dev/null 2>&1 & echo $! > " + (dir / "pid").string();
    if (std::system(command.c_str()) != 0) return;
    for (int i = 0; i < 500 && !std::filesystem::exists(dir / "port"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::istringstream(mixtract::testing::read_file(dir / "port")) >> port_;
  }
  ~ScriptedServerProcess() {
    const std::string pid = mixtract::testing::read_file(dir_ / "pid");
    if (!pid.empty()) std::system(("kill " + pid).c_str());
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  bool started() const { return port_ > 0; }

 private:
  std::filesystem::path dir_;
  int port_ = 0;
};

TEST_F(CliTest, AnLlmRouteAnswersAndFallsBackWhenTheServerIsDown) {
  // Named families, so that families added to synth's default mix leave the pages alone: the test's route has no
  // major_table or number re-reading experts, which some wordings need.
  ASSERT_EQ(mixtract("synth --n 4 --seed 23 --kinds graduation --families graduation_regular,graduation_classic "
                     "--out " +
                     path("docs"))
                .exit_code,
            0);
  const std::string schema = std::string(MIXTRACT_SOURCE_DIR) + "/tests/data/graduation_llm_first.yaml";
  std::filesystem::create_directories(path("server"));
  std::string url;
  {
    // The server answers each request with the values of the document its OCR text shows.
    const ScriptedServerProcess server(path("server"), "--truth " + path("docs/truth.jsonl"));
    ASSERT_TRUE(server.started());
    url = server.url();
    const RunResult r = mixtract("extract " + path("docs") + " --schema " + schema + " --llm-url " + url + " -o " +
                                 path("up/results.jsonl"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const RunResult score =
        mixtract("eval --json --truth " + path("docs/truth.csv") + " --pred " + path("up/results.jsonl"));
    const nlohmann::json report = nlohmann::json::parse(score.output);
    EXPECT_EQ(report["correct"], report["total"]) << score.output;
    // Each field holds the LLM's candidate, with the model and the prompt's version as its evidence.
    const std::string results = mixtract::testing::read_file(path("up/results.jsonl"));
    EXPECT_THAT(results, HasSubstr("\"expert\":\"llm_text\""));
    EXPECT_THAT(results, HasSubstr("llm:scripted-model:fields_from_text@v1"));
  }
  // The server gone: the LLM expert fails on every document, the rules of the route fill the fields.
  const RunResult down = mixtract("extract " + path("docs") + " --schema " + schema + " --llm-url " + url + " -o " +
                                  path("down/results.jsonl"));
  ASSERT_EQ(down.exit_code, 0) << down.output;
  EXPECT_THAT(down.output, HasSubstr("expert llm_text failed: " + url));
  const RunResult score =
      mixtract("eval --json --truth " + path("docs/truth.csv") + " --pred " + path("down/results.jsonl"));
  const nlohmann::json report = nlohmann::json::parse(score.output);
  EXPECT_GE(report["correct"].get<int>(), report["total"].get<int>() - 2) << score.output;
}

TEST_F(CliTest, TheLogHoldsNoFieldValuesUnlessAskedForDebug) {
  // What reaches the log: an LLM whose replies are cut short (values and all), so an expert failing on
  // every document, a blank page, progress and the summary.
  ASSERT_EQ(mixtract("synth --n 3 --seed 41 --kinds graduation --out " + path("docs")).exit_code, 0);
  ASSERT_TRUE(cv::imwrite(path("docs/blank.png"), cv::Mat(600, 800, CV_8UC3, cv::Scalar(255, 255, 255))));
  std::filesystem::create_directories(path("server"));
  const ScriptedServerProcess server(path("server"), "--truth " + path("docs/truth.jsonl") + " --cut-after 60");
  ASSERT_TRUE(server.started());
  const std::string run = "extract " + path("docs") + " --schema " + MIXTRACT_SOURCE_DIR +
                          "/tests/data/graduation_llm_first.yaml --llm-url " + server.url() + " -o ";
  // The log alone: stderr.
  const RunResult r = shell(std::string(MIXTRACT_BIN) + " " + run + path("out/results.jsonl") + " 2>&1 >/dev/null");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("expert llm_text failed: the reply's JSON object is cut short"));
  std::vector<std::string> values;
  std::istringstream truth(mixtract::testing::read_file(path("docs/truth.jsonl")));
  for (std::string line; std::getline(truth, line);) {
    const nlohmann::json row = nlohmann::json::parse(line);
    for (const auto& [column, value] : row.items()) {
      if (column != "文件" && value.is_string() && value.get<std::string>().size() > 3) values.push_back(value);
    }
  }
  ASSERT_GT(values.size(), 20u);
  // File paths are logged: they are the user's own names (synth's hold the person and the level).
  std::string log = r.output;
  for (const auto& entry : std::filesystem::directory_iterator(path("docs"))) {
    for (std::size_t at; (at = log.find(entry.path().string())) != std::string::npos;) {
      log.replace(at, entry.path().string().size(), "FILE");
    }
  }
  for (const std::string& value : values) EXPECT_THAT(log, Not(HasSubstr(value)));
  // At debug level the replies are logged: the check above would see them.
  const RunResult debug =
      shell(std::string(MIXTRACT_BIN) + " --log-level debug " + run + path("debug/results.jsonl") + " 2>&1 >/dev/null");
  ASSERT_EQ(debug.exit_code, 0) << debug.output;
  EXPECT_TRUE(std::any_of(values.begin(), values.end(),
                          [&](const std::string& value) { return debug.output.find(value) != std::string::npos; }));
}

TEST_F(CliTest, ModelsSaysWhatCanRunAndWhatTheServerServes) {
  const RunResult alone = mixtract("models");
  EXPECT_EQ(alone.exit_code, 0) << alone.output;
  EXPECT_THAT(alone.output, HasSubstr("needs an LLM server"));
  EXPECT_THAT(alone.output, HasSubstr("LLM: none"));
  std::filesystem::create_directories(path("server"));
  std::string url;
  {
    const ScriptedServerProcess server(path("server"), "");
    ASSERT_TRUE(server.started());
    url = server.url();
    const RunResult r = mixtract("models --llm-url " + url);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_THAT(r.output, HasSubstr("answers; 1 model(s): scripted-model"));
    EXPECT_THAT(r.output, HasSubstr("requests go to: scripted-model"));
    EXPECT_THAT(r.output, Not(HasSubstr("needs an LLM server")));
    const RunResult wrong = mixtract("models --llm-url " + url + " --llm-model gpt-x");
    EXPECT_EQ(wrong.exit_code, 1) << wrong.output;
    EXPECT_THAT(wrong.output, HasSubstr("the model gpt-x is not among them"));
  }
  const RunResult down = mixtract("models --llm-url " + url);
  EXPECT_EQ(down.exit_code, 1) << down.output;
  EXPECT_THAT(down.output, HasSubstr("does not answer"));
}

TEST_F(CliTest, ARunKilledAtRandomMomentsResumesToTheSameOutput) {
  ASSERT_EQ(mixtract("synth --n 10 --seed 31 --out " + path("docs")).exit_code, 0);
  const std::string options = " -j 2 --no-cache -o ";
  auto seconds_of = [&](const std::string& inputs, const std::string& output) {
    const auto start = std::chrono::steady_clock::now();
    const RunResult run = mixtract("extract " + inputs + options + path(output));
    EXPECT_EQ(run.exit_code, 0) << run.output;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  const double whole = seconds_of(path("docs"), "full/results.csv");
  std::string first;
  for (const auto& entry : std::filesystem::directory_iterator(path("docs"))) {
    if (entry.path().extension() == ".jpg") first = entry.path().string();
  }
  const double one = seconds_of(first, "one/results.csv");
  const std::string expected = mixtract::testing::read_file(path("full/results.csv"));

  // Killed by SIGKILL (no chance to clean up) at random moments, resumed each time: never a half-written
  // output, and in the end the same table. The moments lie from half the start-up (a run of one document)
  // to 40% into the work, so that most kills land while documents are being extracted and stored.
  // MIXTRACT_TEST_KILLS sets how many kills.
  const std::string args = "extract " + path("docs") + options;
  const unsigned seed = std::random_device{}();
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> moment(one / 2, one + 0.4 * std::max(0.0, whole - one));
  const char* kills_env = std::getenv("MIXTRACT_TEST_KILLS");
  const int kills = kills_env != nullptr ? std::atoi(kills_env) : 5;
  int killed = 0;
  std::string resume;
  for (int i = 0; i < kills; ++i) {
    const std::string after = std::to_string(moment(random));
    const RunResult run = mixtract(args + path("cut/results.csv") + resume, "", after);
    resume = " --resume";
    ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 128 + 9) << "seed " << seed << ": " << run.output;
    killed += run.exit_code == 128 + 9 ? 1 : 0;
    if (std::filesystem::exists(path("cut/results.csv"))) {
      ASSERT_EQ(mixtract::testing::read_file(path("cut/results.csv")), expected) << "seed " << seed << ", kill " << i;
    }
  }
  EXPECT_GE(killed, 1) << "seed " << seed;
  const RunResult resumed = mixtract(args + path("cut/results.csv") + " --resume");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_EQ(mixtract::testing::read_file(path("cut/results.csv")), expected) << "seed " << seed;
  const std::size_t ocr = resumed.output.find("OCR: ");
  const std::string left =
      ocr == std::string::npos ? "" : resumed.output.substr(ocr, resumed.output.find('\n', ocr) - ocr);
  std::printf(
      "[ killed  ] %d of %d runs killed at random moments (seed %u), then the last run's %s; the output equals "
      "an uninterrupted run's\n",
      killed, kills, seed, left.c_str());
}

TEST_F(CliTest, ACopyOfAPageIsExtractedOnceAndReported) {
  ASSERT_EQ(mixtract("synth --n 2 --seed 3 --kinds graduation --out " + path("docs")).exit_code, 0);
  std::string page;
  for (const auto& entry : std::filesystem::directory_iterator(path("docs"))) {
    if (entry.path().extension() == ".jpg") page = entry.path().string();
  }
  std::filesystem::copy_file(page, path("docs/zz_copy.jpg"));
  const RunResult r = mixtract("extract " + path("docs") + " -o " + path("out/results.jsonl"));
  EXPECT_EQ(r.exit_code, 0) << r.output;  // A duplicate is not a failure.
  EXPECT_THAT(r.output, HasSubstr("OCR: 2 page read(s)"));
  EXPECT_THAT(r.output, HasSubstr("2 document(s) extracted, 0 of an unrecognised kind, 0 failed, 1 duplicate(s)"));
  // Files are taken in sorted order: the copy sorts first, so the original is reported.
  EXPECT_THAT(mixtract::testing::read_file(path("out/results.jsonl.errors.csv")),
              HasSubstr(page + ",duplicate,\"the same content as " + path("docs/zz_copy.jpg")));
}

TEST_F(CliTest, EvalExplainsBadTables) {
  const std::string pred = write("pred.csv", "文件,姓名\na.jpg,张三\n");
  const RunResult no_key = mixtract("eval --truth " + write("t.csv", "name,姓名\nx,张三\n") + " --pred " + pred);
  EXPECT_EQ(no_key.exit_code, 2);
  EXPECT_THAT(no_key.output, HasSubstr("no file-name column"));
  EXPECT_EQ(mixtract("eval --map 'name=文件' --truth " + path("t.csv") + " --pred " + pred).exit_code, 0);
  const RunResult nothing_shared =
      mixtract("eval --truth " + write("t2.csv", "文件,性别\na.jpg,男\n") + " --pred " + pred);
  EXPECT_EQ(nothing_shared.exit_code, 2);
  EXPECT_THAT(nothing_shared.output, HasSubstr("share no column"));
  EXPECT_EQ(mixtract("eval --map broken --truth " + path("t.csv") + " --pred " + pred).exit_code, 2);
}

TEST_F(CliTest, OcrReadsPagesDrawsThemAndSkipsBadFiles) {
  ASSERT_EQ(mixtract("synth --n 1 --seed 3 --kinds graduation --out " + path("docs")).exit_code, 0);
  std::string page;
  for (const auto& entry : std::filesystem::directory_iterator(path("docs"))) {
    if (entry.path().extension() == ".jpg") page = entry.path().string();
  }
  const RunResult text = mixtract("ocr " + path("docs") + " --draw " + path("drawn.png"));
  ASSERT_EQ(text.exit_code, 0) << text.output;
  EXPECT_THAT(text.output, HasSubstr("毕业证书"));
  EXPECT_THAT(text.output, HasSubstr("证书编号"));
  EXPECT_TRUE(std::filesystem::file_size(path("drawn.png")) > 1000);

  write("docs/broken.jpg", "not an image");
  const RunResult json = mixtract("ocr --json " + path("docs"));
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_THAT(json.output, HasSubstr("broken.jpg: not a decodable image"));
  const std::string first_line = json.output.substr(0, json.output.find('\n'));
  const nlohmann::json parsed =
      nlohmann::json::parse(first_line.front() == '{' ? first_line : json.output.substr(json.output.find('{')));
  EXPECT_EQ(parsed["engine"], "ppocr");
  EXPECT_GT(parsed["lines"].size(), 5u);

  EXPECT_EQ(mixtract("ocr " + path("docs") + " --engine gpt").exit_code, 2);
  const RunResult several = mixtract("ocr " + page + " " + path("docs/broken.jpg") + " --draw " + path("x.png"));
  EXPECT_EQ(several.exit_code, 2);
  EXPECT_THAT(several.output, HasSubstr("must be an existing folder"));
}

TEST_F(CliTest, ExtractReadsNumbersAndReusesTheCache) {
  ASSERT_EQ(mixtract("synth --n 4 --seed 21 --kinds graduation --out " + path("docs")).exit_code, 0);
  const RunResult first = mixtract("extract " + path("docs") + " -o " + path("out/results.jsonl"));
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_THAT(first.output, HasSubstr("OCR: 4 page read(s), 0 from the cache"));
  const RunResult second = mixtract("extract " + path("docs") + " -o " + path("out2/results.jsonl"));
  EXPECT_THAT(second.output, HasSubstr("OCR: 0 page read(s), 4 from the cache"));
  const RunResult uncached = mixtract("extract --no-cache " + path("docs") + " -o " + path("out3/results.jsonl"));
  EXPECT_THAT(uncached.output, HasSubstr("OCR: 4 page read(s), 0 from the cache"));

  const RunResult score =
      mixtract("eval --json --truth " + path("docs/truth.csv") + " --pred " + path("out/results.jsonl"));
  ASSERT_EQ(score.exit_code, 0) << score.output;
  const nlohmann::json report = nlohmann::json::parse(score.output);
  for (const nlohmann::json& field : report["fields"]) {
    // Names and genders sit in the body sentence, clear of the seal: read exactly.
    if (field["field"] == "姓名" || field["field"] == "性别") {
      EXPECT_EQ(field["correct"], field["total"]) << field.dump();
    }
    // The seal may cover a digit of the number (then it is missing, not wrong): most are read.
    if (field["field"] == "证书编号") {
      EXPECT_GE(field["correct"].get<int>(), 3) << field.dump();
    }
  }
}

TEST_F(CliTest, AnUnusableCacheOnlyCostsAWarning) {
  ASSERT_EQ(mixtract("synth --n 1 --seed 3 --kinds graduation --out " + path("docs")).exit_code, 0);
  std::filesystem::create_directories(path("cache"));
  write("cache/analyses.sqlite", std::string(200, 'z'));
  const RunResult r = mixtract("extract " + path("docs") + " -o " + path("out/results.jsonl"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("going on without the cache"));
}

TEST_F(CliTest, SynthIsDeterministicForASeed) {
  ASSERT_EQ(mixtract("synth --n 2 --seed 5 --out " + path("a")).exit_code, 0);
  ASSERT_EQ(mixtract("synth --n 2 --seed 5 --out " + path("b")).exit_code, 0);
  ASSERT_EQ(mixtract("synth --n 2 --seed 6 --out " + path("c")).exit_code, 0);
  EXPECT_EQ(mixtract::testing::read_file(path("a/truth.jsonl")), mixtract::testing::read_file(path("b/truth.jsonl")));
  EXPECT_NE(mixtract::testing::read_file(path("a/truth.jsonl")), mixtract::testing::read_file(path("c/truth.jsonl")));
  EXPECT_EQ(mixtract("synth --n 0 --out " + path("d")).exit_code, 2);
}

TEST_F(CliTest, AVerificationReportIsCheckedAgainstThePersonsCertificate) {
  // Each credential's 毕业证书 and 学历备案表 share its number; a manifest pairs one person's two (they
  // agree) and one person's report with another's certificate (they do not). The families are named so that
  // the test checks the per-person cross-check, not how well the default mix of the day is read.
  ASSERT_EQ(mixtract("synth --n 12 --seed 21 --kinds graduation,chsi_record --families "
                     "graduation_classic,chsi_table,chsi_list --out " +
                     path("docs"))
                .exit_code,
            0);
  std::map<std::string, std::map<std::string, std::string>> files;  // 证书编号 -> 文书类型 -> file.
  std::ifstream truth(path("docs/truth.jsonl"));
  for (std::string line; std::getline(truth, line);) {
    const nlohmann::json row = nlohmann::json::parse(line);
    files[row["证书编号"].get<std::string>()][row["文书类型"].get<std::string>()] = row["文件"].get<std::string>();
  }
  std::vector<std::map<std::string, std::string>> pairs;
  for (const auto& [number, kinds] : files) {
    if (kinds.size() == 2) pairs.push_back(kinds);
  }
  ASSERT_GE(pairs.size(), 3u);
  const std::string manifest =
      "文件,人员\n" + path("docs/" + pairs[0]["毕业证书"]) + ",甲\n" + path("docs/" + pairs[0]["学历备案表"]) +
      ",甲\n" + path("docs/" + pairs[1]["学历备案表"]) + ",乙\n" + path("docs/" + pairs[2]["毕业证书"]) + ",乙\n";
  write("manifest.csv", manifest);
  const RunResult r = mixtract("extract --manifest " + path("manifest.csv") + " -o " + path("out/results.jsonl") +
                               " --per-person " + path("out/persons.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("1 person(s) with conflicts to check"));
  std::map<std::string, nlohmann::json> by_person = rows_by_person(path("out/persons.jsonl"));
  EXPECT_EQ(by_person["甲"]["冲突"], "");
  const std::string conflict = by_person["乙"]["冲突"].get<std::string>();
  EXPECT_THAT(conflict, HasSubstr(pairs[1]["学历备案表"] + " disagrees with " + pairs[2]["毕业证书"]));
  EXPECT_THAT(conflict, HasSubstr("证书编号"));
  EXPECT_THAT(mixtract::testing::read_file(path("out/results.jsonl.errors.csv")),
              HasSubstr(",cross-check,\"证书编号: "));
}

}  // namespace
