// Where Myomap finds its files: shaders and assets next to the build or the installed binary,
// and the user's data folder (XDG).
#pragma once

#include <filesystem>

namespace myomap::paths {

// The folder holding assets/ (atlas content, body tables). Honours MYOMAP_ASSETS, then the
// source tree the binary was built from, then a folder beside the executable.
std::filesystem::path assetsDir();

// The built-in figure generated at build time (body.glb). Honours MYOMAP_FIGURE, then the
// build tree the binary belongs to, then a file beside the executable.
std::filesystem::path builtInFigure();

// $XDG_DATA_HOME/myomap or ~/.local/share/myomap (not created here).
std::filesystem::path userDataDir();

// The folder of the running executable.
std::filesystem::path executableDir();

}  // namespace myomap::paths
