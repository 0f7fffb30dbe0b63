#include "experts/certificate_text/cues.h"

#include <algorithm>

#include <re2/re2.h>

#include "core/builtin_texts.h"
#include "core/utf8.h"
#include "core/yaml_reader.h"

namespace mixtract {
namespace {

// Chinese and Arabic digits as dates are printed and read (〇 and its look-alikes, 十 forms).
constexpr std::string_view kNumeral = "[0-9〇零Oo一二三四五六七八九十]";

std::string shorthand(std::string_view name) {
  const std::string n(kNumeral);
  // A year, a month or a day may break across lines anywhere (a narrow column wraps 198 / 4年).
  const std::string year = n + "(?:\\n?" + n + "){3}\\n?年\\n?";
  const std::string month = n + "(?:\\n?" + n + "){0,2}\\n?月";
  const std::string day = n + "(?:\\n?" + n + "){0,2}\\n?日";
  if (name == "HAN") return "[\\p{Han}\\n]";
  if (name == "NAME") return "\\p{Han}(?:\\n?\\p{Han}){1,3}";  // A name may break across lines too.
  if (name == "MONTH") return year + month;
  if (name == "DATE") return "(?:" + year + month + "\\n?" + day + "|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2})";
  if (name == "SCHOOL") return "\\p{Han}{2,20}?(?:大学|学院|学校|研究院|研究所)";
  return "";
}

bool is_quantifier(char32_t c) {
  return c == U'?' || c == U'*' || c == U'+' || c == U'{';
}

Status cue_error(const YAML::Node& node, std::string_view source, std::size_t index, const std::string& what) {
  return Status::invalid_argument(where(node, source) + ": cues[" + std::to_string(index) + "]: " + what);
}

// The file's `words:`, each list named in capitals; none when absent.
Result<WordLists> word_lists(const YAML::Node& lists, std::string_view source) {
  WordLists words;
  if (!lists) return words;
  MIXTRACT_ASSIGN_OR_RETURN(YamlMap named, YamlMap::of(lists, source, "words"));
  for (const auto& entry : lists) {
    const std::string name = entry.first.Scalar();
    if (!RE2::FullMatch(name, "[A-Z_]+") || !shorthand(name).empty()) {
      return named.error(name, "a list's name is written in capitals and is none of HAN, NAME, DATE, MONTH, SCHOOL");
    }
    MIXTRACT_ASSIGN_OR_RETURN(words[name], named.string_list(name));
    if (words[name].empty()) return named.error(name, "expected a list of one or more words");
  }
  return words;
}

// The file's `misreadings:` (学土学位: 学士学位), each read as a cue (a line may break after a Han character)
// and meant as characters of the same UTF-8 lengths, so that the text's offsets stay as they are.
Result<std::vector<std::pair<std::shared_ptr<const re2::RE2>, std::string>>> misreadings(const YAML::Node& entries,
                                                                                         std::string_view source) {
  std::vector<std::pair<std::shared_ptr<const re2::RE2>, std::string>> out;
  if (!entries) return out;
  MIXTRACT_ASSIGN_OR_RETURN(YamlMap map, YamlMap::of(entries, source, "misreadings"));
  for (const auto& entry : entries) {
    const std::string read = entry.first.Scalar(), meant = entry.second.Scalar();
    const std::vector<char32_t> read_chars = utf8::decode(read), meant_chars = utf8::decode(meant);
    const bool same_lengths =
        std::equal(read_chars.begin(), read_chars.end(), meant_chars.begin(), meant_chars.end(),
                   [](char32_t a, char32_t b) { return utf8::encode({a}).size() == utf8::encode({b}).size(); });
    if (read.empty() || !same_lengths) {
      return map.error(read, "'" + meant + "' must be as many characters as '" + read + "', each of the same kind");
    }
    RE2::Options options;
    options.set_log_errors(false);
    std::string pattern = RE2::QuoteMeta(read);
    pattern.insert(0, 1, '(');  // (Not "(" + ...: GCC 12 warns of an overlap that is not there.)
    pattern += ')';
    auto regex = std::make_shared<const re2::RE2>(expand_cue(pattern), options);
    if (!regex->ok()) return map.error(read, regex->error());
    out.emplace_back(std::move(regex), meant);
  }
  return out;
}

}  // namespace

const std::vector<std::string_view>& cue_facts() {
  static const std::vector<std::string_view> kFacts{
      "name",         "gender", "birth_date", "study_start", "study_end", "school",      "major",
      "school_major", "level",  "degree",     "issue_date",  "id_number", "graduated_on"};
  return kFacts;
}

std::string expand_cue(std::string_view cue, const WordLists& words) {
  const std::vector<char32_t> chars = utf8::decode(cue);
  std::string out;
  bool in_class = false;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const char32_t c = chars[i];
    if (c == U'\\' && i + 1 < chars.size()) {  // An escape: copied as it is.
      utf8::append(c, out);
      utf8::append(chars[++i], out);
      continue;
    }
    if (!in_class && c == U'{') {
      const auto close = std::find(chars.begin() + static_cast<std::ptrdiff_t>(i), chars.end(), U'}');
      const std::string name =
          utf8::encode(std::vector<char32_t>(chars.begin() + static_cast<std::ptrdiff_t>(i) + 1, close));
      std::string expanded = shorthand(name);
      if (const auto list = words.find(name); expanded.empty() && list != words.end()) {
        for (const std::string& word : list->second) expanded += (expanded.empty() ? "(?:" : "|") + expand_cue(word);
        expanded += ")";
      }
      if (!expanded.empty()) {
        out += expanded;
        i = static_cast<std::size_t>(close - chars.begin());
        continue;
      }
    }
    if (!in_class && c == U'~') {
      out += "[^\\p{Han}\\d]{0,3}";
      continue;
    }
    if (c == U'[') in_class = true;
    if (c == U']') in_class = false;
    utf8::append(c, out);
    if (!in_class && utf8::is_han(c) && (i + 1 == chars.size() || !is_quantifier(chars[i + 1]))) out += "\\n?";
  }
  return out;
}

