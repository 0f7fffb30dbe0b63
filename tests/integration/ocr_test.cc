// Golden tests: the real engines read text rendered with real fonts exactly.
#include "ocr/ocr.h"

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opencv2/freetype.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "experts/expert_options.h"
#include "io/analysis_cache.h"
#include "ocr/ocr_service.h"
#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kModels = std::filesystem::path(MIXTRACT_DEFAULT_DEPS_DIR) / "ppocr-models";

// Noto Serif CJK SC, the font the pages of these tests are drawn in.
cv::Ptr<cv::freetype::FreeType2> serif_font() {
  cv::Ptr<cv::freetype::FreeType2> font = cv::freetype::createFreeType2();
  font->loadFontData("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2);
  return font;
}

// A white page with each text drawn on its own line in serif_font().
cv::Mat render(const std::vector<std::string>& lines, int height = 40) {
  cv::Ptr<cv::freetype::FreeType2> font = serif_font();
  cv::Mat page(static_cast<int>(lines.size()) * height * 2 + 2 * height, 1100, CV_8UC3, cv::Scalar(250, 250, 250));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    font->putText(page, lines[i], {60, height + static_cast<int>(i) * height * 2}, height, cv::Scalar(20, 20, 20), -1,
                  cv::LINE_AA, false);
  }
  return page;
}

// A school's seal stamped over (775, 800) of `page`: a ring, the name along it and a star, red, 85% opaque.
void stamp_seal(cv::Mat& page) {
  cv::Ptr<cv::freetype::FreeType2> font = serif_font();
  cv::Mat seal = page.clone();
  const cv::Scalar red(70, 60, 225);
  const cv::Point centre(775, 800);
  const int radius = 70;
  cv::circle(seal, centre, radius, red, 5, cv::LINE_AA);
  const char* ring[] = {"浙", "江", "中", "医", "药", "大", "学"};
  for (int k = 0; k < 7; ++k) {
    const double angle = (200 + k * 23) * CV_PI / 180;
    font->putText(seal, ring[k],
                  {centre.x + static_cast<int>((radius - 28) * std::cos(angle)) - 10,
                   centre.y + static_cast<int>((radius - 28) * std::sin(angle)) + 10},
                  22, red, -1, cv::LINE_AA, false);
  }
  font->putText(seal, "★", {centre.x - radius / 3, centre.y + radius / 3}, radius * 2 / 3, red, -1, cv::LINE_AA, false);
  cv::addWeighted(seal, 0.85, page, 0.15, 0, page);
}

// `page` as a document, encoded as PNG, as a file reaches the engine.
Document document_of(const cv::Mat& page, const std::string& source = "page.png") {
  std::vector<unsigned char> png;
  cv::imencode(".png", page, png);
  return Document::decode(std::string(png.begin(), png.end()), source).value();
}

// The issue date, found by the certificate cues' fact as the certificate schemas ask for it.
FieldSpec issue_date_field() {
  FieldSpec date;
  date.name = "graduation_date";
  date.kind = FieldKind::kDate;
  date.hints.facts = {"issue_date"};
  return date;
}

// The graduation number under its label 证书编号, as the certificate schemas ask for it.
FieldSpec certificate_number_field() {
  FieldSpec number;
  number.name = "certificate_number";
  number.kind = FieldKind::kCode;
  number.validator = Validator::kGraduationNumber;
  number.hints.labels = {"证书编号"};
  return number;
}

std::string without_spaces(std::string text) {
  std::erase(text, ' ');
  return text;
}

// A PP-OCRv4 reading service with the tests' models, one thread, no cache.
std::shared_ptr<OcrService> ppocr_service() {
  return std::make_shared<OcrService>(OcrServiceOptions{kModels, 1, 0, nullptr});
}

// The built-in expert `name`, reading through `ocr` (a fresh ppocr_service() when none is given); null, with the
// error reported as a test failure, when it cannot be made.
std::unique_ptr<Expert> builtin_expert(const std::string& name, std::shared_ptr<OcrService> ocr = nullptr) {
  ExpertOptions options;
  options.ocr = ocr ? std::move(ocr) : ppocr_service();
  Result<std::unique_ptr<Expert>> expert = builtin_experts(options).create(name);
  EXPECT_TRUE(expert.ok()) << expert.status().message();
  return expert.ok() ? std::move(expert).value() : nullptr;
}

class PpOcrTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    PpOcrOptions options;
    options.model_dir = kModels;
    Result<std::unique_ptr<OcrEngine>> created = create_ppocr_engine(options);
    ASSERT_TRUE(created.ok()) << created.status().message();
    engine_ = std::move(created).value().release();
  }
  static void TearDownTestSuite() { delete engine_; }
  static OcrEngine* engine_;
};
OcrEngine* PpOcrTest::engine_ = nullptr;

TEST_F(PpOcrTest, ReadsCertificateLinesExactly) {
  const std::vector<std::string> lines = {"证书编号：106101201905007614", "学生 张伟，性别 男，一九九七年五月十二日生",
                                          "二〇一九年六月三十日", "公民身份号码 11010519491231002X"};
  Result<OcrResult> result = engine_->read(render(lines));
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->lines.size(), lines.size()) << result->text();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(without_spaces(result->lines[i].text), without_spaces(lines[i]));
    EXPECT_GT(result->lines[i].confidence, 0.9);
    EXPECT_EQ(result->lines[i].char_confidences.size(), result->lines[i].char_confidences.size());
  }
  EXPECT_EQ(result->engine, "ppocr");
  EXPECT_GT(result->timings.detect_ms, 0);
  EXPECT_GE(result->timings.total_ms, result->timings.detect_ms + result->timings.recognise_ms);
}

TEST_F(PpOcrTest, ReadsUpsideDownAndTiltedPages) {
  cv::Mat page = render({"毕业证书编号 100031201105000002"});
  cv::rotate(page, page, cv::ROTATE_180);
  Result<OcrResult> result = engine_->read(page);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->lines.size(), 1u);
  EXPECT_EQ(without_spaces(result->lines[0].text), "毕业证书编号100031201105000002");

  cv::Mat tilted;
  const cv::Mat upright = render({"证书编号：106101201905007614"});
  cv::warpAffine(upright, tilted, cv::getRotationMatrix2D({550, 60}, 4, 1), upright.size(), cv::INTER_LINEAR,
                 cv::BORDER_REPLICATE);
  result = engine_->read(tilted);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->lines.size(), 1u);
  EXPECT_EQ(result->lines[0].text, "证书编号：106101201905007614");
}

TEST_F(PpOcrTest, BlankPagesHaveNoLines) {
  Result<OcrResult> result = engine_->read(cv::Mat(300, 400, CV_8UC3, cv::Scalar(255, 255, 255)));
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->lines.empty());
  EXPECT_FALSE(engine_->read(cv::Mat()).ok());
}

TEST_F(PpOcrTest, RereadsASmallRegion) {
  // A number printed small, re-read from its region scaled to 48-pixel text.
  cv::Mat page = render({"证书编号：106101201905007614"}, 14);
  Result<OcrResult> whole = engine_->read(page);
  ASSERT_TRUE(whole.ok());
  ASSERT_FALSE(whole->lines.empty());
  Result<OcrResult> again = reread_region(*engine_, page, whole->lines[0].box);
  ASSERT_TRUE(again.ok()) << again.status().message();
  ASSERT_EQ(again->lines.size(), 1u);
  EXPECT_EQ(again->lines[0].text, "证书编号：106101201905007614");
  // Boxes come back in page coordinates.
  EXPECT_NEAR(again->lines[0].box[0].x, whole->lines[0].box[0].x, 12);
  EXPECT_NEAR(again->lines[0].box[0].y, whole->lines[0].box[0].y, 12);
  EXPECT_FALSE(
      reread_region(*engine_, page, Quad{Point{5000, 5000}, Point{5010, 5000}, Point{5010, 5010}, Point{5000, 5010}})
          .ok());
}

TEST(FaintWhitenedTest, ASealsTraceGoesAndPrintStaysDark) {
  // Paper, black print, a red seal's ring, and print the ring crosses (dark red), as photographed (BGR).
  cv::Mat page(100, 100, CV_8UC3, cv::Scalar(225, 228, 232));
  page(cv::Rect(0, 0, 10, 10)).setTo(cv::Scalar(40, 40, 45));
  page(cv::Rect(10, 0, 10, 10)).setTo(cv::Scalar(60, 50, 200));
  page(cv::Rect(20, 0, 10, 10)).setTo(cv::Scalar(30, 25, 110));
  const cv::Mat faded = red_faded(page);
  EXPECT_EQ(faded.at<cv::Vec3b>(5, 15), cv::Vec3b(200, 200, 200));  // Red faded leaves the ring light grey.
  const cv::Mat whitened = faint_whitened(faded);
  ASSERT_EQ(whitened.type(), CV_8UC3);
  EXPECT_EQ(whitened.at<cv::Vec3b>(50, 50), cv::Vec3b(255, 255, 255));  // Paper.
  EXPECT_EQ(whitened.at<cv::Vec3b>(5, 15), cv::Vec3b(255, 255, 255));   // The ring: 200 of 232, a trace.
  EXPECT_LT(whitened.at<cv::Vec3b>(5, 5)[0], 70);                       // Print.
  EXPECT_LT(whitened.at<cv::Vec3b>(5, 25)[0], 160);                     // Print under the ring.
}

