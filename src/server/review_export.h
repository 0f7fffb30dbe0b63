// The people's decisions as labelled data for `mixtract tune` and `mixtract eval`: the pages of the
// reviewed documents and a truth table naming them.
#ifndef MIXTRACT_SERVER_REVIEW_EXPORT_H_
#define MIXTRACT_SERVER_REVIEW_EXPORT_H_

#include <cstddef>
#include <filesystem>

#include "mixtract/status.h"
#include "server/review_store.h"

namespace mixtract::server {

// Writes each document with no field pending as `folder`/ID_NAME.jpg and a row of `folder`/truth.csv:
// 文件, 文书类型, then one column per field label of the schemas seen; a field's value is the person's
// decision where there is one, else the engine's (accepted) value. Returns the documents written.
Result<std::size_t> export_reviewed(const ReviewStore& store, const std::filesystem::path& folder);

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_REVIEW_EXPORT_H_
