#include "mixtract/education.h"

#include <array>
#include <utility>

namespace mixtract {

std::string_view level_name(EducationLevel level) {
  switch (level) {
    case EducationLevel::kJuniorCollege: return "专科";
    case EducationLevel::kBachelor: return "本科";
    case EducationLevel::kMaster: return "硕士研究生";
    case EducationLevel::kDoctor: return "博士研究生";
    case EducationLevel::kUnknown: break;
  }
  return "";
}

std::string_view document_kind_name(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kGraduationCertificate: return "毕业证书";
    case DocumentKind::kDegreeCertificate: return "学位证书";
    case DocumentKind::kIdCard: return "身份证";
    case DocumentKind::kChsiRecord: return "学历备案表";
    case DocumentKind::kDegreeReport: return "学位验证报告";
    case DocumentKind::kUnknown: break;
  }
  return "";
}

std::optional<EducationLevel> find_level(std::string_view text) {
  // Words that name a level, in no particular order; the highest level found wins.
  static constexpr std::array<std::pair<std::string_view, EducationLevel>, 9> kWords{{
      {"博士", EducationLevel::kDoctor},
      {"硕士", EducationLevel::kMaster},
      {"研究生", EducationLevel::kMaster},
      {"本科", EducationLevel::kBachelor},
      {"学士", EducationLevel::kBachelor},
      {"专科", EducationLevel::kJuniorCollege},
      {"大专", EducationLevel::kJuniorCollege},
      {"高职", EducationLevel::kJuniorCollege},
      {"专升本", EducationLevel::kBachelor},
  }};
  std::optional<EducationLevel> best;
  for (const auto& [word, level] : kWords) {
    if (text.find(word) != std::string_view::npos && (!best || level > *best)) best = level;
  }
  return best;
}

std::optional<DocumentKind> find_document_kind(std::string_view text) {
  const auto has = [&](std::string_view word) { return text.find(word) != std::string_view::npos; };
  if (has("备案表")) return DocumentKind::kChsiRecord;
  if (has("学位") && (has("验证") || has("认证"))) return DocumentKind::kDegreeReport;
  if (text.find("毕业证") != std::string_view::npos) return DocumentKind::kGraduationCertificate;
  if (text.find("学位证") != std::string_view::npos) return DocumentKind::kDegreeCertificate;
  if (text.find("身份证") != std::string_view::npos) return DocumentKind::kIdCard;
  return std::nullopt;
}

}  // namespace mixtract
