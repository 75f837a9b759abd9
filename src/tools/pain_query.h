// `myomap query --pain REGION` and `--at X,Y,Z`: the pain finder on the built-in figure, for
// query.cpp. Checks its argument first (cheap, with suggestions), then loads the atlas and the
// figure and answers as text (one line per muscle, muscle id first) or JSON.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace myomap::app {

struct PainQuestion {
    bool atPoint = false;      // --at (argument x,y,z) rather than --pain (argument a region id)
    std::string argument;
    std::size_t top = 10;      // lines at most
    bool json = false;
    std::filesystem::path atlasDir;      // the content
    std::filesystem::path figure;        // body.glb
    std::filesystem::path landmarksCsv;  // the figure's landmark table
};

struct QueryError {
    int code = 2;  // 1 could not answer, 2 a usage error or unknown id
    std::string message;
    std::vector<std::string> suggestions;
};

// Writes the answer to `out` (notes to `err`); on failure writes nothing to `out` and returns
// the error for the caller to report.
std::optional<QueryError> answerPain(const PainQuestion& question, std::ostream& out, std::ostream& err);

}  // namespace myomap::app
