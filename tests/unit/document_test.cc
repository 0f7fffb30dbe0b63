#include "mixtract/document.h"

#include <filesystem>
#include <fstream>
#include <limits>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "core/image_header.h"
#include "core/sha256.h"
#include "pdf_fixture.h"
#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

class DocumentTest : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& name, const std::string& bytes) {
    const std::filesystem::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  mixtract::testing::ScratchDir scratch_;
  const std::filesystem::path& dir_ = scratch_.path();
};

TEST(Sha256Test, MatchesKnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(DocumentTest, DecodesAnImageAndHashesItsBytes) {
  cv::Mat image(30, 40, CV_8UC3, cv::Scalar(10, 20, 30));
  std::vector<unsigned char> png;
  ASSERT_TRUE(cv::imencode(".png", image, png));
  const std::string bytes(png.begin(), png.end());
  const std::filesystem::path path = write("王五_专科毕业证书.png", bytes);

  Result<Document> doc = Document::load(path);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->image().cols, 40);
  EXPECT_EQ(doc->image().rows, 30);
  EXPECT_EQ(doc->image().type(), CV_8UC3);
  EXPECT_EQ(doc->content_hash(), sha256_hex(bytes));
  EXPECT_EQ(doc->source(), path.string());
  EXPECT_EQ(doc->file_name_hints().person, "王五");
  EXPECT_EQ(doc->file_name_hints().level, EducationLevel::kJuniorCollege);
}

TEST_F(DocumentTest, GrayscaleImagesBecomeBgr) {
  cv::Mat gray(8, 8, CV_8UC1, cv::Scalar(128));
  std::vector<unsigned char> png;
  ASSERT_TRUE(cv::imencode(".png", gray, png));
  Result<Document> doc = Document::decode(std::string(png.begin(), png.end()), "gray.png");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->image().type(), CV_8UC3);
}

TEST_F(DocumentTest, MissingFileIsNotFound) {
  Result<Document> doc = Document::load(dir_ / "absent.jpg");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(doc.status().message(), HasSubstr("absent.jpg: no such file"));
}

TEST_F(DocumentTest, EmptyFileIsRejected) {
  Result<Document> doc = Document::load(write("empty.jpg", ""));
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("empty.jpg: empty file"));
}

TEST_F(DocumentTest, NonImageIsRejectedWithAdvice) {
  Result<Document> doc = Document::load(write("notes.jpg", "this is not an image\n"));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(doc.status().message(), HasSubstr("notes.jpg: not a decodable image"));
  EXPECT_THAT(doc.status().message(), HasSubstr("supported formats are JPEG, PNG"));
}

TEST_F(DocumentTest, TruncatedImageIsRejected) {
  cv::Mat image(64, 64, CV_8UC3, cv::Scalar(200, 100, 50));
  std::vector<unsigned char> png;
  ASSERT_TRUE(cv::imencode(".png", image, png));
  Result<Document> doc = Document::decode(std::string(png.begin(), png.begin() + 40), "cut.png");
  EXPECT_FALSE(doc.ok());
}

TEST_F(DocumentTest, GreyAlphaAnd16BitImagesBecome8BitBgr) {
  for (const cv::Mat& image :
       {cv::Mat(8, 8, CV_8UC4, cv::Scalar(1, 2, 3, 128)), cv::Mat(8, 8, CV_16UC1, cv::Scalar(40000)),
        cv::Mat(8, 8, CV_16UC3, cv::Scalar(1000, 2000, 3000))}) {
    std::vector<unsigned char> png;
    ASSERT_TRUE(cv::imencode(".png", image, png));
    Result<Document> doc = Document::decode(std::string(png.begin(), png.end()), "x.png");
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    EXPECT_EQ(doc->image().type(), CV_8UC3);
  }
}

TEST_F(DocumentTest, DecompressionBombsAreRefusedBeforeDecoding) {
  // A real PNG whose header is edited to claim 60000 x 60000 pixels (3.6 gigapixels).
  std::vector<unsigned char> png;
  ASSERT_TRUE(cv::imencode(".png", cv::Mat(8, 8, CV_8UC3, cv::Scalar(0, 0, 0)), png));
  std::string bytes(png.begin(), png.end());
  for (std::size_t at : {16u, 20u}) bytes.replace(at, 4, std::string("\x00\x00\xea\x60", 4));
  Result<Document> doc = Document::decode(bytes, "bomb.png");
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("bomb.png: the image declares 60000x60000 pixels"));

  std::vector<unsigned char> jpeg;
  ASSERT_TRUE(cv::imencode(".jpg", cv::Mat(8, 8, CV_8UC3, cv::Scalar(0, 0, 0)), jpeg));
  std::string jpeg_bytes(jpeg.begin(), jpeg.end());
  const std::size_t sof = jpeg_bytes.find("\xff\xc0");
  ASSERT_NE(sof, std::string::npos);
  jpeg_bytes.replace(sof + 5, 4, std::string("\xea\x60\xea\x60", 4));
  EXPECT_THAT(Document::decode(jpeg_bytes, "bomb.jpg").status().message(), HasSubstr("60000x60000"));
}

