// The layers of the library (docs/architecture.md): a file of src/ may include headers of its own folder
// and of lower layers, never a higher layer's or a sibling's; a public header (include/mixtract/) belongs
// to the layer that implements it.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace mixtract {
namespace {

namespace fs = std::filesystem;

// The folders of src/, lowest first: a higher number may include a lower one.
const std::map<std::string, int> kLayer = {
    {"core", 0},                                // Schema, record, status, document, the expert interface.
    {"io", 1},                                  // Files, tables and stores: no knowledge of documents.
    {"ocr", 2},      {"llm", 2},   {"nlp", 2},  // Engines: page readers, LLMs, segmenters and taggers.
    {"rules", 2},                               // What documents say: validators, dates, tables.
    {"experts", 3},  {"gate", 3},               // Who proposes values; who chooses among them.
    {"pipeline", 4},                            // A document's way through experts and gate; persons.
    {"eval", 5},     {"queue", 5},              // Scoring; the job queue.
    {"tune", 6},                                // Learning routes, by scoring them.
    {"server", 7},                              // The HTTP API, on the queue or the batch store.
};

// The layer (a folder of src/) that implements each public header.
const std::map<std::string, std::string> kFolderOfPublicHeader = {
    {"batch.h", "pipeline"},     {"batch_outputs.h", "pipeline"},
    {"candidate.h", "core"},     {"document.h", "core"},
    {"education.h", "core"},     {"engine.h", "pipeline"},
    {"eval.h", "eval"},          {"expert.h", "core"},
    {"extractor.h", "pipeline"}, {"inputs.h", "pipeline"},
    {"persons.h", "pipeline"},   {"record.h", "core"},
    {"registry.h", "experts"},   {"schema.h", "core"},
    {"status.h", "core"},        {"version.h", "core"},
    {"writers.h", "io"},
};

// The layer's folder of the header `included` names ("core/utf8.h", "mixtract/schema.h"); "" when it
// is no header of the library (a third party's, or one beside the file).
std::string folder_of(const std::string& included) {
  const std::string first = included.substr(0, included.find('/'));
  if (first == "mixtract") {
    const auto known = kFolderOfPublicHeader.find(included.substr(first.size() + 1));
    return known == kFolderOfPublicHeader.end() ? "?" : known->second;
  }
  return included.find('/') != std::string::npos && kLayer.contains(first) ? first : "";
}

struct Include {
  std::string file;  // Relative to the source tree.
  std::string folder;
  std::string header;
};

std::vector<Include> library_includes() {
  const fs::path root = MIXTRACT_SOURCE_DIR;
  std::vector<Include> out;
  const std::regex include_line(R"re(^\s*#\s*include\s+"([^"]+)")re");
  for (const fs::path& top : {root / "src", root / "include" / "mixtract"}) {
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(top)) {
      const std::string extension = entry.path().extension().string();
      if (!entry.is_regular_file() || (extension != ".h" && extension != ".cc")) continue;
      const std::string file = fs::relative(entry.path(), root).generic_string();
      const std::string folder = file.starts_with("src/") ? file.substr(4, file.find('/', 4) - 4)
                                                          : folder_of("mixtract/" + entry.path().filename().string());
      std::ifstream in(entry.path());
      std::string line;
      std::smatch match;
      while (std::getline(in, line)) {
        if (std::regex_search(line, match, include_line)) out.push_back({file, folder, match[1]});
      }
    }
  }
  return out;
}

TEST(LayeringTest, NoFileIncludesAHigherLayerOrASibling) {
  const std::vector<Include> includes = library_includes();
  ASSERT_GT(includes.size(), 300u);  // The tree was found.
  for (const Include& include : includes) {
    ASSERT_TRUE(kLayer.contains(include.folder))
        << include.file << ": its folder is in no layer; add it to kLayer here and to docs/architecture.md";
    const std::string target = folder_of(include.header);
    ASSERT_NE(target, "?") << include.file << " includes " << include.header
                           << ", a public header in no layer; add it to kFolderOfPublicHeader";
    if (target.empty() || target == include.folder) continue;
    EXPECT_LT(kLayer.at(target), kLayer.at(include.folder))
        << include.file << " includes " << include.header << ": layer " << target << " is not below " << include.folder
        << " (docs/architecture.md)";
  }
}

// A public header includes the standard library and other public headers only: a library user needs no
// third party's headers, except OpenCV's matrix in document.h (the pixels a plug-in expert reads).
TEST(LayeringTest, PublicHeadersCarryNoThirdPartyTypes) {
  const fs::path root = MIXTRACT_SOURCE_DIR;
  const std::regex angle_include(R"re(^\s*#\s*include\s+<([^>]+)>)re");
  std::size_t headers = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(root / "include" / "mixtract")) {
    std::ifstream in(entry.path());
    ++headers;
    std::string line;
    std::smatch match;
    while (std::getline(in, line)) {
      if (!std::regex_search(line, match, angle_include)) continue;
      const std::string header = match[1];
      const bool standard = header.find('/') == std::string::npos && header.find('.') == std::string::npos;
      const bool allowed = entry.path().filename() == "document.h" && header == "opencv2/core/mat.hpp";
      EXPECT_TRUE(standard || allowed) << entry.path().filename().string() << " includes <" << header << ">";
    }
  }
  EXPECT_GT(headers, 10u);  // The folder was found.
}

// cpp-httplib stays behind two thin adapters: the service's (routes see server/http.h) and the LLM client's
// connections.
TEST(LayeringTest, TheHttpLibraryIsIncludedByItsAdaptersOnly) {
  const std::set<std::string> adapters = {"src/llm/http_connections.cc", "src/server/http.cc",
                                          "src/server/http_server.cc", "src/server/reception.cc"};
  const fs::path root = MIXTRACT_SOURCE_DIR;
  const std::regex httplib_include(R"re(^\s*#\s*include\s+<httplib\.h>)re");
  std::size_t including = 0;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root / "src")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (!std::regex_search(line, httplib_include)) continue;
      const std::string file = fs::relative(entry.path(), root).generic_string();
      EXPECT_TRUE(adapters.contains(file)) << file << " includes <httplib.h>: use server/http.h";
      ++including;
    }
  }
  EXPECT_EQ(including, adapters.size());
}

}  // namespace
}  // namespace mixtract
