#include "tune/route_search.h"

#include <fstream>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "test_support.h"

namespace mixtract {
namespace {

Candidate reading(const std::string& expert, const std::string& value, double confidence) {
  Candidate c;
  c.field = "number";
  c.value = value;
  c.confidence = confidence;
  c.expert = expert;
  return c;
}

// `documents` documents labelled 1000.., every 4th held out. Expert "a" (10 ms) is right and sure except on
// every 5th document, where it reads a wrong valid number unsure; "b" (100 ms) is right except on every
// 7th, where it is wrong and sure; "c" (1000 ms) is always right.
Study constructed_study(int documents = 80) {
  Study study;
  Result<Schema> schema = parse_schema(R"(name: t
title: T
fields:
  - {name: number, label: 编号, kind: code, constraints: {length: 4, pattern: '\d{4}'}}
)",
                                       "t.yaml");
  EXPECT_TRUE(schema.ok()) << schema.status().message();
  study.schema = *schema;
  study.experts = {"a", "b", "c"};
  for (int i = 0; i < documents; ++i) {
    StudiedDocument d;
    d.file = std::to_string(i) + ".jpg";
    d.held_out = i % 4 == 3;
    const std::string truth = std::to_string(1000 + i);
    d.truth["number"] = truth;
    d.outputs["a"].cost.ms = 10;
    d.outputs["a"].candidates = {i % 5 == 0 ? reading("a", "9999", 0.5) : reading("a", truth, 0.95)};
    d.outputs["b"].cost.ms = 100;
    d.outputs["b"].candidates = {i % 7 == 0 ? reading("b", "8888", 0.9) : reading("b", truth, 0.9)};
    d.outputs["c"].cost.ms = 1000;
    d.outputs["c"].candidates = {reading("c", truth, 0.99)};
    study.documents.push_back(std::move(d));
  }
  return study;
}

TEST(RouteSearchTest, PicksTheMostAccurateRouteThenTheCheapest) {
  const Study study = constructed_study();
  const std::vector<TunedField> tuned = tune_routes(study, {});
  ASSERT_EQ(tuned.size(), 1u);
  // Always right: any route ending in "c"; the cheapest asks "c" only where "a" is unsure.
  EXPECT_EQ(tuned[0].route.experts, (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(tuned[0].route.combine, Combine::kCascade);
  EXPECT_EQ(tuned[0].train.correct, tuned[0].train.documents);
  EXPECT_NEAR(tuned[0].train.ms, 10 + 1000 * 12.0 / 60, 1e-9);  // 12 of the 60 training documents ask "c".
  EXPECT_EQ(tuned[0].best_single, "c");
  EXPECT_EQ(tuned[0].held_out.documents, 20);
  EXPECT_EQ(tuned[0].held_out.correct, 20);
  EXPECT_GT(tuned[0].routes_tried, 30u);
}

TEST(RouteSearchTest, ABudgetRulesOutTheDearestExperts) {
  const Study study = constructed_study();
  TuneOptions options;
  options.budget.ms = 100;
  const std::vector<TunedField> tuned = tune_routes(study, options);
  ASSERT_EQ(tuned.size(), 1u);
  EXPECT_EQ(tuned[0].route.experts, (std::vector<std::string>{"a", "b"}));  // 10 ms + "b" on 1 in 5.
  EXPECT_LE(tuned[0].train.ms, 100);
  EXPECT_GT(tuned[0].train.accuracy(), 0.95);
}

TEST(RouteSearchTest, ACheaperRouteWithinOneStandardErrorIsAsGood) {
  Study study = constructed_study();
  study.experts = {"s", "t"};
  for (std::size_t i = 0; i < study.documents.size(); ++i) {
    StudiedDocument& d = study.documents[i];
    const std::string truth = d.truth["number"];
    d.outputs["s"].cost.ms = 10;  // Wrong and unsure on every 30th document.
    d.outputs["s"].candidates = {i % 30 == 0 ? reading("s", "9999", 0.5) : reading("s", truth, 0.95)};
    d.outputs["t"].cost.ms = 20;  // Wrong on every 20th.
    d.outputs["t"].candidates = {i % 20 == 0 ? reading("t", "8888", 0.9) : reading("t", truth, 0.9)};
  }
  const std::vector<TunedField> tuned = tune_routes(study, {});
  ASSERT_EQ(tuned.size(), 1u);
  // "s" then "t" is right on 58 of the 60 fitted documents, "s" alone on 57: within one standard error
  // (1.4 documents), and cheaper.
  EXPECT_EQ(tuned[0].route.experts, (std::vector<std::string>{"s"}));
  EXPECT_EQ(tuned[0].train.correct, 57);
}

TEST(RouteSearchTest, AmongEquallyAccurateRoutesTheOneThatCanAcceptMoreWins) {
  Study study = constructed_study(800);
  study.experts = {"u", "v"};
  for (std::size_t i = 0; i < study.documents.size(); ++i) {
    StudiedDocument& d = study.documents[i];
    const std::string truth = d.truth["number"];
    const bool wrong = i % 5 == 0;  // Both wrong there, reading different numbers.
    d.outputs["u"].cost.ms = 10;
    d.outputs["u"].candidates = {reading("u", wrong ? "9999" : truth, 0.9)};
    d.outputs["v"].cost.ms = 50;
    d.outputs["v"].candidates = {reading("v", wrong ? "8888" : truth, 0.6)};
  }
  const std::vector<TunedField> tuned = tune_routes(study, {});
  ASSERT_EQ(tuned.size(), 1u);
  // Alone, each is right 4 times in 5 whatever its confidence: nothing can be accepted at 99.5%. Asked
  // together they agree exactly when right, so their agreement can be accepted: dearer, but chosen.
  EXPECT_EQ(tuned[0].route.experts.size(), 2u);
  EXPECT_EQ(tuned[0].held_out.accepted, tuned[0].held_out.accepted_correct);
  EXPECT_EQ(tuned[0].held_out.accepted, tuned[0].held_out.correct);
}

TEST(RouteSearchTest, CalibrationAndThresholdComeFromTheTrainingDocuments) {
  Study study = constructed_study(800);
  study.experts = {"a"};  // Right at 0.95 on 4 in 5, wrong at 0.5 on 1 in 5.
  const std::vector<TunedField> tuned = tune_routes(study, {});
  ASSERT_EQ(tuned.size(), 1u);
  const Route& route = tuned[0].route;
  EXPECT_NEAR(route.calibration.apply(0.5), 0.0, 1e-9);
  // 480 fitted documents read surely and rightly, by the route and by "a" alone: 960 right, and one doubt.
  EXPECT_NEAR(route.calibration.apply(0.95), 960.0 / 961, 1e-9);
  EXPECT_NEAR(route.accept_confidence, 0.995, 1e-9);
  EXPECT_EQ(tuned[0].held_out.accepted_correct, tuned[0].held_out.accepted);
  EXPECT_EQ(tuned[0].held_out.accepted, 160);  // The 200 held out less the 40 of every 5th.
  EXPECT_NEAR(tuned[0].held_out_ece, 0.8 / 961, 1e-9);
}

TEST(RouteSearchTest, TooFewDocumentsAcceptNothing) {
  Study study = constructed_study(80);
  study.experts = {"a"};  // 2 x 48 sure readings fitted, all right: 99% at best, short of 99.5%.
  const std::vector<TunedField> tuned = tune_routes(study, {});
  ASSERT_EQ(tuned.size(), 1u);
  EXPECT_NEAR(tuned[0].route.calibration.apply(0.95), 96.0 / 97, 1e-9);
  EXPECT_EQ(tuned[0].held_out.accepted, 0);
}

TEST(RouteSearchTest, KeepingRoutesCalibratesTheSchemasOwn) {
  Study study = constructed_study(800);
  Route& route = study.schema.fields[0].route;
  route.experts = {"b", "a"};  // Not what a search picks: "c" is always right.
  route.with_llm = {"llm_text"};
  route.calibration.points = {{0, 0.5}, {1, 0.5}};  // Replaced, not composed with.
  TuneOptions options;
  options.keep_routes = true;
  const std::vector<TunedField> tuned = tune_routes(study, options);
  ASSERT_EQ(tuned.size(), 1u);
  EXPECT_EQ(tuned[0].route.experts, (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(tuned[0].route.with_llm, (std::vector<std::string>{"llm_text"}));
  EXPECT_EQ(tuned[0].routes_tried, 1u);
  // "b" alone at 0.9 is wrong on every 7th document: that calibrates below 0.9, so the cascade goes on
  // to "a", and only what both read is accepted, all of it right.
  EXPECT_LT(tuned[0].route.calibration.apply(0.9), 0.9);
  EXPECT_GT(tuned[0].held_out.accepted, 0);
  EXPECT_EQ(tuned[0].held_out.accepted_correct, tuned[0].held_out.accepted);
  EXPECT_EQ(tuned[0].best_single, "c");

  mixtract::testing::ScratchDir scratch;
  const auto path = scratch.path() / "routes.yaml";
  std::ofstream(path) << routes_yaml(study, tuned, options);
  std::vector<Schema> schemas = {study.schema};
  ASSERT_TRUE(apply_routes_file(path, schemas).ok());
  EXPECT_EQ(schemas[0].fields[0].route.with_llm, (std::vector<std::string>{"llm_text"}));

  study.schema.fields[0].route.experts.clear();  // Nothing to keep: the field is left out.
  EXPECT_TRUE(tune_routes(study, options).empty());
}

TEST(RouteSearchTest, TheRoutesFileReadsBackIntoTheSchema) {
  const Study study = constructed_study();
  const std::vector<TunedField> tuned = tune_routes(study, {});
  mixtract::testing::ScratchDir scratch;
  const auto path = scratch.path() / "routes.yaml";
  std::ofstream(path) << routes_yaml(study, tuned, {});
  std::vector<Schema> schemas = {study.schema};
  const Status status = apply_routes_file(path, schemas);
  ASSERT_TRUE(status.ok()) << status.message();
  const Route& read = schemas[0].fields[0].route;
  EXPECT_EQ(read.experts, tuned[0].route.experts);
  EXPECT_EQ(read.combine, tuned[0].route.combine);
  EXPECT_DOUBLE_EQ(read.accept_confidence, tuned[0].route.accept_confidence);
  EXPECT_EQ(read.calibration.points.size(), tuned[0].route.calibration.points.size());

  std::ofstream(path) << "schema: t\nfields:\n  nope:\n    route: {experts: [a]}\n";
  EXPECT_NE(apply_routes_file(path, schemas).message().find("fields.nope: schema t has no such field"),
            std::string::npos);
  std::ofstream(path) << "schema: other\nfields: {}\n";
  EXPECT_NE(apply_routes_file(path, schemas).message().find("'other' is not a schema of this run"), std::string::npos);
  // Found by fuzz_schema: a document without fields made yaml-cpp throw (the process ended).
  EXPECT_EQ(apply_routes("schema: t\n", "routes", schemas).message(), "routes: fields: missing");
  EXPECT_FALSE(apply_routes("schema: t\nfields: [1, 2]\n", "routes", schemas).ok());
  // Found by fuzz_schema: a field's name that is a mapping (YAML's "? " key) made yaml-cpp throw.
  EXPECT_NE(apply_routes("schema: t\nfields:\n  ? {route: x}\n  : null\n", "routes", schemas)
                .message()
                .find("schema t has no such field"),
            std::string::npos);
}

}  // namespace
}  // namespace mixtract
