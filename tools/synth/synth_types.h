// The content of synthetic documents: people, their credentials, and the ground truth of each file.
#ifndef MIXTRACT_TOOLS_SYNTH_SYNTH_TYPES_H_
#define MIXTRACT_TOOLS_SYNTH_SYNTH_TYPES_H_

#include <string>
#include <utility>
#include <vector>

#include "mixtract/education.h"
#include "rules/date.h"
#include "rules/region_table.h"
#include "rules/school_table.h"

namespace mixtract::synth {

struct Person {
  std::string name;
  std::string gender;  // 男 / 女
  Date birth_date;
  std::string ethnicity;  // 汉, 回, ...
  Region region;          // Where the ID card was issued.
  std::string address;
  std::string id_number;
};

// One completed programme of study: a graduation certificate, and a degree certificate from 本科 up.
struct Credential {
  EducationLevel level = EducationLevel::kBachelor;
  School school;
  std::string major;
  std::string discipline;  // 工学, 法学, ... (the degree is <discipline><学士|硕士|博士>学位).
  Date start_date;
  Date graduation_date;
  std::string graduation_number;  // 18 digits.
  std::string degree_number;      // 16 digits; "" for 专科.
  std::string degree;             // 工学学士学位; "" for 专科.
};

// Ground truth of one rendered file: Chinese column name -> value, in column order.
struct TruthRow {
  std::string file;
  DocumentKind kind = DocumentKind::kUnknown;
  std::vector<std::pair<std::string, std::string>> fields;
};

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_SYNTH_TYPES_H_