TEST(SealFlattenedTest, ASealsStarTurnsToPaperAndRedPrintUnderItShows) {
  // Paper, a black and a red stroke 5 pixels wide, and a seal's solid star (a block here) blended over the
  // red one at 72%, as synth and a real stamp leave them (BGR).
  const cv::Scalar paper(225, 228, 232), black(40, 40, 45), red_print(50, 45, 180), seal(60, 50, 200);
  cv::Mat page(100, 100, CV_8UC3, paper);
  page(cv::Rect(10, 20, 5, 60)).setTo(black);
  page(cv::Rect(40, 20, 5, 60)).setTo(red_print);
  cv::Mat star = page(cv::Rect(30, 30, 60, 40));
  cv::addWeighted(cv::Mat(star.size(), CV_8UC3, seal), 0.72, star.clone(), 0.28, 0, star);
  const cv::Mat flat = seal_flattened(page, 30);
  ASSERT_EQ(flat.type(), CV_8UC3);
  EXPECT_GT(flat.at<cv::Vec3b>(5, 50)[0], 245);   // Paper.
  EXPECT_GT(flat.at<cv::Vec3b>(50, 70)[0], 245);  // The star, where nothing is under it.
  EXPECT_LT(flat.at<cv::Vec3b>(50, 12)[0], 70);   // Black print.
  EXPECT_LT(flat.at<cv::Vec3b>(25, 42)[0], 70);   // Red print.
  EXPECT_LT(flat.at<cv::Vec3b>(50, 42)[0], 160);  // Red print under the star: grey on paper.
  // Red faded, it all but goes: 15 levels from the star around it.
  EXPECT_NEAR(red_faded(page).at<cv::Vec3b>(50, 42)[0], red_faded(page).at<cv::Vec3b>(50, 70)[0], 20);
}

TEST(OcrServiceTest, ARegionReadAgainIsReadOnceAndKeptInTheCache) {
  const mixtract::testing::ScratchDir scratch;
  const Document document = document_of(render({"证书编号：106101201905007614"}, 14));
  const Quad region{Point{40, 0}, Point{500, 0}, Point{500, 30}, Point{40, 30}};
  std::shared_ptr<AnalysisCache> cache = AnalysisCache::open(scratch.path() / "cache.sqlite", 1u << 20).value();
  OcrService service({kModels, 1, 0, cache});
  Result<std::shared_ptr<const OcrResult>> first = service.reread(document, "ppocr", region, {});
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_THAT((*first)->text(), HasSubstr("106101201905007614"));
  EXPECT_EQ(*service.reread(document, "ppocr", region, {}), *first);  // The same reading, not read again.
  RereadOptions faded;
  faded.drop_red = true;
  EXPECT_NE(*service.reread(document, "ppocr", region, faded), *first);  // Other options: another reading.
  EXPECT_EQ(cache->entries(), 2u);
  EXPECT_EQ(service.counts().computed, 0);          // Regions are not pages.
  EXPECT_TRUE(service.spent_on(document).empty());  // Nor charged as the page's reading.
  OcrService next_run({kModels, 1, 0, cache});
  Result<std::shared_ptr<const OcrResult>> cached = next_run.reread(document, "ppocr", region, {});
  ASSERT_TRUE(cached.ok());
  EXPECT_EQ((*cached)->text(), (*first)->text());
  EXPECT_EQ(cache->entries(), 2u);
}

