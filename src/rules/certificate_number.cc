#include "rules/certificate_number.h"

#include <cstdio>

namespace mixtract {
namespace {

int graduation_level_code(EducationLevel level) {
  switch (level) {
    case EducationLevel::kDoctor: return 1;
    case EducationLevel::kMaster: return 2;
    case EducationLevel::kBachelor: return 5;
    case EducationLevel::kJuniorCollege: return 6;
    case EducationLevel::kUnknown: break;
  }
  return 0;
}

int degree_code(EducationLevel level) {
  switch (level) {
    case EducationLevel::kDoctor: return 2;
    case EducationLevel::kMaster: return 3;
    case EducationLevel::kBachelor: return 4;
    default: return 0;
  }
}

Status check_digits(std::string_view text, std::size_t length, const std::string& what) {
  const std::string value(text);
  if (text.size() != length) {
    return Status::invalid_argument(what + " '" + value + "' has " + std::to_string(text.size()) + " characters, not " +
                                    std::to_string(length));
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return Status::invalid_argument(what + " '" + value + "' has a non-digit at position " + std::to_string(i + 1));
    }
  }
  return Status();
}

}  // namespace

std::string format_graduation_number(const GraduationNumber& n) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s%d%04d%02d%06d", n.school_code.c_str(), n.schooling_type, n.year,
                graduation_level_code(n.level), n.serial);
  return buffer;
}

std::string format_degree_number(const DegreeNumber& n) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s%d%04d%06d", n.school_code.c_str(), degree_code(n.level), n.year, n.serial);
  return buffer;
}

Result<GraduationNumber> parse_graduation_number(std::string_view text) {
  MIXTRACT_RETURN_IF_ERROR(check_digits(text, kGraduationNumberLength, "graduation certificate number"));
  const std::string s(text);
  GraduationNumber n;
  n.school_code = s.substr(0, 5);
  n.schooling_type = s[5] - '0';
  n.year = std::stoi(s.substr(6, 4));
  const int level = std::stoi(s.substr(10, 2));
  n.serial = std::stoi(s.substr(12, 6));
  for (EducationLevel candidate :
       {EducationLevel::kDoctor, EducationLevel::kMaster, EducationLevel::kBachelor, EducationLevel::kJuniorCollege}) {
    if (graduation_level_code(candidate) == level) {
      n.level = candidate;
      return n;
    }
  }
  return Status::invalid_argument("graduation certificate number '" + s + "' has level code " + s.substr(10, 2) +
                                  "; known: 01 博士, 02 硕士, 05 本科, 06 专科");
}

Result<DegreeNumber> parse_degree_number(std::string_view text) {
  MIXTRACT_RETURN_IF_ERROR(check_digits(text, kDegreeNumberLength, "degree certificate number"));
  const std::string s(text);
  DegreeNumber n;
  n.school_code = s.substr(0, 5);
  n.year = std::stoi(s.substr(6, 4));
  n.serial = std::stoi(s.substr(10, 6));
  for (EducationLevel candidate : {EducationLevel::kDoctor, EducationLevel::kMaster, EducationLevel::kBachelor}) {
    if (degree_code(candidate) == s[5] - '0') {
      n.level = candidate;
      return n;
    }
  }
  return Status::invalid_argument("degree certificate number '" + s + "' has degree code " + s.substr(5, 1) +
                                  "; known: 2 博士, 3 硕士, 4 学士");
}

}  // namespace mixtract
