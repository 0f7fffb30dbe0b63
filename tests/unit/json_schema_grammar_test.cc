#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "llm/local_llm.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

TEST(JsonSchemaGrammarTest, AnObjectOfStringsBecomesAGrammarInPropertyOrder) {
  const nlohmann::json schema = {{"type", "object"},
                                 {"properties", {{"name", {{"type", "string"}}}, {"school", {{"type", "string"}}}}}};
  const Result<std::string> grammar = json_schema_grammar(schema);
  ASSERT_TRUE(grammar.ok()) << grammar.status().message();
  EXPECT_THAT(
      *grammar,
      HasSubstr(R"(root ::= "{" ws "\"name\"" ws ":" ws string ws "," ws "\"school\"" ws ":" ws string ws "}")"));
  EXPECT_THAT(*grammar, HasSubstr("char{0,100}"));
}

TEST(JsonSchemaGrammarTest, OtherSchemasAreRefusedSayingWhy) {
  EXPECT_EQ(json_schema_grammar({{"type", "array"}}).status().code(), StatusCode::kUnsupported);
  const Result<std::string> number =
      json_schema_grammar({{"type", "object"}, {"properties", {{"age", {{"type", "integer"}}}}}});
  ASSERT_FALSE(number.ok());
  EXPECT_THAT(number.status().message(), HasSubstr("property 'age' is not a string"));
}

}  // namespace
}  // namespace mixtract
