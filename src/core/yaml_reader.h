// Strict reading of YAML mappings: every error names the source, the line and the key.
// Used by the schema loader and the CLI's config file.
#ifndef MIXTRACT_CORE_YAML_READER_H_
#define MIXTRACT_CORE_YAML_READER_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "mixtract/status.h"

namespace mixtract {

// Parses YAML text; a syntax error names the source and line.
Result<YAML::Node> parse_yaml(std::string_view text, std::string_view source);

// A view of one YAML mapping, with its place in the source for messages.
class YamlMap {
 public:
  // `path` is the dotted key path of the mapping ("" at the top, "fields[2].route" deeper).
  // Fails when `node` is not a mapping.
  static Result<YamlMap> of(const YAML::Node& node, std::string_view source, std::string path);

  // InvalidArgument when a key is not in `allowed`; the message lists the allowed keys.
  Status check_keys(std::initializer_list<std::string_view> allowed) const;

  bool has(std::string_view key) const { return static_cast<bool>(node_[std::string(key)]); }
  YAML::Node get(std::string_view key) const { return node_[std::string(key)]; }

  // Typed reads. Optional* return nullopt when the key is absent; Required* fail then.
  Result<std::string> required_string(std::string_view key) const;
  Result<std::optional<std::string>> optional_string(std::string_view key) const;
  Result<std::optional<double>> optional_number(std::string_view key) const;
  Result<std::optional<long long>> optional_integer(std::string_view key) const;
  Result<std::optional<bool>> optional_bool(std::string_view key) const;
  Result<std::vector<std::string>> string_list(std::string_view key) const;  // Absent = empty.
  // A list, or one text standing for a list of one (fact: issue_date). Absent = empty.
  Result<std::vector<std::string>> text_or_list(std::string_view key) const;

  // "<source>:<line>: <path.key>: <what>", the form of every error about `key`.
  Status error(std::string_view key, std::string_view what) const;
  // The dotted path of a child key.
  std::string path_of(std::string_view key) const;
  const std::string& source() const { return source_; }

 private:
  YamlMap(const YAML::Node& node, std::string source, std::string path)
      : node_(node), source_(std::move(source)), path_(std::move(path)) {}

  YAML::Node node_;
  std::string source_;
  std::string path_;
};

// "<source>:<line>" for a node (1-based line).
std::string where(const YAML::Node& node, std::string_view source);

}  // namespace mixtract

#endif  // MIXTRACT_CORE_YAML_READER_H_