Result<CueSet> CueSet::parse(std::string_view yaml_text, std::string_view source) {
  MIXTRACT_ASSIGN_OR_RETURN(YAML::Node root, parse_yaml(yaml_text, source));
  MIXTRACT_ASSIGN_OR_RETURN(YamlMap top, YamlMap::of(root, source, ""));
  MIXTRACT_RETURN_IF_ERROR(top.check_keys({"page_words", "words", "misreadings", "values", "cues"}));
  CueSet set;
  MIXTRACT_ASSIGN_OR_RETURN(set.page_words_, top.string_list("page_words"));
  MIXTRACT_ASSIGN_OR_RETURN(const WordLists words, word_lists(top.get("words"), source));
  MIXTRACT_ASSIGN_OR_RETURN(set.misreadings_, misreadings(top.get("misreadings"), source));
  if (const YAML::Node values = top.get("values")) {
    MIXTRACT_ASSIGN_OR_RETURN(YamlMap facts, YamlMap::of(values, source, "values"));
    for (const auto& entry : values) {
      const std::string fact = entry.first.Scalar();
      if (std::find(cue_facts().begin(), cue_facts().end(), fact) == cue_facts().end()) {
        return facts.error(fact, "not a fact cues find");
      }
      MIXTRACT_RETURN_IF_ERROR(YamlMap::of(entry.second, source, facts.path_of(fact)).status());
      for (const auto& meaning : entry.second) set.values_[fact][meaning.first.Scalar()] = meaning.second.Scalar();
    }
  }
  const YAML::Node cues = top.get("cues");
  if (!cues || !cues.IsSequence()) return top.error("cues", "expected a list of cues");
  for (std::size_t i = 0; i < cues.size(); ++i) {
    const YAML::Node node = cues[i];
    std::string pattern;
    Cue cue;
    if (node.IsScalar()) {
      pattern = node.Scalar();
    } else {
      MIXTRACT_ASSIGN_OR_RETURN(YamlMap map, YamlMap::of(node, source, "cues[" + std::to_string(i) + "]"));
      MIXTRACT_RETURN_IF_ERROR(map.check_keys({"pattern", "weight"}));
      MIXTRACT_ASSIGN_OR_RETURN(pattern, map.required_string("pattern"));
      MIXTRACT_ASSIGN_OR_RETURN(std::optional<double> weight, map.optional_number("weight"));
      if (weight && (*weight <= 0 || *weight > 1)) return map.error("weight", "must be in (0, 1]");
      cue.weight = static_cast<float>(weight.value_or(1));
    }
    RE2::Options options;
    options.set_log_errors(false);
    cue.regex = std::make_shared<const re2::RE2>(expand_cue(pattern, words), options);
    if (!cue.regex->ok()) return cue_error(node, source, i, "'" + pattern + "': " + cue.regex->error());
    for (const auto& [name, group] : cue.regex->NamedCapturingGroups()) {
      if (std::find(cue_facts().begin(), cue_facts().end(), name) == cue_facts().end()) {
        return cue_error(node, source, i, "'" + pattern + "': group '" + name + "' is not a fact cues find");
      }
      cue.groups.emplace_back(group, name);
    }
    if (cue.groups.empty()) return cue_error(node, source, i, "'" + pattern + "' names no fact (?P<fact>...)");
    set.cues_.push_back(std::move(cue));
  }
  return set;
}

