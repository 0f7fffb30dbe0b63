// ParseSchema: strict YAML -> Schema.
#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include <re2/re2.h>

#include "core/identifier.h"
#include "core/join.h"
#include "core/yaml_reader.h"
#include "mixtract/schema.h"

namespace mixtract {
namespace {

constexpr std::array<std::pair<std::string_view, FieldKind>, 10> kKinds{{
    {"name", FieldKind::kName},
    {"gender", FieldKind::kGender},
    {"date", FieldKind::kDate},
    {"level", FieldKind::kLevel},
    {"school", FieldKind::kSchool},
    {"major", FieldKind::kMajor},
    {"code", FieldKind::kCode},
    {"amount", FieldKind::kAmount},
    {"enum", FieldKind::kEnum},
    {"text", FieldKind::kText},
}};

constexpr std::array<std::pair<std::string_view, Validator>, 4> kValidators{{
    {"none", Validator::kNone},
    {"graduation_number", Validator::kGraduationNumber},
    {"degree_number", Validator::kDegreeNumber},
    {"id_number", Validator::kIdNumber},
}};

constexpr std::array<std::pair<std::string_view, Combine>, 3> kCombines{{
    {"cascade", Combine::kCascade},
    {"vote", Combine::kVote},
    {"char_consensus", Combine::kCharConsensus},
}};

Result<std::optional<std::size_t>> read_length(const YamlMap& map, std::string_view key) {
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<long long> value, map.optional_integer(key));
  if (!value) return std::optional<std::size_t>();
  if (*value < 0 || *value > 100000) return map.error(key, "must be between 0 and 100000");
  return std::optional<std::size_t>(static_cast<std::size_t>(*value));
}

Result<FieldConstraints> parse_constraints(const YamlMap& map) {
  MIXTRACT_RETURN_IF_ERROR(map.check_keys({"length", "min_length", "max_length", "pattern", "values"}));
  FieldConstraints c;
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::size_t> length, read_length(map, "length"));
  MIXTRACT_ASSIGN_OR_RETURN(c.min_length, read_length(map, "min_length"));
  MIXTRACT_ASSIGN_OR_RETURN(c.max_length, read_length(map, "max_length"));
  if (length) {
    if (c.min_length || c.max_length) return map.error("length", "give either length or min_length/max_length");
    c.min_length = c.max_length = length;
  }
  if (c.min_length && c.max_length && *c.min_length > *c.max_length) {
    return map.error("min_length", "is larger than max_length");
  }
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::string> pattern, map.optional_string("pattern"));
  if (pattern) {
    auto re = std::make_shared<const RE2>(*pattern, RE2::Quiet);
    if (!re->ok()) return map.error("pattern", "invalid regular expression: " + re->error());
    c.pattern = *std::move(pattern);
    c.pattern_regex = std::move(re);
  }
  MIXTRACT_ASSIGN_OR_RETURN(c.values, map.string_list("values"));
  return c;
}

Result<FieldHints> parse_hints(const YamlMap& map) {
  MIXTRACT_RETURN_IF_ERROR(map.check_keys({"labels", "aliases", "not_within", "fact"}));
  FieldHints hints;
  MIXTRACT_ASSIGN_OR_RETURN(hints.labels, map.string_list("labels"));
  MIXTRACT_ASSIGN_OR_RETURN(hints.aliases, map.string_list("aliases"));
  MIXTRACT_ASSIGN_OR_RETURN(hints.not_within, map.string_list("not_within"));
  MIXTRACT_ASSIGN_OR_RETURN(hints.facts, map.text_or_list("fact"));
  return hints;
}