TEST_F(DocumentTest, EveryFormatsSizeIsReadFromItsHeader) {
  const cv::Mat image(21, 37, CV_8UC3, cv::Scalar(10, 200, 30));
  for (const auto& [extension, parameters] :
       std::vector<std::pair<std::string, std::vector<int>>>{
           {".png", {}},
           {".jpg", {}},
           {".bmp", {}},
           {".tiff", {}},
           {".webp", {cv::IMWRITE_WEBP_QUALITY, 80}},    // Lossy: VP8.
           {".webp", {cv::IMWRITE_WEBP_QUALITY, 101}}})  // Lossless: VP8L.
  {
    std::vector<unsigned char> encoded;
    ASSERT_TRUE(cv::imencode(extension, image, encoded, parameters)) << extension;
    const std::optional<ImageSize> size = peek_image_size(std::string(encoded.begin(), encoded.end()));
    ASSERT_TRUE(size.has_value()) << extension;
    EXPECT_EQ(size->width, 37) << extension;
    EXPECT_EQ(size->height, 21) << extension;
  }
}

TEST_F(DocumentTest, TiffAndWebpBombsAreRefusedBeforeDecoding) {
  // A TIFF of 140 bytes whose first directory declares 20000 x 20000 pixels (400 megapixels).
  std::string tiff("II*\0\x08\0\0\0\x02\0", 10);
  for (const char tag : {'\x00', '\x01'}) {
    tiff += std::string("\0\x01\x04\0\x01\0\0\0\x20\x4e\0\0", 12);  // Tag 256/257, LONG, 1 value: 20000.
    tiff[tiff.size() - 12] = tag;
  }
  tiff += std::string(4 + 118, '\0');
  Result<Document> doc = Document::decode(tiff, "bomb.tiff");
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("bomb.tiff: the image declares 20000x20000 pixels"));

  // An extended WebP (VP8X) whose canvas is 16384 x 16384.
  std::string webp("RIFF\x30\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0\xff\x3f\0\xff\x3f\0", 30);
  webp += std::string(20, '\0');
  EXPECT_THAT(Document::decode(webp, "bomb.webp").status().message(), HasSubstr("16384x16384"));

  // A header that gives no size is refused too, not handed to a decoder.
  EXPECT_THAT(Document::decode(std::string("II*\0\x08\0\0\0\0\0", 10), "empty.tif").status().message(),
              HasSubstr("empty.tif: not a decodable image (its TIFF header gives no size)"));
}

TEST_F(DocumentTest, AHeaderClaimingMorePixelsThanANumberHoldsIsRefused) {
  // Found by fuzz_image: 4294967295 x 4294967295 overflowed width x height (undefined behaviour).
  std::vector<unsigned char> png;
  ASSERT_TRUE(cv::imencode(".png", cv::Mat(8, 8, CV_8UC3, cv::Scalar(0, 0, 0)), png));
  std::string bytes(png.begin(), png.end());
  for (std::size_t at : {16u, 20u}) bytes.replace(at, 4, std::string("\xff\xff\xff\xff", 4));
  Result<Document> doc = Document::decode(bytes, "huge.png");
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("4294967295x4294967295 pixels"));
  EXPECT_EQ(pixel_count({4294967295LL, 4294967295LL}), std::numeric_limits<long long>::max());
  EXPECT_EQ(pixel_count({3, 4}), 12);
  EXPECT_EQ(pixel_count({-1, 4}), 0);
}