TEST(PpOcrModelsTest, MissingOrCorruptModelsAreClearErrors) {
  const mixtract::testing::ScratchDir scratch;
  const std::filesystem::path& dir = scratch.path();
  PpOcrOptions options;
  options.model_dir = dir;
  Result<std::unique_ptr<OcrEngine>> missing = create_ppocr_engine(options);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(),
              HasSubstr("ch_PP-OCRv4_det_infer.onnx: model file missing; run scripts/setup.sh"));

  for (const char* name : {"ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx",
                           "ch_ppocr_mobile_v2.0_cls_infer.onnx", "ppocr_keys_v1.txt"}) {
    std::filesystem::copy_file(kModels / name, dir / name, std::filesystem::copy_options::overwrite_existing);
  }
  std::ofstream(dir / "ch_PP-OCRv4_rec_infer.onnx", std::ios::trunc) << "not a model";
  Result<std::unique_ptr<OcrEngine>> corrupt = create_ppocr_engine(options);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_THAT(corrupt.status().message(), HasSubstr("ch_PP-OCRv4_rec_infer.onnx: cannot load the model"));
}

TEST(TesseractTest, ReadsCleanTextAndDigitsOnly) {
  Result<std::unique_ptr<OcrEngine>> engine = create_tesseract_engine({});
  ASSERT_TRUE(engine.ok()) << engine.status().message();
  Result<OcrResult> result = (*engine)->read(render({"学生 张伟 性别 男"}));
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->lines.size(), 1u);
  EXPECT_EQ(without_spaces(result->lines[0].text), "学生张伟性别男");

  TesseractOptions digits;
  digits.languages = "eng";
  digits.whitelist = "0123456789X";
  digits.page_segmentation_mode = 7;
  Result<std::unique_ptr<OcrEngine>> digit_engine = create_tesseract_engine(digits);
  ASSERT_TRUE(digit_engine.ok());
  Result<OcrResult> number = (*digit_engine)->read(render({"106101201905007614"}));
  ASSERT_TRUE(number.ok());
  ASSERT_EQ(number->lines.size(), 1u);
  EXPECT_EQ(number->lines[0].text, "106101201905007614");

  TesseractOptions bad;
  bad.languages = "xx_none";
  EXPECT_THAT(create_tesseract_engine(bad).status().message(), HasSubstr("cannot load languages 'xx_none'"));
}

// A certificate's body above its issue date, 2019年6月30日, and a school's seal stamped over the date: a ring
// `ring` thick centred at x = `seal_x`, the school's name and a star, red, `opacity` opaque.
cv::Mat issue_date_under_a_seal(int seal_x, int ring, double opacity) {
  cv::Mat page = render({"学生张伟，男，1997年5月12日生，于2015年9月至2019年6月", "在四川大学法学专业学习，准予毕业。",
                         "校名：四川大学", "2019年6月30日"});
  cv::Mat seal = page.clone();
  cv::Ptr<cv::freetype::FreeType2> font = serif_font();
  const cv::Scalar red(60, 50, 230);
  cv::circle(seal, {seal_x, 300}, 110, red, ring, cv::LINE_AA);
  font->putText(seal, "四川大学", {seal_x - 130, 284}, 46, red, -1, cv::LINE_AA, false);
  font->putText(seal, "★", {seal_x + 40, 270}, 70, red, -1, cv::LINE_AA, false);
  cv::addWeighted(seal, opacity, page, 1 - opacity, 0, page);
  return page;
}

// The issue date that "certificate_text" and "certificate_text_without_red" each propose on `page` (accept
// confidence 0.9), by expert name; an expert that proposes none is not in it.
std::map<std::string, Candidate> issue_date_by_expert(const cv::Mat& page) {
  const Document document = document_of(page);
  const std::shared_ptr<OcrService> ocr = ppocr_service();
  FieldSpec date = issue_date_field();
  date.route.accept_confidence = 0.9;
  const FieldSpec* fields[] = {&date};
  std::map<std::string, Candidate> found;
  for (const char* name : {"certificate_text", "certificate_text_without_red"}) {
    const std::unique_ptr<Expert> expert = builtin_expert(name, ocr);
    if (expert == nullptr) {
      ADD_FAILURE() << "no expert " << name;
      continue;
    }
    Result<std::vector<Candidate>> proposed = expert->propose(document, fields);
    if (!proposed.ok()) {
      ADD_FAILURE() << name << ": " << proposed.status().message();
      continue;
    }
    for (const Candidate& candidate : *proposed) found[name] = candidate;
  }
  return found;
}

