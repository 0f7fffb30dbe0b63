#include <unistd.h>

#include <xlsxwriter.h>

#include "core/text_encoding.h"
#include "io/table_writers.h"

namespace mixtract {
namespace {

// Rows are streamed to the temporary file (libxlsxwriter's constant-memory mode) and the workbook is
// renamed into place when closed.
class XlsxTableWriter final : public TableWriter {
 public:
  XlsxTableWriter(std::filesystem::path path, std::filesystem::path temp, lxw_workbook* workbook, lxw_worksheet* sheet)
      : path_(std::move(path)), temp_(std::move(temp)), workbook_(workbook), sheet_(sheet) {}

  ~XlsxTableWriter() override {
    if (workbook_ != nullptr) {
      workbook_close(workbook_);
      std::error_code ec;
      std::filesystem::remove(temp_, ec);
    }
  }

  Status write_row(const std::vector<std::string>& cells) override {
    if (workbook_ == nullptr) return Status::internal(path_.string() + ": written after close");
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const lxw_error error =
          worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(c), readable_name(cells[c]).c_str(), nullptr);
      if (error != LXW_NO_ERROR) {
        return Status::io_error(path_.string() + ": row " + std::to_string(row_ + 1) + ": " + lxw_strerror(error));
      }
    }
    ++row_;
    return Status();
  }

  Status start_sheet(const std::string& name, const std::vector<std::string>& header) override {
    if (workbook_ == nullptr) return Status::internal(path_.string() + ": written after close");
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
    if (sheet == nullptr) return Status::invalid_argument(path_.string() + ": cannot add a sheet named " + name);
    sheet_ = sheet;
    row_ = 0;
    return write_row(header);
  }

  Status close() override {
    if (workbook_ == nullptr) return Status::internal(path_.string() + ": closed twice");
    const lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    std::error_code ec;
    if (error != LXW_NO_ERROR) {
      std::filesystem::remove(temp_, ec);
      return Status::io_error(path_.string() + ": cannot write the workbook: " + lxw_strerror(error));
    }
    std::filesystem::rename(temp_, path_, ec);
    if (ec) return Status::io_error(path_.string() + ": cannot move the workbook into place: " + ec.message());
    return Status();
  }

 private:
  std::filesystem::path path_;
  std::filesystem::path temp_;
  lxw_workbook* workbook_;
  lxw_worksheet* sheet_;
  lxw_row_t row_ = 0;
};

}  // namespace

Result<std::unique_ptr<TableWriter>> open_xlsx_table(const std::filesystem::path& path,
                                                     const std::vector<std::string>& header) {
  std::filesystem::path temp = path;
  temp += ".tmp-" + std::to_string(::getpid()) + ".xlsx";
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = nullptr;
  lxw_workbook* workbook = workbook_new_opt(temp.c_str(), &options);
  if (workbook == nullptr) return Status::io_error(path.string() + ": cannot create the workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "文书");
  auto writer = std::make_unique<XlsxTableWriter>(path, temp, workbook, sheet);
  MIXTRACT_RETURN_IF_ERROR(writer->write_row(header));
  return std::unique_ptr<TableWriter>(std::move(writer));
}

}  // namespace mixtract
