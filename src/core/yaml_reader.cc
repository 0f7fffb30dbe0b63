#include "core/yaml_reader.h"

#include <cmath>

namespace mixtract {
namespace {

std::string Join(std::initializer_list<std::string_view> items) {
  std::string out;
  for (std::string_view item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

}  // namespace

std::string Where(const YAML::Node& node, std::string_view source) {
  const YAML::Mark mark = node.Mark();
  std::string where(source);
  if (mark.line >= 0) {
    where += ':';
    where += std::to_string(mark.line + 1);
  }
  return where;
}

Result<YAML::Node> ParseYaml(std::string_view text, std::string_view source) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(std::string(source) + ":" + std::to_string(e.mark.line + 1) +
                                   ": malformed YAML: " + e.msg);
  }
}

Result<YamlMap> YamlMap::Of(const YAML::Node& node, std::string_view source, std::string path) {
  if (!node.IsMap()) {
    return Status::InvalidArgument(Where(node, source) + ": " + (path.empty() ? "document" : path) +
                                   ": expected a mapping of keys to values");
  }
  return YamlMap(node, std::string(source), std::move(path));
}

std::string YamlMap::PathOf(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

Status YamlMap::Error(std::string_view key, std::string_view what) const {
  const YAML::Node child = node_[std::string(key)];
  const YAML::Node& at = child ? child : node_;
  return Status::InvalidArgument(Where(at, source_) + ": " + PathOf(key) + ": " + std::string(what));
}

Status YamlMap::CheckKeys(std::initializer_list<std::string_view> allowed) const {
  for (const auto& item : node_) {
    const std::string key = item.first.as<std::string>("");
    bool known = false;
    for (std::string_view name : allowed) known = known || key == name;
    if (!known) {
      return Status::InvalidArgument(Where(item.first, source_) + ": " + PathOf(key) +
                                     ": unknown key; allowed here: " + Join(allowed));
    }
  }
  return Status::Ok();
}

Result<std::optional<std::string>> YamlMap::OptionalString(std::string_view key) const {
  const YAML::Node child = Get(key);
  if (!child) return std::optional<std::string>();
  if (!child.IsScalar()) return Error(key, "expected a single value (text)");
  return std::optional<std::string>(child.Scalar());
}

Result<std::string> YamlMap::RequiredString(std::string_view key) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::string> value, OptionalString(key));
  if (!value) {
    return Status::InvalidArgument(Where(node_, source_) + ": " + PathOf(key) + ": required key is missing");
  }
  if (value->empty()) return Error(key, "must not be empty");
  return *std::move(value);
}

Result<std::optional<double>> YamlMap::OptionalNumber(std::string_view key) const {
  const YAML::Node child = Get(key);
  if (!child) return std::optional<double>();
  double value = 0;
  if (!child.IsScalar() || !YAML::convert<double>::decode(child, value) || !std::isfinite(value)) {
    return Error(key, "expected a number, got '" + (child.IsScalar() ? child.Scalar() : "a list or mapping") + "'");
  }
  return std::optional<double>(value);
}

Result<std::optional<long long>> YamlMap::OptionalInteger(std::string_view key) const {
  const YAML::Node child = Get(key);
  if (!child) return std::optional<long long>();
  long long value = 0;
  if (!child.IsScalar() || !YAML::convert<long long>::decode(child, value)) {
    return Error(key,
                 "expected a whole number, got '" + (child.IsScalar() ? child.Scalar() : "a list or mapping") + "'");
  }
  return std::optional<long long>(value);
}

Result<std::optional<bool>> YamlMap::OptionalBool(std::string_view key) const {
  const YAML::Node child = Get(key);
  if (!child) return std::optional<bool>();
  bool value = false;
  if (!child.IsScalar() || !YAML::convert<bool>::decode(child, value)) {
    return Error(key,
                 "expected true or false, got '" + (child.IsScalar() ? child.Scalar() : "a list or mapping") + "'");
  }
  return std::optional<bool>(value);
}

Result<std::vector<std::string>> YamlMap::StringList(std::string_view key) const {
  const YAML::Node child = Get(key);
  std::vector<std::string> out;
  if (!child) return out;
  if (!child.IsSequence()) return Error(key, "expected a list, such as [a, b]");
  for (const auto& item : child) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      return Status::InvalidArgument(Where(item, source_) + ": " + PathOf(key) + ": list items must be non-empty text");
    }
    out.push_back(item.Scalar());
  }
  return out;
}

}  // namespace mixtract
