#include "render/gl/imgui_backend.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace myomap::gl {

bool imguiInit() { return ImGui_ImplOpenGL3_Init("#version 330 core"); }
void imguiNewFrame() { ImGui_ImplOpenGL3_NewFrame(); }
void imguiRender(ImDrawData* data) { ImGui_ImplOpenGL3_RenderDrawData(data); }
void imguiShutdown() { ImGui_ImplOpenGL3_Shutdown(); }

}  // namespace myomap::gl
