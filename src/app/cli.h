// The command line: parsed into the plain Options struct (unit-tested without a window).
#pragma once

#include "automation/options.h"
#include "core/result.h"

#include <string>
#include <vector>

namespace myomap::app {

Result<Options> parseOptions(const std::vector<std::string>& args);
std::string helpText();

}  // namespace myomap::app
