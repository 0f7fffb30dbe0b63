#include "core/yaml_reader.h"

#include <cmath>

#include "core/join.h"

namespace mixtract {
std::string where(const YAML::Node& node, std::string_view source) {
  const YAML::Mark mark = node.Mark();
  std::string where(source);
  if (mark.line >= 0) {
    where += ':';
    where += std::to_string(mark.line + 1);
  }
  return where;
}

Result<YAML::Node> parse_yaml(std::string_view text, std::string_view source) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return Status::invalid_argument(std::string(source) + ":" + std::to_string(e.mark.line + 1) +
                                    ": malformed YAML: " + e.msg);
  }
}

Result<YamlMap> YamlMap::of(const YAML::Node& node, std::string_view source, std::string path) {
  // A key that is not there gives a node that is not even valid (asking its type would throw).
  if (!node.IsDefined()) {
    return Status::invalid_argument(std::string(source) + ": " + (path.empty() ? "document" : path) + ": missing");
  }
  if (!node.IsMap()) {
    return Status::invalid_argument(where(node, source) + ": " + (path.empty() ? "document" : path) +
                                    ": expected a mapping of keys to values");
  }
  return YamlMap(node, std::string(source), std::move(path));
}

std::string YamlMap::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

Status YamlMap::error(std::string_view key, std::string_view what) const {
  const YAML::Node child = node_[std::string(key)];
  const YAML::Node& at = child ? child : node_;
  return Status::invalid_argument(where(at, source_) + ": " + path_of(key) + ": " + std::string(what));
}

Status YamlMap::check_keys(std::initializer_list<std::string_view> allowed) const {
  for (const auto& item : node_) {
    const std::string key = item.first.as<std::string>("");
    bool known = false;
    for (std::string_view name : allowed) known = known || key == name;
    if (!known) {
      return Status::invalid_argument(where(item.first, source_) + ": " + path_of(key) +
                                      ": unknown key; allowed here: " + join(allowed));
    }
  }
  return Status();
}

Result<std::optional<std::string>> YamlMap::optional_string(std::string_view key) const {
  const YAML::Node child = get(key);
  if (!child) return std::optional<std::string>();
  if (!child.IsScalar()) return error(key, "expected a single value (text)");
  return std::optional<std::string>(child.Scalar());
}

Result<std::string> YamlMap::required_string(std::string_view key) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::string> value, optional_string(key));
  if (!value) {
    return Status::invalid_argument(where(node_, source_) + ": " + path_of(key) + ": required key is missing");
  }
  if (value->empty()) return error(key, "must not be empty");
  return *std::move(value);
}

Result<std::optional<double>> YamlMap::optional_number(std::string_view key) const {
  const YAML::Node child = get(key);
  if (!child) return std::optional<double>();
  double value = 0;
  if (!child.IsScalar() || !YAML::convert<double>::decode(child, value) || !std::isfinite(value)) {
    return error(key, "expected a number, got '" + (child.IsScalar() ? child.Scalar() : "a list or mapping") + "'");
  }
  return std::optional<double>(value);
}

Result<std::optional<long long>> YamlMap::optional_integer(std::string_view key) const {
  const YAML::Node child = get(key);
  if (!child) return std::optional<long long>();
  long long value = 0;
  if (!child.IsScalar() || !YAML::convert<long long>::decode(child, value)) {
    return error(key,
                 "expected a whole number, got '" + (child.IsScalar() ? child.Scalar() : "a list or mapping") + "'");
  }
  return std::optional<long long>(value);
}

Result<std::optional<bool>> YamlMap::optional_bool(std::string_view key) const {
  const YAML::Node child = get(key);
  if (!child) return std::optional<bool>();
  bool value = false;
  if (!child.IsScalar() || !YAML::convert<bool>::decode(child, value)) {
    return error(key,
                 "expected true or false, got '" + (child.IsScalar() ? child.Scalar() : "a list or mapping") + "'");
  }
  return std::optional<bool>(value);
}

Result<std::vector<std::string>> YamlMap::string_list(std::string_view key) const {
  const YAML::Node child = get(key);
  std::vector<std::string> out;
  if (!child) return out;
  if (!child.IsSequence()) return error(key, "expected a list, such as [a, b]");
  for (const auto& item : child) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      return Status::invalid_argument(where(item, source_) + ": " + path_of(key) +
                                      ": list items must be non-empty text");
    }
    out.push_back(item.Scalar());
  }
  return out;
}

Result<std::vector<std::string>> YamlMap::text_or_list(std::string_view key) const {
  const YAML::Node child = get(key);
  if (child && child.IsScalar()) {
    if (child.Scalar().empty()) return error(key, "expected non-empty text or a list, such as [a, b]");
    return std::vector<std::string>{child.Scalar()};
  }
  return string_list(key);
}

}  // namespace mixtract
