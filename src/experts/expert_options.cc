#include "experts/expert_options.h"

namespace mixtract {

std::shared_ptr<const SchoolTable> schools_of(const ExpertOptions& options) {
  static const auto builtin = std::make_shared<const SchoolTable>(SchoolTable::builtin());
  return options.schools ? options.schools : builtin;
}

std::shared_ptr<const MajorTable> majors_of(const ExpertOptions& options) {
  static const auto builtin = std::make_shared<const MajorTable>(MajorTable::builtin());
  return options.majors ? options.majors : builtin;
}

}  // namespace mixtract
