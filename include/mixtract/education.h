// Vocabulary of Chinese education documents shared by the whole engine.
#ifndef MIXTRACT_EDUCATION_H_
#define MIXTRACT_EDUCATION_H_

#include <optional>
#include <string_view>

namespace mixtract {

// 学历层次, ordered from lowest to highest so that levels compare as degrees do.
enum class EducationLevel { kUnknown = 0, kJuniorCollege, kBachelor, kMaster, kDoctor };

// The kinds of document the engine knows.
enum class DocumentKind {
  kUnknown = 0,
  kGraduationCertificate,
  kDegreeCertificate,
  kIdCard,
  kChsiRecord,    // 教育部学历证书电子注册备案表 (学信网).
  kDegreeReport,  // 中国高等教育学位在线验证报告.
};

// The official name as printed in tables: 专科, 本科, 硕士研究生, 博士研究生; "" for kUnknown.
std::string_view level_name(EducationLevel level);

// 毕业证书, 学位证书, 身份证, 学历备案表, 学位验证报告; "" for kUnknown.
std::string_view document_kind_name(DocumentKind kind);

// Finds the level named in free text such as a file name or a certificate sentence: 博士 / 硕士 / 研究生 /
// 本科 / 学士 / 专科 / 大专 / 高职. The highest level mentioned wins (博士研究生 is kDoctor, not kMaster).
// Returns nullopt when the text names none.
std::optional<EducationLevel> find_level(std::string_view text);

// Finds the document kind named in free text: 备案表, 学位 with 验证 or 认证 (a report), 毕业证 / 学位证 /
// 身份证. Returns nullopt when none.
std::optional<DocumentKind> find_document_kind(std::string_view text);

}  // namespace mixtract

#endif  // MIXTRACT_EDUCATION_H_
