#include <gtest/gtest.h>

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
  EXPECT_EQ(value_of("学生林文平，性别女，1978年8月1日生", "学生", FieldKind::kName), "林文平");
  EXPECT_EQ(value_of("学生林文平，性别女，1978年8月1日生", "性别", FieldKind::kGender), "女");
  EXPECT_EQ(value_of("性别 男 民族 汉", "民族", FieldKind::kText), "汉");
  EXPECT_EQ(value_of("出生 1970 年 2 月 2 日", "出生", FieldKind::kDate), "1970-02-02");
  EXPECT_EQ(value_of("发证日期：二〇一九年六月三十日 校长", "发证日期", FieldKind::kDate), "2019-06-30");
  EXPECT_EQ(value_of("校名：四川大学", "校名", FieldKind::kSchool), "四川大学");
}

TEST(ValueAfterLabelTest, NothingUsableFollows) {
  EXPECT_EQ(value_of("证书编号：", "证书编号", FieldKind::kCode), "<none>");
  EXPECT_EQ(value_of("证书编号：ABC", "证书编号", FieldKind::kCode), "<none>");
  EXPECT_EQ(value_of("性别：未知", "性别", FieldKind::kGender), "<none>");
  EXPECT_EQ(value_of("no label here", "证书编号", FieldKind::kCode), "<none>");
  EXPECT_EQ(value_of("日期：很久以前", "日期", FieldKind::kDate), "<none>");
}

TEST(ValueAfterLabelTest, ReportsTheCharactersTaken) {
  const std::optional<LabelledValue> hit = value_after_label("证书编号：1234 后面", "证书编号", FieldKind::kCode);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->first, 5u);  // 证书编号 and the colon.
  EXPECT_EQ(hit->count, 5u);  // "1234 " up to the first non-digit.
  EXPECT_EQ(hit->raw, "1234 ");
}

}  // namespace
}  // namespace mixtract
