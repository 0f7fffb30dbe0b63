// ParseSchema: strict YAML -> Schema.
#include <array>
#include <set>
#include <utility>

#include <re2/re2.h>

#include "core/identifier.h"
#include "core/yaml_reader.h"
#include "mixtract/schema.h"

namespace mixtract {
namespace {

constexpr std::array<std::pair<std::string_view, FieldKind>, 9> kKinds{{
    {"name", FieldKind::kName},
    {"gender", FieldKind::kGender},
    {"date", FieldKind::kDate},
    {"level", FieldKind::kLevel},
    {"school", FieldKind::kSchool},
    {"major", FieldKind::kMajor},
    {"code", FieldKind::kCode},
    {"enum", FieldKind::kEnum},
    {"text", FieldKind::kText},
}};

Result<std::optional<std::size_t>> ReadLength(const YamlMap& map, std::string_view key) {
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<long long> value, map.OptionalInteger(key));
  if (!value) return std::optional<std::size_t>();
  if (*value < 0 || *value > 100000) return map.Error(key, "must be between 0 and 100000");
  return std::optional<std::size_t>(static_cast<std::size_t>(*value));
}

Result<FieldConstraints> ParseConstraints(const YamlMap& map) {
  MIXTRACT_RETURN_IF_ERROR(map.CheckKeys({"length", "min_length", "max_length", "pattern", "values"}));
  FieldConstraints c;
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::size_t> length, ReadLength(map, "length"));
  MIXTRACT_ASSIGN_OR_RETURN(c.min_length, ReadLength(map, "min_length"));
  MIXTRACT_ASSIGN_OR_RETURN(c.max_length, ReadLength(map, "max_length"));
  if (length) {
    if (c.min_length || c.max_length) return map.Error("length", "give either length or min_length/max_length");
    c.min_length = c.max_length = length;
  }
  if (c.min_length && c.max_length && *c.min_length > *c.max_length) {
    return map.Error("min_length", "is larger than max_length");
  }
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::string> pattern, map.OptionalString("pattern"));
  if (pattern) {
    auto re = std::make_shared<const RE2>(*pattern, RE2::Quiet);
    if (!re->ok()) return map.Error("pattern", "invalid regular expression: " + re->error());
    c.pattern = *std::move(pattern);
    c.pattern_regex = std::move(re);
  }
  MIXTRACT_ASSIGN_OR_RETURN(c.values, map.StringList("values"));
  return c;
}

Result<FieldHints> ParseHints(const YamlMap& map) {
  MIXTRACT_RETURN_IF_ERROR(map.CheckKeys({"labels", "aliases"}));
  FieldHints hints;
  MIXTRACT_ASSIGN_OR_RETURN(hints.labels, map.StringList("labels"));
  MIXTRACT_ASSIGN_OR_RETURN(hints.aliases, map.StringList("aliases"));
  return hints;
}

Result<CostBudget> ParseBudget(const YamlMap& map) {
  MIXTRACT_RETURN_IF_ERROR(map.CheckKeys({"ms", "tokens"}));
  CostBudget budget;
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<double> ms, map.OptionalNumber("ms"));
  if (ms) {
    if (*ms < 0) return map.Error("ms", "must not be negative (0 means no limit)");
    budget.ms = *ms;
  }
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<long long> tokens, map.OptionalInteger("tokens"));
  if (tokens) {
    if (*tokens < 0) return map.Error("tokens", "must not be negative (0 means no limit)");
    budget.tokens = *tokens;
  }
  return budget;
}

Result<Route> ParseRoute(const YamlMap& map) {
  MIXTRACT_RETURN_IF_ERROR(map.CheckKeys({"experts", "accept_confidence", "budget"}));
  Route route;
  MIXTRACT_ASSIGN_OR_RETURN(route.experts, map.StringList("experts"));
  if (route.experts.empty()) return map.Error("experts", "a route needs at least one expert");
  std::set<std::string> seen;
  for (const std::string& expert : route.experts) {
    if (!seen.insert(expert).second) return map.Error("experts", "expert '" + expert + "' is listed twice");
  }
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<double> accept, map.OptionalNumber("accept_confidence"));
  if (accept) {
    if (*accept < 0 || *accept > 1) return map.Error("accept_confidence", "must be between 0 and 1");
    route.accept_confidence = *accept;
  }
  if (map.Has("budget")) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap budget, YamlMap::Of(map.Get("budget"), map.source(), map.PathOf("budget")));
    MIXTRACT_ASSIGN_OR_RETURN(route.budget, ParseBudget(budget));
  }
  return route;
}

