// Random but valid content for a synthetic graduation certificate, with its ground truth.
#ifndef MIXTRACT_TOOLS_SYNTH_CERTIFICATE_CONTENT_H_
#define MIXTRACT_TOOLS_SYNTH_CERTIFICATE_CONTENT_H_

#include <random>
#include <string>

#include "mixtract/education.h"

namespace mixtract::synth {

// The truth of one certificate, values normalised as the engine outputs them.
struct CertificateTruth {
  std::string name;
  std::string gender;      // 男 / 女
  std::string birth_date;  // YYYY-MM-DD
  EducationLevel level = EducationLevel::kBachelor;
  std::string school;
  std::string school_code;  // 5-digit 学校代码
  std::string major;
  std::string graduation_date;     // YYYY-MM-DD
  std::string certificate_number;  // 18 digits: school code, 1, year, level code, serial
};

CertificateTruth random_certificate(std::mt19937& rng);

// 二〇一九年六月三十日 for 2019-06-30. REQUIRES: iso_date is YYYY-MM-DD.
std::string chinese_numeral_date(const std::string& iso_date);

// The official body sentence: 学生 张伟，性别 男，一九九七年五月十二日生，于...准予毕业。
std::string certificate_body(const CertificateTruth& truth);

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_CERTIFICATE_CONTENT_H_
