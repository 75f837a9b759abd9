// `myomap handout`: the client handout from the command line, rendered offscreen on the
// built-in figure (modes/therapist/handout_maker.h builds it).
#pragma once

#include <string>
#include <vector>

namespace myomap::app {

// myomap handout --muscles ID,ID | --session FILE  --out FILE.pdf|.png [--clinic NAME]
int runHandoutCommand(const std::vector<std::string>& args);

}  // namespace myomap::app
