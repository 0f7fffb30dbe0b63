// Status and Result<T>: how every fallible call in mixtract's public API reports failure.
//
// A Status is either OK or carries a code and a message written for the user: it names the file, field
// or value at fault and says what to do. Library code never throws across the public API and never
// exits the process; exceptions from third-party libraries are caught at the boundary and turned into
// a Status.
#ifndef MIXTRACT_STATUS_H_
#define MIXTRACT_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace mixtract {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // The caller's input is wrong (bad option, malformed file, bad value).
  kNotFound,         // A named thing (file, schema, expert, field) does not exist.
  kIoError,          // Reading or writing failed.
  kUnsupported,      // Valid request for something not built (yet) or not available here.
  kUnavailable,      // A dependency (model, server) cannot be used right now.
  kInternal,         // A bug: an invariant broke.
};

// Returns the lower-case name of a code, e.g. "invalid argument".
std::string_view status_code_name(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK.

  static Status invalid_argument(std::string message) { return {StatusCode::kInvalidArgument, std::move(message)}; }
  static Status not_found(std::string message) { return {StatusCode::kNotFound, std::move(message)}; }
  static Status io_error(std::string message) { return {StatusCode::kIoError, std::move(message)}; }
  static Status unsupported(std::string message) { return {StatusCode::kUnsupported, std::move(message)}; }
  static Status unavailable(std::string message) { return {StatusCode::kUnavailable, std::move(message)}; }
  static Status internal(std::string message) { return {StatusCode::kInternal, std::move(message)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK", or the message alone: messages are written to stand on their own.
  std::string to_string() const { return ok() ? std::string("OK") : message_; }

  // Same code, message prefixed with "<context>: ". OK stays OK.
  Status with_context(std::string_view context) const;

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Holds either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : state_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(state_).ok() && "a Result needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(state_); }

  // The error, or OK when a value is held.
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(state_);
  }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace mixtract

#define MIXTRACT_CONCAT_INNER_(a, b) a##b
#define MIXTRACT_CONCAT_(a, b) MIXTRACT_CONCAT_INNER_(a, b)

// Returns the Status of `expr` from the enclosing function when it is not OK.
#define MIXTRACT_RETURN_IF_ERROR(expr)                   \
  do {                                                   \
    ::mixtract::Status mixtract_status_ = (expr);        \
    if (!mixtract_status_.ok()) return mixtract_status_; \
  } while (false)

// Evaluates a Result expression; on error returns its Status, else moves the value into `lhs`.
#define MIXTRACT_ASSIGN_OR_RETURN(lhs, expr) \
  MIXTRACT_ASSIGN_OR_RETURN_IMPL_(MIXTRACT_CONCAT_(mixtract_result_, __LINE__), lhs, expr)
// NOLINTBEGIN(bugprone-macro-parentheses): lhs is a declaration, it cannot be parenthesised.
#define MIXTRACT_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                                    \
  if (!result.ok()) return result.status();                \
  lhs = std::move(result).value()
// NOLINTEND(bugprone-macro-parentheses)

#endif  // MIXTRACT_STATUS_H_
