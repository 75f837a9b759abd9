#include "ui/fonts.h"

#include "core/log.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace myomap::ui {

FontChoice loadUiFont(float scale, int screenHeight, bool largeType) {
    // 17 px reads comfortably on a 1080p screen at arm's length; scale with density and with
    // very tall screens (a 4K kiosk at content scale 1 still needs larger text).
    const float heightFactor = screenHeight > 1200 ? static_cast<float>(screenHeight) / 1080.0f : 1.0f;
    const float size = std::clamp(17.0f * std::max(scale, heightFactor), 13.0f, 48.0f);

    std::vector<std::string> candidates;
    if (const char* env = std::getenv("MYOMAP_FONT"); env && *env) candidates.emplace_back(env);
    candidates.emplace_back("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    candidates.emplace_back("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf");
    candidates.emplace_back("/usr/share/fonts/truetype/freefont/FreeSans.ttf");

    ImGuiIO& io = ImGui::GetIO();
    for (const std::string& path : candidates) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) continue;
        if (io.Fonts->AddFontFromFileTTF(path.c_str(), size)) {
            // Rasterised at its own size rather than scaled up, so the large text stays sharp.
            if (largeType && !io.Fonts->AddFontFromFileTTF(path.c_str(), std::round(size * kLargeTypeScale))) {
                log::warning("font '" + path + "' loaded once but not at the large size; client text stays normal");
            }
            ImGui::GetStyle().ScaleAllSizes(size / 13.0f);
            return {path, size};
        }
        log::warning("font '" + path + "' could not be loaded; trying the next one");
    }
    log::warning("no TTF font found (looked for DejaVu Sans, Liberation Sans, FreeSans; install fonts-dejavu-core "
                 "or set MYOMAP_FONT): using ImGui's small built-in font");
    io.Fonts->AddFontDefault();
    return {};
}

ImFont* largeUiFont() {
    if (!ImGui::GetCurrentContext()) return nullptr;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (atlas->Fonts.Size < 2) return nullptr;
    ImFont* large = atlas->Fonts[1];
    return large->FontSize > atlas->Fonts[0]->FontSize ? large : nullptr;
}

}  // namespace myomap::ui
