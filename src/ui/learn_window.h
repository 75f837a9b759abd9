// The Learn window: the atlas's general pages (what trigger points are, aftercare, red flags,
// ...) listed by title, the chosen page's sections at the reading level, its tables and its
// sources. No GL, no file access, no window calls.
#pragma once

#include "anatomy/atlas.h"
#include "ui/panel_common.h"

#include <string>

namespace myomap::ui {

struct LearnState {
    bool open = false;
    std::string pageId;  // "" or unknown: the first page
    ReadingLevel level = ReadingLevel::Client;
};

void drawLearnWindow(const anatomy::Atlas& atlas, LearnState& state);

}  // namespace myomap::ui
