// `myomap query ...`: answers questions about the atlas content as text for a person or as
// JSON (--json), with no window. Exit codes: 0 answered, 1 could not answer (content problems
// found by --problems, the figure missing), 2 a usage error or an unknown id.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace myomap::app {

// `args` are the words after "query". Answers go to stdout, messages to stderr.
int runQuery(const std::vector<std::string>& args);
int runQuery(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

std::string queryHelpText();

}  // namespace myomap::app
