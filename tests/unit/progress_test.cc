#include "progress.h"

#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mixtract::cli {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;
using ::testing::Not;

struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  Progress::Clock clock() {
    return [this] { return now; };
  }
};

TEST(ProgressTest, PlainLinesNowAndThenWithRateTimeLeftAndFailures) {
  FakeClock time;
  std::ostringstream out;
  Progress progress(10, out, /*terminal=*/false, seconds(30), time.clock());
  time.now += seconds(10);
  progress.advance(false);
  EXPECT_EQ(out.str(), "");  // Not 30 s yet.
  time.now += seconds(20);
  progress.advance(true);  // 2 done in 30 s: 0.07/s, 8 left: 120 s.
  EXPECT_EQ(out.str(), "progress: 2/10 documents · 0.1/s · 2 min 0 s left · 1 failed\n");
  for (int i = 0; i < 8; ++i) time.now += seconds(5), progress.advance(false);
  progress.finish();
  EXPECT_THAT(out.str(), HasSubstr("progress: 10/10 documents · 0.1/s · 1 failed\n"));
}

TEST(ProgressTest, ATerminalLineIsRedrawnInPlace) {
  FakeClock time;
  std::ostringstream out;
  Progress progress(4, out, /*terminal=*/true, seconds(30), time.clock());
  time.now += seconds(1);
  progress.advance(false);
  EXPECT_EQ(out.str(), "\r[######..................] 1/4 documents · 1.0/s · 3 s left\033[K");
  progress.clear();
  EXPECT_THAT(out.str(), testing::EndsWith("\r\033[K"));
  time.now += seconds(1);
  for (int i = 0; i < 3; ++i) progress.advance(false);  // The last one is drawn however soon it comes.
  EXPECT_THAT(out.str(), HasSubstr("[########################] 4/4 documents"));
  EXPECT_THAT(out.str(), Not(HasSubstr("left\033[K\n")));
  progress.finish();
  EXPECT_THAT(out.str(), testing::EndsWith("\n"));
}

TEST(ProgressTest, TheLastLineIsNotRepeatedOffTerminal) {
  FakeClock time;
  std::ostringstream out;
  Progress progress(2, out, /*terminal=*/false, seconds(30), time.clock());
  time.now += seconds(31);
  progress.advance(false);
  time.now += seconds(31);
  progress.advance(false);  // Shown: 30 s went by.
  progress.finish();
  EXPECT_EQ(out.str(), "progress: 1/2 documents · 0.0/s · 31 s left\nprogress: 2/2 documents · 0.0/s\n");
}

TEST(ProgressTest, NothingIsWrittenForAQuickBatchOffTerminal) {
  FakeClock time;
  std::ostringstream out;
  Progress progress(3, out, /*terminal=*/false, seconds(30), time.clock());
  for (int i = 0; i < 3; ++i) progress.advance(false);
  progress.finish();
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace mixtract::cli