TEST(CertificateTextWithoutRedTest, ReadsTheIssueDateUnderASeal) {
  // The issue date under a red seal: the page's reading loses it; read again with red ink faded out,
  // the same cues find it.
  std::map<std::string, Candidate> found = issue_date_by_expert(issue_date_under_a_seal(190, 7, 0.8));
  EXPECT_NE(found["certificate_text"].value, "2019-06-30") << "the seal no longer hides the date: make it denser";
  const Candidate& faded = found["certificate_text_without_red"];
  EXPECT_EQ(faded.value, "2019-06-30");
  // Read under the seal with the red faded only: the ring's trace may have added a stroke, so it waits for a person.
  EXPECT_LT(faded.confidence, 0.9);
  ASSERT_FALSE(faded.evidence.empty());
  EXPECT_EQ(faded.evidence.back().text, "read under a seal with the red faded, and not so as printed");
}

TEST(CertificateTextWithoutRedTest, ADateReadWithTheRedFadedIsSureWhenItsRowReadCloserAsPrintedSaysSo) {
  // A lighter seal over the start of the issue date: the page as printed does not find the date, the page with the
  // red faded does, and the date's row read again enlarged as printed, the ring's ink across it, reads the same.
  std::map<std::string, Candidate> found = issue_date_by_expert(issue_date_under_a_seal(120, 4, 0.6));
  EXPECT_NE(found["certificate_text"].value, "2019-06-30") << "the page as printed reads the date: move the seal";
  const Candidate& faded = found["certificate_text_without_red"];
  EXPECT_EQ(faded.value, "2019-06-30");
  EXPECT_GE(faded.confidence, 0.9);
  ASSERT_FALSE(faded.evidence.empty());
  EXPECT_EQ(faded.evidence.back().text, "read under a seal with the red faded, and so closer as printed");
}

TEST(CertificateTextThroughRedInkTest, ADateUnderRedInkIsSureOnlyWhenItReadsSoWithTheRedFaded) {
  cv::Ptr<cv::freetype::FreeType2> font = serif_font();
  const cv::Scalar red(60, 50, 230);
  FieldSpec date = issue_date_field();
  date.route.accept_confidence = 0.9;
  const FieldSpec* fields[] = {&date};
  const std::unique_ptr<Expert> expert = builtin_expert("certificate_text");
  ASSERT_NE(expert, nullptr);
  const auto proposed_date = [&](const cv::Mat& page) -> Candidate {
    const Document document = document_of(page);
    Result<std::vector<Candidate>> proposed = expert->propose(document, fields);
    if (!proposed.ok() || proposed->empty()) return {};
    return proposed->front();
  };
  const std::vector<std::string> body{"学生张伟，男，1997年5月12日生，于2015年9月至2019年6月",
                                      "在四川大学法学专业学习，准予毕业。", "校名：四川大学"};
  // Black print that a seal's thin ring crosses: read again with the red faded, the same date, as sure as read.
  std::vector<std::string> lines = body;
  lines.push_back("2019年6月30日");
  cv::Mat crossed = render(lines);
  cv::circle(crossed, {330, 420}, 150, red, 3, cv::LINE_AA);
  Candidate found = proposed_date(crossed);
  EXPECT_EQ(found.value, "2019-06-30");
  EXPECT_GE(found.confidence, 0.9);
  // The date printed in red ink itself: faded out with it, nothing confirms the reading, which stays under the
  // route's bar, so that the route asks the page read with the red faded.
  cv::Mat printed_red = render(body);
  cv::copyMakeBorder(printed_red, printed_red, 0, 80, 0, 0, cv::BORDER_CONSTANT, cv::Scalar(250, 250, 250));
  font->putText(printed_red, "2019年6月30日", {60, 40 + 3 * 80}, 40, cv::Scalar(0, 0, 255), -1, cv::LINE_AA, false);
  found = proposed_date(printed_red);
  EXPECT_EQ(found.value, "2019-06-30");
  EXPECT_LT(found.confidence, 0.9);
  EXPECT_TRUE(std::any_of(found.evidence.begin(), found.evidence.end(),
                          [](const Evidence& e) { return e.text.find("red ink") != std::string::npos; }));
}

