#include "pipeline/report_check.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/join.h"

namespace mixtract {
namespace {

std::string file_of(const DocumentFacts& document) {
  return std::filesystem::path(document.source).filename().string();
}

// The value of `label` among the document's shared facts; "" when it was not read.
std::string shared_value(const DocumentFacts& document, std::string_view label) {
  for (const auto& [name, value] : document.shared) {
    if (name == label) return value;
  }
  return "";
}

// The certificate among `candidates` the report is about: the one with its number, else the only one
// of its level, else the only one; nullopt when that cannot be told.
std::optional<std::size_t> certificate_of(const DocumentFacts& report, const std::vector<std::size_t>& candidates,
                                          std::span<const DocumentFacts> documents) {
  const auto same = [&](std::string_view label) {
    std::vector<std::size_t> found;
    const std::string wanted = label == "学历层次" ? report.level : shared_value(report, label);
    if (wanted.empty()) return found;
    for (const std::size_t i : candidates) {
      const std::string value = label == "学历层次" ? documents[i].level : shared_value(documents[i], label);
      if (value == wanted) found.push_back(i);
    }
    return found;
  };
  for (const std::string_view label : {"证书编号", "学历层次"}) {
    const std::vector<std::size_t> found = same(label);
    if (found.size() == 1) return found.front();
  }
  if (candidates.size() == 1) return candidates.front();
  return std::nullopt;
}

}  // namespace

std::string_view report_counterpart(std::string_view schema) {
  if (schema == "chsi_record") return "graduation_certificate";
  if (schema == "degree_report") return "degree_certificate";
  return "";
}

bool is_counterpart(std::string_view schema) {
  return schema == "graduation_certificate" || schema == "degree_certificate";
}

void check_reports(Person& person, std::span<const DocumentFacts> documents) {
  for (const std::size_t r : person.documents) {
    const std::string_view counterpart = report_counterpart(documents[r].schema);
    if (counterpart.empty()) continue;
    std::vector<std::size_t> candidates;
    for (const std::size_t i : person.documents) {
      if (documents[i].schema == counterpart) candidates.push_back(i);
    }
    const std::optional<std::size_t> certificate = certificate_of(documents[r], candidates, documents);
    if (!certificate) continue;
    std::vector<std::string> differences;
    for (const auto& [label, value] : documents[r].shared) {
      const std::string other = shared_value(documents[*certificate], label);
      if (other.empty() || other == value) continue;
      person.disagreements.push_back({r, *certificate, label, value, other});
      differences.push_back(label + " " + value + " / " + other);
    }
    if (!differences.empty()) {
      person.conflicts.push_back(file_of(documents[r]) + " disagrees with " + file_of(documents[*certificate]) + ": " +
                                 join(differences, ", "));
    }
  }
}

}  // namespace mixtract