Result<CostBudget> parse_budget(const YamlMap& map) {
  MIXTRACT_RETURN_IF_ERROR(map.check_keys({"ms", "tokens"}));
  CostBudget budget;
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<double> ms, map.optional_number("ms"));
  if (ms) {
    if (*ms < 0) return map.error("ms", "must not be negative (0 means no limit)");
    budget.ms = *ms;
  }
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<long long> tokens, map.optional_integer("tokens"));
  if (tokens) {
    if (*tokens < 0) return map.error("tokens", "must not be negative (0 means no limit)");
    budget.tokens = *tokens;
  }
  return budget;
}

// [[raw, probability], ...]: raw scores increasing, probabilities in [0, 1] and non-decreasing.
Result<Calibration> parse_calibration(const YamlMap& map) {
  const YAML::Node list = map.get("calibration");
  const Status bad = map.error("calibration",
                               "expected a list of [raw, probability] pairs, raw increasing, "
                               "probabilities non-decreasing, all in [0, 1]");
  if (!list.IsSequence()) return bad;
  Calibration calibration;
  for (const YAML::Node& pair : list) {
    if (!pair.IsSequence() || pair.size() != 2) return bad;
    CalibrationPoint point;
    try {
      point = {pair[0].as<double>(), pair[1].as<double>()};
    } catch (const YAML::Exception&) {
      return bad;
    }
    if (point.raw < 0 || point.raw > 1 || point.probability < 0 || point.probability > 1) return bad;
    if (!calibration.points.empty() &&
        (point.raw <= calibration.points.back().raw || point.probability < calibration.points.back().probability)) {
      return bad;
    }
    calibration.points.push_back(point);
  }
  return calibration;
}

Result<Route> parse_route(const YamlMap& map) {
  MIXTRACT_RETURN_IF_ERROR(map.check_keys(
      {"experts", "with_llm", "combine", "weights", "accept_confidence", "witnesses", "budget", "calibration"}));
  Route route;
  MIXTRACT_ASSIGN_OR_RETURN(route.experts, map.string_list("experts"));
  if (route.experts.empty()) return map.error("experts", "a route needs at least one expert");
  MIXTRACT_ASSIGN_OR_RETURN(route.with_llm, map.string_list("with_llm"));
  for (const auto& [key, list] : {std::pair{"experts", &route.experts}, std::pair{"with_llm", &route.with_llm}}) {
    std::set<std::string> seen;
    for (const std::string& expert : *list) {
      if (!seen.insert(expert).second) return map.error(key, "expert '" + expert + "' is listed twice");
    }
  }
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<double> accept, map.optional_number("accept_confidence"));
  if (accept) {
    if (*accept < 0 || *accept > 1) return map.error("accept_confidence", "must be between 0 and 1");
    route.accept_confidence = *accept;
  }
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<long long> witnesses, map.optional_integer("witnesses"));
  if (witnesses) {
    if (*witnesses < 1 || *witnesses > 10) return map.error("witnesses", "must be between 1 and 10");
    route.witnesses = static_cast<int>(*witnesses);
  }
  if (map.has("budget")) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap budget, YamlMap::of(map.get("budget"), map.source(), map.path_of("budget")));
    MIXTRACT_ASSIGN_OR_RETURN(route.budget, parse_budget(budget));
  }
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::string> combine, map.optional_string("combine"));
  if (combine) {
    bool known = false;
    std::vector<std::string_view> names;
    for (const auto& [name, value] : kCombines) {
      if (name == *combine) route.combine = value, known = true;
      names.push_back(name);
    }
    if (!known) return map.error("combine", "unknown combine '" + *combine + "'; known: " + join(names));
  }
  if (map.has("weights")) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap weights, YamlMap::of(map.get("weights"), map.source(), map.path_of("weights")));
    for (const std::string& expert : route.experts) {
      MIXTRACT_ASSIGN_OR_RETURN(std::optional<double> weight, weights.optional_number(expert));
      if (!weight) continue;
      if (*weight < 0) return weights.error(expert, "a weight must not be negative");
      route.weights[expert] = *weight;
    }
    if (route.weights.size() != map.get("weights").size()) {
      return map.error("weights", "every weighted expert must be one of the route's experts");
    }
  }
  if (map.has("calibration")) {
    MIXTRACT_ASSIGN_OR_RETURN(route.calibration, parse_calibration(map));
  }
  return route;
}

