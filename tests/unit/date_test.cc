#include "rules/date.h"

#include <gtest/gtest.h>

namespace mixtract {
namespace {

TEST(DateTest, WritesChineseNumerals) {
  EXPECT_EQ(to_chinese_numerals({2019, 6, 30}), "二〇一九年六月三十日");
  EXPECT_EQ(to_chinese_numerals({1997, 5, 12}), "一九九七年五月十二日");
  EXPECT_EQ(to_chinese_numerals({2000, 10, 1}), "二〇〇〇年十月一日");
  EXPECT_EQ(to_chinese_numerals({2008, 12, 20}), "二〇〇八年十二月二十日");
  EXPECT_EQ(to_chinese_numerals({2011, 1, 31}), "二〇一一年一月三十一日");
  EXPECT_EQ(to_arabic_chinese({1997, 5, 2}), "1997年5月2日");
  EXPECT_EQ(to_iso({1997, 5, 2}), "1997-05-02");
}

TEST(DateTest, ReadsEveryWrittenForm) {
  const Date expected{2019, 6, 30};
  for (const char* text :
       {"2019-06-30", "2019/6/30", "2019.06.30", "2019年6月30日", "2019 年 6 月 30 日", "２０１９年６月３０日",
        "二〇一九年六月三十日", "二零一九年六月三十日", "二〇一九年〇六月三十日"}) {
    EXPECT_EQ(parse_date(text), expected) << text;
  }
  EXPECT_EQ(parse_date("一九九七年五月十二日生"), (Date{1997, 5, 12}));
  EXPECT_EQ(parse_date("二〇〇八年十二月二十日"), (Date{2008, 12, 20}));
  EXPECT_EQ(parse_date("二〇一一年一月三十一日"), (Date{2011, 1, 31}));
  EXPECT_EQ(parse_date("二〇一一年十月十日"), (Date{2011, 10, 10}));
  // OCR reads 〇 as a letter O or a digit 0.
  EXPECT_EQ(parse_date("二OO二年六月四日"), (Date{2002, 6, 4}));
  EXPECT_EQ(parse_date("二00二年六月四日"), (Date{2002, 6, 4}));
  EXPECT_EQ(parse_date("二○o二年六月四日"), (Date{2002, 6, 4}));
}

TEST(DateTest, ReadsMixedNumeralsAndReceiptForms) {
  EXPECT_EQ(parse_date("2019年六月三十日"), (Date{2019, 6, 30}));
  EXPECT_EQ(parse_date("二〇一九年6月30日"), (Date{2019, 6, 30}));
  const Date christmas{2018, 12, 25};
  for (const char* text : {"25/12/2018", "12/25/2018", "25.12.2018", "25-12-2018", "25 Dec 2018", "25-DEC-2018",
                           "Dec 25, 2018", "December 25 2018", "Dec. 25th, 2018", "25 December 2018"}) {
    EXPECT_EQ(parse_date(text), christmas) << text;
  }
  EXPECT_EQ(parse_date("06/06/2018"), (Date{2018, 6, 6}));  // Both orders agree.
  EXPECT_FALSE(parse_date("05/06/2018").has_value());       // 5 June or May 6: not guessed.
  EXPECT_FALSE(parse_date("31/31/2018").has_value());
  EXPECT_FALSE(parse_date("25 Foo 2018").has_value());
  EXPECT_FALSE(parse_date("Feb 30, 2018").has_value());
}

TEST(DateTest, RejectsImpossibleOrMalformedDates) {
  for (const char* text : {"2019-02-29", "2020-13-01", "2019-06-31", "二〇一九年二月三十日", "2019-06", "19-06-30",
                           "2019-06-30-01", "二〇一九年六月三十二日", "二〇一九年六月十十日", "二〇一九年六月四十日",
                           "二〇一九年六月一十一十日", "abc", "", "2019年6月30日日"}) {
    EXPECT_FALSE(parse_date(text).has_value()) << text;
  }
  EXPECT_TRUE(parse_date("2020-02-29").has_value());
  EXPECT_FALSE(parse_date("1900-02-29").has_value());
  EXPECT_TRUE(parse_date("2000-02-29").has_value());
}

TEST(DateTest, AMonthAndDayPaddedUnevenlyAreSeen) {
  for (const char* text : {"2011年07月2日", "2011年7月02日", "2011-07-2", "2011.7.02"}) {
    EXPECT_TRUE(unevenly_padded(text)) << text;
  }
  for (const char* text : {"2011年07月20日", "2011年7月2日", "2011年10月2日", "2011年7月20日", "二〇一一年七月二日",
                           "2011年七月02日", "05/6/2018", "2011年07月", "not a date"}) {
    EXPECT_FALSE(unevenly_padded(text)) << text;
  }
}

TEST(DateTest, RoundTripsEveryDayOfALeapYear) {
  for (int month = 1; month <= 12; ++month) {
    for (int day = 1; day <= 31; ++day) {
      const Date date{2024, month, day};
      if (!is_valid_date(date)) continue;
      EXPECT_EQ(parse_date(to_chinese_numerals(date)), date) << to_chinese_numerals(date);
      EXPECT_EQ(parse_date(to_iso(date)), date);
      EXPECT_EQ(parse_date(to_arabic_chinese(date)), date);
    }
  }
}

}  // namespace
}  // namespace mixtract
