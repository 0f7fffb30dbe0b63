#include "io/analysis_cache.h"

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

class AnalysisCacheTest : public ::testing::Test {
 protected:
  mixtract::testing::ScratchDir scratch_;
  const std::filesystem::path& dir_ = scratch_.path();
};

TEST_F(AnalysisCacheTest, StoresReplacesAndPersists) {
  {
    Result<std::unique_ptr<AnalysisCache>> cache = AnalysisCache::open(dir_ / "sub" / "c.sqlite", 1 << 20);
    ASSERT_TRUE(cache.ok()) << cache.status().message();
    EXPECT_FALSE((*cache)->get("k").has_value());
    ASSERT_TRUE((*cache)->put("k", "first").ok());
    ASSERT_TRUE((*cache)->put("k", std::string("sec\0ond", 7)).ok());  // Binary-safe, replaced.
    EXPECT_EQ((*cache)->get("k"), std::string("sec\0ond", 7));
    EXPECT_EQ((*cache)->entries(), 1u);
    EXPECT_EQ((*cache)->total_bytes(), 7u);
  }
  Result<std::unique_ptr<AnalysisCache>> reopened = AnalysisCache::open(dir_ / "sub" / "c.sqlite", 1 << 20);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->get("k"), std::string("sec\0ond", 7));
}

TEST_F(AnalysisCacheTest, EvictsTheLeastRecentlyUsedBeyondTheLimit) {
  Result<std::unique_ptr<AnalysisCache>> cache = AnalysisCache::open(dir_ / "c.sqlite", 250);
  ASSERT_TRUE(cache.ok());
  const std::string hundred(100, 'x');
  ASSERT_TRUE((*cache)->put("a", hundred).ok());
  ASSERT_TRUE((*cache)->put("b", hundred).ok());
  EXPECT_TRUE((*cache)->get("a").has_value());  // "a" is now more recent than "b".
  ASSERT_TRUE((*cache)->put("c", hundred).ok());
  EXPECT_TRUE((*cache)->get("a").has_value());
  EXPECT_FALSE((*cache)->get("b").has_value());
  EXPECT_TRUE((*cache)->get("c").has_value());
  EXPECT_LE((*cache)->total_bytes(), 250u);
}

TEST_F(AnalysisCacheTest, AFileThatIsNotACacheIsAClearError) {
  std::filesystem::create_directories(dir_);
  std::ofstream(dir_ / "c.sqlite") << "this is not an SQLite database, but it is long enough to be read as one......";
  Result<std::unique_ptr<AnalysisCache>> cache = AnalysisCache::open(dir_ / "c.sqlite", 1 << 20);
  ASSERT_FALSE(cache.ok());
  EXPECT_THAT(cache.status().message(), HasSubstr("c.sqlite"));
  EXPECT_THAT(cache.status().message(), HasSubstr("delete it, or run with --no-cache"));
}

}  // namespace
}  // namespace mixtract
