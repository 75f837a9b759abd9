#include "render/gl/state.h"

#include <cstdint>

#include <epoxy/gl.h>

#include <glm/gtc/type_ptr.hpp>

namespace myomap::gl {

namespace {
std::string text(GLenum name) {
    const auto* s = reinterpret_cast<const char*>(glGetString(name));
    return s ? s : "";
}
}  // namespace

Result<ContextInfo> initialiseContext() {
    const int version = epoxy_gl_version();
    ContextInfo info{text(GL_VENDOR), text(GL_RENDERER), text(GL_VERSION), 0};
    if (version < 33) {
        return fail("OpenGL 3.3 is required but the driver offers " + info.version + " (" + info.renderer +
                    "); install Mesa (apt-get install libgl1-mesa-dri) or update the graphics driver");
    }
    glGetIntegerv(GL_MAX_SAMPLES, &info.maxSamples);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &info.maxTextureSize);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    return info;
}

void finish() { glFinish(); }

void bindWindowFramebuffer() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }
void viewport(int width, int height) { glViewport(0, 0, width, height); }

void clear(const glm::vec4& color) {
    glDepthMask(GL_TRUE);
    glClearColor(color.r, color.g, color.b, color.a);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}

void clearIds() {
    const GLuint zero[4] = {0, 0, 0, 0};
    glDepthMask(GL_TRUE);
    glClearBufferuiv(GL_COLOR, 0, zero);
    glClear(GL_DEPTH_BUFFER_BIT);
}

void depthTest(bool enabled) { enabled ? glEnable(GL_DEPTH_TEST) : glDisable(GL_DEPTH_TEST); }
void depthWrite(bool enabled) { glDepthMask(enabled ? GL_TRUE : GL_FALSE); }

void blend(Blend mode) {
    if (mode == Blend::Off) {
        glDisable(GL_BLEND);
        return;
    }
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

void cull(Cull mode) {
    if (mode == Cull::Off) glDisable(GL_CULL_FACE);
    else {
        glEnable(GL_CULL_FACE);
        glCullFace(GL_BACK);
    }
}

void frontFace(Winding winding) { glFrontFace(winding == Winding::Clockwise ? GL_CW : GL_CCW); }

void depthFunc(DepthFunc func) { glDepthFunc(func == DepthFunc::Greater ? GL_GREATER : GL_LEQUAL); }

void scissor(int x, int y, int width, int height, int targetHeight) {
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, targetHeight - y - height, width, height);
}

void scissorOff() { glDisable(GL_SCISSOR_TEST); }

void drawPoints(const VertexArray& vao, int count) {
    glEnable(GL_PROGRAM_POINT_SIZE);
    glBindVertexArray(vao.name());
    glDrawArrays(GL_POINTS, 0, count);
    glBindVertexArray(0);
}

void defaultAttribute(unsigned location, const glm::vec4& value) { glVertexAttrib4f(location, value.x, value.y, value.z, value.w); }

void defaultIntegerAttribute(unsigned location, const glm::uvec4& value) {
    glVertexAttribI4ui(location, value.x, value.y, value.z, value.w);
}

void drawTriangles(const VertexArray& vao, int indexCount, int firstIndex) {
    glBindVertexArray(vao.name());
    glDrawElements(GL_TRIANGLES, indexCount, GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(static_cast<std::uintptr_t>(firstIndex) * sizeof(std::uint32_t)));
    glBindVertexArray(0);
}

}  // namespace myomap::gl

namespace myomap::gl {
void drawFullscreenTriangle(const VertexArray& emptyVao) {
    glBindVertexArray(emptyVao.name());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
}
}  // namespace myomap::gl
