// `myomap figure-metrics`: how well the built-in figure reads as a body, measured the way the
// figure's issue states its targets (docs/FIGURE.md): from the front, the back and the left at
// 600x1000, what shows inside the skin's silhouette with the skin off (muscle, bone or the
// background through a gap) and with the skin opaque (anything but skin), plus the triangle
// count. One id pass per picture (Renderer::pickImage); prints a table, or JSON with --json.
#pragma once

#include <string>
#include <vector>

namespace myomap::app {

int runFigureMetrics(const std::vector<std::string>& args);

}  // namespace myomap::app
