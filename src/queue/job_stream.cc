#include "queue/job_stream.h"

#include <algorithm>
#include <charconv>

namespace mixtract {
namespace {

constexpr std::string_view kGroup = "mixtract-workers";

Status malformed(const std::string_view what) {
  return Status::internal("Redis replied in an unexpected shape to " + std::string(what));
}

// One stream entry, [id, [field, value, ...]]; nullopt for an entry whose message was deleted.
std::optional<Delivery> delivery_of(const RedisReply& entry) {
  if (entry.kind != RedisReply::Kind::kArray || entry.elements.size() != 2 ||
      entry.elements[1].kind != RedisReply::Kind::kArray) {
    return std::nullopt;
  }
  Delivery delivery;
  delivery.id = entry.elements[0].text;
  const std::vector<RedisReply>& pairs = entry.elements[1].elements;
  for (std::size_t i = 0; i + 1 < pairs.size(); i += 2) delivery.fields.emplace_back(pairs[i].text, pairs[i + 1].text);
  return delivery;
}

}  // namespace

Result<QueueAddress> parse_queue_url(std::string_view url) {
  const Status bad = Status::invalid_argument(
      "queue '" + std::string(url) + "': expected redis://HOST[:PORT]/STREAM, e.g. redis://127.0.0.1:6379/scans");
  constexpr std::string_view kScheme = "redis://";
  if (!url.starts_with(kScheme)) return bad;
  std::string_view rest = url.substr(kScheme.size());
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == rest.size()) return bad;
  QueueAddress address;
  address.stream = std::string(rest.substr(slash + 1));
  std::string_view host = rest.substr(0, slash);
  if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos) {
    const std::string_view port = host.substr(colon + 1);
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), address.port);
    if (error != std::errc() || end != port.data() + port.size() || address.port < 1 || address.port > 65535) {
      return bad;
    }
    host = host.substr(0, colon);
  }
  if (host.empty() || address.stream.find_first_of(" \t\r\n") != std::string::npos) return bad;
  address.host = std::string(host);
  return address;
}

std::string field_of(const QueueFields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return value;
  }
  return "";
}

Result<JobStream> JobStream::open(const QueueAddress& address) {
  MIXTRACT_ASSIGN_OR_RETURN(RedisConnection connection, RedisConnection::open(address.host, address.port));
  Result<RedisReply> created = connection.command({"XGROUP", "CREATE", address.stream, kGroup, "0", "MKSTREAM"});
  if (!created.ok() && created.status().message().find("BUSYGROUP") == std::string::npos) return created.status();
  return JobStream(std::move(connection), address);
}

Result<std::string> JobStream::add(const QueueFields& fields) {
  std::vector<std::string_view> arguments = {"XADD", address_.stream, "*"};
  for (const auto& [key, value] : fields) {
    arguments.push_back(key);
    arguments.push_back(value);
  }
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply id, connection_.command(arguments));
  return id.text;
}

Result<std::optional<Delivery>> JobStream::next(const std::string& consumer, long long claim_idle_ms, int block_ms) {
  const std::string idle = std::to_string(claim_idle_ms);
  // [next start, [entries], [deleted ids]]
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply claimed, connection_.command({"XAUTOCLAIM", address_.stream, kGroup, consumer,
                                                                     idle, "0-0", "COUNT", "1"}));
  if (claimed.elements.size() < 2) return malformed("XAUTOCLAIM");
  for (const RedisReply& entry : claimed.elements[1].elements) {
    if (std::optional<Delivery> delivery = delivery_of(entry)) {
      MIXTRACT_ASSIGN_OR_RETURN(delivery->deliveries, deliveries_of(delivery->id));
      return delivery;
    }
  }
  const std::string block = std::to_string(block_ms);
  // [[stream, [entries]]], or nil when none came in time.
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply read, connection_.command({"XREADGROUP", "GROUP", kGroup, consumer, "COUNT", "1",
                                                                  "BLOCK", block, "STREAMS", address_.stream, ">"}));
  if (read.is_nil()) return std::optional<Delivery>();
  if (read.elements.empty() || read.elements[0].elements.size() != 2) return malformed("XREADGROUP");
  for (const RedisReply& entry : read.elements[0].elements[1].elements) {
    if (std::optional<Delivery> delivery = delivery_of(entry)) return delivery;
  }
  return std::optional<Delivery>();
}