TEST(CertificateTextWithoutRedTest, ReadsADateAgainCloserWhereTheSealsTraceChangedACharacter) {
  // A seal stamped over the issue date, its ring crossing the date's characters, at several places along it: where
  // the ring's faint trace on the page read with red faded changes a character (at x = 320 here), the expert reads
  // that line again, enlarged, with the trace whitened, and finds the date.
  cv::Ptr<cv::freetype::FreeType2> font = serif_font();
  const cv::Scalar red(40, 30, 170);
  const FieldSpec date = issue_date_field();
  const FieldSpec* fields[] = {&date};
  int changed_by_trace = 0;
  for (int x = 280; x <= 360; x += 20) {
    cv::Mat page = render({"学生张伟，男，1997年5月12日生，于2010年9月至2014年6月",
                           "在四川大学法学专业学习，准予毕业。", "校名：四川大学", "二〇一四年六月十二日"});
    cv::Mat seal = page.clone();
    cv::circle(seal, {x, 240}, 100, red, 8, cv::LINE_AA);
    font->putText(seal, "★", {x - 30, 210}, 60, red, -1, cv::LINE_AA, false);
    cv::addWeighted(seal, 0.8, page, 0.2, 0, page);
    const Document document = document_of(page);
    const std::shared_ptr<OcrService> ocr = ppocr_service();
    const std::unique_ptr<Expert> expert = builtin_expert("certificate_text_without_red", ocr);
    ASSERT_NE(expert, nullptr);
    Result<std::vector<Candidate>> proposed = expert->propose(document, fields);
    ASSERT_TRUE(proposed.ok()) << proposed.status().message();
    const Result<std::shared_ptr<const OcrResult>> faded = ocr->read_without_red(document, "ppocr");
    ASSERT_TRUE(faded.ok()) << faded.status().message();
    const bool faded_reads_it = without_spaces((*faded)->text()).find("六月十二日") != std::string::npos;
    if (!faded_reads_it) {
      ++changed_by_trace;
      ASSERT_EQ(proposed->size(), 1u) << "ring at x = " << x;
      EXPECT_EQ(proposed->front().value, "2014-06-12") << "ring at x = " << x;
    }
  }
  EXPECT_GT(changed_by_trace, 0) << "the ring's trace no longer changes the faded page's reading: thicken it";
}

TEST(CertificateTextThroughRedInkTest, AReadingThroughRedThatTheFadedPageContradictsGivesWay) {
  // A seal's ring across the 3 of a date on tinted, slightly blurred paper: as printed it reads 18; the page with the
  // red faded loses the row, which is found again from the pieces read as printed, read closer with the ring's trace
  // whitened: 13. The reading through the red is then at most half sure, under the faded view's.
  cv::Mat page = render({"学生张伟，男，1997年5月12日生，于2004年9月至2008年7月", "在四川大学法学专业学习，准予毕业。",
                         "校名：四川大学", "2008年7月13日"});
  page.setTo(cv::Scalar(228, 234, 238), page > 249);
  cv::Mat seal = page.clone();
  cv::circle(seal, {370, 285}, 100, cv::Scalar(40, 30, 215), 6, cv::LINE_AA);
  cv::addWeighted(seal, 0.75, page, 0.25, 0, page);
  cv::GaussianBlur(page, page, {3, 3}, 0);
  const Document document = document_of(page);
  const std::shared_ptr<OcrService> ocr = ppocr_service();
  FieldSpec date = issue_date_field();
  date.route.accept_confidence = 0.9;
  const FieldSpec* fields[] = {&date};
  std::map<std::string, Candidate> found;
  for (const char* name : {"certificate_text", "certificate_text_without_red"}) {
    const std::unique_ptr<Expert> expert = builtin_expert(name, ocr);
    ASSERT_NE(expert, nullptr);
    Result<std::vector<Candidate>> proposed = expert->propose(document, fields);
    ASSERT_TRUE(proposed.ok()) << proposed.status().message();
    ASSERT_EQ(proposed->size(), 1u) << name;
    found[name] = proposed->front();
  }
  ASSERT_EQ(found["certificate_text"].value, "2008-07-18") << "the ring no longer changes the 3 as printed: move it";
  EXPECT_EQ(found["certificate_text_without_red"].value, "2008-07-13");
  EXPECT_LE(found["certificate_text"].confidence, 0.5);
  EXPECT_LT(found["certificate_text"].confidence, found["certificate_text_without_red"].confidence);
  EXPECT_EQ(found["certificate_text"].evidence.back().text, "the page with red ink faded reads 2008-07-13");
}

