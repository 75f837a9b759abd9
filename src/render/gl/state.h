// The GL context's global state and draw calls, as plain functions.
#pragma once

#include "render/gl/objects.h"

#include <string>

namespace myomap::gl {

struct ContextInfo {
    std::string vendor;
    std::string renderer;
    std::string version;
    int maxSamples = 0;
    int maxTextureSize = 1024;  // the least OpenGL 3.3 allows
};

// Call once after a context is current. Fails if the context is older than OpenGL 3.3.
Result<ContextInfo> initialiseContext();

enum class Blend { Off, Alpha };
enum class DepthFunc { LessEqual, Greater };
enum class Cull { Off, Back };
enum class Winding { CounterClockwise, Clockwise };

void bindWindowFramebuffer();
void viewport(int width, int height);
void clear(const glm::vec4& color);
void clearIds();  // the bound Ids framebuffer to 0 (nothing), depth to 1
void depthTest(bool enabled);
void depthWrite(bool enabled);
void blend(Blend mode);
void cull(Cull mode);
// Which winding faces the viewer (front faces); glTF's default is counter-clockwise.
void frontFace(Winding winding);
void depthFunc(DepthFunc func);
// Limits drawing to a rectangle given with its origin top-left in a target `targetHeight` tall.
void scissor(int x, int y, int width, int height, int targetHeight);
void scissorOff();
// `indexCount` indices from the `firstIndex`th of the vertex array's index buffer.
void drawTriangles(const VertexArray& vao, int indexCount, int firstIndex = 0);
// Point sprites sized by gl_PointSize in the vertex shader.
void drawPoints(const VertexArray& vao, int count);
// Waits until every command issued so far has finished (benchmarks time whole frames with it).
void finish();
// The value a vertex attribute reads where a mesh has no array for it (the context's current
// generic attribute: one value for every vertex, no buffer). Float and integer attributes.
void defaultAttribute(unsigned location, const glm::vec4& value);
void defaultIntegerAttribute(unsigned location, const glm::uvec4& value);

}  // namespace myomap::gl

namespace myomap::gl {
// Draws the 3 vertices of a full-screen triangle generated in the vertex shader.
void drawFullscreenTriangle(const VertexArray& emptyVao);
}  // namespace myomap::gl