Status check_route_fits(const FieldSpec& field, const YamlMap& route) {
  const FieldConstraints& c = field.constraints;
  if (field.route.combine == Combine::kCharConsensus && (!c.min_length || c.min_length != c.max_length)) {
    return route.error("combine", "char_consensus needs the field's constraints to fix its length ({length: N})");
  }
  return Status();
}

Result<FieldSpec> parse_field(const YamlMap& map) {
  MIXTRACT_RETURN_IF_ERROR(
      map.check_keys({"name", "label", "kind", "required", "constraints", "hints", "validator", "route"}));
  FieldSpec field;
  MIXTRACT_ASSIGN_OR_RETURN(field.name, map.required_string("name"));
  if (!is_identifier(field.name)) {
    return map.error("name", "'" + field.name + "' must be lower-case letters, digits and _, starting with a letter");
  }
  MIXTRACT_ASSIGN_OR_RETURN(field.label, map.required_string("label"));
  MIXTRACT_ASSIGN_OR_RETURN(std::string kind, map.required_string("kind"));
  bool known_kind = false;
  std::vector<std::string_view> kinds;
  for (const auto& [name, value] : kKinds) {
    if (name == kind) field.kind = value, known_kind = true;
    kinds.push_back(name);
  }
  if (!known_kind) return map.error("kind", "unknown kind '" + kind + "'; known kinds: " + join(kinds));
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<bool> required, map.optional_bool("required"));
  field.required = required.value_or(true);
  if (map.has("constraints")) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap c, YamlMap::of(map.get("constraints"), map.source(), map.path_of("constraints")));
    MIXTRACT_ASSIGN_OR_RETURN(field.constraints, parse_constraints(c));
  }
  if (field.kind == FieldKind::kEnum && field.constraints.values.empty()) {
    return map.error("kind", "an enum field needs constraints.values");
  }
  if (map.has("hints")) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap h, YamlMap::of(map.get("hints"), map.source(), map.path_of("hints")));
    MIXTRACT_ASSIGN_OR_RETURN(field.hints, parse_hints(h));
  }
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::string> validator, map.optional_string("validator"));
  if (validator) {
    bool known = false;
    std::vector<std::string_view> names;
    for (const auto& [name, value] : kValidators) {
      if (name == *validator) field.validator = value, known = true;
      names.push_back(name);
    }
    if (!known) return map.error("validator", "unknown validator '" + *validator + "'; known: " + join(names));
    if (field.validator != Validator::kNone && field.kind != FieldKind::kCode) {
      return map.error("validator", "'" + *validator + "' checks codes; the field's kind must be code");
    }
  }
  if (map.has("route")) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap r, YamlMap::of(map.get("route"), map.source(), map.path_of("route")));
    MIXTRACT_ASSIGN_OR_RETURN(field.route, parse_route(r));
    MIXTRACT_RETURN_IF_ERROR(check_route_fits(field, r));
  }
  return field;
}

}  // namespace

std::string_view field_kind_name(FieldKind kind) {
  for (const auto& [name, value] : kKinds) {
    if (value == kind) return name;
  }
  return "text";
}

std::string_view combine_name(Combine combine) {
  for (const auto& [name, value] : kCombines) {
    if (value == combine) return name;
  }
  return "cascade";
}

std::string_view validator_name(Validator validator) {
  for (const auto& [name, value] : kValidators) {
    if (value == validator) return name;
  }
  return "none";
}

Status apply_routes_file(const std::filesystem::path& path, std::vector<Schema>& schemas) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("cannot read the routes file " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return apply_routes(text.str(), path.string(), schemas);
}

