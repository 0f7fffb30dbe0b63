#include "io/job_store.h"

#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mixtract/document.h"
#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

TEST(JobStoreTest, KeepsResultsAcrossOpensUnlessFresh) {
  mixtract::testing::ScratchDir scratch;
  const std::filesystem::path file = scratch.path() / "run.job.sqlite";
  {
    Result<std::unique_ptr<JobStore>> store = JobStore::open(file, true, "settings 1");
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_FALSE((*store)->done("a.jpg")->has_value());
    ASSERT_TRUE((*store)->put("a.jpg", "hash", R"({"source":"a.jpg"})").ok());
    ASSERT_TRUE((*store)->put("a.jpg", "hash", R"({"source":"a.jpg","again":1})").ok());  // Replaced.
  }
  Result<std::unique_ptr<JobStore>> resumed = JobStore::open(file, false, "settings 1");
  ASSERT_TRUE(resumed.ok());
  EXPECT_FALSE((*resumed)->emptied_for_other_settings());
  EXPECT_EQ((*resumed)->done("a.jpg")->value_or(""), R"({"source":"a.jpg","again":1})");
  EXPECT_FALSE((*resumed)->done("b.jpg")->has_value());
  resumed->reset();
  Result<std::unique_ptr<JobStore>> fresh = JobStore::open(file, true, "settings 1");
  ASSERT_TRUE(fresh.ok());
  EXPECT_FALSE((*fresh)->emptied_for_other_settings());  // Asked for: nothing to report.
  EXPECT_FALSE((*fresh)->done("a.jpg")->has_value());
}

TEST(JobStoreTest, AFileHoldsOnlyWithTheContentItWasStoredWith) {
  mixtract::testing::ScratchDir scratch;
  const std::filesystem::path page = scratch.path() / "a.jpg";
  std::ofstream(page) << "first content";
  Result<std::unique_ptr<JobStore>> store = JobStore::open(scratch.path() / "run.job.sqlite", true, "s");
  ASSERT_TRUE(store.ok());
  // Whether the store holds the page as it is now ("" as the hash of a page that cannot be read).
  auto holds_now = [&] {
    const Result<std::string> hash = content_hash_of(page);
    return (*store)->holds(page.string(), hash.ok() ? *hash : "").value();
  };
  EXPECT_FALSE(holds_now());
  ASSERT_TRUE((*store)->put(page.string(), content_hash_of(page).value(), "{}").ok());
  EXPECT_TRUE(holds_now());
  std::ofstream(page) << "replaced content";
  EXPECT_FALSE(holds_now());
  std::filesystem::remove(page);
  EXPECT_FALSE(holds_now());  // Gone: read again, to fail with the reason.
}

TEST(JobStoreTest, OtherSettingsEmptyTheStoreAndSaySo) {
  mixtract::testing::ScratchDir scratch;
  const std::filesystem::path file = scratch.path() / "run.job.sqlite";
  ASSERT_TRUE((*JobStore::open(file, true, "settings 1"))->put("a.jpg", "hash", "{}").ok());
  Result<std::unique_ptr<JobStore>> other = JobStore::open(file, false, "settings 2");
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE((*other)->emptied_for_other_settings());
  EXPECT_FALSE((*other)->done("a.jpg")->has_value());
  ASSERT_TRUE((*other)->put("a.jpg", "hash", "{}").ok());
  other->reset();
  Result<std::unique_ptr<JobStore>> same = JobStore::open(file, false, "settings 2");  // The new ones were kept.
  EXPECT_FALSE((*same)->emptied_for_other_settings());
  EXPECT_TRUE((*same)->done("a.jpg")->has_value());
}

TEST(JobStoreTest, AFileThatIsNoStoreIsAClearError) {
  mixtract::testing::ScratchDir scratch;
  const std::filesystem::path file = scratch.path() / "notes.txt";
  std::ofstream(file) << std::string(4096, 'x');
  EXPECT_THAT(JobStore::open(file, false, "").status().message(), HasSubstr("notes.txt: not a usable job store"));
  EXPECT_THAT(JobStore::open(scratch.path() / "no" / "such" / "x.sqlite", false, "").status().message(),
              HasSubstr("cannot open the job store"));
}

}  // namespace
}  // namespace mixtract
