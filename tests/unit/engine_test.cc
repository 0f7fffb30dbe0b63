// The engine on the public API: plug-in experts join the built-in ones and are routed to by name.
#include "mixtract/engine.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

namespace mixtract {
namespace {

using ::testing::HasSubstr;

// Proposes the same value for every field asked of it.
class StampExpert final : public Expert {
 public:
  std::string_view name() const override { return "stamp"; }
  Result<std::vector<Candidate>> propose(const Document&, std::span<const FieldSpec* const> fields) const override {
    std::vector<Candidate> out;
    for (const FieldSpec* field : fields) {
      Candidate candidate;
      candidate.field = field->name;
      candidate.value = "校长印";
      candidate.confidence = 0.99;
      out.push_back(std::move(candidate));
    }
    return out;
  }
};

Schema schema_routed_to(const std::string& expert) {
  return parse_schema("name: t\ntitle: T\nfields:\n  - {name: seal, label: 印章, kind: text, route: {experts: [" +
                          expert + "]}}\n",
                      "t.yaml")
      .value();
}

Document blank_page() {
  std::vector<unsigned char> png;
  cv::imencode(".png", cv::Mat(8, 8, CV_8UC3, cv::Scalar(255, 255, 255)), png);
  return Document::decode(std::string(png.begin(), png.end()), "page.png").value();
}

TEST(EngineTest, APlugInExpertIsRoutedToByNameLikeABuiltInOne) {
  Result<Engine> engine = Engine::create(EngineOptions{});  // No setup folder: no model is loaded here.
  ASSERT_TRUE(engine.ok()) << engine.status().message();
  const ExpertFactory stamp = []() -> Result<std::unique_ptr<Expert>> {
    return std::unique_ptr<Expert>(std::make_unique<StampExpert>());
  };
  ASSERT_TRUE(engine->add_expert("stamp", "reads the school's seal", stamp).ok());
  EXPECT_TRUE(engine->registry().contains("stamp"));
  EXPECT_FALSE(engine->add_expert("file_name", "", stamp).ok());  // A built-in expert's name is taken.

  Result<Extractor> extractor = engine->extractor({schema_routed_to("stamp")});
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  const Record record = extractor->extract(blank_page());
  ASSERT_NE(record.find("seal"), nullptr);
  EXPECT_EQ(record.find("seal")->value, "校长印");
  EXPECT_EQ(record.find("seal")->expert, "stamp");

  Result<Extractor> unknown = engine->extractor({schema_routed_to("seal_reader")});
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.status().message(), HasSubstr("field seal"));
  EXPECT_THAT(unknown.status().message(), HasSubstr("stamp"));  // The plug-in is among the known experts.
}

TEST(DefaultCacheFileTest, FollowsTheEnvironment) {
  setenv("MIXTRACT_CACHE_DIR", "/somewhere", 1);
  EXPECT_EQ(default_cache_file(), std::filesystem::path("/somewhere/analyses.sqlite"));
  unsetenv("MIXTRACT_CACHE_DIR");
  setenv("XDG_CACHE_HOME", "/xdg", 1);
  EXPECT_EQ(default_cache_file(), std::filesystem::path("/xdg/mixtract/analyses.sqlite"));
  unsetenv("XDG_CACHE_HOME");
}

}  // namespace
}  // namespace mixtract
