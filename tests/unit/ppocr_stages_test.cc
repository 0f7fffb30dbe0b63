// The PP-OCRv4 pipeline's pre- and post-processing on hand-made tensors and images.
#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include "ocr/ocr.h"
#include "ocr/ppocr/ctc_decode.h"
#include "ocr/ppocr/db_postprocess.h"
#include "ocr/ppocr/det_preprocess.h"
#include "ocr/ppocr/line_batch.h"
#include "ocr/ppocr/line_crop.h"
#include "ocr/ppocr/ornament.h"

namespace mixtract::ppocr {
namespace {

TEST(DetPreprocessTest, ScalesToMultiplesOf32WithinTheLimit) {
  const cv::Mat page(1130, 1600, CV_8UC3, cv::Scalar(255, 255, 255));
  const DetInput input = prepare_det_input(page, 960);
  EXPECT_EQ(input.width, 960);
  EXPECT_EQ(input.height, 672);  // 1130 * 0.6 = 678 -> 672.
  EXPECT_FLOAT_EQ(input.scale_x, 960.0f / 1600);
  ASSERT_EQ(input.chw.size(), 3u * 960 * 672);
  // White: (1 - mean) / std per channel, channel planes in B, G, R order.
  EXPECT_NEAR(input.chw[0], (1 - 0.485) / 0.229, 1e-5);
  EXPECT_NEAR(input.chw[2 * 960 * 672], (1 - 0.406) / 0.225, 1e-5);

  const DetInput small = prepare_det_input(cv::Mat(10, 20, CV_8UC3, cv::Scalar(0, 0, 0)), 960);
  EXPECT_EQ(small.width, 32);  // Never below one 32-pixel cell.
  EXPECT_EQ(small.height, 32);
}

Quad box_at(float left, float top, float right, float bottom) {
  return {Point{left, top}, Point{right, top}, Point{right, bottom}, Point{left, bottom}};
}

TEST(DetPreprocessTest, TextOnPartOfALargePageIsDetectedAgainEnlarged) {
  // Two ID cards photocopied onto A4 at 200 dpi: their text spans 700 x 1100 of 1654 x 2339 pixels.
  const std::vector<Quad> cards{box_at(500, 400, 1150, 450), box_at(520, 1450, 1100, 1500)};
  const std::optional<cv::Rect> region = ppocr::zoom_region(cards, {1654, 2339}, 960);
  ASSERT_TRUE(region.has_value());
  EXPECT_EQ(*region, cv::Rect(cv::Point(500 - 70, 400 - 70), cv::Point(1150 + 70, 1500 + 70)));  // 3% of 2339.
  // Text over most of the page, a page the detector sees whole, or nothing found: no second look.
  EXPECT_FALSE(ppocr::zoom_region(std::vector<Quad>{box_at(100, 100, 1500, 2200)}, {1654, 2339}, 960));
  EXPECT_FALSE(ppocr::zoom_region(cards, {1654, 2339}, 2400));
  EXPECT_FALSE(ppocr::zoom_region({}, {1654, 2339}, 960));
  // A small photo whose text spans half of it would be read at its own size, barely larger: no second look.
  EXPECT_FALSE(ppocr::zoom_region(std::vector<Quad>{box_at(300, 200, 800, 600)}, {1046, 781}, 960));
  // The margin stays on the page.
  const std::optional<cv::Rect> corner =
      ppocr::zoom_region(std::vector<Quad>{box_at(0, 0, 300, 200)}, {1654, 2339}, 960);
  ASSERT_TRUE(corner.has_value());
  EXPECT_EQ(corner->tl(), cv::Point(0, 0));
}

TEST(DbPostprocessTest, FindsConfidentBoxesAndGrowsThem) {
  cv::Mat probability = cv::Mat::zeros(100, 200, CV_32F);
  probability(cv::Rect(20, 10, 100, 10)).setTo(0.9);  // A text line core.
  probability(cv::Rect(20, 50, 60, 10)).setTo(0.4);   // Above threshold, below box threshold.
  probability(cv::Rect(150, 80, 2, 2)).setTo(1.0);    // Too small.
  const std::vector<Quad> boxes = db_postprocess(probability, DbParams{}, 0.5f, 0.5f, 400, 200);
  ASSERT_EQ(boxes.size(), 1u);
  const Quad& box = boxes[0];
  // The 100x10 core grows by 100*10*1.5 / 220 = 6.8 map pixels per side, then doubles to page pixels.
  const float grow = 100.0f * 10 * 1.5f / 220;
  EXPECT_NEAR(box[0].x, (19.5f - grow) * 2, 2.5);
  EXPECT_NEAR(box[0].y, (9.5f - grow) * 2, 2.5);
  EXPECT_NEAR(box[2].x, (119.5f + grow) * 2, 2.5);
  EXPECT_NEAR(box[2].y, (19.5f + grow) * 2, 2.5);
  EXPECT_LT(box[0].x, box[1].x);  // Top-left, top-right, bottom-right, bottom-left.
  EXPECT_LT(box[1].y, box[2].y);
  EXPECT_GT(box[2].x, box[3].x);
}

TEST(DbPostprocessTest, ClampsToThePage) {
  cv::Mat probability = cv::Mat::zeros(64, 64, CV_32F);
  probability(cv::Rect(0, 0, 40, 8)).setTo(1.0);
  const std::vector<Quad> boxes = db_postprocess(probability, DbParams{}, 1, 1, 64, 64);
  ASSERT_EQ(boxes.size(), 1u);
  for (const Point& p : boxes[0]) {
    EXPECT_GE(p.x, 0);
    EXPECT_GE(p.y, 0);
  }
}

TEST(DbPostprocessTest, OrdersCornersOfARotatedRectangle) {
  const Quad q = ordered_corners(cv::RotatedRect({50, 50}, {40, 10}, 10));
  EXPECT_LT(q[0].x, q[1].x);
  EXPECT_LT(q[0].y, q[3].y);
  EXPECT_LT(q[1].y, q[2].y);
  EXPECT_GT(q[1].y, q[0].y);  // Tilted clockwise: the right end is lower.
}

TEST(CtcDecodeTest, CollapsesRepeatsAndDropsBlanks) {
  Alphabet alphabet;
  alphabet.characters = {"a", "b", "张", " "};
  const int classes = 5;
  // Steps: a a blank a b b 张 blank(=max) ; class 0 is the blank.
  const std::vector<int> best = {1, 1, 0, 1, 2, 2, 3, 0};
  std::vector<float> probabilities(best.size() * classes, 0.01f);
  for (std::size_t t = 0; t < best.size(); ++t)
    probabilities[t * classes + static_cast<std::size_t>(best[t])] = 0.8f + 0.01f * static_cast<float>(t);
  const DecodedLine line = ctc_greedy_decode(probabilities.data(), static_cast<int>(best.size()), classes, alphabet);
  EXPECT_EQ(line.text, "aab张");
  ASSERT_EQ(line.char_confidences.size(), 4u);
  EXPECT_FLOAT_EQ(line.char_confidences[0], 0.80f);  // The first step of a repeated run.
  EXPECT_FLOAT_EQ(line.char_confidences[1], 0.83f);
  EXPECT_FLOAT_EQ(line.char_confidences[3], 0.86f);
  EXPECT_NEAR(line.confidence, (0.80f + 0.83f + 0.84f + 0.86f) / 4, 1e-6);
}

TEST(CtcDecodeTest, ACharacterHeldForThreeStepsMayBeTwoAndIsDoubted) {
  Alphabet alphabet;
  alphabet.characters = {"1", "5"};
  const int classes = 3;
  // 5 blank 1 1 1 1 blank 5: "11" printed with no gap the recogniser saw reads as one 1, held four steps;
  // the 5s, one and two steps, keep their probability.
  const std::vector<int> best = {2, 0, 1, 1, 1, 1, 0, 2, 2};
  std::vector<float> probabilities(best.size() * classes, 0.05f);
  for (std::size_t t = 0; t < best.size(); ++t) probabilities[t * classes + static_cast<std::size_t>(best[t])] = 0.9f;
  const DecodedLine line = ctc_greedy_decode(probabilities.data(), static_cast<int>(best.size()), classes, alphabet);
  EXPECT_EQ(line.text, "515");
  ASSERT_EQ(line.char_confidences.size(), 3u);
  EXPECT_FLOAT_EQ(line.char_confidences[0], 0.9f);
  EXPECT_FLOAT_EQ(line.char_confidences[1], 0.45f);  // Halved once, however long it is held.
  EXPECT_FLOAT_EQ(line.char_confidences[2], 0.9f);
}

TEST(CtcDecodeTest, EmptyAndAllBlankLines) {
  Alphabet alphabet;
  alphabet.characters = {"x"};
  const std::vector<float> blanks = {0.9f, 0.1f, 0.9f, 0.1f};
  const DecodedLine line = ctc_greedy_decode(blanks.data(), 2, 2, alphabet);
  EXPECT_EQ(line.text, "");
  EXPECT_EQ(line.confidence, 0);
  EXPECT_EQ(ctc_greedy_decode(nullptr, 0, 2, alphabet).text, "");
  // A class the alphabet does not have is dropped rather than read out of bounds.
  const std::vector<float> beyond = {0.0f, 0.1f, 0.9f};
  EXPECT_EQ(ctc_greedy_decode(beyond.data(), 1, 3, alphabet).text, "");
}

TEST(LineCropTest, WarpsAQuadUpright) {
  cv::Mat page(200, 300, CV_8UC3, cv::Scalar(255, 255, 255));
  const cv::RotatedRect band({150, 100}, {160, 30}, 12);
  cv::Point2f corners[4];
  band.points(corners);
  std::vector<cv::Point> polygon(corners, corners + 4);
  cv::fillConvexPoly(page, polygon, cv::Scalar(0, 0, 255));
  const cv::Mat crop = crop_line(page, ordered_corners(band));
  EXPECT_NEAR(crop.cols, 160, 2);
  EXPECT_NEAR(crop.rows, 30, 2);
  const cv::Scalar mean = cv::mean(crop(cv::Rect(10, 5, crop.cols - 20, crop.rows - 10)));
  EXPECT_GT(mean[2], 240);  // All red inside: the crop follows the tilt.
  EXPECT_LT(mean[0], 15);
}

TEST(LineCropTest, TallCropsAreTurned) {
  const cv::Mat page(200, 200, CV_8UC3, cv::Scalar(0, 0, 0));
  const Quad tall{Point{10, 10}, Point{30, 10}, Point{30, 110}, Point{10, 110}};
  const cv::Mat crop = crop_line(page, tall);
  EXPECT_EQ(crop.cols, 100);
  EXPECT_EQ(crop.rows, 20);
  const Quad empty{Point{5, 5}, Point{5, 5}, Point{5, 5}, Point{5, 5}};
  EXPECT_FALSE(crop_line(page, empty).empty());
}

TEST(LineCropTest, SortsIntoReadingOrder) {
  auto box = [](float x, float y) {
    return Quad{Point{x, y}, Point{x + 50, y}, Point{x + 50, y + 20}, Point{x, y + 20}};
  };
  std::vector<Quad> boxes = {box(200, 103), box(10, 50), box(10, 100), box(300, 52), box(100, 98)};
  sort_reading_order(boxes);
  std::vector<std::pair<float, float>> order;
  for (const Quad& q : boxes) order.emplace_back(q[0].x, q[0].y);
  EXPECT_EQ(order, (std::vector<std::pair<float, float>>{{10, 50}, {300, 52}, {10, 100}, {100, 98}, {200, 103}}));
}

TEST(OrnamentTest, RowsOfGlyphsAreNotText) {
  EXPECT_TRUE(is_ornament("◆◆◆◆◆◆◆◆◆◆◆◆"));
  EXPECT_TRUE(is_ornament("※※※※※※※※※※※※※※"));
  EXPECT_TRUE(is_ornament("一一一一一一一一"));
  EXPECT_TRUE(is_ornament("◆◆◆◆◆◆◆学◆◆"));
  EXPECT_TRUE(is_ornament("·—·—·—"));
  EXPECT_FALSE(is_ornament("毕业证书"));
  EXPECT_FALSE(is_ornament("证书编号：105331201502000123"));
  EXPECT_FALSE(is_ornament("二〇〇〇年六月三十日"));
  EXPECT_FALSE(is_ornament("1000000000000001"));  // Digits repeat in numbers.
  EXPECT_FALSE(is_ornament("◆◆"));
}

TEST(LineBatchTest, ResizesNormalisesAndPads) {
  const cv::Mat white(24, 48, CV_8UC3, cv::Scalar(255, 255, 255));  // Ratio 2 -> 96 wide at height 48.
  const std::vector<float> batch = prepare_line_batch({white}, 48, 320);
  ASSERT_EQ(batch.size(), 3u * 48 * 320);
  EXPECT_FLOAT_EQ(batch[0], 1.0f);
  EXPECT_FLOAT_EQ(batch[95], 1.0f);
  EXPECT_FLOAT_EQ(batch[96], 0.0f);  // Padding.
  const cv::Mat black(10, 1000, CV_8UC3, cv::Scalar(0, 0, 0));
  const std::vector<float> squeezed = prepare_line_batch({black}, 48, 320);
  EXPECT_FLOAT_EQ(squeezed[319], -1.0f);  // Wider than the batch: squeezed to fit, no padding.
}

TEST(OcrResultTest, JsonRoundTrip) {
  OcrResult result;
  result.engine = "ppocr";
  result.model_version = "v";
  result.width = 10;
  result.height = 20;
  result.lines.push_back({Quad{Point{1, 2}, Point{3, 2}, Point{3, 4}, Point{1, 4}}, "张三", 0.5f, {0.4f, 0.6f}});
  result.timings = {1, 2, 3, 7};
  Result<OcrResult> back = ocr_result_from_json(ocr_result_to_json(result));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->lines[0].text, "张三");
  EXPECT_EQ(back->lines[0].box[2].x, 3);
  EXPECT_EQ(back->lines[0].char_confidences, (std::vector<float>{0.4f, 0.6f}));
  EXPECT_EQ(back->timings.total_ms, 7);
  EXPECT_EQ(result.text(), "张三");
  EXPECT_FALSE(ocr_result_from_json(nlohmann::json::object()).ok());
}

}  // namespace
}  // namespace mixtract::ppocr