Result<FieldSpec> ParseField(const YamlMap& map) {
  MIXTRACT_RETURN_IF_ERROR(map.CheckKeys({"name", "label", "kind", "required", "constraints", "hints", "route"}));
  FieldSpec field;
  MIXTRACT_ASSIGN_OR_RETURN(field.name, map.RequiredString("name"));
  if (!IsIdentifier(field.name)) {
    return map.Error("name", "'" + field.name + "' must be lower-case letters, digits and _, starting with a letter");
  }
  MIXTRACT_ASSIGN_OR_RETURN(field.label, map.RequiredString("label"));
  MIXTRACT_ASSIGN_OR_RETURN(std::string kind, map.RequiredString("kind"));
  bool known_kind = false;
  std::string kinds;
  for (const auto& [name, value] : kKinds) {
    if (name == kind) field.kind = value, known_kind = true;
    kinds += (kinds.empty() ? "" : ", ") + std::string(name);
  }
  if (!known_kind) return map.Error("kind", "unknown kind '" + kind + "'; known kinds: " + kinds);
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<bool> required, map.OptionalBool("required"));
  field.required = required.value_or(true);
  if (map.Has("constraints")) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap c, YamlMap::Of(map.Get("constraints"), map.source(), map.PathOf("constraints")));
    MIXTRACT_ASSIGN_OR_RETURN(field.constraints, ParseConstraints(c));
  }
  if (field.kind == FieldKind::kEnum && field.constraints.values.empty()) {
    return map.Error("kind", "an enum field needs constraints.values");
  }
  if (map.Has("hints")) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap h, YamlMap::Of(map.Get("hints"), map.source(), map.PathOf("hints")));
    MIXTRACT_ASSIGN_OR_RETURN(field.hints, ParseHints(h));
  }
  if (map.Has("route")) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap r, YamlMap::Of(map.Get("route"), map.source(), map.PathOf("route")));
    MIXTRACT_ASSIGN_OR_RETURN(field.route, ParseRoute(r));
  }
  return field;
}

}  // namespace

std::string_view FieldKindName(FieldKind kind) {
  for (const auto& [name, value] : kKinds) {
    if (value == kind) return name;
  }
  return "text";
}

Result<Schema> ParseSchema(std::string_view yaml_text, std::string_view source) {
  MIXTRACT_ASSIGN_OR_RETURN(YAML::Node root, ParseYaml(yaml_text, source));
  if (!root || root.IsNull()) return Status::InvalidArgument(std::string(source) + ": empty schema file");
  MIXTRACT_ASSIGN_OR_RETURN(YamlMap top, YamlMap::Of(root, source, ""));
  MIXTRACT_RETURN_IF_ERROR(top.CheckKeys({"name", "title", "version", "fields"}));
  Schema schema;
  MIXTRACT_ASSIGN_OR_RETURN(schema.name, top.RequiredString("name"));
  if (!IsIdentifier(schema.name)) {
    return top.Error("name", "'" + schema.name + "' must be lower-case letters, digits and _, starting with a letter");
  }
  MIXTRACT_ASSIGN_OR_RETURN(schema.title, top.RequiredString("title"));
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<long long> version, top.OptionalInteger("version"));
  if (version) {
    if (*version < 1) return top.Error("version", "must be 1 or more");
    schema.version = static_cast<int>(*version);
  }
  const YAML::Node fields = top.Get("fields");
  if (!fields || !fields.IsSequence() || fields.size() == 0) {
    return top.Error("fields", "expected a non-empty list of fields");
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap f, YamlMap::Of(fields[i], source, "fields[" + std::to_string(i) + "]"));
    MIXTRACT_ASSIGN_OR_RETURN(FieldSpec field, ParseField(f));
    if (!names.insert(field.name).second) return f.Error("name", "field '" + field.name + "' is defined twice");
    schema.fields.push_back(std::move(field));
  }
  return schema;
}

}  // namespace mixtract
