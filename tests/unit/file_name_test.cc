#include <gtest/gtest.h>

#include "mixtract/document.h"
#include "mixtract/education.h"

namespace mixtract {
namespace {

TEST(FileNameTest, ReadsPersonLevelAndKind) {
  const FileNameHints hints = parse_file_name("/archive/2019/张三_本科毕业证书.jpg");
  EXPECT_EQ(hints.person, "张三");
  EXPECT_EQ(hints.level, EducationLevel::kBachelor);
  EXPECT_EQ(hints.kind, DocumentKind::kGraduationCertificate);
}

TEST(FileNameTest, SkipsNumberingPrefix) {
  const FileNameHints hints = parse_file_name("0012_欧阳娜娜-硕士学位证.png");
  EXPECT_EQ(hints.person, "欧阳娜娜");
  EXPECT_EQ(hints.level, EducationLevel::kMaster);
  EXPECT_EQ(hints.kind, DocumentKind::kDegreeCertificate);
}

TEST(FileNameTest, HighestLevelWins) {
  EXPECT_EQ(parse_file_name("李四_博士研究生毕业证书.jpg").level, EducationLevel::kDoctor);
  EXPECT_EQ(parse_file_name("李四_硕士研究生.jpg").level, EducationLevel::kMaster);
  EXPECT_EQ(parse_file_name("李四_大专.jpg").level, EducationLevel::kJuniorCollege);
}

TEST(FileNameTest, MissingPartsStayEmpty) {
  const FileNameHints hints = parse_file_name("scan_0001.jpg");
  EXPECT_EQ(hints.person, "");
  EXPECT_FALSE(hints.level.has_value());
  EXPECT_FALSE(hints.kind.has_value());
}

TEST(FileNameTest, DoesNotTakeDocumentWordsForAName) {
  EXPECT_EQ(parse_file_name("本科毕业证书_张三.jpg").person, "");
  EXPECT_EQ(parse_file_name("张.jpg").person, "");
  EXPECT_EQ(parse_file_name("毕业证书.jpg").person, "");
  EXPECT_EQ(parse_file_name("张毕业证书.jpg").person, "");      // One character is no name.
  EXPECT_EQ(parse_file_name("欧阳晓明明博士.jpg").person, "");  // Nor are five.
}

TEST(FileNameTest, ANameGluedToTheDocumentWordsEndsAtTheFirstOfThem) {
  EXPECT_EQ(parse_file_name("王小明博士学位证.jpg").person, "王小明");
  EXPECT_EQ(parse_file_name("王小明本科证书.jpg").person, "王小明");
  EXPECT_EQ(parse_file_name("张三本科毕业证书.jpg").person, "张三");
  EXPECT_EQ(parse_file_name("0007_欧阳娜娜学位证书.png").person, "欧阳娜娜");
  EXPECT_EQ(parse_file_name("王小明博士学位证.jpg").level, EducationLevel::kDoctor);
}

TEST(EducationTest, NamesLevelsAndKinds) {
  EXPECT_EQ(level_name(EducationLevel::kMaster), "硕士研究生");
  EXPECT_EQ(level_name(EducationLevel::kUnknown), "");
  EXPECT_EQ(document_kind_name(DocumentKind::kIdCard), "身份证");
  EXPECT_EQ(document_kind_name(DocumentKind::kChsiRecord), "学历备案表");
  // Reports as people name their files: 学信网备案表, 学位认证报告; a 学位证 stays a certificate.
  EXPECT_EQ(find_document_kind("李雷学信网备案表"), DocumentKind::kChsiRecord);
  EXPECT_EQ(find_document_kind("韩梅梅_学位认证报告"), DocumentKind::kDegreeReport);
  EXPECT_EQ(find_document_kind("学位在线验证报告2024"), DocumentKind::kDegreeReport);
  EXPECT_EQ(find_document_kind("韩梅梅硕士学位证"), DocumentKind::kDegreeCertificate);
  EXPECT_EQ(parse_file_name("李雷_学历备案表.jpg").person, "李雷");
  EXPECT_LT(EducationLevel::kBachelor, EducationLevel::kDoctor);
  EXPECT_EQ(find_level("授予工学学士学位"), EducationLevel::kBachelor);
  EXPECT_FALSE(find_level("工作证明").has_value());
}

}  // namespace
}  // namespace mixtract