Result<long long> JobStream::deliveries_of(const std::string& id) {
  // [[id, consumer, idle ms, deliveries]]
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply pending,
                            connection_.command({"XPENDING", address_.stream, kGroup, id, id, "1"}));
  if (pending.elements.size() != 1 || pending.elements[0].elements.size() != 4) return malformed("XPENDING");
  return pending.elements[0].elements[3].integer;
}

Status JobStream::ack(const std::string& id) {
  MIXTRACT_RETURN_IF_ERROR(connection_.command({"XACK", address_.stream, kGroup, id}).status());
  // Its record is stored or its dead letter written: the message (images sent inline too) is not needed.
  // Only delivered entries are deleted, so the group's lag stays known.
  return connection_.command({"XDEL", address_.stream, id}).status();
}

Status JobStream::dead_letter(const Delivery& delivery, std::string_view reason) {
  const std::string stream = dead_letter_stream();
  const std::string deliveries = std::to_string(delivery.deliveries);
  std::vector<std::string_view> arguments = {"XADD",   stream, "*",          "id",      delivery.id,
                                             "reason", reason, "deliveries", deliveries};
  for (const auto& [key, value] : delivery.fields) {
    arguments.push_back(key);
    arguments.push_back(value);
  }
  MIXTRACT_RETURN_IF_ERROR(connection_.command(arguments).status());
  return ack(delivery.id);
}

Status JobStream::put_result(std::string_view key, std::string_view value) {
  return connection_.command({"HSET", results_hash(), key, value}).status();
}

Result<std::optional<std::string>> JobStream::result(std::string_view key) {
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply value, connection_.command({"HGET", results_hash(), key}));
  if (value.is_nil()) return std::optional<std::string>();
  return std::optional<std::string>(std::move(value.text));
}

Result<bool> JobStream::has_result(std::string_view key) {
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply exists, connection_.command({"HEXISTS", results_hash(), key}));
  return exists.integer == 1;
}

Result<std::vector<std::optional<std::string>>> JobStream::results(std::span<const std::string> keys) {
  std::vector<std::optional<std::string>> values;
  if (keys.empty()) return values;
  const std::string hash = results_hash();
  std::vector<std::string_view> arguments = {"HMGET", hash};
  arguments.insert(arguments.end(), keys.begin(), keys.end());
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply reply, connection_.command(arguments));
  if (reply.elements.size() != keys.size()) return malformed("HMGET");
  for (RedisReply& value : reply.elements) {
    values.push_back(value.is_nil() ? std::nullopt : std::optional<std::string>(std::move(value.text)));
  }
  return values;
}

Result<std::vector<bool>> JobStream::have_results(std::span<const std::string> keys) {
  std::vector<bool> have;
  if (keys.empty()) return have;
  // HEXISTS for every key inside Redis, so that no record travels.
  constexpr std::string_view kScript =
      "local found = {} for i, key in ipairs(ARGV) do found[i] = redis.call('HEXISTS', KEYS[1], key) end "
      "return found";
  const std::string hash = results_hash();
  std::vector<std::string_view> arguments = {"EVAL", kScript, "1", hash};
  arguments.insert(arguments.end(), keys.begin(), keys.end());
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply reply, connection_.command(arguments));
  if (reply.elements.size() != keys.size()) return malformed("EVAL HEXISTS");
  for (const RedisReply& found : reply.elements) have.push_back(found.integer == 1);
  return have;
}

