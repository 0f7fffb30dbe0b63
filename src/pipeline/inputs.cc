#include "mixtract/inputs.h"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include <fnmatch.h>

#include "core/ascii.h"
#include "core/join.h"
#include "core/pdf.h"
#include "io/table_file.h"

namespace mixtract {
namespace {

bool is_document_file(const std::filesystem::path& path) {
  static constexpr std::array<std::string_view, 8> kExtensions{".jpg",  ".jpeg", ".png",  ".tif",
                                                               ".tiff", ".bmp",  ".webp", ".pdf"};
  return std::find(kExtensions.begin(), kExtensions.end(), lower_extension(path)) != kExtensions.end();
}

bool has_wildcard(std::string_view name) {
  return name.find_first_of("*?[") != std::string_view::npos;
}

// Collects documents, each path once.
class Collector {
 public:
  explicit Collector(InputList& list) : list_(list) {}

  // Adds what `name` names (see collect_inputs); `where` opens problem messages ("manifest.csv row 3").
  void add(const std::string& name, const std::string& person, const std::string& where) {
    const std::filesystem::path path(name);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      add_folder(path, person, where);
    } else if (std::filesystem::exists(path, ec)) {
      add_file(path, person, where);
    } else if (has_wildcard(name)) {
      add_pattern(name, person, where);
    } else {
      report(Status::not_found(name + ": no such file or folder"), where);
    }
  }

 private:
  // A file: a PDF's pages, anything else as it is.
  void add_file(const std::filesystem::path& file, const std::string& person, const std::string& where) {
    if (!is_pdf(file)) return keep(file, person);
    const Result<int> pages = pdf_file_page_count(file);
    if (!pages.ok()) return report(pages.status(), where);
    for (int page = 1; page <= *pages; ++page) keep(pdf_page_path(file, page), person);
  }

  void add_folder(const std::filesystem::path& folder, const std::string& person, const std::string& where) {
    std::vector<std::filesystem::path> found;
    std::error_code ec;
    std::filesystem::recursive_directory_iterator it(folder, kWalkOptions, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && is_document_file(it->path())) found.push_back(it->path());
    }
    if (ec) report(Status::io_error(folder.string() + ": cannot list folder: " + ec.message()), where);
    std::sort(found.begin(), found.end());
    for (const std::filesystem::path& file : found) add_file(file, person, where);
  }

  // A pattern: the folder before its first wildcard is walked, as deep as the pattern reaches.
  void add_pattern(const std::string& pattern, const std::string& person, const std::string& where) {
    std::vector<std::string> parts;
    std::filesystem::path base;
    bool in_base = true;
    for (const std::filesystem::path& part : std::filesystem::path(pattern)) {
      if (in_base && !has_wildcard(part.string())) {
        base /= part;
      } else {
        in_base = false;
        if (!part.empty()) parts.push_back(part.string());
      }
    }
    const bool any_depth = std::find(parts.begin(), parts.end(), "**") != parts.end();
    std::vector<std::filesystem::path> found;
    std::error_code ec;
    std::filesystem::recursive_directory_iterator it(base.empty() ? "." : base, kWalkOptions, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (!any_depth && static_cast<std::size_t>(it.depth()) + 1 >= parts.size()) it.disable_recursion_pending();
      if (!it->is_regular_file(ec) || !is_document_file(it->path())) continue;
      const std::filesystem::path relative = it->path().lexically_relative(base.empty() ? "." : base);
      const std::vector<std::string> names(relative.begin(), relative.end());
      if (matches(parts, 0, names, 0)) found.push_back(base / relative);
    }
    if (found.empty()) {
      report(Status::not_found(pattern + ": matches no image or PDF"), where);
      return;
    }
    std::sort(found.begin(), found.end());
    for (const std::filesystem::path& file : found) add_file(file, person, where);
  }

  // Whether the names from `n` on match the pattern parts from `p` on; "**" matches any number of names.
  static bool matches(const std::vector<std::string>& parts, std::size_t p, const std::vector<std::string>& names,
                      std::size_t n) {
    if (p == parts.size()) return n == names.size();
    if (parts[p] == "**")
      return matches(parts, p + 1, names, n) || (n < names.size() && matches(parts, p, names, n + 1));
    return n < names.size() && ::fnmatch(parts[p].c_str(), names[n].c_str(), FNM_PERIOD) == 0 &&
           matches(parts, p + 1, names, n + 1);
  }

  void report(const Status& problem, const std::string& where) {
    list_.problems.push_back(where.empty() ? problem : problem.with_context(where));
  }

  void keep(const std::filesystem::path& path, const std::string& person) {
    if (seen_.insert(path.lexically_normal().string()).second) list_.documents.push_back({path, person});
  }

  static constexpr auto kWalkOptions = std::filesystem::directory_options::skip_permission_denied;
  InputList& list_;
  std::set<std::string> seen_;
};

// The index of the header cell that is one of `names` (ASCII letters in any case); -1 when none.
int column_of(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string cell = lower_ascii(trim(header[c]));
    if (std::find(names.begin(), names.end(), cell) != names.end()) return static_cast<int>(c);
  }
  return -1;
}

}  // namespace

Result<InputList> collect_inputs(std::span<const std::string> paths, const std::filesystem::path& manifest) {
  InputList list;
  Collector collector(list);
  for (const std::string& name : paths) collector.add(name, "", "");
  if (manifest.empty()) return list;
  MIXTRACT_ASSIGN_OR_RETURN(const CsvRows rows, read_table_file(manifest));
  const std::string source = manifest.string();
  if (rows.empty()) return Status::invalid_argument(source + ": the manifest is empty; it needs a header row");
  const int path_column = column_of(rows[0], {"文件", "路径", "path", "file"});
  const int person_column = column_of(rows[0], {"人员", "姓名", "person", "name"});
  if (path_column < 0) {
    return Status::invalid_argument(source + ": no path column in the header (" + join(rows[0], ", ") +
                                    "); name it 文件, 路径, path or file");
  }
  const std::filesystem::path folder = manifest.parent_path();
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string>& row = rows[r];
    const std::string where = source + " row " + std::to_string(r + 1);
    const auto cell = [&](int column) {
      const auto c = static_cast<std::size_t>(column);
      return column >= 0 && c < row.size() ? std::string(trim(row[c])) : std::string();
    };
    const std::string name = cell(path_column);
    if (name.empty()) {
      list.problems.push_back(Status::invalid_argument(where + ": no path"));
      continue;
    }
    const std::filesystem::path path(name);
    collector.add(path.is_absolute() ? name : (folder / path).string(), cell(person_column), where);
  }
  return list;
}

}  // namespace mixtract
