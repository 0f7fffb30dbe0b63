// A batch from C++, on the public headers alone, as `mixtract extract` runs one: each content once, every
// record kept in a job store as it is done (run it again and it goes on where it stopped), the records
// written with an error log and a per-person table beside them.
//
//   extract_batch DEPS_DIR OUTPUT INPUT...
// OUTPUT: .jsonl, .csv or .xlsx; INPUT: image or PDF files, folders, patterns; DEPS_DIR: what scripts/setup.sh
// filled.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "mixtract/batch.h"
#include "mixtract/batch_outputs.h"
#include "mixtract/engine.h"
#include "mixtract/inputs.h"
#include "mixtract/schema.h"

namespace {

// The batch's documents into the outputs; the first error that stops it.
mixtract::Status run(const mixtract::Extractor& extractor, const std::filesystem::path& output,
                     const mixtract::InputList& inputs) {
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<mixtract::Batch> batch,
                            mixtract::Batch::open(output.string() + ".job.sqlite", /*resume=*/true, "example"));
  MIXTRACT_ASSIGN_OR_RETURN(
      std::unique_ptr<mixtract::BatchOutputs> outputs,
      mixtract::BatchOutputs::open({output, mixtract::output_format_of(output), output.string() + ".persons.csv"},
                                   extractor.schemas()));
  for (const mixtract::Status& problem : inputs.problems) outputs->add_problem({"", "input", problem.message()});
  MIXTRACT_ASSIGN_OR_RETURN(mixtract::BatchPlan plan, batch->plan(inputs.documents));
  for (const mixtract::BatchProblem& duplicate : plan.duplicates) outputs->add_problem(duplicate);
  MIXTRACT_RETURN_IF_ERROR(
      batch->run(extractor, plan, 2, [&](std::size_t index, mixtract::Result<mixtract::Record> record) {
        return outputs->add(plan.documents[index], record);
      }));
  MIXTRACT_RETURN_IF_ERROR(
      outputs->finish([&](std::size_t index) { return batch->stored(outputs->facts()[index].source); }));
  std::cout << outputs->written() << " written, " << plan.documents.size() - plan.to_extract()
            << " of them from an earlier run, " << outputs->problems() << " problem(s)\n";
  return mixtract::Status();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: extract_batch DEPS_DIR OUTPUT INPUT...\n";
    return 2;
  }
  mixtract::EngineOptions options;
  options.deps_dir = argv[1];
  mixtract::Result<mixtract::Engine> engine = mixtract::Engine::create(options);
  mixtract::Result<std::vector<mixtract::Schema>> schemas = mixtract::load_schemas("auto");
  if (!engine.ok() || !schemas.ok()) {
    std::cerr << (engine.ok() ? schemas.status() : engine.status()).message() << "\n";
    return 2;
  }
  mixtract::Result<mixtract::Extractor> extractor = engine->extractor(*std::move(schemas));
  if (!extractor.ok()) {
    std::cerr << extractor.status().message() << "\n";
    return 2;
  }
  const std::vector<std::string> named(argv + 3, argv + argc);
  mixtract::Result<mixtract::InputList> inputs = mixtract::collect_inputs(named);
  if (!inputs.ok()) {
    std::cerr << inputs.status().message() << "\n";
    return 2;
  }
  if (mixtract::Status status = run(*extractor, argv[2], *inputs); !status.ok()) {
    std::cerr << status.message() << "\n";
    return 1;
  }
  return 0;
}
