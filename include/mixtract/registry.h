// ExpertRegistry: the one place where experts are known by name.
#ifndef MIXTRACT_REGISTRY_H_
#define MIXTRACT_REGISTRY_H_

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/expert.h"
#include "mixtract/status.h"

namespace mixtract {

// The engines and tables experts are built with (internal to the library; Engine makes them).
class ChatBackend;
class MajorTable;
class OcrService;
class RegionTable;
class SchoolTable;

// Settings shared by all expert factories.
struct ExpertOptions {
  // Folder holding the artifacts scripts/setup.sh fetched (models, dictionaries). "" = not available;
  // experts that need it then fail to create with a message saying to run setup.
  std::filesystem::path deps_dir;
  // Threads an expert may use for one document; 0 = let the expert choose.
  int threads = 0;
  // The run's shared OCR (engines, memo, persistent cache); OCR-based experts fail to create without it.
  std::shared_ptr<OcrService> ocr;
  // The schools whose names and codes experts and validators know; null = SchoolTable::builtin().
  std::shared_ptr<const SchoolTable> schools;
  // The majors whose spelling experts correct OCR errors to; null = MajorTable::starter().
  std::shared_ptr<const MajorTable> majors;
  // Administrative regions, for ID numbers; null = region codes are not looked up.
  std::shared_ptr<const RegionTable> regions;
  // Where the LLM experts send requests (a server, or a model in this process); null = none
  // configured, and the LLM experts fail to create.
  std::shared_ptr<ChatBackend> llm;
  // LAC's folder (word.dic, tag.dic, model_baseline/) for the lac_ner expert; "" = Lac::default_folder().
  std::filesystem::path lac_dir;
  // A BERT token classifier's folder (model.onnx, vocab.txt, labels.txt) for the bert_ner expert; "" = none,
  // and bert_ner fails to create.
  std::filesystem::path bert_dir;
};

// The tables of `options`, or the built-in starter tables (built once) where none is set.
std::shared_ptr<const SchoolTable> schools_of(const ExpertOptions& options);
std::shared_ptr<const MajorTable> majors_of(const ExpertOptions& options);

using ExpertFactory = std::function<Result<std::unique_ptr<Expert>>(const ExpertOptions&)>;

// Not thread-safe while registering; create() and list() may be called concurrently afterwards.
class ExpertRegistry {
 public:
  struct Entry {
    std::string name;
    std::string description;  // One line for `mixtract models` and --help.
    ExpertFactory factory;
  };

  // A registry holding every expert built into mixtract (src/experts/builtin_experts.cc).
  static ExpertRegistry with_builtins();

  // Adds a factory. Names are [a-z][a-z0-9_]*; registering a name twice is an error.
  Status add(std::string name, std::string description, ExpertFactory factory);

  // Creates the named expert; an unknown name is NotFound listing the known names.
  Result<std::unique_ptr<Expert>> create(std::string_view name, const ExpertOptions& options) const;

  bool contains(std::string_view name) const;

  // All entries, sorted by name.
  std::vector<const Entry*> list() const;

 private:
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace mixtract

#endif  // MIXTRACT_REGISTRY_H_
