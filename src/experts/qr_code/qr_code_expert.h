// The qr_code expert: the QR codes printed on a page (a verification report's code, which carries its
// online verification code in a link), decoded with zbar, the page looked at several ways until one finds
// a code (thresholded globally and locally, smaller, and a small photo enlarged). A decoded text is checked by
// the code's own error correction, so what it holds is what was printed: for each field it serves, the
// one piece of a decoded text (split at URL punctuation) that has the field's form (its pattern and
// length) is proposed. A field with no pattern, or a text with more than one such piece, gets nothing.
// A second, independent witness for what the page prints beside the code.
#ifndef MIXTRACT_EXPERTS_QR_CODE_QR_CODE_EXPERT_H_
#define MIXTRACT_EXPERTS_QR_CODE_QR_CODE_EXPERT_H_

#include <memory>
#include <string>
#include <vector>

#include "experts/expert_options.h"
#include "mixtract/expert.h"

namespace mixtract {

class QrCodeExpert final : public Expert {
 public:
  // What a decoded code says is what was encoded: its error correction leaves no misread characters.
  static constexpr double kConfidence = 0.999;

  static Result<std::unique_ptr<Expert>> create(const ExpertOptions& options);

  std::string_view name() const override { return "qr_code"; }
  Result<std::vector<Candidate>> propose(const Document& document,
                                         std::span<const FieldSpec* const> fields) const override;
};

// The pieces of a decoded text that have `field`'s form: the text split at anything but letters and
// digits, each piece checked against the field's pattern and length.
std::vector<std::string> pieces_of_form(const std::string& text, const FieldSpec& field);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_QR_CODE_QR_CODE_EXPERT_H_
