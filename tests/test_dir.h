// A scratch folder for the running test: unique per test and process, so that tests run in parallel
// (ctest -j) never share files. Created empty; ScratchDir removes it when it goes out of scope.
#ifndef MIXTRACT_TESTS_TEST_DIR_H_
#define MIXTRACT_TESTS_TEST_DIR_H_

#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace mixtract::testing {

class ScratchDir {
 public:
  ScratchDir() {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::path(::testing::TempDir()) / ("mixtract-" + std::string(test->test_suite_name()) + "-" +
                                                           test->name() + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace mixtract::testing

#endif  // MIXTRACT_TESTS_TEST_DIR_H_
