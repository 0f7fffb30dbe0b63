#include "mixtract/job_store.h"

#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

TEST(JobStoreTest, KeepsResultsAcrossOpensUnlessFresh) {
  mixtract::testing::ScratchDir scratch;
  const std::filesystem::path file = scratch.path() / "run.job.sqlite";
  {
    Result<std::unique_ptr<JobStore>> store = JobStore::open(file, true);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_FALSE((*store)->done("a.jpg")->has_value());
    ASSERT_TRUE((*store)->put("a.jpg", R"({"source":"a.jpg"})").ok());
    ASSERT_TRUE((*store)->put("a.jpg", R"({"source":"a.jpg","again":1})").ok());  // Replaced.
  }
  Result<std::unique_ptr<JobStore>> resumed = JobStore::open(file, false);
  ASSERT_TRUE(resumed.ok());
  EXPECT_EQ((*resumed)->done("a.jpg")->value_or(""), R"({"source":"a.jpg","again":1})");
  EXPECT_FALSE((*resumed)->done("b.jpg")->has_value());
  EXPECT_TRUE((*resumed)->contains("a.jpg").value());
  EXPECT_FALSE((*resumed)->contains("b.jpg").value());
  resumed->reset();
  Result<std::unique_ptr<JobStore>> fresh = JobStore::open(file, true);
  ASSERT_TRUE(fresh.ok());
  EXPECT_FALSE((*fresh)->done("a.jpg")->has_value());
}

TEST(JobStoreTest, AFileThatIsNoStoreIsAClearError) {
  mixtract::testing::ScratchDir scratch;
  const std::filesystem::path file = scratch.path() / "notes.txt";
  std::ofstream(file) << std::string(4096, 'x');
  EXPECT_THAT(JobStore::open(file, false).status().message(), HasSubstr("notes.txt: not a usable job store"));
  EXPECT_THAT(JobStore::open(scratch.path() / "no" / "such" / "x.sqlite", false).status().message(),
              HasSubstr("cannot open the job store"));
}

}  // namespace
}  // namespace mixtract
