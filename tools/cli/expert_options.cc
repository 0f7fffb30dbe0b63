#include "commands.h"

namespace mixtract::cli {

Result<ExpertOptions> make_expert_options(const GlobalOptions& global, const OcrArgs& ocr, const LlmArgs& llm,
                                          const TableArgs& tables, int llm_threads) {
  ExpertOptions options;
  MIXTRACT_ASSIGN_OR_RETURN(options.llm, make_llm(llm, global, llm_threads));
  options.deps_dir = global.deps_dir;
  options.threads = ocr.threads;
  options.ocr = make_ocr_service(global, ocr);
  MIXTRACT_RETURN_IF_ERROR(load_tables(tables, global, options));
  return options;
}

}  // namespace mixtract::cli
