// One row per person: a batch's documents grouped by person, and each person's highest-degree document
// chosen, as the tables HR teams fill want it.
#ifndef MIXTRACT_PERSONS_H_
#define MIXTRACT_PERSONS_H_

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "mixtract/record.h"
#include "mixtract/schema.h"
#include "mixtract/status.h"

namespace mixtract {

// What grouping needs to know of one document: a few strings, so that a batch of 100,000 documents
// keeps them all without keeping the records.
struct DocumentFacts {
  std::string source;  // Record::source.
  std::string person;  // The person as given with the input (a manifest's person column); "" = not given.
  std::string schema;  // Record::schema: the kind recognised, "" = none.
  std::string name;    // The name read ("name" field), "" when missing.
  std::string level;   // The level read ("level" field), "" when missing.
  // Certificates and verification reports: the facts a report and its certificate share (证书编号, 毕业院校,
  // 专业, 毕业日期, 出生日期, 性别, 学历层次, 学位) as (label, value read), for checking one against the other.
  std::vector<std::pair<std::string, std::string>> shared = {};
};

DocumentFacts facts_of(const Record& record, std::string given_person = "");

// A verification report (学历备案表, 学位验证报告) and the certificate it is about disagreeing on one fact:
// exactly what a verification team looks for.
struct Disagreement {
  std::size_t report = 0;  // Indices into the documents.
  std::size_t certificate = 0;
  std::string label;  // 证书编号, 专业, ...
  std::string report_value;
  std::string certificate_value;
};

struct Person {
  // The grouping key: the person given with the input, else the one named in the file name
  // (张三_本科毕业证书.jpg), else the name read from the document, else the file's own name (a group of one).
  std::string key;
  std::vector<std::size_t> documents;  // Indices into the documents, in input order.
  // The document holding the highest degree: the highest level (博士 > 硕士 > 本科 > 专科; the level read
  // from the document, else from its file name), a 毕业证书 before a 学位证书 of the same level, then the
  // first given. nullopt when no certificate of the person shows a level.
  std::optional<std::size_t> chosen;
  std::string reason;                  // Why that document, or why none.
  std::vector<std::string> conflicts;  // Different names read in one person's documents; a file name
                                       // whose level the document contradicts; a report that disagrees
                                       // with its certificate (one line per pair, naming the fields).
  std::vector<Disagreement> disagreements;
};

// Groups the documents by person and chooses each one's document. Persons come in the order of their
// first document. Each verification report of a person is paired with the certificate it is about (of its
// kind: 学历备案表 with a 毕业证书, 学位验证报告 with a 学位证书; the one of the same 证书编号, else the only one
// of the same level, else the only one) and every shared fact both read that differs is a disagreement.
std::vector<Person> group_by_person(std::span<const DocumentFacts> documents);

// The record of document `index`, wherever the caller keeps it (in memory, a job store).
using RecordLookup = std::function<Result<Record>(std::size_t index)>;

// The per-person table, header first: 人员, 文件数 (documents), 依据 (the reason), 冲突 (the conflicts,
// "; " between them), then the chosen document's columns (results_header(schemas)), empty for a person
// without a chosen document. Only the chosen documents are looked up; an error looking one up is returned.
Result<std::vector<std::vector<std::string>>> person_table(std::span<const Person> persons,
                                                           const RecordLookup& record_of,
                                                           std::span<const Schema> schemas);

}  // namespace mixtract

#endif  // MIXTRACT_PERSONS_H_
