#include "mixtract/status.h"

#include <memory>

#include <gtest/gtest.h>

namespace mixtract {
namespace {

Result<int> half(int n) {
  if (n % 2 != 0) return Status::invalid_argument(std::to_string(n) + " is odd");
  return n / 2;
}

Result<int> quarter(int n) {
  MIXTRACT_ASSIGN_OR_RETURN(int halved, half(n));
  MIXTRACT_ASSIGN_OR_RETURN(int quartered, half(halved));
  return quartered;
}

TEST(StatusTest, DefaultIsOk) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.to_string(), "OK");
}

TEST(StatusTest, ErrorKeepsCodeAndMessage) {
  Status status = Status::not_found("a.yaml: no such file");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_EQ(status.to_string(), "a.yaml: no such file");
  EXPECT_EQ(status_code_name(status.code()), "not found");
}

TEST(StatusTest, WithContextPrefixesErrorsOnly) {
  EXPECT_EQ(Status::io_error("disk full").with_context("out.csv").message(), "out.csv: disk full");
  EXPECT_EQ(Status::io_error("x").with_context("y").code(), StatusCode::kIoError);
  EXPECT_TRUE(Status().with_context("anything").ok());
}

TEST(ResultTest, HoldsValueOrError) {
  Result<int> good = half(8);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 4);
  EXPECT_TRUE(good.status().ok());

  Result<int> bad = half(3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "3 is odd");
}

TEST(ResultTest, AssignOrReturnPropagatesTheFirstError) {
  EXPECT_EQ(*quarter(8), 2);
  EXPECT_EQ(quarter(6).status().message(), "3 is odd");
  EXPECT_EQ(quarter(5).status().message(), "5 is odd");
}

TEST(ResultTest, MovesOutMoveOnlyValues) {
  Result<std::unique_ptr<int>> result = std::make_unique<int>(7);
  std::unique_ptr<int> value = std::move(result).value();
  EXPECT_EQ(*value, 7);
}

}  // namespace
}  // namespace mixtract
