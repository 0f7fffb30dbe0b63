#include "ocr/red_ink.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

namespace mixtract {
namespace {

Quad box(float left, float top, float right, float bottom) {
  return {Point{left, top}, Point{right, top}, Point{right, bottom}, Point{left, bottom}};
}

TEST(RedInkShareTest, ASealsRingOverALineAndNothingElse) {
  // Cream paper (BGR) with black print, blue print and a red seal's ring, as photographed.
  cv::Mat page(200, 400, CV_8UC3, cv::Scalar(215, 235, 245));
  cv::putText(page, "2019 6 30", {20, 60}, cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(30, 30, 35), 2);
  cv::putText(page, "No. 1053", {20, 150}, cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(160, 60, 40), 2);
  EXPECT_EQ(red_ink_share(page, box(10, 20, 300, 70)), 0.0);    // Black print on paper.
  EXPECT_EQ(red_ink_share(page, box(10, 110, 300, 160)), 0.0);  // Blue print.
  cv::circle(page, {200, 110}, 70, cv::Scalar(70, 60, 200), 4, cv::LINE_AA);
  EXPECT_GT(red_ink_share(page, box(10, 20, 300, 70)), 0.01);  // The ring crosses the line.
  EXPECT_LT(red_ink_share(page, box(10, 20, 300, 70)), 0.2);
  EXPECT_EQ(red_ink_share(page, box(500, 20, 600, 70)), 0.0);  // Off the page.
  EXPECT_EQ(red_ink_share(cv::Mat(), box(10, 20, 300, 70)), 0.0);
}

TEST(ContradictedThroughRedTest, BelowTheFadedViewAndStillADissentWhereThatCouldBeAccepted) {
  // The faded view sure enough to be accepted: the reading through red stays a dissent at 0.5.
  EXPECT_DOUBLE_EQ(contradicted_through_red(0.99), 0.5);
  EXPECT_DOUBLE_EQ(contradicted_through_red(0.6), 0.5);
  // The faded view itself doubtful (its characters read unsurely): the reading through red goes below it, so that
  // the faded view's value is the one put forward all the same.
  EXPECT_LT(contradicted_through_red(0.5), 0.5);
  EXPECT_LT(contradicted_through_red(0.3), 0.3);
}

}  // namespace
}  // namespace mixtract
