// `mixtract serve` (or any `mixtract` command that first prints where it listens) as a child process,
// for the tests that call the HTTP service.
#ifndef MIXTRACT_TESTS_SERVER_PROCESS_H_
#define MIXTRACT_TESTS_SERVER_PROCESS_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include <signal.h>
#include <spawn.h>

extern char** environ;

namespace mixtract::testing {

// `mixtract ARGS` in the background; its first line of output names the port.
class ServerProcess {
 public:
  explicit ServerProcess(const std::vector<std::string>& args) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    std::vector<std::string> all = {MIXTRACT_BIN};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, MIXTRACT_BIN, &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    output_ = fdopen(pipe_fds[0], "r");
    char line[1024];
    if (pid_ > 0 && output_ && fgets(line, sizeof line, output_)) {
      first_line_ = line;
      const std::size_t colon = first_line_.find("127.0.0.1:");
      if (colon != std::string::npos) port_ = std::stoi(first_line_.substr(colon + 10));
    }
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (output_) fclose(output_);
  }
  int port() const { return port_; }
  const std::string& first_line() const { return first_line_; }
  // Sends SIGTERM and returns the exit status.
  int terminate() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  FILE* output_ = nullptr;
  std::string first_line_;
  int port_ = 0;
};

}  // namespace mixtract::testing

#endif  // MIXTRACT_TESTS_SERVER_PROCESS_H_
