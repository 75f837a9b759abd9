#include "core/paths.h"

#include <cstdlib>

#ifndef MYOMAP_BUILT_IN_FIGURE
#define MYOMAP_BUILT_IN_FIGURE ""
#endif
#ifndef MYOMAP_SOURCE_DIR
#define MYOMAP_SOURCE_DIR ""
#endif

namespace myomap::paths {
namespace fs = std::filesystem;

fs::path executableDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path(ec) : exe.parent_path();
}

fs::path assetsDir() {
    if (const char* env = std::getenv("MYOMAP_ASSETS"); env && *env) return env;
    std::error_code ec;
    const fs::path beside = executableDir() / "assets";
    if (fs::is_directory(beside, ec)) return beside;
    const fs::path source = fs::path(MYOMAP_SOURCE_DIR) / "assets";
    if (!std::string(MYOMAP_SOURCE_DIR).empty() && fs::is_directory(source, ec)) return source;
    return beside;
}

fs::path builtInFigure() {
    if (const char* env = std::getenv("MYOMAP_FIGURE"); env && *env) return env;
    std::error_code ec;
    const fs::path beside = executableDir() / "assets" / "body.glb";
    if (fs::is_regular_file(beside, ec)) return beside;
    return std::string(MYOMAP_BUILT_IN_FIGURE).empty() ? beside : fs::path(MYOMAP_BUILT_IN_FIGURE);
}

fs::path userDataDir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && fs::path(xdg).is_absolute()) {
        return fs::path(xdg) / "myomap";
    }
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / ".local" / "share" / "myomap";
}

}  // namespace myomap::paths
