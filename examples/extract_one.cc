// The library's main job from C++, on the public headers alone: build the engine once, then extract
// documents and print each record as a line of JSON.
//
//   extract_one DEPS_DIR FILE...   (DEPS_DIR: the folder scripts/setup.sh filled)
#include <iostream>
#include <string>
#include <vector>

#include "mixtract/document.h"
#include "mixtract/engine.h"
#include "mixtract/schema.h"
#include "mixtract/writers.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: extract_one DEPS_DIR FILE...\n";
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
  for (const std::string& warning : engine->warnings()) std::cerr << "warning: " << warning << "\n";
  mixtract::Result<mixtract::Extractor> extractor = engine->extractor(*std::move(schemas));
  if (!extractor.ok()) {
    std::cerr << extractor.status().message() << "\n";
    return 2;
  }
  int failed = 0;
  for (int i = 2; i < argc; ++i) {
    mixtract::Result<mixtract::Document> document = mixtract::Document::load(argv[i]);
    if (!document.ok()) {
      std::cerr << document.status().message() << "\n";
      ++failed;
      continue;
    }
    std::cout << mixtract::record_to_json_line(extractor->extract(*document)) << "\n";
  }
  return failed == 0 ? 0 : 1;
}
