#include "mixtract/registry.h"

#include "core/identifier.h"
#include "core/join.h"

namespace mixtract {

Status ExpertRegistry::add(std::string name, std::string description, ExpertFactory factory) {
  if (!is_identifier(name)) {
    return Status::invalid_argument("expert name '" + name + "' must be lower-case letters, digits and _");
  }
  if (!factory) return Status::invalid_argument("expert '" + name + "' has no factory");
  if (entries_.contains(name)) return Status::invalid_argument("expert '" + name + "' is registered twice");
  Entry entry{name, std::move(description), std::move(factory)};
  entries_.emplace(std::move(name), std::move(entry));
  return Status();
}

Result<std::unique_ptr<Expert>> ExpertRegistry::create(std::string_view name) const {
  const auto it = entries_.find(name);
  if (it == entries_.end()) {
    std::vector<std::string> known;
    for (const auto& [key, entry] : entries_) known.push_back(key);
    return Status::not_found("unknown expert '" + std::string(name) +
                             "'; known experts: " + (known.empty() ? "(none registered)" : join(known)));
  }
  Result<std::unique_ptr<Expert>> expert = it->second.factory();
  if (!expert.ok()) return expert.status().with_context("cannot create expert '" + it->first + "'");
  if (!*expert) return Status::internal("factory of expert '" + it->first + "' returned nothing");
  return expert;
}

bool ExpertRegistry::contains(std::string_view name) const {
  return entries_.find(name) != entries_.end();
}

std::vector<const ExpertRegistry::Entry*> ExpertRegistry::list() const {
  std::vector<const Entry*> out;
  for (const auto& [name, entry] : entries_) out.push_back(&entry);
  return out;
}

}  // namespace mixtract
