#include "mixtract/persons.h"

#include <filesystem>
#include <map>

#include "core/join.h"
#include "mixtract/document.h"
#include "mixtract/education.h"

namespace mixtract {
namespace {

std::string chosen_value(const Record& record, std::string_view field) {
  const FieldResult* result = record.find(field);
  return result != nullptr && result->status != FieldStatus::kMissing ? result->value : "";
}

std::string file_of(const Record& record) {
  return std::filesystem::path(record.source).filename().string();
}

// What selection needs to know of one document.
struct Facts {
  std::string name;  // Read from the document; "" when not.
  EducationLevel level = EducationLevel::kUnknown;
  bool level_from_file = false;  // The level came from the file name, the document showed none.
  bool graduation = false;       // A 毕业证书.
  bool certificate = false;      // A 毕业证书 or 学位证书 (an ID card holds no degree).
};

Facts facts_of(const Record& record, const FileNameHints& hints) {
  Facts facts;
  facts.name = chosen_value(record, "name");
  facts.graduation = record.schema == "graduation_certificate" ||
                     (record.schema.empty() && hints.kind == DocumentKind::kGraduationCertificate);
  facts.certificate = facts.graduation || record.schema == "degree_certificate" ||
                      (record.schema.empty() && hints.kind == DocumentKind::kDegreeCertificate);
  if (const std::optional<EducationLevel> read = find_level(chosen_value(record, "level"))) {
    facts.level = *read;
  } else if (hints.level) {
    facts.level = *hints.level;
    facts.level_from_file = true;
  }
  return facts;
}

// True when document a ranks before document b.
bool ranks_before(const Facts& a, const Facts& b) {
  if (a.level != b.level) return a.level > b.level;
  return a.graduation && !b.graduation;
}

}  // namespace

std::vector<Person> group_by_person(std::span<const Record> records) {
  std::vector<Person> persons;
  std::map<std::string, std::size_t> index_of;
  std::vector<FileNameHints> hints;
  std::vector<Facts> facts;
  for (std::size_t i = 0; i < records.size(); ++i) {
    hints.push_back(parse_file_name(records[i].source));
    facts.push_back(facts_of(records[i], hints.back()));
    std::string key = hints.back().person;
    if (key.empty()) key = facts.back().name;
    if (key.empty()) key = file_of(records[i]);
    auto [it, added] = index_of.emplace(key, persons.size());
    if (added) persons.push_back(Person{key, {}, std::nullopt, "", {}});
    persons[it->second].documents.push_back(i);
  }

  for (Person& person : persons) {
    std::map<std::string, std::vector<std::string>> files_by_name;
    for (std::size_t i : person.documents) {
      const Facts& f = facts[i];
      if (!f.name.empty()) files_by_name[f.name].push_back(file_of(records[i]));
      const std::optional<EducationLevel> named = hints[i].level;
      if (named && f.level != EducationLevel::kUnknown && !f.level_from_file && *named != f.level) {
        person.conflicts.push_back(file_of(records[i]) + ": the file name says " + std::string(level_name(*named)) +
                                   ", the document " + std::string(level_name(f.level)));
      }
      if (!f.certificate || f.level == EducationLevel::kUnknown) continue;
      if (!person.chosen || ranks_before(f, facts[*person.chosen])) person.chosen = i;
    }
    if (files_by_name.size() > 1) {
      std::vector<std::string> names;
      for (const auto& [name, files] : files_by_name) names.push_back(name + " (" + join(files) + ")");
      person.conflicts.push_back("different names read: " + join(names, "; "));
    }
    if (!person.chosen) {
      person.reason = "no certificate of this person shows a level";
      continue;
    }
    const Facts& f = facts[*person.chosen];
    person.reason = std::string(level_name(f.level)) + (f.graduation ? " 毕业证书" : " 学位证书") +
                    ", the highest level" + (f.level_from_file ? " (level from the file name)" : "");
  }
  return persons;
}

}  // namespace mixtract
