#include "tune/route_study.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "core/elapsed.h"
#include "core/guarded.h"
#include "gate/choose.h"
#include "gate/route.h"
#include "mixtract/document.h"
#include "mixtract/version.h"
#include "mixtract/writers.h"
#include "ocr/ocr_service.h"

namespace mixtract {
namespace {

// FNV-1a: a stable hash, so that a document stays on its side of the split from run to run.
std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// Field name -> the truth column holding it (its label, name or an alias).
std::map<std::string, std::string, std::less<>> truth_columns(const Schema& schema, const EvalTable& truth) {
  std::map<std::string, std::string, std::less<>> columns;
  for (const FieldSpec& field : schema.fields) {
    std::vector<std::string> names = {field.label, field.name};
    names.insert(names.end(), field.hints.aliases.begin(), field.hints.aliases.end());
    for (const std::string& name : names) {
      if (std::find(truth.columns.begin(), truth.columns.end(), name) != truth.columns.end()) {
        columns[field.name] = name;
        break;
      }
    }
  }
  return columns;
}

using ExpertMap = std::map<std::string, std::unique_ptr<Expert>, std::less<>>;

// An expert's output kept as a record: its candidates under their fields, its cost, "failed" as a warning.
std::string output_to_text(const ExpertOutput& output) {
  Record record;
  record.cost = output.cost;
  if (output.failed) record.warnings.push_back("failed");
  for (const Candidate& c : output.candidates) {
    auto field = std::find_if(record.fields.begin(), record.fields.end(),
                              [&](const FieldResult& f) { return f.field == c.field; });
    if (field == record.fields.end()) {
      field = record.fields.insert(record.fields.end(), FieldResult());
      field->field = c.field;
    }
    field->candidates.push_back(c);
  }
  return record_to_json_line(record);
}

std::optional<ExpertOutput> output_from_text(std::string_view text) {
  Result<Record> record = record_from_json(text);
  if (!record.ok()) return std::nullopt;
  ExpertOutput output;
  output.cost = record->cost;
  output.failed = !record->warnings.empty();
  for (FieldResult& field : record->fields) {
    for (Candidate& c : field.candidates) output.candidates.push_back(std::move(c));
  }
  return output;
}

// What a cached output depends on besides the document: the code, the schema and the tables.
std::string cache_context(const Schema& schema, const ExpertOptions& options) {
  std::string fields;
  for (const FieldSpec& f : schema.fields) {
    fields += f.name + "/" + f.label + "/" + std::string(field_kind_name(f.kind)) + ";";
  }
  return std::string(kVersion) + "|" + schema.name + "@" + std::to_string(schema.version) + "|" +
         std::to_string(stable_hash(fields)) + "|schools " + std::to_string(schools_of(options)->size()) + "|majors " +
         std::to_string(majors_of(options)->size());
}

// Reads one document's pages and runs every expert on it, or takes what the cache holds.
void study_document(const Study& study, const ExpertMap& experts, const std::string& context, OcrService* ocr,
                    AnalysisCache* cache, const Document& document, StudiedDocument& out) {
  const std::string key = "study|" + context + "|" + document.content_hash();
  for (const auto& [name, expert] : experts) {
    if (cache == nullptr) break;
    if (std::optional<std::string> text = cache->get(key + "|expert " + name)) {
      if (std::optional<ExpertOutput> output = output_from_text(*text)) out.outputs.emplace(name, std::move(*output));
    }
  }
  const bool all_cached = out.outputs.size() == experts.size();
  // The page readings the experts share, timed apart, so that no expert's own time includes them.
  std::set<std::string> engines;
  for (const auto& [name, reads] : study.page_reads) engines.insert(reads.begin(), reads.end());
  for (const std::string& engine : engines) {
    std::optional<std::string> ms = cache != nullptr ? cache->get(key + "|page " + engine) : std::nullopt;
    if (ms) out.page_read_ms[engine] = std::strtod(ms->c_str(), nullptr);
    if (all_cached) continue;
    const auto start = std::chrono::steady_clock::now();
    if (ocr != nullptr) (void)ocr->read(document, engine);  // A failure shows again in the experts.
    if (ms) continue;
    out.page_read_ms[engine] = ms_since(start);
    if (cache != nullptr) (void)cache->put(key + "|page " + engine, std::to_string(out.page_read_ms[engine]));
  }
  std::vector<const FieldSpec*> fields;
  for (const FieldSpec& field : study.schema.fields) fields.push_back(&field);
  for (const auto& [name, expert] : experts) {
    if (out.outputs.contains(name)) continue;
    ExpertOutput output;
    const auto start = std::chrono::steady_clock::now();
    Result<std::vector<Candidate>> proposed = expert->propose(document, fields);
    output.cost.ms = ms_since(start);
    if (proposed.ok()) {
      output.candidates = std::move(proposed).value();
      for (const Candidate& candidate : output.candidates) output.cost.tokens += candidate.cost.tokens;
    } else {
      output.failed = true;  // Not kept: the next study tries again (a server back up).
    }
    if (cache != nullptr && !output.failed) (void)cache->put(key + "|expert " + name, output_to_text(output));
    out.outputs.emplace(name, std::move(output));
  }
  // Whose evidence each reading is, as in extraction (the expert's: not kept in the cache).
  for (auto& [name, output] : out.outputs) stamp_candidates(name, *experts.find(name)->second, output.candidates);
}

// The study's experts, each created once; their names and page reads noted in `study`.
Result<ExpertMap> create_experts(const ExpertRegistry& registry, const StudyOptions& study_options, Study& study) {
  ExpertMap experts;
  for (const std::string& name : study_options.experts) {
    if (experts.contains(name)) continue;
    Result<std::unique_ptr<Expert>> expert = registry.create(name);
    if (!expert.ok()) return expert.status().with_context("expert " + name);
    study.page_reads[name] = (*expert)->page_reads();
    study.experts.push_back(name);
    experts.emplace(name, std::move(expert).value());
  }
  return experts;
}

// The truth table's documents of the schema's kind (and of the held-out share, if only it is studied) with
// their labelled values (but those the truth marks unreadable), added to `study`; their paths in the same
// order. A file not found is a problem noted.
Result<std::vector<std::filesystem::path>> add_labelled_documents(const Schema& schema, const EvalTable& truth,
                                                                  const std::filesystem::path& docs,
                                                                  const StudyOptions& study_options, Study& study) {
  const auto columns = truth_columns(schema, truth);
  if (columns.empty()) {
    return Status::invalid_argument(truth.source + " has no column for any field of schema " + schema.name +
                                    " (columns are matched by the fields' labels, names and aliases)");
  }
  const bool has_kind = std::find(truth.columns.begin(), truth.columns.end(), "文书类型") != truth.columns.end();
  std::vector<std::filesystem::path> paths;
  for (const EvalRow& row : truth.rows) {
    if (has_kind) {
      const auto kind = row.cells.find("文书类型");
      if (kind == row.cells.end() || kind->second.value != schema.title) continue;
    }
    StudiedDocument document;
    document.file = row.file;
    document.held_out = static_cast<double>(stable_hash(row.file) % 10000) < study_options.held_out * 10000;
    if (study_options.only_held_out && !document.held_out) continue;
    for (const auto& [field, column] : columns) {
      const auto cell = row.cells.find(column);
      if (cell == row.cells.end() || cell->second.value.empty() || marked_unreadable(row, column)) continue;
      document.truth[field] = cell->second.value;
    }
    const std::filesystem::path path = docs / row.file;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      study.problems.push_back(row.file + ": not found in " + docs.string());
      continue;
    }
    paths.push_back(path);
    study.documents.push_back(std::move(document));
  }
  return paths;
}

}  // namespace

