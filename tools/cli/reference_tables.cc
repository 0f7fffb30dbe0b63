#include "commands.h"

namespace mixtract::cli {

void add_table_options(CLI::App& sub, TableArgs& args, const ConfigValues& config) {
  add_option(sub, kSchoolsOption, args.schools, config);
  add_option(sub, kMajorsOption, args.majors, config);
}

void add_bert_model_option(CLI::App& sub, TableArgs& args, const ConfigValues& config) {
  add_option(sub, kBertModelOption, args.bert_model, config);
}

void add_routes_option(CLI::App& sub, std::vector<std::string>& files) {
  sub.add_option("--routes", files,
                 "Routes learned by `mixtract tune` (repeatable): they replace the routes of the fields they name");
}

}  // namespace mixtract::cli
