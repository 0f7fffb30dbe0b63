// The documents of a batch, from what a user names: files, folders, glob patterns and manifests.
#ifndef MIXTRACT_INPUTS_H_
#define MIXTRACT_INPUTS_H_

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "mixtract/batch.h"
#include "mixtract/status.h"

namespace mixtract {

struct InputList {
  std::vector<BatchDocument> documents;  // Each path once, the first naming kept.
  std::vector<Status> problems;          // What names nothing, or cannot be listed or opened.
};

// The documents named by `paths`, in the order given, then those `manifest` lists (when not empty):
// - a file is taken as given, whatever its extension, except that a PDF gives each of its pages;
// - a folder gives the documents under it, searched recursively: images (.jpg .jpeg .png .tif .tiff
//   .bmp .webp) and PDFs, any case, in byte order of their paths;
// - a pattern with * ? or [...] (one that names no file as written) gives the documents that match, in
//   byte order: * and ? within one folder name, ** for any number of folders (scans/**/*.jpg);
// - a manifest is a CSV or XLSX table whose header names a path column (文件, 路径, path or file) and
//   optionally a person column (人员, 姓名, person or name); each row's path is taken as above, relative
//   to the manifest's folder, and its documents get the row's person.
// A name that matches nothing, and a manifest row without a path, are problems, listed; the rest go on.
// A manifest that cannot be read or has no path column is an error.
Result<InputList> collect_inputs(std::span<const std::string> paths, const std::filesystem::path& manifest = {});

}  // namespace mixtract

#endif  // MIXTRACT_INPUTS_H_