TEST_F(DocumentTest, OnlyTheFormatsReadReachTheDecoders) {
  // Found by fuzz_image: files with "DICM" at byte 128, of no format mixtract reads or a WebP whose header
  // does not parse, went to OpenCV's DICOM decoder (gdcm), whose failed assertion aborted the process.
  for (const char* name : {"regression-dicom-assert", "regression-webp-dicom-assert"}) {
    const std::string bytes =
        mixtract::testing::read_file(std::filesystem::path(MIXTRACT_SOURCE_DIR) / "tests/fuzz/corpus/image" / name);
    ASSERT_EQ(bytes.substr(128, 4), "DICM");
    Result<Document> doc = Document::decode(bytes, "scan.dcm");
    ASSERT_FALSE(doc.ok());
    EXPECT_THAT(doc.status().message(), HasSubstr("scan.dcm: not a decodable image"));
    EXPECT_THAT(doc.status().message(), HasSubstr("supported formats are JPEG"));
  }
  EXPECT_EQ(image_format("\xFF\xD8\xFF\xE0"), "JPEG");
  EXPECT_EQ(image_format("\x89PNG\r\n\x1a\n"), "PNG");
  EXPECT_EQ(image_format(std::string_view("II*\0", 4)), "TIFF");
  EXPECT_EQ(image_format(std::string_view("MM\0*", 4)), "TIFF");
  EXPECT_EQ(image_format("BM"), "BMP");
  EXPECT_EQ(image_format(std::string_view("RIFF\x10\0\0\0WEBPVP8 ", 16)), "WebP");
  EXPECT_EQ(image_format(std::string_view("RIFF\x10\0\0\0WAVEfmt ", 16)), std::nullopt);
  EXPECT_EQ(image_format("P6\n1 1\n255\n"), std::nullopt);
}

TEST_F(DocumentTest, FolderIsNotADocument) {
  Result<Document> doc = Document::load(dir_);
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("not a regular file"));
}

TEST_F(DocumentTest, APdfPageIsADocument) {
  // Two pages: a dark square on white, then a white page; rendered at 200 dpi they come back at their size.
  cv::Mat first(300, 400, CV_8UC3, cv::Scalar(255, 255, 255));
  first(cv::Rect(100, 100, 100, 100)).setTo(cv::Scalar(0, 0, 0));
  const cv::Mat second(200, 300, CV_8UC3, cv::Scalar(255, 255, 255));
  const std::filesystem::path pdf = write("张三_本科毕业证书.pdf", mixtract::testing::pdf_of_pages({first, second}));

  const Result<Document> page1 = Document::load(pdf.string() + "#page=1");
  ASSERT_TRUE(page1.ok()) << page1.status().message();
  EXPECT_EQ(page1->image().cols, 400);
  EXPECT_EQ(page1->image().rows, 300);
  EXPECT_EQ(page1->image().type(), CV_8UC3);
  EXPECT_LT(page1->image().at<cv::Vec3b>(150, 150)[0], 40);  // The square.
  EXPECT_GT(page1->image().at<cv::Vec3b>(20, 20)[0], 215);   // The paper.
  EXPECT_EQ(page1->file_name_hints().person, "张三");
  EXPECT_EQ(page1->source(), pdf.string() + "#page=1");
  const Result<Document> page2 = Document::load(pdf.string() + "#page=2");
  ASSERT_TRUE(page2.ok()) << page2.status().message();
  EXPECT_EQ(page2->image().cols, 300);
  EXPECT_NE(page1->content_hash(), page2->content_hash());
  EXPECT_EQ(content_hash_of(pdf.string() + "#page=2").value(), page2->content_hash());

  const Result<Document> page3 = Document::load(pdf.string() + "#page=3");
  ASSERT_FALSE(page3.ok());
  EXPECT_THAT(page3.status().message(), HasSubstr("has 2 page(s)"));
  // The file alone is ambiguous with two pages; with one it is that page.
  const Result<Document> whole = Document::load(pdf);
  ASSERT_FALSE(whole.ok());
  EXPECT_THAT(whole.status().message(), HasSubstr("#page=1"));
  const std::filesystem::path single = write("single.pdf", mixtract::testing::pdf_of_pages({second}));
  EXPECT_TRUE(Document::load(single).ok());
}

TEST_F(DocumentTest, ABrokenPdfIsRejectedWithAdvice) {
  cv::Mat page(100, 100, CV_8UC3, cv::Scalar(255, 255, 255));
  const std::string pdf = mixtract::testing::pdf_of_pages({page});
  for (const std::string& bytes :
       {std::string("%PDF-1.4\ngarbage"), pdf.substr(0, pdf.size() / 3), std::string("not a pdf")}) {
    const std::filesystem::path path = write("broken.pdf", bytes);
    const Result<Document> document = Document::load(path.string() + "#page=1");
    ASSERT_FALSE(document.ok());
    EXPECT_THAT(document.status().message(), HasSubstr("broken.pdf"));
  }
}

}  // namespace
}  // namespace mixtract
