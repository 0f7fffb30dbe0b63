#include "mixtract/persons.h"

#include <filesystem>
#include <map>

#include "core/join.h"
#include "mixtract/document.h"
#include "mixtract/education.h"
#include "pipeline/report_check.h"

namespace mixtract {
namespace {

std::string chosen_value(const Record& record, std::string_view field) {
  const FieldResult* result = record.find(field);
  return result != nullptr && result->status != FieldStatus::kMissing ? result->value : "";
}

std::string file_of(const DocumentFacts& document) {
  return std::filesystem::path(document.source).filename().string();
}

// What selection ranks documents by.
struct Rank {
  EducationLevel level = EducationLevel::kUnknown;
  bool level_from_file = false;  // The level came from the file name, the document showed none.
  bool graduation = false;       // A 毕业证书.
  bool certificate = false;      // A 毕业证书 or 学位证书 (an ID card holds no degree).
};

Rank rank_of(const DocumentFacts& document, const FileNameHints& hints) {
  Rank rank;
  rank.graduation = document.schema == "graduation_certificate" ||
                    (document.schema.empty() && hints.kind == DocumentKind::kGraduationCertificate);
  rank.certificate = rank.graduation || document.schema == "degree_certificate" ||
                     (document.schema.empty() && hints.kind == DocumentKind::kDegreeCertificate);
  if (const std::optional<EducationLevel> read = find_level(document.level)) {
    rank.level = *read;
  } else if (hints.level) {
    rank.level = *hints.level;
    rank.level_from_file = true;
  }
  return rank;
}

// True when document a ranks before document b.
bool ranks_before(const Rank& a, const Rank& b) {
  if (a.level != b.level) return a.level > b.level;
  return a.graduation && !b.graduation;
}

}  // namespace

DocumentFacts facts_of(const Record& record, std::string given_person) {
  DocumentFacts facts{record.source,
                      std::move(given_person),
                      record.schema,
                      chosen_value(record, "name"),
                      chosen_value(record, "level"),
                      {}};
  if (!report_counterpart(record.schema).empty() || is_counterpart(record.schema)) {
    for (const std::string_view field : kSharedFields) {
      const FieldResult* result = record.find(field);
      if (result != nullptr && result->status != FieldStatus::kMissing && !result->value.empty()) {
        facts.shared.emplace_back(result->label, result->value);
      }
    }
  }
  return facts;
}

std::vector<Person> group_by_person(std::span<const DocumentFacts> documents) {
  std::vector<Person> persons;
  std::map<std::string, std::size_t> index_of;
  std::vector<FileNameHints> hints;
  std::vector<Rank> ranks;
  for (const DocumentFacts& document : documents) {
    hints.push_back(parse_file_name(document.source));
    ranks.push_back(rank_of(document, hints.back()));
    std::string key = document.person;
    if (key.empty()) key = hints.back().person;
    if (key.empty()) key = document.name;
    if (key.empty()) key = file_of(document);
    auto [it, added] = index_of.emplace(key, persons.size());
    if (added) persons.push_back(Person{key, {}, std::nullopt, "", {}, {}});
    persons[it->second].documents.push_back(hints.size() - 1);
  }

  for (Person& person : persons) {
    std::map<std::string, std::vector<std::string>> files_by_name;
    for (std::size_t i : person.documents) {
      const Rank& f = ranks[i];
      const DocumentFacts& document = documents[i];
      if (!document.name.empty()) files_by_name[document.name].push_back(file_of(document));
      const std::optional<EducationLevel> named = hints[i].level;
      if (named && f.level != EducationLevel::kUnknown && !f.level_from_file && *named != f.level) {
        person.conflicts.push_back(file_of(document) + ": the file name says " + std::string(level_name(*named)) +
                                   ", the document " + std::string(level_name(f.level)));
      }
      if (!f.certificate || f.level == EducationLevel::kUnknown) continue;
      if (!person.chosen || ranks_before(f, ranks[*person.chosen])) person.chosen = i;
    }
    if (files_by_name.size() > 1) {
      std::vector<std::string> names;
      for (const auto& [name, files] : files_by_name) names.push_back(name + " (" + join(files) + ")");
      person.conflicts.push_back("different names read: " + join(names, "; "));
    }
    check_reports(person, documents);
    if (!person.chosen) {
      person.reason = "no certificate of this person shows a level";
      continue;
    }
    const Rank& f = ranks[*person.chosen];
    person.reason = std::string(level_name(f.level)) + (f.graduation ? " 毕业证书" : " 学位证书") +
                    ", the highest level" + (f.level_from_file ? " (level from the file name)" : "");
  }
  return persons;
}

}  // namespace mixtract
