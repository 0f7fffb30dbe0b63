// Route study: every candidate expert runs once on each labelled document; routes are then scored by
// replaying the gate (gate/route.h) over those outputs, so trying hundreds of routes costs no further
// expert run. Used by `mixtract tune` (route_search.h) and `mixtract eval --compare-routes`.
//
// Scores are per field and before reconciliation (the cross-field checks of gate/reconcile.h), which
// `extract` applies after the routes; run extract and eval for the end-to-end figures.
#ifndef MIXTRACT_TUNE_ROUTE_STUDY_H_
#define MIXTRACT_TUNE_ROUTE_STUDY_H_

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "experts/expert_options.h"
#include "gate/choose.h"
#include "gate/field_check.h"
#include "io/analysis_cache.h"
#include "mixtract/eval.h"
#include "mixtract/schema.h"
#include "mixtract/status.h"
#include "tune/calibration_fit.h"

namespace mixtract {

struct StudiedDocument {
  std::string file;                                          // The truth table's key.
  bool held_out = false;                                     // Chosen by a hash of `file`: stable from run to run.
  std::map<std::string, std::string, std::less<>> truth;     // Field name -> labelled value (non-empty).
  std::map<std::string, ExpertOutput, std::less<>> outputs;  // Expert -> what it proposed, its own cost.
  std::map<std::string, double, std::less<>> page_read_ms;   // OCR engine -> its page reading's time.
};

struct Study {
  Schema schema;
  std::vector<std::string> experts;
  std::map<std::string, std::vector<std::string>, std::less<>> page_reads;  // Expert -> OCR engines it reads.
  std::shared_ptr<const SchoolTable> schools;                               // What `context` points to.
  std::shared_ptr<const RegionTable> regions;
  std::shared_ptr<const MajorTable> majors;
  CheckContext context;
  std::vector<StudiedDocument> documents;
  std::vector<std::string> problems;  // Truth rows skipped (no such file, unreadable) and why.
};

struct StudyOptions {
  std::vector<std::string> experts;  // Registry names to run; each must be creatable.
  double held_out = 0.3;             // Share of documents kept out of fitting, in [0, 1).
  bool only_held_out = false;        // Study only the held-out documents (to measure, not to fit).
  int workers = 1;                   // Documents studied at once.
  // Where each document's expert outputs and page-reading times are kept, keyed by the document's
  // content, the expert, the mixtract version, the schema and the tables; a later study of the same
  // documents (another tune, eval --compare-routes) takes them from there, costs as first measured.
  // null = none.
  AnalysisCache* cache = nullptr;
  // Called after each document, from one thread at a time.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// Runs the experts on the truth rows of the schema's kind (a 文书类型 column, when the table has one,
// must equal schema.title) whose file is in `docs`. Truth columns are matched to fields by label, name
// or alias. Fails when an expert cannot be created or no labelled document could be read.
Result<Study> run_study(const Schema& schema, const EvalTable& truth, const std::filesystem::path& docs,
                        const ExpertRegistry& registry, const ExpertOptions& options,
                        const StudyOptions& study_options);

enum class Split { kTrain, kHeldOut, kAll };

// How one route did for one field over the documents of a split that have a label for the field.
struct RouteScore {
  int documents = 0;
  int correct = 0;                      // Chosen value equal to the label (eval's normalise_for_compare).
  int accepted = 0;                     // Status accepted.
  int accepted_correct = 0;             // Of those, right.
  double ms = 0;                        // Mean per document: the experts asked, and their page readings once each.
  double tokens = 0;                    // Mean per document.
  std::vector<ScoredOutcome> outcomes;  // Per document with a chosen value: its confidence and rightness.

  double accuracy() const { return documents == 0 ? 0.0 : static_cast<double>(correct) / documents; }
};

RouteScore score_route(const Study& study, const FieldSpec& field, const Route& route, Split split);

// Every field with its own route, over the documents of a split: each field's score, and what a
// document cost with each expert any route asked counted once (each page reading too).
struct SchemaScore {
  std::vector<RouteScore> fields;  // As `fields`.
  int documents = 0;
  double ms = 0;  // Mean per document.
  double tokens = 0;
};
SchemaScore score_schema(const Study& study, std::span<const FieldSpec> fields, Split split);

}  // namespace mixtract

#endif  // MIXTRACT_TUNE_ROUTE_STUDY_H_
