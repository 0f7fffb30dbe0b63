#include "queue/redis_connection.h"

#include <sys/time.h>

#include <hiredis/hiredis.h>

namespace mixtract {
namespace {

RedisReply copy_of(const redisReply& reply) {
  RedisReply copy;
  switch (reply.type) {
    case REDIS_REPLY_INTEGER:
      copy.kind = RedisReply::Kind::kInteger;
      copy.integer = reply.integer;
      break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
      copy.kind = RedisReply::Kind::kString;
      copy.text.assign(reply.str, reply.len);
      break;
    case REDIS_REPLY_ARRAY:
      copy.kind = RedisReply::Kind::kArray;
      for (std::size_t i = 0; i < reply.elements; ++i) copy.elements.push_back(copy_of(*reply.element[i]));
      break;
    default: break;  // Nil.
  }
  return copy;
}

}  // namespace

void RedisConnection::Free::operator()(redisContext* context) const {
  redisFree(context);
}

RedisConnection::RedisConnection(std::unique_ptr<redisContext, Free> context, std::string address)
    : context_(std::move(context)), address_(std::move(address)) {}
RedisConnection::RedisConnection(RedisConnection&&) noexcept = default;
RedisConnection& RedisConnection::operator=(RedisConnection&&) noexcept = default;
RedisConnection::~RedisConnection() = default;

Result<RedisConnection> RedisConnection::open(const std::string& host, int port, int timeout_ms) {
  const std::string address = host + ":" + std::to_string(port);
  const timeval timeout{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  std::unique_ptr<redisContext, Free> context(redisConnectWithTimeout(host.c_str(), port, timeout));
  if (context == nullptr) return Status::unavailable("cannot reach Redis at " + address + ": out of memory");
  if (context->err != 0) {
    return Status::unavailable("cannot reach Redis at " + address + ": " + context->errstr +
                               " (is redis-server running there?)");
  }
  if (redisSetTimeout(context.get(), timeout) != REDIS_OK) {
    return Status::unavailable("cannot set the reply timeout on Redis at " + address);
  }
  return RedisConnection(std::move(context), address);
}

Result<RedisReply> RedisConnection::command(const std::vector<std::string_view>& arguments) {
  if (arguments.empty()) return Status::invalid_argument("an empty Redis command");
  std::vector<const char*> argv;
  std::vector<std::size_t> lengths;
  for (const std::string_view argument : arguments) {
    argv.push_back(argument.data());
    lengths.push_back(argument.size());
  }
  auto* raw = static_cast<redisReply*>(
      redisCommandArgv(context_.get(), static_cast<int>(argv.size()), argv.data(), lengths.data()));
  if (raw == nullptr) {
    return Status::unavailable("lost Redis at " + address_ + " during " + std::string(arguments.front()) + ": " +
                               context_->errstr);
  }
  const std::unique_ptr<redisReply, void (*)(void*)> reply(raw, freeReplyObject);
  if (reply->type == REDIS_REPLY_ERROR) {
    return Status::invalid_argument("Redis " + std::string(arguments.front()) + ": " +
                                    std::string(reply->str, reply->len));
  }
  return copy_of(*reply);
}

}  // namespace mixtract
