# Finds Myomap's third-party libraries. On Debian 12 every one comes from a package
# (third_party/setup.sh installs them); nothing is downloaded or vendored.
find_package(PkgConfig REQUIRED)
find_package(OpenGL REQUIRED)
find_package(glfw3 3.3 REQUIRED)
find_package(glm REQUIRED)
find_package(assimp REQUIRED)
# meshoptimizer: simplification and vertex-cache ordering of the generated figure's meshes.
find_package(meshoptimizer REQUIRED)
pkg_check_modules(EPOXY REQUIRED IMPORTED_TARGET epoxy)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
pkg_check_modules(PNG REQUIRED IMPORTED_TARGET libpng)
# The client handout (src/handout): cairo's PDF and image surfaces, text set by pango.
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf cairo-png)

# tinygltf: Debian ships it as a shared library with a CMake package; elsewhere it is the
# single header, compiled once in src/model/tinygltf_impl.cpp.
find_package(TinyGLTF QUIET)
if(TARGET TinyGLTF::TinyGLTF)
  add_library(myomap_tinygltf INTERFACE)
  target_link_libraries(myomap_tinygltf INTERFACE TinyGLTF::TinyGLTF)
else()
  find_path(TINYGLTF_INCLUDE_DIR tiny_gltf.h REQUIRED)
  find_path(NLOHMANN_INCLUDE_DIR nlohmann/json.hpp REQUIRED)
  add_library(myomap_tinygltf STATIC ${CMAKE_CURRENT_LIST_DIR}/tinygltf_impl.cpp)
  target_include_directories(myomap_tinygltf SYSTEM PUBLIC ${TINYGLTF_INCLUDE_DIR}
    ${NLOHMANN_INCLUDE_DIR} ${STB_INCLUDE_DIRS})
endif()

# Dear ImGui: Debian ships the core as a static library; the GLFW and OpenGL 3 backends come
# as sources under the documentation folder, so we compile them here.
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
find_path(IMGUI_BACKENDS_DIR imgui_impl_glfw.cpp
  PATHS /usr/share/doc/libimgui-dev/examples/backends
  DOC "Folder with imgui_impl_glfw.cpp and imgui_impl_opengl3.cpp" REQUIRED)

add_library(myomap_imgui INTERFACE)
target_link_libraries(myomap_imgui INTERFACE PkgConfig::IMGUI PkgConfig::STB)
find_path(IMGUI_BACKEND_HEADERS imgui_impl_glfw.h PATH_SUFFIXES imgui/backends REQUIRED)
target_include_directories(myomap_imgui SYSTEM INTERFACE ${IMGUI_BACKEND_HEADERS}/.. ${IMGUI_BACKEND_HEADERS})

# The platform backend (window, input): used by src/app.
add_library(myomap_imgui_glfw STATIC ${IMGUI_BACKENDS_DIR}/imgui_impl_glfw.cpp)
target_link_libraries(myomap_imgui_glfw PUBLIC myomap_imgui glfw)

# The renderer backend calls OpenGL, so only src/render/gl links it. It loads GL through
# libepoxy like the rest of Myomap instead of its own embedded loader.
add_library(myomap_imgui_gl3 STATIC ${IMGUI_BACKENDS_DIR}/imgui_impl_opengl3.cpp)
target_compile_definitions(myomap_imgui_gl3 PRIVATE IMGUI_IMPL_OPENGL_LOADER_CUSTOM)
target_compile_options(myomap_imgui_gl3 PRIVATE -include epoxy/gl.h)
target_link_libraries(myomap_imgui_gl3 PUBLIC myomap_imgui PkgConfig::EPOXY)

find_package(doctest QUIET)