TEST(OcrLabelInTheWayTest, AnAddressThatMayGoOnBeneathAWrittenUseIsInDoubt) {
  // A use written under an address, in the place of its next line and running on past where it wrapped:
  // the address may go on beneath it, so its reading is at most 0.5 sure and names the line.
  FieldSpec address;
  address.name = "address";
  address.hints.labels = {"住址"};
  const FieldSpec* fields[] = {&address};
  const std::unique_ptr<Expert> expert = builtin_expert("ppocr");
  ASSERT_NE(expert, nullptr);
  cv::Ptr<cv::freetype::FreeType2> font = serif_font();
  for (const bool written : {false, true}) {
    cv::Mat page(200, 1100, CV_8UC3, cv::Scalar(245, 245, 245));
    font->putText(page, "住址：山西省长治市长子县幸福路138", {60, 50}, 30, cv::Scalar(20, 20, 20), -1, cv::LINE_AA,
                  false);
    if (written) {
      font->putText(page, "此复印件仅供办理入职手续使用再复印无效", {200, 92}, 36, cv::Scalar(60, 60, 60), -1,
                    cv::LINE_AA, false);
    }
    const Document document = document_of(page, "card.png");
    Result<std::vector<Candidate>> proposed = expert->propose(document, fields);
    ASSERT_TRUE(proposed.ok()) << proposed.status().message();
    ASSERT_EQ(proposed->size(), 1u);
    const Candidate& candidate = proposed->front();
    EXPECT_EQ(candidate.value, "山西省长治市长子县幸福路138");
    EXPECT_EQ(candidate.confidence <= 0.5, written) << candidate.confidence;
    EXPECT_EQ(candidate.evidence.back().source.starts_with("in_the_way:"), written);
  }
}

TEST(OcrLabelFaintLinesTest, ANumberLineASealMakesTheDetectorDropIsFoundAmongTheFaintLines) {
  // A red number with a red seal over its end, on a page the detector sees scaled down: the seal lowers
  // the detector's score along the whole line, which the page's reading then drops, label and all; with
  // red ink faded, the number goes with the seal.
  cv::Ptr<cv::freetype::FreeType2> font = serif_font();
  cv::Mat page(1130, 1600, CV_8UC3, cv::Scalar(228, 234, 238));
  font->putText(page, "证书编号：", {372, 812}, 28, cv::Scalar(30, 30, 30), -1, cv::LINE_AA, false);
  font->putText(page, "103441200205802185", {515, 812}, 28, cv::Scalar(40, 40, 235), -1, cv::LINE_AA, false);
  stamp_seal(page);
  const Document document = document_of(page);
  const std::shared_ptr<OcrService> ocr = ppocr_service();
  const Result<std::shared_ptr<const OcrResult>> read = ocr->read(document, "ppocr");
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_THAT((*read)->text(), ::testing::Not(HasSubstr("证书编号")))
      << "the detector keeps the line now: move the seal or thicken its ring";
  const Result<std::shared_ptr<const OcrResult>> faint = ocr->read_faint_lines(document, "ppocr");
  ASSERT_TRUE(faint.ok()) << faint.status().message();
  EXPECT_THAT((*faint)->text(), HasSubstr("证书编号"));
  EXPECT_THAT((*faint)->text(), HasSubstr("103441200205802185"));

  // The re-reading expert looks there for a number whose label is in neither the page's reading nor
  // the red-faded one.
  const FieldSpec number = certificate_number_field();
  const FieldSpec* fields[] = {&number};
  const std::unique_ptr<Expert> expert = builtin_expert("ppocr_reread", ocr);
  ASSERT_NE(expert, nullptr);
  Result<std::vector<Candidate>> proposed = expert->propose(document, fields);
  ASSERT_TRUE(proposed.ok()) << proposed.status().message();
  std::vector<std::string> values;
  for (const Candidate& candidate : *proposed) values.push_back(candidate.value);
  EXPECT_THAT(values, ::testing::Contains("103441200205802185"));
}