Result<Study> run_study(const Schema& schema, const EvalTable& truth, const std::filesystem::path& docs,
                        const ExpertRegistry& registry, const ExpertOptions& options,
                        const StudyOptions& study_options) {
  if (study_options.held_out < 0 || study_options.held_out >= 1) {
    return Status::invalid_argument("the held-out share must be at least 0 and below 1");
  }
  Study study;
  study.schema = schema;
  study.schools = schools_of(options);
  study.regions = options.regions;
  study.majors = majors_of(options);
  study.context = CheckContext{study.schools.get(), study.regions.get(), 0, study.majors.get()};
  MIXTRACT_ASSIGN_OR_RETURN(const ExpertMap experts, create_experts(registry, study_options, study));
  MIXTRACT_ASSIGN_OR_RETURN(const std::vector<std::filesystem::path> paths,
                            add_labelled_documents(schema, truth, docs, study_options, study));

  // Documents in parallel; each keeps its own slot, so the order is the truth table's.
  const std::string context = cache_context(schema, options);
  std::vector<std::string> unreadable(study.documents.size());
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex progress_mutex;
  auto work = [&] {
    for (std::size_t i; (i = next++) < study.documents.size();) {
      const Status studied = guarded(paths[i], [&]() -> Status {  // One document's failure, never the study's.
        MIXTRACT_ASSIGN_OR_RETURN(const Document document, Document::load(paths[i]));
        study_document(study, experts, context, options.ocr.get(), study_options.cache, document, study.documents[i]);
        return Status();
      });
      if (!studied.ok()) unreadable[i] = studied.message();
      std::lock_guard lock(progress_mutex);
      ++done;
      if (study_options.progress) study_options.progress(done, study.documents.size());
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < std::max(1, study_options.workers); ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();

  std::vector<StudiedDocument> read;
  for (std::size_t i = 0; i < study.documents.size(); ++i) {
    if (unreadable[i].empty()) {
      read.push_back(std::move(study.documents[i]));
    } else {
      study.problems.push_back(study.documents[i].file + ": " + unreadable[i]);
    }
  }
  study.documents = std::move(read);
  if (study.documents.empty()) {
    return Status::invalid_argument("no labelled document of kind " + schema.title + " could be read from " +
                                    docs.string() + (study.problems.empty() ? "" : "; first: " + study.problems[0]));
  }
  return study;
}

namespace {

bool in_split(const StudiedDocument& document, Split split) {
  return split == Split::kAll || document.held_out == (split == Split::kHeldOut);
}

// What the experts proposed for a studied document, as they proposed it; the experts asked are kept.
class RecordedOutputs final : public ExpertSource {
 public:
  explicit RecordedOutputs(const StudiedDocument& document) : document_(document) {}

  const ExpertOutput& output_of(std::string_view expert) override {
    static const ExpertOutput kNotRun{{}, {}, true};
    asked.emplace(expert);
    const auto it = document_.outputs.find(expert);
    return it == document_.outputs.end() ? kNotRun : it->second;
  }

  std::set<std::string, std::less<>> asked;

 private:
  const StudiedDocument& document_;
};

// The field's route replayed on one document; the experts it asked are added to `asked`.
FieldResult replay(const Study& study, const StudiedDocument& document, const FieldSpec& field,
                   std::set<std::string, std::less<>>& asked) {
  RecordedOutputs outputs(document);
  FieldResult result = run_route(field, outputs, study.context);
  asked.insert(outputs.asked.begin(), outputs.asked.end());
  return result;
}

// What running `experts` on the document cost: their own cost, and each page reading they share once.
Cost cost_of(const Study& study, const StudiedDocument& document, const std::set<std::string, std::less<>>& experts) {
  Cost cost;
  std::set<std::string, std::less<>> engines;
  for (const std::string& expert : experts) {
    if (const auto it = document.outputs.find(expert); it != document.outputs.end()) cost += it->second.cost;
    if (const auto reads = study.page_reads.find(expert); reads != study.page_reads.end()) {
      engines.insert(reads->second.begin(), reads->second.end());
    }
  }
  for (const std::string& engine : engines) {
    if (const auto it = document.page_read_ms.find(engine); it != document.page_read_ms.end()) cost.ms += it->second;
  }
  return cost;
}

void add_result(const FieldResult& result, const std::string& truth, RouteScore& score) {
  ++score.documents;
  const bool correct = !result.value.empty() && normalise_for_compare(result.value) == normalise_for_compare(truth);
  score.correct += correct ? 1 : 0;
  if (result.value.empty()) return;
  score.outcomes.push_back({result.confidence, correct});
  if (result.status == FieldStatus::kAccepted) {
    ++score.accepted;
    score.accepted_correct += correct ? 1 : 0;
  }
}

}  // namespace

RouteScore score_route(const Study& study, const FieldSpec& field, const Route& route, Split split) {
  FieldSpec routed = field;
  routed.route = route;
  RouteScore score;
  for (const StudiedDocument& document : study.documents) {
    const auto truth = document.truth.find(field.name);
    if (!in_split(document, split) || truth == document.truth.end()) continue;
    std::set<std::string, std::less<>> asked;
    add_result(replay(study, document, routed, asked), truth->second, score);
    const Cost cost = cost_of(study, document, asked);
    score.ms += cost.ms;
    score.tokens += static_cast<double>(cost.tokens);
  }
  if (score.documents > 0) {
    score.ms /= score.documents;
    score.tokens /= score.documents;
  }
  return score;
}

SchemaScore score_schema(const Study& study, std::span<const FieldSpec> fields, Split split) {
  SchemaScore score;
  score.fields.resize(fields.size());
  for (const StudiedDocument& document : study.documents) {
    if (!in_split(document, split)) continue;
    std::set<std::string, std::less<>> asked;
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const FieldResult result = replay(study, document, fields[f], asked);
      const auto truth = document.truth.find(fields[f].name);
      if (truth != document.truth.end()) add_result(result, truth->second, score.fields[f]);
    }
    const Cost cost = cost_of(study, document, asked);
    ++score.documents;
    score.ms += cost.ms;
    score.tokens += static_cast<double>(cost.tokens);
  }
  if (score.documents > 0) {
    score.ms /= score.documents;
    score.tokens /= score.documents;
  }
  return score;
}

}  // namespace mixtract
