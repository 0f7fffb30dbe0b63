#include "page_renderer.h"

#include <array>
#include <cmath>
#include <cstdio>

#include <opencv2/imgproc.hpp>

#include "core/utf8.h"
#include "drawing.h"

namespace mixtract::synth {
namespace {

// The colour long numbers are printed in: usually the ink, sometimes red or blue.
cv::Scalar number_colour(std::mt19937& rng) {
  switch (uniform(rng, 0, 5)) {
    case 0: return {30, 30, 170};
    case 1: return {140, 60, 20};
    default: return kInk;
  }
}

// A row of repeated glyphs along the top and bottom borders, as guilloche-like ornaments print.
void draw_ornaments(const Font& font, cv::Mat& page, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 3> kGlyphs{"◆", "※", "❖"};
  const std::string glyph(kGlyphs[static_cast<std::size_t>(uniform(rng, 0, 2))]);
  const int height = uniform(rng, 18, 26);
  std::string row;
  while (text_width(font, row + glyph, height) < page.cols - 160) row += glyph;
  for (int y : {72, page.rows - 72 - height})
    put_centered(font, page, row, {page.cols / 2, y + height / 2}, height, kInk);
}

void draw_number(const Font& label_font, const Font& number_font, cv::Mat& page, const std::string& label,
                 const std::string& number, cv::Point at, int size, std::mt19937& rng) {
  put(label_font, page, label, at, size, kInk);
  put(number_font, page, number, {at.x + text_width(label_font, label, size), at.y}, size, number_colour(rng));
}

// Both sides of a card: 856 x 540 pixels (85.6 x 54 mm), tinted, with faint guilloche-like lines.
cv::Mat card_background(std::mt19937& rng) {
  cv::Mat card(540, 856, CV_8UC3, cv::Scalar(238 - uniform(rng, 0, 12), 236, 226 - uniform(rng, 0, 16)));
  for (int x = -540; x < 856; x += 18) {
    cv::line(card, {x, 540}, {x + 540, 0}, cv::Scalar(225, 222, 205), 1, cv::LINE_AA);
  }
  cv::rectangle(card, {0, 0}, {855, 539}, cv::Scalar(200, 190, 170), 2);
  return card;
}

const cv::Scalar kCardLabel(160, 110, 40);

// The front of a second-generation card: name, sex, ethnicity, birth, address, number and photo.
Page card_front(const FontSet& fonts, const Person& person, std::mt19937& rng) {
  Page out{card_background(rng), {}};
  cv::Mat& card = out.image;
  const Font& hei = fonts.any(rng);
  const cv::Scalar& label = kCardLabel;
  const int size = 30;
  put(hei, card, "姓  名", {50, 60}, 24, label);
  put(hei, card, person.name, {150, 56}, size + 2, kInk);
  put(hei, card, "性  别", {50, 125}, 24, label);
  put(hei, card, person.gender, {150, 121}, size, kInk);
  put(hei, card, "民  族", {260, 125}, 24, label);
  put(hei, card, person.ethnicity, {360, 121}, size, kInk);
  put(hei, card, "出  生", {50, 190}, 24, label);
  const Date& b = person.birth_date;
  const std::string birth =
      std::to_string(b.year) + " 年 " + std::to_string(b.month) + " 月 " + std::to_string(b.day) + " 日";
  put(hei, card, birth, {150, 186}, size, kInk);
  out.lines.insert(out.lines.end(),
                   {"姓名 " + person.name, "性别 " + person.gender + " 民族 " + person.ethnicity, "出生 " + birth});
  put(hei, card, "住  址", {50, 255}, 24, label);
  std::vector<std::string> address;
  put_wrapped(hei, card, person.address, {150, 251}, 400, size - 2, kInk, address);
  address.front() = "住址 " + address.front();
  out.lines.insert(out.lines.end(), address.begin(), address.end());
  put(hei, card, "公民身份号码", {50, 450}, 24, label);
  put(fonts.song(), card, person.id_number, {250, 444}, size + 4, kInk);
  out.lines.push_back("公民身份号码 " + person.id_number);
  photo_box(card, {600, 70, 200, 250});
  return out;
}

std::string dotted(int year, int month, int day) {
  char text[40];
  std::snprintf(text, sizeof text, "%04d.%02d.%02d", year, month, day);
  return text;
}

// The back: the national emblem, the card's title, the issuing police office and the period of validity
// (10 or 20 years by the age at issue, or 长期 from 46; the people drawn are adults).
Page card_back(const FontSet& fonts, const Person& person, std::mt19937& rng) {
  Page out{card_background(rng), {}};
  cv::Mat& card = out.image;
  cv::circle(card, {130, 130}, 75, cv::Scalar(40, 40, 200), cv::FILLED, cv::LINE_AA);
  put_centered(fonts.song(), card, "★", {130, 130}, 70, cv::Scalar(60, 200, 240));
  const Font& hei = fonts.any(rng);
  put(hei, card, "中华人民共和国", {270, 70}, 46, kInk);
  put(hei, card, "居民身份证", {300, 160}, 60, kInk);
  const Region& region = person.region;
  const std::string office = (region.county.empty() ? region.city : region.county) + "公安局";
  const int issued = uniform(rng, std::min(std::max(person.birth_date.year + 16, 2005), 2024), 2024);
  const int month = uniform(rng, 1, 12), day = uniform(rng, 1, 28), age = issued - person.birth_date.year;
  const std::string period = dotted(issued, month, day) + "-" +
                             (age >= 46 ? std::string("长期") : dotted(issued + (age <= 25 ? 10 : 20), month, day));
  put(hei, card, "签发机关", {110, 360}, 24, kCardLabel);
  put(hei, card, office, {250, 356}, 30, kInk);
  put(hei, card, "有效期限", {110, 440}, 24, kCardLabel);
  put(hei, card, period, {250, 436}, 30, kInk);
  out.lines.insert(out.lines.end(), {"中华人民共和国", "居民身份证", "签发机关 " + office, "有效期限 " + period});
  return out;
}

// Both sides copied onto A4 at 200 dpi (a card is then 674 px wide), in grey two times in three, and
// most often a use written across one side by hand.
Page photocopy(const FontSet& fonts, const Person& person, std::mt19937& rng) {
  Page out{cv::Mat(2339, 1654, CV_8UC3, cv::Scalar::all(uniform(rng, 236, 252))), {}};
  const bool grey = uniform(rng, 0, 2) > 0;
  const int x = (1654 - 674) / 2 + uniform(rng, -60, 60);
  int y = uniform(rng, 280, 420);
  std::vector<int> card_tops;
  for (const Page& side : {card_front(fonts, person, rng), card_back(fonts, person, rng)}) {
    cv::Mat copied;
    cv::resize(side.image, copied, {674, 425}, 0, 0, cv::INTER_AREA);
    if (grey) {
      cv::cvtColor(copied, copied, cv::COLOR_BGR2GRAY);
      copied.convertTo(copied, -1, 1.35, -60);  // A copier's contrast: the tint goes, the ink darkens.
      cv::cvtColor(copied, copied, cv::COLOR_GRAY2BGR);
    }
    copied.copyTo(out.image(cv::Rect(x, y, 674, 425)));
    out.lines.insert(out.lines.end(), side.lines.begin(), side.lines.end());
    card_tops.push_back(y);
    y += 425 + uniform(rng, 120, 220);
  }
  if (uniform(rng, 0, 9) < 7) {
    static constexpr std::array<std::string_view, 3> kUses{"仅供办理入职手续使用", "此复印件仅供学历认证使用",
                                                           "仅供存档，再复印无效"};
    const std::string use(kUses[static_cast<std::size_t>(uniform(rng, 0, 2))]);
    const int top = card_tops[static_cast<std::size_t>(uniform(rng, 0, 1))] + uniform(rng, 60, 330);
    cv::Mat written = out.image.clone();
    put(fonts.any(rng), written, use, {x + uniform(rng, 0, 120), top}, uniform(rng, 36, 48),
        uniform(rng, 0, 1) == 0 ? cv::Scalar(150, 60, 30) : cv::Scalar(60, 60, 60));
    cv::addWeighted(written, 0.8, out.image, 0.2, 0, out.image);
    out.lines.push_back(use);
  }
  return out;
}

// Both sides laid next to each other on a desk and photographed from above, each turned a little.
Page side_by_side(const FontSet& fonts, const Person& person, std::mt19937& rng) {
  const cv::Scalar desk(uniform(rng, 60, 120), uniform(rng, 80, 140), uniform(rng, 110, 170));
  Page out{cv::Mat(1000, 2000, CV_8UC3, desk), {}};
  int left = uniform(rng, 40, 90);
  for (const Page& side : {card_front(fonts, person, rng), card_back(fonts, person, rng)}) {
    const cv::Point2f centre(static_cast<float>(left + 428), static_cast<float>(500 + uniform(rng, -60, 60)));
    cv::Mat turn = cv::getRotationMatrix2D({428, 270}, uniform(rng, -40, 40) / 10.0, 1.0);
    turn.at<double>(0, 2) += centre.x - 428;
    turn.at<double>(1, 2) += centre.y - 270;
    cv::warpAffine(side.image, out.image, turn, out.image.size(), cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
    out.lines.insert(out.lines.end(), side.lines.begin(), side.lines.end());
    left += 856 + uniform(rng, 60, 140);
  }
  return out;
}

// A point drawn between `from` and `to` on a card.
cv::Point2f card_point(std::mt19937& rng, cv::Point from, cv::Point to) {
  return {static_cast<float>(uniform(rng, from.x, to.x)), static_cast<float>(uniform(rng, from.y, to.y))};
}

// The front held in a hand and photographed with a phone: at a slant (the far edge shorter), turned a
// little, over a cluttered background, a thumb over the photo's end and a lamp's glare across part of it.
Page in_hand(const FontSet& fonts, const Person& person, std::mt19937& rng) {
  Page out{
      cv::Mat(1200, 1600, CV_8UC3, cv::Scalar(uniform(rng, 40, 110), uniform(rng, 40, 110), uniform(rng, 40, 110))),
      {}};
  cv::Mat& scene = out.image;
  for (int i = 0; i < 14; ++i) {
    const cv::Point corner(uniform(rng, -200, 1500), uniform(rng, -200, 1100));
    cv::rectangle(scene, cv::Rect(corner, cv::Size(uniform(rng, 100, 500), uniform(rng, 60, 400))),
                  cv::Scalar(uniform(rng, 20, 230), uniform(rng, 20, 230), uniform(rng, 20, 230)), cv::FILLED);
  }
  const Page front = card_front(fonts, person, rng);
  out.lines = front.lines;
  const float width = static_cast<float>(uniform(rng, 1000, 1250)), height = width * 540 / 856;
  const float shorter = width * static_cast<float>(uniform(rng, 3, 12)) / 200;  // Each end of the far edge.
  const bool top_far = uniform(rng, 0, 1) == 0;
  const float left = (1600 - width) / 2 + static_cast<float>(uniform(rng, -80, 80));
  const float top = (1200 - height) / 2 + static_cast<float>(uniform(rng, -60, 60));
  const std::array<cv::Point2f, 4> card{cv::Point2f(0, 0), cv::Point2f(856, 0), cv::Point2f(856, 540),
                                        cv::Point2f(0, 540)};
  std::array<cv::Point2f, 4> seen{cv::Point2f(left, top), cv::Point2f(left + width, top),
                                  cv::Point2f(left + width, top + height), cv::Point2f(left, top + height)};
  seen[top_far ? 0 : 3].x += shorter;  // The far edge's left and right corners.
  seen[top_far ? 1 : 2].x -= shorter;
  const double angle = uniform(rng, -60, 60) / 10.0 * M_PI / 180, cos = std::cos(angle), sin = std::sin(angle);
  for (cv::Point2f& p : seen) {
    const float dx = p.x - 800, dy = p.y - 600;
    p = {static_cast<float>(800 + dx * cos - dy * sin), static_cast<float>(600 + dx * sin + dy * cos)};
  }
  const cv::Mat projection = cv::getPerspectiveTransform(card.data(), seen.data());
  cv::warpPerspective(front.image, scene, projection, scene.size(), cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
  // A thumb over the end with the photo, from the card's edge.
  std::vector<cv::Point2f> thumb{card_point(rng, {800, 300}, {840, 460})};
  cv::perspectiveTransform(thumb, thumb, projection);
  cv::ellipse(scene, thumb.front(), cv::Size(uniform(rng, 70, 100), uniform(rng, 110, 150)), uniform(rng, -30, 30), 0,
              360, cv::Scalar(uniform(rng, 110, 150), uniform(rng, 150, 180), uniform(rng, 200, 235)), cv::FILLED,
              cv::LINE_AA);
  // Glare: a soft bright patch somewhere on the card.
  cv::Mat glare(scene.size(), CV_32F, cv::Scalar(0));
  std::vector<cv::Point2f> spot{card_point(rng, {100, 60}, {750, 480})};
  cv::perspectiveTransform(spot, spot, projection);
  cv::ellipse(glare, spot.front(), cv::Size(uniform(rng, 60, 200), uniform(rng, 30, 90)), uniform(rng, 0, 180), 0, 360,
              cv::Scalar(uniform(rng, 50, 85) / 100.0), cv::FILLED);
  cv::GaussianBlur(glare, glare, {0, 0}, 25);
  cv::Mat bright(scene.size(), CV_8UC3, cv::Scalar::all(255)), glare3;
  cv::cvtColor(glare, glare3, cv::COLOR_GRAY2BGR);
  cv::Mat scene_f, bright_f;
  scene.convertTo(scene_f, CV_32FC3);
  bright.convertTo(bright_f, CV_32FC3);
  scene_f = scene_f.mul(cv::Scalar::all(1) - glare3) + bright_f.mul(glare3);
  scene_f.convertTo(scene, CV_8UC3);
  return out;
}

// The title's rows centred from `y` down, the last (the certificate's name) the largest.
void put_title(const Font& font, const std::vector<std::string>& title, int y, std::mt19937& rng, Page& out) {
  for (std::size_t i = 0; i < title.size(); ++i) {
    const bool main = i + 1 == title.size();
    const int height = main ? uniform(rng, 80, 100) : uniform(rng, 44, 52);
    if (!main) y -= 40;
    // A title that would run past the border (a school's name before 学士学位证书) is set smaller to fit.
    put_centered(font, out.image, title[i], {out.image.cols / 2, y},
                 height_to_fit(font, title[i], height, out.image.cols - 300), kInk);
    out.lines.push_back(title[i]);
    y += height + 20;
  }
}

}  // namespace

Page PageRenderer::certificate(const CertificateText& text, std::mt19937& rng) const {
  const bool landscape = text.layout == Layout::kLandscape;
  Page out{landscape ? blank_page(1600, 1130, rng) : blank_page(1200, 1600, rng), {}};
  cv::Mat& page = out.image;
  draw_border(page, rng);
  const Font& title_font = uniform(rng, 0, 1) == 1 ? fonts_.song() : fonts_.any(rng);
  const Font& body_font = fonts_.any(rng);
  const Font& number_font = uniform(rng, 0, 3) == 0 ? fonts_.any(rng) : body_font;
  if (text.ornaments) draw_ornaments(body_font, page, rng);
  put_title(title_font, text.title, landscape ? 160 : 190, rng, out);
  const int size = uniform(rng, 34, 40);
  const int page_body_width = text.body_width > 0 ? text.body_width : landscape ? 1090 : 900;
  const cv::Point body_at = text.body_width > 0 ? cv::Point((page.cols - text.body_width) / 2, landscape ? 255 : 620)
                            : landscape         ? cv::Point(370, 255)
                                                : cv::Point(150, 620);
  const int body_width = text.beside.empty() ? page_body_width : page_body_width / 2 - 20;
  photo_box(page, landscape ? cv::Rect(uniform(rng, 110, 150), 250, 180, 240) : cv::Rect(510, 300, 180, 240));
  int y = body_at.y;
  if (!text.body.empty()) y = put_wrapped(body_font, page, text.body, body_at, body_width, size, kInk, out.lines);
  int beside_y = body_at.y;
  for (const std::string& row : text.beside) {
    put(body_font, page, row, {body_at.x + body_width + 40, beside_y}, size * 3 / 4, kInk);
    out.lines.push_back(row);
    beside_y += size * 6 / 5;
  }
  y = std::max(y, beside_y);
  for (const std::string& label : text.labels) {
    // A row that would run past the body's width is set smaller.
    put(body_font, page, label, {body_at.x, y}, height_to_fit(body_font, label, size, body_width), kInk);
    out.lines.push_back(label);
    y += size * 8 / 5;
  }
  y = std::max(y + (landscape ? 30 : 60), landscape ? 690 : 1050);
  // The issuer's rows side by side on a landscape page, one below the other on a portrait one.
  for (std::size_t i = 0; i < text.footer.size(); ++i) {
    const cv::Point at =
        landscape ? cv::Point(i == 0 ? 370 : 920, y) : cv::Point(i == 0 ? 650 : 520, y + 80 * static_cast<int>(i));
    put(body_font, page, text.footer[i], at, size, kInk);
    out.lines.push_back(text.footer[i]);
  }
  // Inside the border, however long the body ran.
  const cv::Point number_at = landscape ? cv::Point(370, y + 85) : cv::Point(150, std::min(y + 270, page.rows - 140));
  const cv::Point date_at = landscape ? cv::Point(980, y + 170) : cv::Point(700, y + 160);
  out.lines.push_back(text.number_label + text.number);
  out.lines.push_back(text.date);
  draw_number(body_font, number_font, page, text.number_label, text.number, number_at, landscape ? size : size - 4,
              rng);
  put(body_font, page, text.date, date_at, size, kInk);
  // The seal presses down on the issuer's date from above its centre, as official seals are placed (GB/T 9704-2012,
  // 7.3.5.1: over the issuer's name and date, which lie below the seal's centre), give or take the hand's aim; the
  // number lies beside it, not under it.
  const int aim_x = uniform(rng, -60, 60);
  const int aim_y = uniform(rng, -75, -35);
  const cv::Point seal_at(date_at.x + text_width(body_font, text.date, size) / 2 + aim_x, date_at.y + size / 2 + aim_y);
  draw_seal(page, fonts_.song(), seal_at, text.seal, rng);
  return out;
}

Page PageRenderer::id_card(const Person& person, CardPage page, std::mt19937& rng) const {
  switch (page) {
    case CardPage::kPhotocopy: return photocopy(fonts_, person, rng);
    case CardPage::kSideBySide: return side_by_side(fonts_, person, rng);
    case CardPage::kInHand: return in_hand(fonts_, person, rng);
    default: return card_front(fonts_, person, rng);
  }
}

}  // namespace mixtract::synth
