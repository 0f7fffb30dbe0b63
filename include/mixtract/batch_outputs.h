// The files a batch leaves: its records (JSONL, CSV or XLSX), the error log beside them, and one row per
// person. `extract` writes them as its batch runs, `collect` as it reads a queue job's results.
#ifndef MIXTRACT_BATCH_OUTPUTS_H_
#define MIXTRACT_BATCH_OUTPUTS_H_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "mixtract/batch.h"
#include "mixtract/persons.h"
#include "mixtract/record.h"
#include "mixtract/schema.h"
#include "mixtract/status.h"
#include "mixtract/writers.h"

namespace mixtract {

struct BatchFiles {
  std::filesystem::path output;                // The records.
  OutputFormat format = OutputFormat::kJsonl;  // The records' format.
  std::filesystem::path per_person;            // One row per person (format from its extension); "" = none.

  // An XLSX output holds the per-person table as its sheet 人员, so it is made for one too.
  bool persons_wanted() const { return !per_person.empty() || format == OutputFormat::kXlsx; }
  // <output>.errors.csv: a row per problem (文件, 阶段, 原因).
  std::filesystem::path error_log() const { return output.string() + ".errors.csv"; }
};

// Thread-compatible: one thread at a time.
class BatchOutputs {
 public:
  // Opens the records' file for the columns of `schemas`, making its folder when missing. Nothing is in
  // place until finish().
  static Result<std::unique_ptr<BatchOutputs>> open(const BatchFiles& files, std::span<const Schema> schemas);

  void add_problem(BatchProblem problem) { problems_.push_back(std::move(problem)); }
  // The next document's outcome: its record is written (one of no recognised kind is also a problem, stage
  // recognise) and a few facts of it kept for the per-person table; why it could not be read is a problem
  // (stage read). Errors are the records' file's.
  Status add(const BatchDocument& document, const Result<Record>& record);

  // When persons are wanted, groups the documents by person (the chosen documents' records read through
  // `record_of`, by index in the order added) and adds a problem (stage cross-check) for each disagreement
  // of a report with its certificate; an XLSX output gets the sheets 人员 and 错误. Then puts the records'
  // file in place, writes the error log when there are problems (removes an old one when not) and the
  // per-person file.
  Status finish(const RecordLookup& record_of);

  const BatchFiles& files() const { return files_; }
  // The records written so far, as facts_of (given person included) tells of them: the indices finish's
  // `record_of` is called with.
  const std::vector<DocumentFacts>& facts() const { return facts_; }
  std::size_t written() const { return facts_.size(); }
  // The problems of a stage ("read", "duplicate", ...); all of them with "".
  std::size_t problems(const std::string& stage = "") const;
  std::size_t persons_with_conflicts() const { return persons_with_conflicts_; }

 private:
  BatchOutputs(BatchFiles files, std::unique_ptr<RecordWriter> writer, std::span<const Schema> schemas)
      : files_(std::move(files)), writer_(std::move(writer)), schemas_(schemas.begin(), schemas.end()) {}
  Result<std::vector<std::vector<std::string>>> persons(const RecordLookup& record_of);

  BatchFiles files_;
  std::unique_ptr<RecordWriter> writer_;
  std::vector<Schema> schemas_;
  std::vector<BatchProblem> problems_;
  std::vector<DocumentFacts> facts_;  // A few strings per record written.
  std::size_t persons_with_conflicts_ = 0;
};

}  // namespace mixtract

#endif  // MIXTRACT_BATCH_OUTPUTS_H_
