#include "viewer/viewer_input.h"

namespace myomap::app {

void shortcutCommands(const ShortcutKeys& keys, bool ctrl, std::vector<ui::Command>& commands) {
    using ui::CommandType;
    if (keys.quit) commands.push_back({CommandType::Quit, {}, {}});
    if (ctrl) return;  // Ctrl+letter is not a view change
    if (keys.anterior) commands.push_back({CommandType::SetView, {}, View::Anterior});
    if (keys.posterior) commands.push_back({CommandType::SetView, {}, View::Posterior});
    if (keys.left) commands.push_back({CommandType::SetView, {}, View::Left});
    if (keys.right) commands.push_back({CommandType::SetView, {}, View::Right});
    if (keys.frame) commands.push_back({CommandType::FrameAll, {}, {}});
    if (keys.reset) commands.push_back({CommandType::ResetCamera, {}, {}});
    if (keys.screenshot) commands.push_back({CommandType::SaveScreenshot, {}, {}});
}

}  // namespace myomap::app
