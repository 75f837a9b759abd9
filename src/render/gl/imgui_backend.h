// Draws Dear ImGui's output with its OpenGL 3 backend (the backend calls GL, so it lives here).
#pragma once

struct ImDrawData;

namespace myomap::gl {

bool imguiInit();
void imguiNewFrame();
void imguiRender(ImDrawData* data);
void imguiShutdown();

}  // namespace myomap::gl
