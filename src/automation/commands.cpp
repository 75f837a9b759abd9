#include "automation/commands.h"

#include "automation/startup.h"

#include <algorithm>
#include <type_traits>

namespace myomap::app {
namespace {

Status located(const ScriptCommand& command, const std::string& message) {
    return fail(command.where + ": " + message);
}

}  // namespace

Status runCommand(const ScriptCommand& command, CommandContext& c) {
    Explorer& explorer = c.explorer;
    ExploreState& state = explorer.state();
    const auto result = std::visit(
        [&](const auto& a) -> Status {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, script::SetView>) {
                // The view turns the camera and fits the whole figure, as in the viewer.
                c.camera.setView(a.view);
                const model::Pose pose = explorer.view().pose(c.clip, c.time);
                c.camera.frame(model::posedBounds(explorer.view().scene(), pose),
                               static_cast<float>(c.width) / static_cast<float>(std::max(c.height, 1)));
            } else if constexpr (std::is_same_v<T, script::Select>) {
                return explorer.select(a.meshId);
            } else if constexpr (std::is_same_v<T, script::Referral>) {
                std::string id = a.triggerPointId;
                if (a.side) id += anatomy::suffix(*a.side);
                // From the command line a referral starts with the scene (--time is how far
                // it has run); in a script, when the command runs.
                return explorer.showReferral(id, command.line == 0 ? 0.0 : c.time);
            } else if constexpr (std::is_same_v<T, script::SetLayer>) {
                LayerSetting& layer = state.layer(a.layer);
                layer.visible = a.visible;
                if (a.opacity) layer.opacity = *a.opacity;
            } else if constexpr (std::is_same_v<T, script::SetSide>) {
                state.side = a.side;
            } else if constexpr (std::is_same_v<T, script::Pose>) {
                auto clip = chooseClip(explorer.view().scene(), a.clip);
                if (!clip) return fail(clip.error());
                c.clip = *clip;
            } else if constexpr (std::is_same_v<T, script::SetTime>) {
                c.time = a.seconds;
            } else if constexpr (std::is_same_v<T, script::Pick>) {
                const std::string picked = c.pick(static_cast<int>(a.x), static_cast<int>(a.y));
                c.out << "picked: " << (picked.empty() ? "nothing" : picked) << "\n";
            } else if constexpr (std::is_same_v<T, script::Screenshot>) {
                return c.screenshot(a.path);
            } else if constexpr (std::is_same_v<T, script::Wait>) {
                c.time += a.seconds;
            } else if constexpr (std::is_same_v<T, script::Size>) {
                c.width = a.width;
                c.height = a.height;
            } else if constexpr (std::is_same_v<T, script::SetHeat>) {
                state.heat = a.mode;
            } else if constexpr (std::is_same_v<T, script::SetPalette>) {
                state.palette = a.palette;
            } else if constexpr (std::is_same_v<T, script::Isolate>) {
                if (state.selected.empty()) return fail("nothing is selected to isolate (select a muscle first)");
                state.isolate = true;
            } else if constexpr (std::is_same_v<T, script::ShowAll>) {
                state.showAll();
            } else if constexpr (std::is_same_v<T, script::SetLook>) {
                state.look = a.look;
            }
            return Ok{};
        },
        command.action);
    if (!result) return located(command, result.error());
    return Ok{};
}

Status runCommands(const std::vector<ScriptCommand>& commands, CommandContext& context) {
    for (const ScriptCommand& command : commands) {
        if (auto s = runCommand(command, context); !s) return s;
    }
    return Ok{};
}

}  // namespace myomap::app
