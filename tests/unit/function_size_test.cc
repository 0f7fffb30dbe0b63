// Every function of the project is under 60 lines (docs/architecture.md). A function is found as
// clang-format lays it out: a definition starting at the line's first column, its opening brace ending a
// line within the next few, its closing brace opening a later line; its size is the lines from the
// opening brace's to the closing brace's, as clang-tidy's readability-function-size counts them.
// Member functions written inside a class body are not seen (they are short by custom here).
#include <algorithm>
#include <array>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace mixtract {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxLines = 59;

struct Definition {
  std::size_t line = 0;  // Where it starts, counting from 1.
  std::size_t lines = 0;
  std::string signature;
};

bool opens_definition(std::string_view line) {
  static constexpr std::array<std::string_view, 12> kNotFunctions = {
      "//", "#", "}", "namespace", "using", "class ", "struct ", "enum ", "template", "extern", "static_assert", "*"};
  if (line.empty() || line[0] == ' ' || line.find('(') == std::string_view::npos) return false;
  return std::none_of(kNotFunctions.begin(), kNotFunctions.end(),
                      [&](std::string_view start) { return line.starts_with(start); });
}

std::string_view trimmed_end(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

// The definitions of `lines` (a source file's) at the first column, with their sizes.
std::vector<Definition> definitions(const std::vector<std::string>& lines) {
  std::vector<Definition> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!opens_definition(lines[i])) continue;
    std::size_t brace = i;
    while (brace < lines.size() && brace < i + 8 && !trimmed_end(lines[brace]).ends_with('{') &&
           !trimmed_end(lines[brace]).ends_with(';')) {
      ++brace;
    }
    if (brace == lines.size() || !trimmed_end(lines[brace]).ends_with('{') ||
        trimmed_end(lines[brace]).ends_with("= {")) {
      continue;
    }
    std::size_t end = brace + 1;
    while (end < lines.size() && !lines[end].starts_with('}')) ++end;
    out.push_back({i + 1, end - brace, lines[i]});
    i = end;
  }
  return out;
}

std::vector<std::string> lines_of(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(FunctionSizeTest, FindsEachFunctionWithItsSize) {
  std::vector<std::string> text = {"// A comment (with brackets).",
                                   "int small(int a) {",
                                   "  return a;",
                                   "}",
                                   "",
                                   "Result<Table> Table::load(const std::filesystem::path& file,",
                                   "                          bool strict) {"};
  for (int i = 0; i < 60; ++i) text.push_back("  step();");
  text.insert(text.end(), {"}", "const std::map<std::string, int> kTable = {", "    {\"a\", 1},", "};",
                           "TEST(T, Name) {", "  EXPECT_TRUE(true);", "}"});
  const std::vector<Definition> found = definitions(text);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].line, 2u);
  EXPECT_EQ(found[0].lines, 2u);
  EXPECT_EQ(found[1].line, 6u);
  EXPECT_EQ(found[1].lines, 61u);
  EXPECT_GT(found[1].lines, kMaxLines);
  EXPECT_EQ(found[2].signature, "TEST(T, Name) {");
  EXPECT_EQ(found[2].lines, 2u);
}

TEST(FunctionSizeTest, EveryFunctionIsUnderSixtyLines) {
  const fs::path root = MIXTRACT_SOURCE_DIR;
  std::size_t seen = 0;
  for (const char* top : {"src", "tools", "bench", "tests", "examples"}) {
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root / top)) {
      const std::string extension = entry.path().extension().string();
      if (!entry.is_regular_file() || (extension != ".h" && extension != ".cc")) continue;
      for (const Definition& definition : definitions(lines_of(entry.path()))) {
        ++seen;
        EXPECT_LE(definition.lines, kMaxLines)
            << fs::relative(entry.path(), root).generic_string() << ":" << definition.line << ": "
            << definition.signature << " runs " << definition.lines << " lines: split it";
      }
    }
  }
  EXPECT_GT(seen, 1000u);  // The tree was found.
}

}  // namespace
}  // namespace mixtract
