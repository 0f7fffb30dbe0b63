// render_eval_html: one self-contained page; images are inlined as data URLs, every string escaped.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/join.h"
#include "mixtract/eval.h"

namespace mixtract {
namespace {

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string base64(const std::vector<unsigned char>& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const unsigned value = (static_cast<unsigned>(bytes[i]) << 16) |
                           (i + 1 < bytes.size() ? static_cast<unsigned>(bytes[i + 1]) << 8 : 0u) |
                           (i + 2 < bytes.size() ? static_cast<unsigned>(bytes[i + 2]) : 0u);
    out += kAlphabet[(value >> 18) & 63];
    out += kAlphabet[(value >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(value >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[value & 63] : '=';
  }
  return out;
}

std::string percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", 100 * share);
  return buffer;
}

// A JPEG data URL of the region `box` of `image` (the whole page without a box), at most 240 pixels wide.
std::string thumbnail(const cv::Mat& image, const std::optional<Quad>& box) {
  cv::Rect region(0, 0, image.cols, image.rows);
  if (box) {
    float x0 = (*box)[0].x, y0 = (*box)[0].y, x1 = x0, y1 = y0;
    for (const Point& p : *box) {
      x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    }
    const int margin = 12;
    region = cv::Rect(cv::Point(static_cast<int>(x0) - margin, static_cast<int>(y0) - margin),
                      cv::Point(static_cast<int>(x1) + margin, static_cast<int>(y1) + margin)) &
             cv::Rect(0, 0, image.cols, image.rows);
    if (region.area() == 0) return "";
  }
  cv::Mat crop = image(region);
  if (crop.cols > 240) cv::resize(crop, crop, {}, 240.0 / crop.cols, 240.0 / crop.cols, cv::INTER_AREA);
  std::vector<unsigned char> jpeg;
  if (!cv::imencode(".jpg", crop, jpeg, {cv::IMWRITE_JPEG_QUALITY, 80})) return "";
  return "data:image/jpeg;base64," + base64(jpeg);
}

std::string field_bars(const EvalReport& r) {
  const int row_height = 26;
  const int height = row_height * static_cast<int>(r.fields.size()) + 10;
  std::string svg =
      "<svg width=\"640\" height=\"" + std::to_string(height) + "\" role=\"img\" aria-label=\"accuracy per field\">";
  for (std::size_t i = 0; i < r.fields.size(); ++i) {
    const FieldScore& f = r.fields[i];
    const int y = 5 + row_height * static_cast<int>(i);
    const int width = static_cast<int>(400 * f.accuracy());
    svg += "<text x=\"130\" y=\"" + std::to_string(y + 17) + "\" text-anchor=\"end\">" + escape(f.field) + "</text>";
    svg += "<rect x=\"140\" y=\"" + std::to_string(y + 3) + "\" width=\"400\" height=\"18\" fill=\"#eee\"/>";
    svg += "<rect x=\"140\" y=\"" + std::to_string(y + 3) + "\" width=\"" + std::to_string(width) +
           "\" height=\"18\" fill=\"" +
           (f.accuracy() >= 0.99  ? "#2a8a4a"
            : f.accuracy() >= 0.9 ? "#c98a14"
                                  : "#c0392b") +
           "\"/>";
    svg += "<text x=\"550\" y=\"" + std::to_string(y + 17) + "\">" + percent(f.accuracy()) + " (" +
           std::to_string(f.correct) + "/" + std::to_string(f.total) + ")</text>";
  }
  return svg + "</svg>";
}

std::string coverage_chart(const EvalReport& r) {
  if (r.curve.empty()) return "<p>The predictions carry no confidences, so there is no accuracy/coverage curve.</p>";
  double low = 1.0;
  for (const CoveragePoint& p : r.curve) low = std::min(low, p.precision);
  low = std::max(0.0, std::min(low, 0.98) - 0.01);
  auto x = [](double coverage) { return 50 + 400 * coverage; };
  auto y = [low](double precision) { return 260 - 240 * (precision - low) / (1 - low); };
  std::string points;
  std::string markers;
  for (const CoveragePoint& p : r.curve) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%.1f,%.1f ", x(p.coverage), y(p.precision));
    points += buffer;
    std::snprintf(buffer, sizeof buffer, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#2358a6\"/>", x(p.coverage),
                  y(p.precision));
    markers += buffer;
  }
  std::string svg = "<svg width=\"520\" height=\"300\" role=\"img\" aria-label=\"precision against coverage\">";
  svg +=
      "<line x1=\"50\" y1=\"260\" x2=\"450\" y2=\"260\" stroke=\"#888\"/><line x1=\"50\" y1=\"20\" x2=\"50\" "
      "y2=\"260\" stroke=\"#888\"/>";
  for (double level : {0.99, 0.995}) {
    if (level <= low) continue;
    char buffer[200];
    std::snprintf(buffer, sizeof buffer,
                  "<line x1=\"50\" y1=\"%.1f\" x2=\"450\" y2=\"%.1f\" stroke=\"#bbb\" stroke-dasharray=\"4\"/>"
                  "<text x=\"455\" y=\"%.1f\" font-size=\"11\">%s</text>",
                  y(level), y(level), y(level) + 4, level == 0.99 ? "99%" : "99.5%");
    svg += buffer;
  }
  svg += "<polyline fill=\"none\" stroke=\"#2358a6\" stroke-width=\"2\" points=\"" + points + "\"/>" + markers;
  svg += "<text x=\"250\" y=\"290\" text-anchor=\"middle\">coverage (share of fields auto-accepted)</text>";
  svg += "<text x=\"12\" y=\"140\" transform=\"rotate(-90 12 140)\" text-anchor=\"middle\">precision</text>";
  svg +=
      "<text x=\"46\" y=\"24\" text-anchor=\"end\" font-size=\"11\">100%</text><text x=\"46\" y=\"262\" "
      "text-anchor=\"end\" font-size=\"11\">" +
      percent(low) + "</text>";
  return svg + "</svg>";
}

}  // namespace

std::string render_eval_html(const EvalReport& r) {
  std::string html =
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>mixtract eval</title><style>"
      "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
      "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
      "th{background:#f4f4f4}.num{text-align:right}svg text{font-size:13px}</style></head><body>";
  html += "<h1>Extraction accuracy</h1><p>truth: <code>" + escape(r.truth_source) + "</code><br>predictions: <code>" +
          escape(r.prediction_source) + "</code></p>";
  html += "<p><b>" + percent(r.accuracy()) + "</b> of fields correct (" + std::to_string(r.correct) + "/" +
          std::to_string(r.total) + "); <b>" + std::to_string(r.documents_all_correct) + "/" +
          std::to_string(r.documents) + "</b> documents entirely correct.</p>";
  auto coverage = [](const char* name, const std::optional<CoveragePoint>& p) {
    return p ? std::string("<li>") + name + " precision: " + percent(p->coverage) + " of fields auto-accepted" + "</li>"
             : std::string("<li>") + name + " precision: not reachable</li>";
  };
  if (!r.curve.empty()) html += "<ul>" + coverage("99%", r.at_99) + coverage("99.5%", r.at_995) + "</ul>";
  auto listing = [](const std::string& title, const std::vector<std::string>& items) {
    if (items.empty()) return std::string();
    return "<p>" + escape(title) + " (" + std::to_string(items.size()) + "): " + escape(join(items)) + "</p>";
  };
  html += listing("Truth rows with no prediction, scored as wrong", r.truth_rows_without_prediction);
  html += listing("Predictions with no truth row, not scored", r.predictions_without_truth);
  html += listing("Truth columns not in the predictions, not scored", r.unscored_truth_columns);
  html += "<h2>Accuracy per field</h2>" + field_bars(r);
  html += "<h2>Precision against coverage</h2>" + coverage_chart(r);
  html += "<h2>Wrong fields (" + std::to_string(r.wrong.size()) + ")</h2>";
  if (!r.wrong.empty()) {
    html +=
        "<table><tr><th>file</th><th>field</th><th>truth</th><th>predicted</th><th>expert</th>"
        "<th>confidence</th><th>where</th></tr>";
    std::map<std::string, cv::Mat> images;  // Each page is read once,
    std::set<std::string> page_thumbnails;  // and shown whole once when no box is known.
    for (const WrongField& w : r.wrong) {
      std::string url;
      if (!w.source.empty()) {
        auto [image, inserted] = images.try_emplace(w.source);
        if (inserted) image->second = cv::imread(w.source, cv::IMREAD_COLOR);
        if (!image->second.empty() && w.box) {
          url = thumbnail(image->second, w.box);
        } else if (!image->second.empty() && page_thumbnails.insert(w.source).second) {
          url = thumbnail(image->second, std::nullopt);  // The whole page, shown at its file's first row.
        }
      }
      const std::string image_cell = url.empty() ? "" : "<img alt=\"\" src=\"" + url + "\">";
      char confidence[32] = "";
      if (w.confidence) std::snprintf(confidence, sizeof confidence, "%.3f", *w.confidence);
      html += "<tr><td>" + escape(w.file) + "</td><td>" + escape(w.field) + "</td><td>" + escape(w.truth) +
              "</td><td>" + escape(w.predicted) + "</td><td>" + escape(w.expert) + "</td><td class=\"num\">" +
              confidence + "</td><td>" + image_cell + "</td></tr>";
    }
    html += "</table>";
  }
  return html + "</body></html>\n";
}

}  // namespace mixtract
