// One row per person: a batch's records grouped by person, and each person's highest-degree document
// chosen, as the tables HR teams fill want it.
#ifndef MIXTRACT_PERSONS_H_
#define MIXTRACT_PERSONS_H_

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "mixtract/record.h"
#include "mixtract/schema.h"
#include "mixtract/status.h"
#include "mixtract/writers.h"

namespace mixtract {

struct Person {
  // The grouping key: the person named in the file names (张三_本科毕业证书.jpg), else the name read from
  // the document, else the file's own name (a group of one).
  std::string key;
  std::vector<std::size_t> documents;  // Indices into the records, in input order.
  // The document holding the highest degree: the highest level (博士 > 硕士 > 本科 > 专科; the level read
  // from the document, else from its file name), a 毕业证书 before a 学位证书 of the same level, then the
  // first given. nullopt when no certificate of the person shows a level.
  std::optional<std::size_t> chosen;
  std::string reason;                  // Why that document, or why none.
  std::vector<std::string> conflicts;  // Different names read in one person's documents; a file name
                                       // whose level the document contradicts.
};

// Groups `records` (from Extractor::extract) by person and chooses each one's document. Persons come in
// the order of their first document.
std::vector<Person> group_by_person(std::span<const Record> records);

// Writes one row per person: 人员, 文件数 (documents), 依据 (the reason), 冲突 (the conflicts, "; "
// between them), then the chosen document's columns (results_header(schemas)); those are empty for a
// person without a chosen document.
Status write_person_table(const std::filesystem::path& path, OutputFormat format, std::span<const Person> persons,
                          std::span<const Record> records, std::span<const Schema> schemas);

}  // namespace mixtract

#endif  // MIXTRACT_PERSONS_H_
