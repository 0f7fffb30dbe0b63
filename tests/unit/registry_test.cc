#include "mixtract/registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mixtract {
namespace {

using ::testing::HasSubstr;

class NamedExpert final : public Expert {
 public:
  std::string_view name() const override { return "named"; }
  Result<std::vector<Candidate>> Propose(const Document&, std::span<const FieldSpec* const>) const override {
    return std::vector<Candidate>{};
  }
};

ExpertFactory MakeNamed() {
  return
      [](const ExpertOptions&) -> Result<std::unique_ptr<Expert>> { return std::unique_ptr<Expert>(new NamedExpert); };
}

TEST(RegistryTest, CreatesRegisteredExperts) {
  ExpertRegistry registry;
  ASSERT_TRUE(registry.Register("named", "a test expert", MakeNamed()).ok());
  Result<std::unique_ptr<Expert>> expert = registry.Create("named", {});
  ASSERT_TRUE(expert.ok());
  EXPECT_EQ((*expert)->name(), "named");
  EXPECT_TRUE(registry.Contains("named"));
  ASSERT_EQ(registry.List().size(), 1u);
  EXPECT_EQ(registry.List()[0]->description, "a test expert");
}

TEST(RegistryTest, UnknownNameListsTheKnownOnes) {
  ExpertRegistry registry;
  ASSERT_TRUE(registry.Register("beta", "", MakeNamed()).ok());
  ASSERT_TRUE(registry.Register("alpha", "", MakeNamed()).ok());
  Result<std::unique_ptr<Expert>> expert = registry.Create("gamma", {});
  ASSERT_FALSE(expert.ok());
  EXPECT_EQ(expert.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(expert.status().message(), "unknown expert 'gamma'; known experts: alpha, beta");
}

TEST(RegistryTest, RejectsDuplicateAndBadNames) {
  ExpertRegistry registry;
  ASSERT_TRUE(registry.Register("a", "", MakeNamed()).ok());
  EXPECT_THAT(registry.Register("a", "", MakeNamed()).message(), HasSubstr("registered twice"));
  EXPECT_THAT(registry.Register("Bad Name", "", MakeNamed()).message(), HasSubstr("lower-case"));
  EXPECT_THAT(registry.Register("empty", "", nullptr).message(), HasSubstr("no factory"));
}

TEST(RegistryTest, FactoryErrorsNameTheExpert) {
  ExpertRegistry registry;
  ASSERT_TRUE(registry
                  .Register("needs_model", "",
                            [](const ExpertOptions&) -> Result<std::unique_ptr<Expert>> {
                              return Status::Unavailable("model.onnx is missing; run scripts/setup.sh");
                            })
                  .ok());
  Result<std::unique_ptr<Expert>> expert = registry.Create("needs_model", {});
  ASSERT_FALSE(expert.ok());
  EXPECT_EQ(expert.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(expert.status().message(),
            "cannot create expert 'needs_model': model.onnx is missing; run scripts/setup.sh");
}

TEST(RegistryTest, BuiltinsIncludeTheFileNameExpert) {
  const ExpertRegistry registry = ExpertRegistry::WithBuiltins();
  EXPECT_TRUE(registry.Contains("file_name"));
  Result<std::unique_ptr<Expert>> expert = registry.Create("file_name", {});
  ASSERT_TRUE(expert.ok());
  EXPECT_EQ((*expert)->name(), "file_name");
}

}  // namespace
}  // namespace mixtract
