// Helpers shared by the tests: scratch folders, reading files, and the project's shared data.
#ifndef MIXTRACT_TESTS_TEST_SUPPORT_H_
#define MIXTRACT_TESTS_TEST_SUPPORT_H_

#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

namespace mixtract::testing {

// A scratch folder for the running test: unique per test and process, so that tests run in parallel
// (ctest -j) never share files. Created empty; removed when the ScratchDir goes out of scope.
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

// The whole content of a file ("" when it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Runs `command` with the shell; its standard output goes to `output`. Returns pclose's status (0: it
// exited with 0).
inline int run_command(const std::string& command, std::string& output) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  return pclose(pipe);
}

// A loopback port nothing listens on now.
inline int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

// A file of ../shared/data/ beside the checkout, or "" when there is none (a user's clone): the test
// then skips with kNoSharedData.
inline std::filesystem::path shared_data(const std::string& name) {
  const std::filesystem::path path = std::filesystem::path(MIXTRACT_SOURCE_DIR) / "../shared/data" / name;
  return std::filesystem::exists(path) ? path : std::filesystem::path();
}
inline constexpr const char* kNoSharedData =
    "../shared/data/ is not beside this checkout (a user's clone has no shared/); the project's CI has it";

}  // namespace mixtract::testing

#endif  // MIXTRACT_TESTS_TEST_SUPPORT_H_
