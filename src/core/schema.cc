#include "mixtract/schema.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <re2/re2.h>

#include "core/builtin_texts.h"
#include "core/join.h"
#include "core/utf8.h"

namespace mixtract {

const FieldSpec* Schema::find(std::string_view field_name) const {
  for (const FieldSpec& field : fields) {
    if (field.name == field_name) return &field;
  }
  return nullptr;
}

void Schema::add_llm_experts() {
  for (FieldSpec& field : fields) {
    for (const std::string& expert : field.route.with_llm) {
      if (std::find(field.route.experts.begin(), field.route.experts.end(), expert) == field.route.experts.end()) {
        field.route.experts.push_back(expert);
      }
    }
  }
}

Result<Schema> load_schema_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::not_found(path.string() + ": no such schema file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(path.string() + ": cannot open for reading");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_schema(text.str(), path.string());
}

std::vector<std::string> builtin_schema_names() {
  std::vector<std::string> names;
  for (const BuiltinText& s : builtin_schema_texts()) names.emplace_back(s.name);
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::vector<Schema>> load_schemas(std::string_view auto_name_or_path) {
  if (auto_name_or_path != "auto") {
    MIXTRACT_ASSIGN_OR_RETURN(Schema schema, load_schema(auto_name_or_path));
    return std::vector<Schema>{std::move(schema)};
  }
  std::vector<Schema> schemas;
  for (const std::string& name : builtin_schema_names()) {
    MIXTRACT_ASSIGN_OR_RETURN(Schema schema, load_schema(name));
    if (!schema.recognise.empty()) schemas.push_back(std::move(schema));
  }
  return schemas;
}

Result<Schema> load_schema(std::string_view name_or_path) {
  for (const BuiltinText& s : builtin_schema_texts()) {
    if (s.name == name_or_path) return parse_schema(s.text, "<builtin:" + std::string(s.name) + ">");
  }
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::path(name_or_path), ec)) return load_schema_file(name_or_path);
  return Status::not_found("schema '" + std::string(name_or_path) + "' is neither a built-in schema (" +
                           join(builtin_schema_names()) + ") nor an existing file");
}

Status check_constraints(const FieldSpec& field, std::string_view value) {
  const FieldConstraints& c = field.constraints;
  auto fail = [&](const std::string& why) {
    return Status::invalid_argument("field " + field.name + " (" + field.label + "): value '" + std::string(value) +
                                    "' " + why);
  };
  const std::size_t length = utf8::length(value);
  if (c.min_length && length < *c.min_length) {
    return fail("has " + std::to_string(length) + " characters, fewer than " + std::to_string(*c.min_length));
  }
  if (c.max_length && length > *c.max_length) {
    return fail("has " + std::to_string(length) + " characters, more than " + std::to_string(*c.max_length));
  }
  if (c.pattern_regex && !RE2::FullMatch(value, *c.pattern_regex)) {
    return fail("does not match the pattern " + c.pattern);
  }
  if (!c.values.empty() && std::find(c.values.begin(), c.values.end(), value) == c.values.end()) {
    return fail("is not one of: " + join(c.values));
  }
  return Status();
}

double Calibration::apply(double raw) const {
  if (points.empty()) return raw;
  // Below the lowest score measured nothing says the value is as right as there: the score stands, capped.
  if (raw < points.front().raw) return std::min(raw, points.front().probability);
  if (raw >= points.back().raw) return points.back().probability;
  const auto upper = std::upper_bound(points.begin(), points.end(), raw,
                                      [](double r, const CalibrationPoint& p) { return r < p.raw; });
  const CalibrationPoint& hi = *upper;
  const CalibrationPoint& lo = *(upper - 1);
  const double t = (raw - lo.raw) / (hi.raw - lo.raw);
  return lo.probability + t * (hi.probability - lo.probability);
}

}  // namespace mixtract
