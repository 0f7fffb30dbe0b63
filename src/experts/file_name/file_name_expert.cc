#include "experts/file_name/file_name_expert.h"

#include <filesystem>

namespace mixtract {

Result<std::unique_ptr<Expert>> FileNameExpert::create(const ExpertOptions& /*options*/) {
  return std::unique_ptr<Expert>(std::make_unique<FileNameExpert>());
}

Result<std::vector<Candidate>> FileNameExpert::propose(const Document& document,
                                                       std::span<const FieldSpec* const> fields) const {
  const FileNameHints& hints = document.file_name_hints();
  const std::string file_name = std::filesystem::path(document.source()).filename().string();
  std::vector<Candidate> out;
  for (const FieldSpec* field : fields) {
    std::string value;
    if (field->kind == FieldKind::kName) value = hints.person;
    if (field->kind == FieldKind::kLevel && hints.level) value = std::string(level_name(*hints.level));
    if (value.empty()) continue;
    Candidate candidate;
    candidate.field = field->name;
    candidate.value = value;
    candidate.raw = value;
    candidate.confidence = kConfidence;
    candidate.evidence.push_back(Evidence{"file_name", file_name, std::nullopt});
    out.push_back(std::move(candidate));
  }
  return out;
}

}  // namespace mixtract
