// The file_name expert: reads what a document's file name says (张三_本科毕业证书.jpg), as the reference
// system did. It proposes the person's name for name fields and the education level for level fields.
// File names are typed by people and often wrong, so its confidence stays below the usual accept
// threshold: its answers need review unless another expert agrees.
#ifndef MIXTRACT_EXPERTS_FILE_NAME_FILE_NAME_EXPERT_H_
#define MIXTRACT_EXPERTS_FILE_NAME_FILE_NAME_EXPERT_H_

#include <memory>

#include "experts/expert_options.h"
#include "mixtract/expert.h"

namespace mixtract {

class FileNameExpert final : public Expert {
 public:
  static constexpr double kConfidence = 0.6;

  static Result<std::unique_ptr<Expert>> create(const ExpertOptions& options);

  std::string_view name() const override { return "file_name"; }
  Result<std::vector<Candidate>> propose(const Document& document,
                                         std::span<const FieldSpec* const> fields) const override;
};

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_FILE_NAME_FILE_NAME_EXPERT_H_
