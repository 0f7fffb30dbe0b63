// The job stream many workers share: one Redis stream of messages, read through one consumer group
// (at-least-once: a message stays pending until acknowledged, and one left pending too long by a
// worker that died is claimed by another), a dead-letter stream for messages that failed too often,
// and a results hash keyed by the caller (a document's content hash and the settings that change its
// result), so that a message done twice leaves one result.
#ifndef MIXTRACT_QUEUE_JOB_STREAM_H_
#define MIXTRACT_QUEUE_JOB_STREAM_H_

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mixtract/status.h"
#include "queue/redis_connection.h"

namespace mixtract {

// Where a queue lives, from redis://HOST[:PORT]/STREAM (port 6379 when left out).
struct QueueAddress {
  std::string host;
  int port = 6379;
  std::string stream;
};

// A malformed URL is kInvalidArgument naming it and the form expected.
Result<QueueAddress> parse_queue_url(std::string_view url);

// A message's fields, in the order they were added.
using QueueFields = std::vector<std::pair<std::string, std::string>>;

// The value of the field `name`; empty when there is none.
std::string field_of(const QueueFields& fields, std::string_view name);

struct Delivery {
  std::string id;  // The stream entry's id: acknowledge it, or dead-letter it.
  QueueFields fields;
  long long deliveries = 1;  // Times it has been handed to a consumer, this one included.

  std::string field(std::string_view name) const { return field_of(fields, name); }
};

class JobStream {
 public:
  // Connects and creates the stream and its consumer group when missing.
  static Result<JobStream> open(const QueueAddress& address);

  // Appends a message; its id.
  Result<std::string> add(const QueueFields& fields);

  // The next message for `consumer`: first one that another consumer has left pending for at least
  // `claim_idle_ms` (its worker died or hangs), else a new one, waiting up to `block_ms` (under 5 s) for
  // it. nullopt when none came.
  Result<std::optional<Delivery>> next(const std::string& consumer, long long claim_idle_ms, int block_ms);

  // Done with: the message leaves the pending list and the stream for good.
  Status ack(const std::string& id);

  // Copies the message and `reason` to the dead-letter stream (STREAM:dead), then acknowledges it.
  Status dead_letter(const Delivery& delivery, std::string_view reason);

  // The results hash (STREAM:results). Storing a key again replaces its value.
  Status put_result(std::string_view key, std::string_view value);
  Result<std::optional<std::string>> result(std::string_view key);
  Result<bool> has_result(std::string_view key);
  // For many keys at once (one round trip each): their results, nullopt where none is stored; or only
  // whether each has one.
  Result<std::vector<std::optional<std::string>>> results(std::span<const std::string> keys);
  Result<std::vector<bool>> have_results(std::span<const std::string> keys);

  // A job: its facts (the hash STREAM:job:ID, with `documents`, their count, added) and its documents
  // in input order (the list STREAM:job:ID:documents), written once by whoever submits it.
  struct Job {
    QueueFields facts;
    std::vector<std::string> documents;
  };
  Status put_job(std::string_view id, const Job& job);
  // nullopt when no job has that id.
  Result<std::optional<Job>> job(std::string_view id);

  // Every dead letter's fields (id, reason, deliveries, then the message's), oldest first.
  Result<std::vector<QueueFields>> dead_letter_list();
  // The documents of job `job_id` given up on: their content hash (the message's sha256) -> the reason.
  Result<std::map<std::string, std::string>> given_up(std::string_view job_id);

  // For monitoring: messages handed out and not yet acknowledged; messages dead-lettered.
  Result<long long> pending();
  Result<long long> dead_letters();
  // Messages added and not yet handed to any worker (the consumer group's lag); nullopt when Redis
  // cannot tell (before Redis 7, or after entries were deleted from the middle of the stream).
  Result<std::optional<long long>> lag();

  const QueueAddress& address() const { return address_; }
  std::string dead_letter_stream() const { return address_.stream + ":dead"; }
  std::string results_hash() const { return address_.stream + ":results"; }

 private:
  JobStream(RedisConnection connection, QueueAddress address)
      : connection_(std::move(connection)), address_(std::move(address)) {}
  Result<long long> deliveries_of(const std::string& id);

  RedisConnection connection_;
  QueueAddress address_;
};

}  // namespace mixtract

#endif  // MIXTRACT_QUEUE_JOB_STREAM_H_
