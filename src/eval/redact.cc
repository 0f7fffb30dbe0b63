// redact: an EvalReport that can be shared without the documents' personal data.
#include <string>

#include "core/edit_distance.h"
#include "core/sha256.h"
#include "core/utf8.h"
#include "mixtract/eval.h"

namespace mixtract {
namespace {

std::string pseudonym(const std::string& file) {
  return "file-" + sha256_hex(file).substr(0, 10);
}

std::string shape(const std::string& value) {
  if (value.empty()) return "";
  std::string shown = "(";  // Appended one by one: GCC 12 warns wrongly (-Wrestrict) on "(" + ... + ")".
  shown += std::to_string(utf8::decode(value).size());
  shown += " characters)";
  return shown;
}

}  // namespace

EvalReport redact(EvalReport report) {
  for (WrongField& w : report.wrong) {
    const std::vector<char32_t> truth = utf8::decode(w.truth);
    const std::vector<char32_t> predicted = utf8::decode(w.predicted);
    const std::size_t edits = edit_distance({truth.data(), truth.size()}, {predicted.data(), predicted.size()});
    w.file = pseudonym(w.file);
    w.truth = shape(w.truth);
    if (!w.predicted.empty()) w.predicted = shape(w.predicted) + ", " + std::to_string(edits) + " edit(s) off";
    w.source.clear();  // No thumbnails.
    w.box.reset();
  }
  for (auto* files : {&report.truth_rows_without_prediction, &report.predictions_without_truth}) {
    for (std::string& file : *files) file = pseudonym(file);
  }
  return report;
}

}  // namespace mixtract
