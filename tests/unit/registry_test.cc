#include "mixtract/registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "experts/expert_options.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

class NamedExpert final : public Expert {
 public:
  std::string_view name() const override { return "named"; }
  Result<std::vector<Candidate>> propose(const Document&, std::span<const FieldSpec* const>) const override {
    return std::vector<Candidate>{};
  }
};

ExpertFactory make_named() {
  return []() -> Result<std::unique_ptr<Expert>> { return std::unique_ptr<Expert>(new NamedExpert); };
}

TEST(RegistryTest, CreatesRegisteredExperts) {
  ExpertRegistry registry;
  ASSERT_TRUE(registry.add("named", "a test expert", make_named()).ok());
  Result<std::unique_ptr<Expert>> expert = registry.create("named");
  ASSERT_TRUE(expert.ok());
  EXPECT_EQ((*expert)->name(), "named");
  EXPECT_TRUE(registry.contains("named"));
  ASSERT_EQ(registry.list().size(), 1u);
  EXPECT_EQ(registry.list()[0]->description, "a test expert");
}

TEST(RegistryTest, UnknownNameListsTheKnownOnes) {
  ExpertRegistry registry;
  ASSERT_TRUE(registry.add("beta", "", make_named()).ok());
  ASSERT_TRUE(registry.add("alpha", "", make_named()).ok());
  Result<std::unique_ptr<Expert>> expert = registry.create("gamma");
  ASSERT_FALSE(expert.ok());
  EXPECT_EQ(expert.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(expert.status().message(), "unknown expert 'gamma'; known experts: alpha, beta");
}

TEST(RegistryTest, RejectsDuplicateAndBadNames) {
  ExpertRegistry registry;
  ASSERT_TRUE(registry.add("a", "", make_named()).ok());
  EXPECT_THAT(registry.add("a", "", make_named()).message(), HasSubstr("registered twice"));
  EXPECT_THAT(registry.add("Bad Name", "", make_named()).message(), HasSubstr("lower-case"));
  EXPECT_THAT(registry.add("empty", "", nullptr).message(), HasSubstr("no factory"));
}

TEST(RegistryTest, FactoryErrorsNameTheExpert) {
  ExpertRegistry registry;
  ASSERT_TRUE(registry
                  .add("needs_model", "",
                       []() -> Result<std::unique_ptr<Expert>> {
                         return Status::unavailable("model.onnx is missing; run scripts/setup.sh");
                       })
                  .ok());
  Result<std::unique_ptr<Expert>> expert = registry.create("needs_model");
  ASSERT_FALSE(expert.ok());
  EXPECT_EQ(expert.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(expert.status().message(),
            "cannot create expert 'needs_model': model.onnx is missing; run scripts/setup.sh");
}

TEST(RegistryTest, BuiltinsIncludeTheFileNameExpert) {
  const ExpertRegistry registry = builtin_experts(ExpertOptions());
  EXPECT_TRUE(registry.contains("file_name"));
  Result<std::unique_ptr<Expert>> expert = registry.create("file_name");
  ASSERT_TRUE(expert.ok());
  EXPECT_EQ((*expert)->name(), "file_name");
}

}  // namespace
}  // namespace mixtract