Status JobStream::put_job(std::string_view id, const Job& job) {
  const std::string facts = address_.stream + ":job:" + std::string(id);
  const std::string documents = facts + ":documents";
  const std::string count = std::to_string(job.documents.size());
  std::vector<std::string_view> hset = {"HSET", facts, "documents", count};
  for (const auto& [key, value] : job.facts) {
    hset.push_back(key);
    hset.push_back(value);
  }
  MIXTRACT_RETURN_IF_ERROR(connection_.command({"DEL", documents}).status());
  constexpr std::size_t kPerCommand = 1000;
  for (std::size_t start = 0; start < job.documents.size(); start += kPerCommand) {
    std::vector<std::string_view> push = {"RPUSH", documents};
    for (std::size_t i = start; i < std::min(job.documents.size(), start + kPerCommand); ++i) {
      push.push_back(job.documents[i]);
    }
    MIXTRACT_RETURN_IF_ERROR(connection_.command(push).status());
  }
  // The facts last: a job whose facts are there has all its documents.
  return connection_.command(hset).status();
}

Result<std::optional<JobStream::Job>> JobStream::job(std::string_view id) {
  const std::string facts = address_.stream + ":job:" + std::string(id);
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply pairs, connection_.command({"HGETALL", facts}));
  if (pairs.elements.empty()) return std::optional<Job>();
  Job job;
  for (std::size_t i = 0; i + 1 < pairs.elements.size(); i += 2) {
    job.facts.emplace_back(pairs.elements[i].text, pairs.elements[i + 1].text);
  }
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply documents, connection_.command({"LRANGE", facts + ":documents", "0", "-1"}));
  for (RedisReply& document : documents.elements) job.documents.push_back(std::move(document.text));
  return std::optional<Job>(std::move(job));
}

Result<std::vector<QueueFields>> JobStream::dead_letter_list() {
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply entries, connection_.command({"XRANGE", dead_letter_stream(), "-", "+"}));
  std::vector<QueueFields> letters;
  for (const RedisReply& entry : entries.elements) {
    if (std::optional<Delivery> letter = delivery_of(entry)) letters.push_back(std::move(letter->fields));
  }
  return letters;
}

Result<std::map<std::string, std::string>> JobStream::given_up(std::string_view job_id) {
  MIXTRACT_ASSIGN_OR_RETURN(std::vector<QueueFields> letters, dead_letter_list());
  std::map<std::string, std::string> reasons;
  for (const QueueFields& letter : letters) {
    if (field_of(letter, "job") == job_id) reasons.emplace(field_of(letter, "sha256"), field_of(letter, "reason"));
  }
  return reasons;
}

Result<long long> JobStream::pending() {
  // [count, smallest id, greatest id, [[consumer, count]]]
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply summary, connection_.command({"XPENDING", address_.stream, kGroup}));
  if (summary.elements.empty()) return malformed("XPENDING");
  return summary.elements[0].integer;
}

Result<long long> JobStream::dead_letters() {
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply length, connection_.command({"XLEN", dead_letter_stream()}));
  return length.integer;
}

Result<std::optional<long long>> JobStream::lag() {
  // One flat [name, value, ...] array per group.
  MIXTRACT_ASSIGN_OR_RETURN(RedisReply groups, connection_.command({"XINFO", "GROUPS", address_.stream}));
  for (const RedisReply& group : groups.elements) {
    const std::vector<RedisReply>& pairs = group.elements;
    const auto value_of = [&](std::string_view name) -> const RedisReply* {
      for (std::size_t i = 0; i + 1 < pairs.size(); i += 2) {
        if (pairs[i].text == name) return &pairs[i + 1];
      }
      return nullptr;
    };
    const RedisReply* name = value_of("name");
    if (!name || name->text != kGroup) continue;
    const RedisReply* lag = value_of("lag");
    if (!lag || lag->is_nil()) return std::optional<long long>();  // Redis before 7 does not report it.
    return std::optional<long long>(lag->integer);
  }
  return malformed("XINFO GROUPS (no group " + std::string(kGroup) + ")");
}

}  // namespace mixtract