TEST(OcrLabelFadedPageTest, ANumberLineFoundOnlyWithRedFadedIsReadAgainInEachView) {
  // A dark number with a seal over it, on a page the detector sees scaled down: the page's reading drops the line,
  // the page read with red ink faded has it; that line is read again, enlarged, in each view as well.
  cv::Ptr<cv::freetype::FreeType2> font = serif_font();
  cv::Mat page(1130, 1600, CV_8UC3, cv::Scalar(228, 234, 238));
  font->putText(page, "证书编号：", {372, 812}, 28, cv::Scalar(30, 30, 30), -1, cv::LINE_AA, false);
  font->putText(page, "103441200205802185", {515, 812}, 28, cv::Scalar(40, 40, 140), -1, cv::LINE_AA, false);
  stamp_seal(page);
  const Document document = document_of(page);
  const std::shared_ptr<OcrService> ocr = ppocr_service();
  const Result<std::shared_ptr<const OcrResult>> read = ocr->read(document, "ppocr");
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_THAT((*read)->text(), ::testing::Not(HasSubstr("证书编号")))
      << "the detector keeps the line now: make the seal denser";
  const FieldSpec number = certificate_number_field();
  const FieldSpec* fields[] = {&number};
  const std::unique_ptr<Expert> expert = builtin_expert("ppocr_reread", ocr);
  ASSERT_NE(expert, nullptr);
  Result<std::vector<Candidate>> proposed = expert->propose(document, fields);
  ASSERT_TRUE(proposed.ok()) << proposed.status().message();
  std::vector<std::string> sources;
  for (const Candidate& candidate : *proposed) {
    const std::string& source = candidate.evidence.front().source;
    sources.push_back(source.substr(0, source.find(':')) + "=" + candidate.value);
  }
  EXPECT_THAT(sources, ::testing::Contains("page_without_red=103441200205802185"));
  EXPECT_THAT(sources, ::testing::Contains("reread_without_red=103441200205802185"));
}

TEST(OcrLabelFlattenedSealTest, ARedNumberUnderARedStarIsReadWithTheSealFlattened) {
  // A red number with a seal's solid red star over two of its last digits: as printed the star hides them,
  // with red ink faded the number goes with the star; with the seal flattened into the paper they show.
  cv::Ptr<cv::freetype::FreeType2> font = serif_font();
  cv::Mat page(400, 1000, CV_8UC3, cv::Scalar(228, 234, 238));
  font->putText(page, "证书编号：", {60, 200}, 28, cv::Scalar(30, 30, 30), -1, cv::LINE_AA, false);
  font->putText(page, "100101201705680336", {203, 200}, 28, cv::Scalar(40, 40, 200), -1, cv::LINE_AA, false);
  cv::Mat seal = page.clone();
  const cv::Scalar red(70, 60, 225);
  cv::circle(seal, {445, 215}, 95, red, 6, cv::LINE_AA);
  font->putText(seal, "★", {398, 158}, 90, red, -1, cv::LINE_AA, false);
  cv::addWeighted(seal, 0.72, page, 0.28, 0, page);
  const FieldSpec number = certificate_number_field();
  const FieldSpec* fields[] = {&number};
  const std::unique_ptr<Expert> expert = builtin_expert("ppocr_reread");
  ASSERT_NE(expert, nullptr);
  Result<std::vector<Candidate>> proposed = expert->propose(document_of(page), fields);
  ASSERT_TRUE(proposed.ok()) << proposed.status().message();
  std::vector<std::string> flattened;
  for (const Candidate& candidate : *proposed) {
    if (candidate.evidence.front().source.starts_with("reread_flattened:")) flattened.push_back(candidate.value);
  }
  EXPECT_THAT(flattened, ::testing::ElementsAre("100101201705680336"));
}

TEST(OcrLabelThroughRedInkTest, ANumberUnderASealsRingStaysUnderTheRoutesBar) {
  // The page's reading of a number is enough for the route where no red ink lies over it; where a seal's ring
  // crosses it, a digit may be the ring's doing, so the route is to ask for the line read again.
  FieldSpec number = certificate_number_field();
  number.route.accept_confidence = 0.9;
  const FieldSpec* fields[] = {&number};
  const std::unique_ptr<Expert> expert = builtin_expert("ppocr");
  ASSERT_NE(expert, nullptr);
  for (const bool ring : {false, true}) {
    cv::Mat page = render({"校名：厦门理工学院", "证书编号：110621201405005434"});
    if (ring) cv::circle(page, {700, 230}, 130, cv::Scalar(60, 50, 230), 4, cv::LINE_AA);
    Result<std::vector<Candidate>> proposed = expert->propose(document_of(page), fields);
    ASSERT_TRUE(proposed.ok()) << proposed.status().message();
    ASSERT_EQ(proposed->size(), 1u);
    const Candidate& found = proposed->front();
    EXPECT_EQ(found.value, "110621201405005434");
    EXPECT_EQ(found.confidence < 0.9, ring) << found.confidence;
    EXPECT_EQ(std::any_of(found.evidence.begin(), found.evidence.end(),
                          [](const Evidence& e) { return e.text.find("red ink") != std::string::npos; }),
              ring);
  }
}

}  // namespace
}  // namespace mixtract
