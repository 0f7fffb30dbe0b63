// What the built-in experts are built with: the engine's OCR service, tables and LLM, and setup's folder.
// Engine (include/mixtract/engine.h) fills it; builtin_experts() binds each built-in factory to it.
#ifndef MIXTRACT_EXPERTS_EXPERT_OPTIONS_H_
#define MIXTRACT_EXPERTS_EXPERT_OPTIONS_H_

#include <filesystem>
#include <functional>
#include <memory>

#include "llm/llm.h"
#include "mixtract/expert.h"
#include "mixtract/registry.h"
#include "mixtract/status.h"
#include "ocr/ocr_service.h"
#include "rules/major_table.h"
#include "rules/region_table.h"
#include "rules/school_table.h"

namespace mixtract {

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
  // The majors whose spelling experts correct OCR errors to; null = MajorTable::builtin().
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

// The tables of `options`, or the built-in tables (built once) where none is set.
std::shared_ptr<const SchoolTable> schools_of(const ExpertOptions& options);
std::shared_ptr<const MajorTable> majors_of(const ExpertOptions& options);

// A built-in expert's factory, before it is bound to the engine's options.
using BuiltinFactory = std::function<Result<std::unique_ptr<Expert>>(const ExpertOptions&)>;

// A registry holding every expert built into mixtract (src/experts/builtin_experts.cc), each made with
// `options` (copied: its engines are shared).
ExpertRegistry builtin_experts(const ExpertOptions& options);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_EXPERT_OPTIONS_H_