Status apply_routes(std::string_view text, const std::string& source, std::vector<Schema>& schemas) {
  MIXTRACT_ASSIGN_OR_RETURN(YAML::Node root, parse_yaml(text, source));
  MIXTRACT_ASSIGN_OR_RETURN(YamlMap top, YamlMap::of(root, source, ""));
  MIXTRACT_RETURN_IF_ERROR(top.check_keys({"schema", "fields"}));
  MIXTRACT_ASSIGN_OR_RETURN(std::string name, top.required_string("schema"));
  const auto schema = std::find_if(schemas.begin(), schemas.end(), [&](const Schema& s) { return s.name == name; });
  if (schema == schemas.end()) return top.error("schema", "'" + name + "' is not a schema of this run");
  MIXTRACT_ASSIGN_OR_RETURN(YamlMap fields, YamlMap::of(top.get("fields"), source, "fields"));
  for (const auto& entry : top.get("fields")) {
    const std::string field_name =
        entry.first.as<std::string>("");  // A key that is no word (a mapping) names no field.
    const auto field = std::find_if(schema->fields.begin(), schema->fields.end(),
                                    [&](const FieldSpec& f) { return f.name == field_name; });
    if (field == schema->fields.end()) return fields.error(field_name, "schema " + name + " has no such field");
    if (entry.second.IsNull()) continue;  // Tune found no route: the schema's stays.
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap f, YamlMap::of(entry.second, source, fields.path_of(field_name)));
    MIXTRACT_RETURN_IF_ERROR(f.check_keys({"route", "measured"}));
    if (!f.has("route")) continue;
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap r, YamlMap::of(f.get("route"), source, f.path_of("route")));
    MIXTRACT_ASSIGN_OR_RETURN(Route route, parse_route(r));
    FieldSpec routed = *field;
    routed.route = std::move(route);
    MIXTRACT_RETURN_IF_ERROR(check_route_fits(routed, r));
    *field = std::move(routed);
  }
  return Status();
}

Result<Schema> parse_schema(std::string_view yaml_text, std::string_view source) {
  MIXTRACT_ASSIGN_OR_RETURN(YAML::Node root, parse_yaml(yaml_text, source));
  if (!root || root.IsNull()) return Status::invalid_argument(std::string(source) + ": empty schema file");
  MIXTRACT_ASSIGN_OR_RETURN(YamlMap top, YamlMap::of(root, source, ""));
  MIXTRACT_RETURN_IF_ERROR(top.check_keys({"name", "title", "version", "fields", "recognise", "budget"}));
  Schema schema;
  MIXTRACT_ASSIGN_OR_RETURN(schema.name, top.required_string("name"));
  if (!is_identifier(schema.name)) {
    return top.error("name", "'" + schema.name + "' must be lower-case letters, digits and _, starting with a letter");
  }
  MIXTRACT_ASSIGN_OR_RETURN(schema.title, top.required_string("title"));
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<long long> version, top.optional_integer("version"));
  if (version) {
    if (*version < 1) return top.error("version", "must be 1 or more");
    schema.version = static_cast<int>(*version);
  }
  MIXTRACT_ASSIGN_OR_RETURN(schema.recognise, top.string_list("recognise"));
  if (top.has("budget")) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap budget, YamlMap::of(top.get("budget"), source, top.path_of("budget")));
    MIXTRACT_ASSIGN_OR_RETURN(schema.budget, parse_budget(budget));
  }
  const YAML::Node fields = top.get("fields");
  if (!fields || !fields.IsSequence() || fields.size() == 0) {
    return top.error("fields", "expected a non-empty list of fields");
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap f, YamlMap::of(fields[i], source, "fields[" + std::to_string(i) + "]"));
    MIXTRACT_ASSIGN_OR_RETURN(FieldSpec field, parse_field(f));
    if (!names.insert(field.name).second) return f.error("name", "field '" + field.name + "' is defined twice");
    schema.fields.push_back(std::move(field));
  }
  return schema;
}

}  // namespace mixtract
