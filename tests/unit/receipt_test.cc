// Receipts read by the generic experts alone: the value after a label (ocr_label), a date anywhere in
// the page (page_pattern), amounts in their common forms. The receipts are written by hand for these
// tests, in English and in Chinese, as OCR lines.
#include <gtest/gtest.h>

#include "core/utf8.h"
#include "experts/ocr_label/ocr_label_expert.h"
#include "experts/page_pattern/page_pattern_expert.h"
#include "mixtract/schema.h"
#include "ocr_page.h"
#include "rules/amount.h"

namespace mixtract {
namespace {

using mixtract::testing::ocr_page;

class ReceiptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Schema> schema = load_schema("receipt");
    ASSERT_TRUE(schema.ok()) << schema.status().message();
    schema_ = *std::move(schema);
    for (const FieldSpec& field : schema_.fields) fields_.push_back(&field);
  }
  std::string labelled(const OcrResult& ocr, const std::string& field) const {
    const std::optional<FoundValue> found = find_labelled_value(ocr, *schema_.find(field), fields_);
    return found ? found->candidate.value : "(none)";
  }
  std::vector<std::string> dates(const OcrResult& ocr) const {
    std::vector<std::string> out;
    for (const Candidate& c : find_by_form(ocr, *schema_.find("date"))) out.push_back(c.value);
    return out;
  }

  Schema schema_;
  std::vector<const FieldSpec*> fields_;
};

TEST_F(ReceiptTest, AnEnglishShopReceipt) {
  const OcrResult ocr = ocr_page({"GREEN LEAF GROCERY", "12 Market Street", "25/12/2018 14:32", "Milk 2L        3.49",
                                  "Bread          2.10", "SUBTOTAL       5.59", "TAX            0.45", "Total  $6.04",
                                  "CASH          10.00", "CHANGE         3.96", "THANK YOU"});
  EXPECT_EQ(labelled(ocr, "total"), "6.04");                        // Not the SUBTOTAL.
  EXPECT_EQ(labelled(ocr, "date"), "(none)");                       // No label...
  EXPECT_EQ(dates(ocr), (std::vector<std::string>{"2018-12-25"}));  // ...but the page's only date.
  const std::vector<Candidate> found = find_by_form(ocr, *schema_.find("date"));
  EXPECT_FLOAT_EQ(static_cast<float>(found[0].confidence), 0.9f * 0.99f);
}

TEST_F(ReceiptTest, AChineseSupermarketReceipt) {
  const OcrResult ocr =
      ocr_page({"华联超市（中关村店）", "小票号：20181225008731", "交易时间：2018-12-25 19:06:11", "商品  数量  金额",
                "可口可乐 2 6.00", "面包 1 8.50", "合计：¥14.50", "实收：20.00", "找零：5.50", "谢谢惠顾"});
  EXPECT_EQ(labelled(ocr, "total"), "14.50");  // 合计 comes before 实收 on the page.
  EXPECT_EQ(labelled(ocr, "date"), "2018-12-25");
  EXPECT_EQ(labelled(ocr, "number"), "20181225008731");
}

TEST_F(ReceiptTest, LabelsBelowTheirValuesAndOtherForms) {
  const OcrResult ocr = ocr_page({"CAFE ROMA", "Date:", "Dec 3, 2019", "GRAND TOTAL", "RMB 1,234.50"});
  EXPECT_EQ(labelled(ocr, "date"), "2019-12-03");
  EXPECT_EQ(labelled(ocr, "total"), "1234.50");
  // Two dates on the page: both proposed, each less sure.
  const OcrResult two = ocr_page({"Order 2019-12-03", "Return by 2020-01-03"});
  const std::vector<Candidate> found = find_by_form(two, *schema_.find("date"));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FLOAT_EQ(static_cast<float>(found[1].confidence), 0.9f * 0.99f / 2);
}

TEST(AmountTest, CommonFormsAndWhatIsNoAmount) {
  EXPECT_EQ(parse_amount("56.00"), "56.00");
  EXPECT_EQ(parse_amount("¥1,234.50"), "1234.50");
  EXPECT_EQ(parse_amount("￥ 56"), "56");
  EXPECT_EQ(parse_amount("RMB 56.5"), "56.5");
  EXPECT_EQ(parse_amount("usd12.50"), "12.50");
  EXPECT_EQ(parse_amount("56.00元"), "56.00");
  EXPECT_EQ(parse_amount("１２.５０"), "12.50");
  EXPECT_EQ(parse_amount("12,50"), "12.50");  // A decimal comma.
  for (const char* text : {"", "¥", "12,5", "1,23,4.00", "12.345", "abc", "56.00 CASH", "-3.00", "1.2.3"}) {
    EXPECT_FALSE(parse_amount(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace mixtract
