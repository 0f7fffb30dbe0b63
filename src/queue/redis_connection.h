// One connection to a Redis server, over hiredis: commands given as argument lists (no format strings,
// so no value is ever parsed as a command), replies copied into plain values. Not thread-safe: one
// connection per thread.
#ifndef MIXTRACT_QUEUE_REDIS_CONNECTION_H_
#define MIXTRACT_QUEUE_REDIS_CONNECTION_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/status.h"

struct redisContext;

namespace mixtract {

// A reply, whatever its shape: nil, an integer, a string (bulk or status) or an array of replies.
// Error replies never reach here: `RedisConnection::command` returns them as a Status.
struct RedisReply {
  enum class Kind { kNil, kInteger, kString, kArray };
  Kind kind = Kind::kNil;
  long long integer = 0;
  std::string text;
  std::vector<RedisReply> elements;

  bool is_nil() const { return kind == Kind::kNil; }
};

class RedisConnection {
 public:
  // Connects to HOST:PORT within `timeout_ms`, which also bounds each reply's wait (a blocking read
  // asks for less). An unreachable server is kUnavailable, naming the address.
  static Result<RedisConnection> open(const std::string& host, int port, int timeout_ms = 5000);

  RedisConnection(RedisConnection&&) noexcept;
  RedisConnection& operator=(RedisConnection&&) noexcept;
  ~RedisConnection();

  // Sends one command, e.g. {"XACK", stream, group, id}, and waits for its reply. A broken connection is
  // kUnavailable (the connection is then unusable: open another); an error reply is kInvalidArgument
  // with Redis's own message, the command's name before it.
  Result<RedisReply> command(const std::vector<std::string_view>& arguments);

  const std::string& address() const { return address_; }

 private:
  struct Free {
    void operator()(redisContext* context) const;
  };
  RedisConnection(std::unique_ptr<redisContext, Free> context, std::string address);

  std::unique_ptr<redisContext, Free> context_;
  std::string address_;  // HOST:PORT, for messages.
};

}  // namespace mixtract

#endif  // MIXTRACT_QUEUE_REDIS_CONNECTION_H_
