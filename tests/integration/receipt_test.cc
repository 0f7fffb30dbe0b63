// Shop receipts, English and Chinese, drawn here with a real font, read by `mixtract extract` through
// PP-OCRv4 and the generic experts alone (no receipt-specific code): date and total found.
#include <filesystem>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/freetype.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "test_support.h"

namespace mixtract {
namespace {

// A narrow white till roll, one row a line, in Noto Sans CJK.
cv::Mat receipt(const std::vector<std::string>& rows) {
  cv::Ptr<cv::freetype::FreeType2> font = cv::freetype::createFreeType2();
  font->loadFontData("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2);
  const int height = 26;
  cv::Mat page(static_cast<int>(rows.size()) * height * 2 + 2 * height, 620, CV_8UC3, cv::Scalar(248, 248, 245));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    font->putText(page, rows[i], {30, height + static_cast<int>(i) * height * 2}, height, cv::Scalar(30, 30, 30), -1,
                  cv::LINE_AA, false);
  }
  return page;
}

TEST(ReceiptExtractionTest, DateAndTotalOfEnglishAndChineseReceipts) {
  const mixtract::testing::ScratchDir scratch;
  const std::filesystem::path docs = scratch.path() / "docs";
  std::filesystem::create_directories(docs);
  ASSERT_TRUE(cv::imwrite((docs / "grocery.png").string(),
                          receipt({"GREEN LEAF GROCERY", "12 Market Street", "25/12/2018 14:32", "Milk 2L    3.49",
                                   "Bread      2.10", "SUBTOTAL   5.59", "TAX        0.45", "TOTAL      6.04",
                                   "CASH      10.00", "CHANGE     3.96", "THANK YOU"})));
  ASSERT_TRUE(cv::imwrite(
      (docs / "supermarket.png").string(),
      receipt({"华联超市中关村店", "小票号：20181225008731", "交易时间：2019-03-08 19:06", "可口可乐 2 6.00",
               "面包 1 8.50", "合计：¥14.50", "实收：20.00", "找零：5.50", "谢谢惠顾"})));
  const std::filesystem::path out = scratch.path() / "out.jsonl";
  std::string output;
  const int exit_code = mixtract::testing::run_command("env MIXTRACT_CACHE_DIR=" + (scratch.path() / "cache").string() +
                                                           " " + MIXTRACT_BIN + " extract " + docs.string() +
                                                           " --schema receipt -o " + out.string() + " 2>&1",
                                                       output);
  ASSERT_EQ(exit_code, 0) << output;
  std::map<std::string, nlohmann::json> by_file;
  std::istringstream lines(mixtract::testing::read_file(out));
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json record = nlohmann::json::parse(line);
    by_file[std::filesystem::path(record["source"].get<std::string>()).filename().string()] = record["fields"];
  }
  ASSERT_EQ(by_file.size(), 2u);
  EXPECT_EQ(by_file["grocery.png"]["date"]["value"], "2018-12-25") << by_file["grocery.png"].dump();
  EXPECT_EQ(by_file["grocery.png"]["total"]["value"], "6.04") << by_file["grocery.png"].dump();
  EXPECT_EQ(by_file["supermarket.png"]["date"]["value"], "2019-03-08") << by_file["supermarket.png"].dump();
  EXPECT_EQ(by_file["supermarket.png"]["total"]["value"], "14.50") << by_file["supermarket.png"].dump();
  EXPECT_EQ(by_file["supermarket.png"]["number"]["value"], "20181225008731");
}

}  // namespace
}  // namespace mixtract
