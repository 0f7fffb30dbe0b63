// The qr_code expert: a page's QR code decoded, and the piece of its text of a field's form proposed.
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include "experts/qr_code/qr_code_expert.h"
#include "mixtract/document.h"
#include "mixtract/schema.h"

namespace mixtract {
namespace {

FieldSpec verification_code() {
  const std::vector<Schema> schemas = load_schemas("chsi_record").value();
  for (const Schema& schema : schemas) {
    for (const FieldSpec& field : schema.fields) {
      if (schema.name == "chsi_record" && field.name == "verification_code") return field;
    }
  }
  ADD_FAILURE() << "chsi_record has no verification_code";
  return {};
}

// A white page with the QR code of `text` in its lower right quarter, `size` pixels square.
Document page_with_code(const std::string& text, int size) {
  cv::Mat page(1600, 1200, CV_8UC3, cv::Scalar::all(255));
  cv::Mat modules;
  cv::QRCodeEncoder::create()->encode(text, modules);
  cv::resize(modules, modules, {size, size}, 0, 0, cv::INTER_NEAREST);
  cv::cvtColor(modules, modules, cv::COLOR_GRAY2BGR);
  modules.copyTo(page(cv::Rect(900, 1300, size, size)));
  std::vector<unsigned char> png;
  cv::imencode(".png", page, png);
  return Document::decode(std::string(png.begin(), png.end()), "report.png").value();
}

TEST(QrCodeTest, TheOnePieceOfTheFieldsFormIsFound) {
  const FieldSpec field = verification_code();
  EXPECT_EQ(pieces_of_form("https://www.chsi.com.cn/xlcx/bg.do?vcode=A8B2C3D4E5F6G7H8&srcid=bgcx", field),
            std::vector<std::string>{"A8B2C3D4E5F6G7H8"});
  EXPECT_TRUE(pieces_of_form("https://www.chsi.com.cn/xlcx/bg.do?vcode=a8b2c3d4e5f6g7h8", field).empty());
  EXPECT_EQ(pieces_of_form("A8B2C3D4E5F6G7H8 1234567890123456", field).size(), 2u);
  FieldSpec free_text;
  EXPECT_TRUE(pieces_of_form("A8B2C3D4E5F6G7H8", free_text).empty());  // No pattern, no form to find.
}

TEST(QrCodeTest, APrintedCodeGivesItsValueWithItsCorners) {
  const FieldSpec field = verification_code();
  const FieldSpec* fields[] = {&field};
  const QrCodeExpert expert;
  const std::vector<Candidate> found =
      expert
          .propose(page_with_code("https://www.chsi.com.cn/xlcx/bg.do?vcode=Q7W3E9R1T5Y2U8I4&srcid=bgcx", 200), fields)
          .value();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "Q7W3E9R1T5Y2U8I4");
  EXPECT_EQ(found[0].field, "verification_code");
  ASSERT_TRUE(found[0].evidence.front().box.has_value());
  EXPECT_GT(found[0].evidence.front().box->front().x, 880);  // Where the code was put.
  // A code holding two values of the form names neither; a page without a code, nothing.
  EXPECT_TRUE(expert.propose(page_with_code("A8B2C3D4E5F6G7H8 1234567890123456", 200), fields).value().empty());
  cv::Mat blank(800, 600, CV_8UC3, cv::Scalar::all(255));
  std::vector<unsigned char> png;
  cv::imencode(".png", blank, png);
  EXPECT_TRUE(expert.propose(Document::decode(std::string(png.begin(), png.end()), "blank.png").value(), fields)
                  .value()
                  .empty());
}

// A phone's small photo of a report: the page 900 pixels wide, lit unevenly, the code's modules under three
// pixels wide, blurred and saved as a JPEG.
Document small_photo_with_code(const std::string& text) {
  cv::Mat page(1200, 900, CV_8UC1);
  for (int y = 0; y < page.rows; ++y) {  // Brighter at the top left, dimmer at the bottom right.
    for (int x = 0; x < page.cols; ++x) page.at<unsigned char>(y, x) = static_cast<unsigned char>(235 - (x + y) / 25);
  }
  cv::Mat modules;
  cv::QRCodeEncoder::create()->encode(text, modules);
  cv::resize(modules, modules, {modules.cols * 5 / 2, modules.rows * 5 / 2}, 0, 0, cv::INTER_AREA);
  cv::Mat region = page(cv::Rect(700, 980, modules.cols, modules.rows));
  cv::min(region, modules + 60, region);  // Ink on the lit paper: the dark modules not quite black.
  cv::GaussianBlur(page, page, cv::Size(), 1.0);
  std::vector<unsigned char> jpeg;
  cv::imencode(".jpg", page, jpeg, {cv::IMWRITE_JPEG_QUALITY, 70});
  return Document::decode(std::string(jpeg.begin(), jpeg.end()), "photo.jpg").value();
}

TEST(QrCodeTest, ASmallBlurredCodeInAPhotoIsRead) {
  const FieldSpec field = verification_code();
  const FieldSpec* fields[] = {&field};
  const std::vector<Candidate> found =
      QrCodeExpert()
          .propose(small_photo_with_code("https://www.chsi.com.cn/xlcx/bg.do?vcode=Z8X2C4V6B1N3M5K7&srcid=bgcx"),
                   fields)
          .value();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "Z8X2C4V6B1N3M5K7");
}

}  // namespace
}  // namespace mixtract
