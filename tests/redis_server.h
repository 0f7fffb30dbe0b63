// Debian's redis-server for the queue's tests: on a free loopback port, its files in a folder of the
// test's, stopped when the object goes.
#ifndef MIXTRACT_TESTS_REDIS_SERVER_H_
#define MIXTRACT_TESTS_REDIS_SERVER_H_

#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <signal.h>
#include <spawn.h>

#include "queue/redis_connection.h"
#include "test_support.h"

extern char** environ;

namespace mixtract::testing {

class RedisServer {
 public:
  // `append_only`: every write logged to disk (AOF), so that a restart keeps what was written.
  RedisServer(std::filesystem::path dir, bool append_only) : dir_(std::move(dir)), append_only_(append_only) {
    std::filesystem::create_directories(dir_);
    port_ = free_port();
    start();
  }
  ~RedisServer() { stop(); }
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  bool running() const { return pid_ > 0; }
  int port() const { return port_; }
  std::string url(const std::string& stream) const {
    return "redis://127.0.0.1:" + std::to_string(port_) + "/" + stream;
  }

  // Stopped (SIGTERM: it writes what it holds) and started again on the same port.
  void restart() {
    stop();
    start();
  }

 private:
  void start() {
    std::vector<std::string> args = {"redis-server",
                                     "--port",
                                     std::to_string(port_),
                                     "--bind",
                                     "127.0.0.1",
                                     "--save",
                                     "",
                                     "--appendonly",
                                     append_only_ ? "yes" : "no",
                                     "--dir",
                                     dir_.string(),
                                     "--logfile",
                                     "redis.log"};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawnp(&pid_, "redis-server", nullptr, nullptr, argv.data(), environ) != 0) {
      pid_ = -1;
      return;
    }
    for (int i = 0; i < 200; ++i) {  // Up within a second or two.
      if (RedisConnection::open("127.0.0.1", port_).ok()) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    stop();
  }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  std::filesystem::path dir_;
  bool append_only_ = false;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace mixtract::testing

#endif  // MIXTRACT_TESTS_REDIS_SERVER_H_