const CueSet& CueSet::builtin() {
  static const CueSet kBuiltin = [] {
    for (const BuiltinText& text : builtin_data_texts()) {
      if (text.name != "certificate_cues") continue;
      Result<CueSet> set = parse(text.text, "<builtin:certificate_cues.yaml>");
      if (set.ok()) return *std::move(set);
    }
    return CueSet();  // Not reached: the built-in cues are parsed by the tests.
  }();
  return kBuiltin;
}

bool CueSet::reads(const JoinedText& text) const {
  return std::any_of(page_words_.begin(), page_words_.end(),
                     [&](const std::string& word) { return text.text.find(word) != std::string::npos; });
}

JoinedText CueSet::mended(const JoinedText& read) const {
  JoinedText text = read;
  for (const auto& [misread, meant_text] : misreadings_) {
    re2::StringPiece rest(text.text), found;
    while (RE2::FindAndConsume(&rest, *misread, &found)) {
      // The characters found, line breaks passed over, become the meant ones, one by one.
      std::size_t at = static_cast<std::size_t>(found.data() - text.text.data());
      for (const char32_t c : utf8::decode(meant_text)) {
        if (text.text[at] == '\n') ++at;
        const std::string meant = utf8::encode({c});
        std::copy(meant.begin(), meant.end(), text.text.begin() + static_cast<std::ptrdiff_t>(at));
        at += meant.size();
      }
    }
  }
  return text;
}

std::vector<Finding> CueSet::find(const JoinedText& text) const {
  std::vector<Finding> findings;
  for (std::size_t c = 0; c < cues_.size(); ++c) {
    const Cue& cue = cues_[c];
    const int count = cue.regex->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(count) + 1);
    std::size_t at = 0;
    while (at <= text.text.size() &&
           cue.regex->Match(text.text, at, text.text.size(), RE2::UNANCHORED, pieces.data(), count + 1)) {
      for (const auto& [group, fact] : cue.groups) {
        const re2::StringPiece piece = pieces[static_cast<std::size_t>(group)];
        if (piece.data() == nullptr) continue;  // The group took no part in the match.
        const std::size_t begin = static_cast<std::size_t>(piece.data() - text.text.data());
        Finding finding{fact, text.value(begin, begin + piece.size()), cue.weight, c, begin, begin + piece.size()};
        if (!finding.value.value.empty()) findings.push_back(std::move(finding));
      }
      const std::size_t end = static_cast<std::size_t>(pieces[0].data() - text.text.data()) + pieces[0].size();
      if (end > at) {
        at = end;
      } else {  // An empty match: on to the next character.
        do ++at;
        while (at < text.text.size() && (static_cast<unsigned char>(text.text[at]) & 0xC0) == 0x80);
      }
    }
  }
  return findings;
}

std::string CueSet::meaning(std::string_view fact, const std::string& value) const {
  const auto fact_values = values_.find(fact);
  if (fact_values == values_.end()) return value;
  const auto it = fact_values->second.find(value);
  return it == fact_values->second.end() ? value : it->second;
}

const re2::RE2& any_date() {
  static const re2::RE2 kDate(expand_cue("({DATE})"));
  return kDate;
}

}  // namespace mixtract
