// ExpertRegistry: the one place where experts are known by name.
#ifndef MIXTRACT_REGISTRY_H_
#define MIXTRACT_REGISTRY_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/expert.h"
#include "mixtract/status.h"

namespace mixtract {

// Makes an expert. A plug-in's factory holds whatever its expert needs; the built-in experts' factories are
// bound to their engine's OCR service, tables and LLM (Engine::registry()).
using ExpertFactory = std::function<Result<std::unique_ptr<Expert>>()>;

// Not thread-safe while registering; create() and list() may be called concurrently afterwards.
class ExpertRegistry {
 public:
  struct Entry {
    std::string name;
    std::string description;  // One line for `mixtract models` and --help.
    ExpertFactory factory;
  };

  // Adds a factory. Names are [a-z][a-z0-9_]*; registering a name twice is an error.
  Status add(std::string name, std::string description, ExpertFactory factory);

  // Creates the named expert; an unknown name is NotFound listing the known names.
  Result<std::unique_ptr<Expert>> create(std::string_view name) const;

  bool contains(std::string_view name) const;

  // All entries, sorted by name.
  std::vector<const Entry*> list() const;

 private:
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace mixtract

#endif  // MIXTRACT_REGISTRY_H_
